// The statuses inside the chosen tab, always counted: Preparing to Release splits into awaiting an
// invoice (the number a packing station lives by), registered (queued for release) and released;
// In delivery into processed and shipping. The counts are the core's (per-status counters), for
// every filter but the tab, so they do not depend on which rows happen to be loaded.
import { statusesOfTab } from '../../../../shared/domain';
import { StatusIcon } from '../../components/StatusLabel';
import { useLanguage, useT } from '../../i18n';
import { useFilters, useGrid } from '../../stores/StoresContext';
import { countText } from './countText';

export function SubStatuses() {
  const t = useT();
  const language = useLanguage((l) => l.language);
  const tab = useFilters((s) => s.tab);
  const counts = useGrid((s) => s.statusCounts);
  const capped = useGrid((s) => s.cappedTabs.includes(tab));
  // A tab of one status has nothing to break down.
  const statuses = statusesOfTab(tab);
  if (statuses.length < 2) return null;
  return (
    <ul className="sub-statuses" aria-label={t('tabs.breakdown')}>
      {statuses.map((s) => (
        <li key={s} className={`sub-status status-${s.toLowerCase()}`} data-testid={`sub-${s}`}>
          <StatusIcon status={s} />
          <span>{s === 'PREPARING_TO_SHIP' ? t('tabs.queued') : t(`status.${s}`)}</span>
          <span className="sub-status-count">{counts ? countText(counts[s], language, capped) : '–'}</span>
        </li>
      ))}
    </ul>
  );
}
