// The header says who is working: the name history records for what is registered here.
import { useT } from '../../i18n';
import { useStationSettings } from '../../stores/stationSettings';

export function OperatorBadge() {
  const t = useT();
  const operator = useStationSettings((s) => s.settings?.operator);
  if (!operator) return null;
  const computer = operator.from === 'computer';
  return (
    <span className={`operator-badge${computer ? ' operator-badge-unnamed' : ''}`} data-testid="operator">
      {t(computer ? 'settings.operator.badgeComputer' : 'settings.operator.badge', { name: operator.name })}
      {computer && <span className="visually-hidden"> {t('settings.operator.badgeHint')}</span>}
    </span>
  );
}
