// Turns a grid query into SQL: filters, keyset cursor and the per-tab and per-status counts.
// Counts come from trigger-kept counters when the filters allow, so they never scan a million rows.
/* eslint-disable @typescript-eslint/no-unused-expressions -- `if (x) (push, push)` builds each WHERE clause */
import type { ShipmentListQuery, StatusCounts, TabCounts } from '../../../shared/contract';
import { ShipdeskError } from '../../../shared/errors';
import { SHIPMENT_STATUSES, TAB_OF_STATUS, TABS, type ShipmentStatus } from '../../../shared/domain';
import { normalizeInvoiceNumber } from '../domain/invoiceNumber';
import { normalizeShipmentNo } from '../../../shared/shipmentNo';
import { dayStartMs, nextDay } from '../domain/time';
import type { ServiceContext } from './context';

export interface Where {
  sql: string[];
  params: unknown[];
}

export interface FacetIds {
  warehouses?: number[];
  policies?: number[];
  options?: number[];
}

/** Every string that starts with `prefix` sorts in [prefix, upperBound(prefix)) under binary collation. */
function upperBound(prefix: string): string {
  return prefix + '\u{10FFFF}';
}

export function searchValue(q: NonNullable<ShipmentListQuery['search']>): string {
  const raw = q.text.trim();
  return q.field === 'shipmentNo'
    ? normalizeShipmentNo(raw)
    : q.field === 'invoiceNo'
      ? normalizeInvoiceNumber(raw)
      : raw.normalize('NFKC').replace(/[\u0000-\u001f\u007f]/g, '');
}

/**
 * The search as SQL. `driving`: the search index leads (few matches). Otherwise the grid index leads
 * and each candidate row is checked by a lookup, which is what a short prefix matching most rows needs.
 */
function searchClause(q: NonNullable<ShipmentListQuery['search']>, where: Where, driving: boolean): void {
  const value = searchValue(q);
  const match = (column: string) => {
    if (q.mode === 'prefix') {
      where.params.push(value, upperBound(value));
      return `${column} >= ? AND ${column} < ?`;
    }
    where.params.push(value);
    return `${column} = ?`;
  };
  switch (q.field) {
    case 'shipmentNo':
      // Never "+"-ed: with region and tab also constrained, shipments_grid_no serves both ways.
      where.sql.push(match('s.shipment_no'));
      break;
    case 'orderNo':
      where.sql.push(
        driving
          ? `s.order_id IN (SELECT id FROM orders WHERE ${match('order_no')})`
          : `EXISTS (SELECT 1 FROM orders o2 WHERE o2.id = s.order_id AND ${match('o2.order_no')})`,
      );
      break;
    case 'invoiceNo':
      where.sql.push(
        driving
          ? `s.id IN (SELECT shipment_id FROM invoices WHERE active = 1 AND ${match('invoice_no')})`
          : `EXISTS (SELECT 1 FROM invoices i2 WHERE i2.id = s.invoice_id AND ${match('i2.invoice_no')})`,
      );
      break;
    case 'productId':
      where.sql.push(
        driving
          ? `s.id IN (SELECT shipment_id FROM order_items WHERE ${match('product_id')})`
          : `EXISTS (SELECT 1 FROM order_items oi2 WHERE oi2.shipment_id = s.id AND ${match('oi2.product_id')})`,
      );
      break;
  }
}

/** Above this many matches a search no longer leads the query, and counts stop at COUNT_CAP. */
export const SELECTIVE_LIMIT = 20_000;
export const COUNT_CAP = 10_000;

/** Is the search narrow enough to lead? Counts its matches, stopping at SELECTIVE_LIMIT. */
export function isSelective(ctx: ServiceContext, q: ShipmentListQuery): boolean {
  if (!q.search) return false;
  // An exact shipment, order or invoice number names a handful of rows; a product id may name thousands.
  if (q.search.mode === 'exact' && q.search.field !== 'productId') return true;
  const value = searchValue(q.search);
  const exact = q.search.mode === 'exact';
  const [table, column, extra] =
    q.search.field === 'shipmentNo'
      ? ['shipments', 'shipment_no', '']
      : q.search.field === 'orderNo'
        ? ['orders', 'order_no', '']
        : q.search.field === 'invoiceNo'
          ? ['invoices', 'invoice_no', 'active = 1 AND ']
          : ['order_items', 'product_id', ''];
  const row = ctx
    .prepare(
      exact
        ? `SELECT count(*) AS n FROM (SELECT 1 FROM ${table} WHERE ${extra}${column} = ? LIMIT ${SELECTIVE_LIMIT})`
        : `SELECT count(*) AS n FROM (SELECT 1 FROM ${table} WHERE ${extra}${column} >= ? AND ${column} < ? LIMIT ${SELECTIVE_LIMIT})`,
    )
    .get(...(exact ? [value] : [value, upperBound(value)])) as { n: number };
  return row.n < SELECTIVE_LIMIT;
}

function inList(column: string, ids: number[] | undefined, where: Where): void {
  if (!ids) return;
  // An empty selection of known codes matches nothing, as the operator would expect.
  where.sql.push(ids.length ? `${column} IN (${ids.map(() => '?').join(',')})` : '0');
  where.params.push(...ids);
}

/**
 * The filters shared by the rows and the counts (everything but the tab). With a selective search
 * the grid columns get a unary "+", so SQLite drives the query from the search index.
 */
export function baseWhere(q: ShipmentListQuery, facets: FacetIds, timeZone: string, selective: boolean): Where {
  const where: Where = { sql: [], params: [] };
  const col = (name: string) => (selective ? `+s.${name}` : `s.${name}`);
  if (q.region) {
    where.sql.push(`${col('region')} = ?`);
    where.params.push(q.region);
  }
  if (q.claim !== 'all') {
    where.sql.push(`s.claim = ?`);
    where.params.push(q.claim);
  }
  if (q.orderDate?.from) {
    where.sql.push(`${col('ordered_at')} >= ?`);
    where.params.push(dayStartMs(q.orderDate.from, timeZone));
  }
  if (q.orderDate?.to) {
    where.sql.push(`${col('ordered_at')} < ?`);
    where.params.push(dayStartMs(nextDay(q.orderDate.to), timeZone));
  }
  if (q.orderDate?.from && q.orderDate.to && q.orderDate.from > q.orderDate.to) {
    throw new ShipdeskError('INVALID_INPUT', 'The order-date range ends before it starts.');
  }
  inList('s.warehouse_id', facets.warehouses, where);
  inList('s.policy_id', facets.policies, where);
  inList('s.option_id', facets.options, where);
  if (q.search) searchClause(q.search, where, selective);
  return where;
}

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
}

interface StatusRow {
  status: ShipmentStatus;
  n: number;
}

/** Folds per-status rows into both views, so a tab's count is always the sum of its statuses. */
function tally(rows: readonly StatusRow[], capped = false): Counted {
  const statusCounts = emptyStatusCounts();
  for (const r of rows) statusCounts[r.status] += r.n;
  const counts = emptyCounts();
  for (const status of SHIPMENT_STATUSES) counts[TAB_OF_STATUS[status]] += statusCounts[status];
  return { counts, statusCounts, capped };
}

/**
 * `rows` counted a sample of at most COUNT_CAP + 1 matches. Past the cap one row comes off the
 * largest status, so the counts add up to COUNT_CAP and each stays a lower bound.
 */
function tallyCapped(rows: readonly StatusRow[]): Counted {
  const total = rows.reduce((sum, r) => sum + r.n, 0);
  if (total <= COUNT_CAP) return tally(rows);
  const largest = rows.reduce((a, b) => (b.n > a.n ? b : a));
  return tally(
    rows.map((r) => (r === largest ? { ...r, n: r.n - (total - COUNT_CAP) } : r)),
    true,
  );
}

function merge(parts: readonly Counted[]): Counted {
  const out = tally([]);
  for (const p of parts) {
    for (const status of SHIPMENT_STATUSES) out.statusCounts[status] += p.statusCounts[status];
    for (const tab of TABS) out.counts[tab] += p.counts[tab];
    out.capped ||= p.capped;
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
  if (!q.search && !q.orderDate?.from && !q.orderDate?.to) {
    const where: Where = { sql: [], params: [] };
    if (q.region) (where.sql.push('region = ?'), where.params.push(q.region));
    if (q.claim !== 'all') (where.sql.push('claim = ?'), where.params.push(q.claim));
    inList('warehouse_id', facets.warehouses, where);
    inList('policy_id', facets.policies, where);
    inList('option_id', facets.options, where);
    const sql = `SELECT status, sum(n) AS n FROM count_by_facet ${where.sql.length ? 'WHERE ' + where.sql.join(' AND ') : ''} GROUP BY status`;
    return tally(ctx.prepare(sql).all(...where.params) as StatusRow[]);
  }
  if (!q.search && !hasFacets) {
    const where: Where = { sql: [], params: [] };
    if (q.orderDate?.from) (where.sql.push('order_day >= ?'), where.params.push(q.orderDate.from));
    if (q.orderDate?.to) (where.sql.push('order_day <= ?'), where.params.push(q.orderDate.to));
    if (q.region) (where.sql.push('region = ?'), where.params.push(q.region));
    if (q.claim !== 'all') (where.sql.push('claim = ?'), where.params.push(q.claim));
    const sql = `SELECT status, sum(n) AS n FROM count_by_day WHERE ${where.sql.join(' AND ')} GROUP BY status`;
    return tally(ctx.prepare(sql).all(...where.params) as StatusRow[]);
  }
  const where = baseWhere(q, facets, timeZone, selective);
  const filter = where.sql.length ? 'WHERE ' + where.sql.join(' AND ') : '';
  if (q.search && !selective && q.search.field === 'shipmentNo' && q.region) {
    // A broad shipment-number prefix: per tab an index range on (region, tab, shipment_no), capped.
    const sql = `SELECT status, count(*) AS n FROM (SELECT s.status AS status FROM shipments s INDEXED BY shipments_grid_no
      ${filter} AND s.tab = ? LIMIT ${COUNT_CAP + 1}) GROUP BY status`;
    return merge(TABS.map((tab) => tallyCapped(ctx.prepare(sql).all(...where.params, tab) as StatusRow[])));
  }
  if (q.search && !selective) {
    // Other broad searches: the first COUNT_CAP matches, found through the search index, are counted.
    const driving = baseWhere(q, facets, timeZone, true);
    const sql = `SELECT status, count(*) AS n FROM (SELECT s.status AS status FROM shipments s WHERE ${driving.sql.join(' AND ')} LIMIT ${COUNT_CAP + 1}) GROUP BY status`;
    return tallyCapped(ctx.prepare(sql).all(...driving.params) as StatusRow[]);
  }
  const sql = `SELECT s.status AS status, count(*) AS n FROM shipments s ${filter} GROUP BY s.status`;
  return tally(ctx.prepare(sql).all(...where.params) as StatusRow[]);
}

// Keyset cursors: the last row's sort value and id, so page N costs what page 1 costs.
type CursorValue = [number | string, number];

export function encodeCursor(value: CursorValue): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor(cursor: string, key: 'orderDate' | 'shipmentNo'): CursorValue {
  const fail = () =>
    new ShipdeskError('INVALID_INPUT', 'The page cursor is not valid for this list; reload the list and try again.');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw fail();
  }
  if (!Array.isArray(value) || value.length !== 2 || !Number.isInteger(value[1])) throw fail();
  const [first, id] = value as [unknown, number];
  if (key === 'orderDate' && !Number.isFinite(first)) throw fail();
  if (key === 'shipmentNo' && typeof first !== 'string') throw fail();
  return [first as number | string, id];
}
