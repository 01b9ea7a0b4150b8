// Domestic / International: two pressed-or-not buttons in a labelled group.
import { REGIONS } from '../../../../shared/domain';
import { useT } from '../../i18n';
import { useFilters, useStoreApis } from '../../stores/StoresContext';

export function RegionSwitch() {
  const t = useT();
  const region = useFilters((s) => s.region);
  const { filters } = useStoreApis();
  return (
    <div className="region-switch" role="group" aria-label={t('region.label')}>
      {REGIONS.map((r) => (
        <button
          key={r}
          type="button"
          className="segment"
          aria-pressed={r === region}
          onClick={() => filters.getState().set({ region: r })}
        >
          {t(`region.${r}`)}
        </button>
      ))}
    </div>
  );
}
