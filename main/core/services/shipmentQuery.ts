// Turns a grid query into SQL: filters, keyset cursor and the per-tab counts.
// Counts come from trigger-kept counters when the filters allow, so they never scan a million rows.
import type { ShipmentListQuery, TabCounts } from '../../../shared/contract';
import { ShipdeskError } from '../../../shared/errors';
import type { Tab } from '../../../shared/domain';
import { normalizeInvoiceNumber } from '../domain/invoiceNumber';
import { normalizeShipmentNo } from '../domain/shipmentNo';
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

function searchClause(q: NonNullable<ShipmentListQuery['search']>, where: Where): void {
  const raw = q.text.trim();
  const value =
    q.field === 'shipmentNo' ? normalizeShipmentNo(raw)
    : q.field === 'invoiceNo' ? normalizeInvoiceNumber(raw)
    : raw.normalize('NFKC').replace(/[\u0000-\u001f\u007f]/g, '');
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
      where.sql.push(match('s.shipment_no'));
      break;
    case 'orderNo':
      where.sql.push(`s.order_id IN (SELECT id FROM orders WHERE ${match('order_no')})`);
      break;
    case 'invoiceNo':
      where.sql.push(`s.invoice_id IN (SELECT id FROM invoices WHERE active = 1 AND ${match('invoice_no')})`);
      break;
    case 'productId':
      where.sql.push(`s.id IN (SELECT shipment_id FROM order_items WHERE ${match('product_id')})`);
      break;
  }
}

function inList(column: string, ids: number[] | undefined, where: Where): void {
  if (!ids) return;
  // An empty selection of known codes matches nothing, as the operator would expect.
  where.sql.push(ids.length ? `${column} IN (${ids.map(() => '?').join(',')})` : '0');
  where.params.push(...ids);
}

/**
 * The filters shared by the rows and the counts (everything but the tab).
 * With a search the grid columns get a unary "+", so SQLite drives the query from the search index.
 */
export function baseWhere(q: ShipmentListQuery, facets: FacetIds, timeZone: string): Where {
  const where: Where = { sql: [], params: [] };
  const col = (name: string) => (q.search ? `+s.${name}` : `s.${name}`);
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
  if (q.search) searchClause(q.search, where);
  return where;
}

export function emptyCounts(): TabCounts {
  return { preparing: 0, inDelivery: 0, failed: 0, delivered: 0 };
}

function fold(rows: { tab: Tab; n: number }[]): TabCounts {
  const counts = emptyCounts();
  for (const r of rows) counts[r.tab] += r.n;
  return counts;
}

/** Per-tab counts for every filter but the tab: from the counters when possible, else counted. */
export function countTabs(ctx: ServiceContext, q: ShipmentListQuery, facets: FacetIds, timeZone: string): TabCounts {
  const hasFacets = Boolean(facets.warehouses || facets.policies || facets.options);
  if (!q.search && !q.orderDate?.from && !q.orderDate?.to) {
    const where: Where = { sql: [], params: [] };
    if (q.region) (where.sql.push('region = ?'), where.params.push(q.region));
    if (q.claim !== 'all') (where.sql.push('claim = ?'), where.params.push(q.claim));
    inList('warehouse_id', facets.warehouses, where);
    inList('policy_id', facets.policies, where);
    inList('option_id', facets.options, where);
    const sql = `SELECT tab, sum(n) AS n FROM count_by_facet ${where.sql.length ? 'WHERE ' + where.sql.join(' AND ') : ''} GROUP BY tab`;
    return fold(ctx.prepare(sql).all(...where.params) as { tab: Tab; n: number }[]);
  }
  if (!q.search && !hasFacets) {
    const where: Where = { sql: [], params: [] };
    if (q.orderDate?.from) (where.sql.push('order_day >= ?'), where.params.push(q.orderDate.from));
    if (q.orderDate?.to) (where.sql.push('order_day <= ?'), where.params.push(q.orderDate.to));
    if (q.region) (where.sql.push('region = ?'), where.params.push(q.region));
    if (q.claim !== 'all') (where.sql.push('claim = ?'), where.params.push(q.claim));
    const sql = `SELECT tab, sum(n) AS n FROM count_by_day WHERE ${where.sql.join(' AND ')} GROUP BY tab`;
    return fold(ctx.prepare(sql).all(...where.params) as { tab: Tab; n: number }[]);
  }
  const where = baseWhere(q, facets, timeZone);
  const sql = `SELECT s.tab AS tab, count(*) AS n FROM shipments s ${where.sql.length ? 'WHERE ' + where.sql.join(' AND ') : ''} GROUP BY s.tab`;
  return fold(ctx.prepare(sql).all(...where.params) as { tab: Tab; n: number }[]);
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
