// The statuses inside the chosen tab: Preparing to Release splits into awaiting an invoice,
// registered (queued for release) and released; In delivery into processed and shipping.
// Counts come from the core when it sends them, else from the rows when all of them are loaded.
import { statusesOfTab, type ShipmentStatus } from '../../../../shared/domain';
import { StatusIcon } from '../../components/StatusLabel';
import { useLanguage, useT } from '../../i18n';
import { localeOf } from '../../i18n/format';
import type { StatusCounts } from '../../stores/gridStore';
import { useFilters, useGrid } from '../../stores/StoresContext';

function countsFromRows(rows: readonly { status: ShipmentStatus }[]): StatusCounts {
  const out: StatusCounts = {};
  for (const r of rows) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

export function SubStatuses() {
  const t = useT();
  const language = useLanguage((l) => l.language);
  const tab = useFilters((s) => s.tab);
  const fromCore = useGrid((s) => s.statusCounts);
  const allLoaded = useGrid((s) => s.phase === 'ready' && s.rows.length === s.total);
  const rows = useGrid((s) => s.rows);
  // A tab of one status has nothing to break down.
  const statuses = statusesOfTab(tab);
  if (statuses.length < 2) return null;
  const counts = fromCore ?? (allLoaded ? countsFromRows(rows) : null);
  return (
    <ul className="sub-statuses" aria-label={t('tabs.breakdown')}>
      {statuses.map((s) => (
        <li key={s} className={`sub-status status-${s.toLowerCase()}`} data-testid={`sub-${s}`}>
          <StatusIcon status={s} />
          <span>{s === 'PREPARING_TO_SHIP' ? t('tabs.queued') : t(`status.${s}`)}</span>
          {counts && <span className="sub-status-count">{(counts[s] ?? 0).toLocaleString(localeOf(language))}</span>}
        </li>
      ))}
    </ul>
  );
}
