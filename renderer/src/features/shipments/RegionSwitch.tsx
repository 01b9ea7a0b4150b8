// Domestic / International: two pressed-or-not buttons in a labelled group.
import { REGIONS } from '../../../../shared/domain';
import { useT } from '../../i18n';
import { useShipments } from '../../stores/ShipmentsContext';

export function RegionSwitch() {
  const t = useT();
  const region = useShipments((s) => s.region);
  const selectRegion = useShipments((s) => s.selectRegion);
  return (
    <div className="region-switch" role="group" aria-label={t('region.label')}>
      {REGIONS.map((r) => (
        <button key={r} type="button" className="segment" aria-pressed={r === region} onClick={() => selectRegion(r)}>
          {t(`region.${r}`)}
        </button>
      ))}
    </div>
  );
}
