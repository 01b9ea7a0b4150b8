// What the grid's counts must be, counted by plain SQL: per status for a WHERE clause, folded into tabs.
import type { Db } from '../../main/core/db/open';
import type { StatusCounts, TabCounts } from '../../shared/api/contract';
import { SHIPMENT_STATUSES, TAB_OF_STATUS, type ShipmentStatus } from '../../shared/domain';

export interface ExpectedCounts {
  counts: TabCounts;
  statusCounts: StatusCounts;
}

/** `where` filters `shipments s` (joins to `orders o` allowed). */
export function countsBySql(db: Db, where = '1', ...params: unknown[]): ExpectedCounts {
  const rows = db
    .prepare(
      `SELECT s.status AS status, count(*) AS n FROM shipments s JOIN orders o ON o.id = s.order_id WHERE ${where} GROUP BY s.status`,
    )
    .all(...params) as { status: ShipmentStatus; n: number }[];
  const statusCounts = Object.fromEntries(SHIPMENT_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const r of rows) statusCounts[r.status] = r.n;
  const counts: TabCounts = { preparing: 0, inDelivery: 0, failed: 0, delivered: 0 };
  for (const s of SHIPMENT_STATUSES) counts[TAB_OF_STATUS[s]] += statusCounts[s];
  return { counts, statusCounts };
}
