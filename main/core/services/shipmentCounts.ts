// The grid's counts per tab and per status, for every filter but the tab. They come from the
// trigger-kept counters when the filters allow, so they never scan a million rows; otherwise from
// the matching rows, and a broad search is counted up to COUNT_CAP only.
import type { ShipmentListQuery, StatusCounts, TabCounts } from '../../../shared/api/contract';
import { SHIPMENT_STATUSES, TAB_OF_STATUS, TABS, type Tab } from '../../../shared/domain';
import { z } from 'zod';
import { rowReader, type RowOf } from '../db/rows';
import type { ServiceContext } from './context';
import { baseWhere, COUNT_CAP, inList, type FacetIds, type Where, addCondition } from './shipmentQuery';

export function emptyCounts(): TabCounts {
  return { preparing: 0, inDelivery: 0, failed: 0, delivered: 0 };
}

export function emptyStatusCounts(): StatusCounts {
  return Object.fromEntries(SHIPMENT_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

/** Rows per tab and per status for every filter but the tab; lower bounds when `capped`. */
export interface Counted {
  counts: TabCounts;
  statusCounts: StatusCounts;
  capped: boolean;
  /** The tabs whose counts (and their statuses' counts) are lower bounds: the screen's "+" goes on these only. */
  cappedTabs: Tab[];
}

/** `SELECT status, count(*) AS n ... GROUP BY status`: every count of the grid, by status. */
export const statusCount = rowReader('count by status', z.object({ status: z.enum(SHIPMENT_STATUSES), n: z.number() }));
export type StatusRow = RowOf<typeof statusCount>;

/** Folds per-status rows into both views, so a tab's count is always the sum of its statuses. */
export function tally(rows: readonly StatusRow[], cappedTabs: readonly Tab[] = []): Counted {
  const statusCounts = emptyStatusCounts();
  for (const r of rows) statusCounts[r.status] += r.n;
  const counts = emptyCounts();
  for (const status of SHIPMENT_STATUSES) counts[TAB_OF_STATUS[status]] += statusCounts[status];
  return { counts, statusCounts, capped: cappedTabs.length > 0, cappedTabs: [...cappedTabs] };
}

/**
 * `rows` counted a sample of at most COUNT_CAP + 1 matches. Past the cap one row comes off the
 * largest status, so the counts add up to COUNT_CAP and each stays a lower bound.
 */
export function tallyCapped(rows: readonly StatusRow[], sampled: readonly Tab[] = TABS): Counted {
  const total = rows.reduce((sum, r) => sum + r.n, 0);
  if (total <= COUNT_CAP) return tally(rows);
  const largest = rows.reduce((a, b) => (b.n > a.n ? b : a));
  return tally(
    rows.map((r) => (r === largest ? { ...r, n: r.n - (total - COUNT_CAP) } : r)),
    sampled,
  );
}

function merge(parts: readonly Counted[]): Counted {
  const out = tally([]);
  for (const p of parts) {
    for (const status of SHIPMENT_STATUSES) out.statusCounts[status] += p.statusCounts[status];
    for (const tab of TABS) out.counts[tab] += p.counts[tab];
    out.capped ||= p.capped;
    out.cappedTabs.push(...p.cappedTabs);
  }
  return out;
}

/**
 * Per-tab and per-status counts for every filter but the tab: from the counters when possible, else
 * counted. A broad search is counted up to COUNT_CAP rows only (`capped`): the screen shows "10,000+".
 */
export function countRows(
  ctx: ServiceContext,
  q: ShipmentListQuery,
  facets: FacetIds,
  timeZone: string,
  selective: boolean,
): Counted {
  const hasFacets = Boolean(facets.warehouses || facets.policies || facets.options);
  // The counters know nothing of tracking: "not moving" is counted over the rows (few by nature).
  const counters = !q.notMoving;
  if (counters && !q.search && !q.orderDate?.from && !q.orderDate?.to) {
    const where: Where = { sql: [], params: [] };
    if (q.region) addCondition(where, 'region = ?', q.region);
    if (q.claim !== 'all') addCondition(where, 'claim = ?', q.claim);
    inList('warehouse_id', facets.warehouses, where);
    inList('policy_id', facets.policies, where);
    inList('option_id', facets.options, where);
    const sql = `SELECT status, sum(n) AS n FROM count_by_facet ${where.sql.length ? 'WHERE ' + where.sql.join(' AND ') : ''} GROUP BY status`;
    return tally(statusCount.all(ctx.prepare(sql).all(...where.params)));
  }
  if (counters && !q.search && !hasFacets) {
    const where: Where = { sql: [], params: [] };
    if (q.orderDate?.from) addCondition(where, 'order_day >= ?', q.orderDate.from);
    if (q.orderDate?.to) addCondition(where, 'order_day <= ?', q.orderDate.to);
    if (q.region) addCondition(where, 'region = ?', q.region);
    if (q.claim !== 'all') addCondition(where, 'claim = ?', q.claim);
    const sql = `SELECT status, sum(n) AS n FROM count_by_day WHERE ${where.sql.join(' AND ')} GROUP BY status`;
    return tally(statusCount.all(ctx.prepare(sql).all(...where.params)));
  }
  const where = baseWhere(q, facets, timeZone, selective);
  const filter = where.sql.length ? 'WHERE ' + where.sql.join(' AND ') : '';
  if (q.search && !selective && q.search.field === 'shipmentNo' && q.region) {
    // A broad shipment-number prefix: per tab an index range on (region, tab, shipment_no), capped.
    const sql = `SELECT status, count(*) AS n FROM (SELECT s.status AS status FROM shipments s INDEXED BY shipments_grid_no
      ${filter} AND s.tab = ? LIMIT ${COUNT_CAP + 1}) GROUP BY status`;
    return merge(TABS.map((tab) => tallyCapped(statusCount.all(ctx.prepare(sql).all(...where.params, tab)), [tab])));
  }
  if (q.search && !selective) {
    // Other broad searches: the first COUNT_CAP matches, found through the search index, are counted.
    const driving = baseWhere(q, facets, timeZone, true);
    const sql = `SELECT status, count(*) AS n FROM (SELECT s.status AS status FROM shipments s WHERE ${driving.sql.join(' AND ')} LIMIT ${COUNT_CAP + 1}) GROUP BY status`;
    return tallyCapped(statusCount.all(ctx.prepare(sql).all(...driving.params)));
  }
  const sql = `SELECT s.status AS status, count(*) AS n FROM shipments s ${filter} GROUP BY s.status`;
  return tally(statusCount.all(ctx.prepare(sql).all(...where.params)));
}
