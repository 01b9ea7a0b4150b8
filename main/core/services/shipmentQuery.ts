// Turns a grid query into SQL: the filters, the search, and the keyset cursor.
import type { ShipmentListQuery } from '../../../shared/api/contract';
import { ShipdeskError } from '../../../shared/errors';
import { normalizeInvoiceNumber } from '../domain/invoiceNumber';
import { normalizeShipmentNo } from '../../../shared/shipmentNo';
import { dayStartMs, nextDay } from '../domain/time';
import { countRow } from '../db/rows';
import type { ServiceContext } from './context';
import { NOT_MOVING_SHIPMENT } from './notMoving';

export interface Where {
  sql: string[];
  params: unknown[];
}

/** Adds one condition and its bound values to a WHERE clause being built. */
export function addCondition(where: Where, condition: string, ...params: unknown[]): void {
  where.sql.push(condition);
  where.params.push(...params);
}

export interface FacetIds {
  warehouses?: number[];
  policies?: number[];
  options?: number[];
}

/** Every string that starts with `prefix` sorts in [prefix, upperBound(prefix)) under binary collation. */
export function upperBound(prefix: string): string {
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
          : // Per row: look up that shipment's lines, never scan a product's lines for every row.
            `EXISTS (SELECT 1 FROM order_items oi2 INDEXED BY order_items_shipment
               WHERE oi2.shipment_id = s.id AND ${match('oi2.product_id')})`,
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
  const row = countRow.single(
    ctx
      .prepare(
        exact
          ? `SELECT count(*) AS n FROM (SELECT 1 FROM ${table} WHERE ${extra}${column} = ? LIMIT ${SELECTIVE_LIMIT})`
          : `SELECT count(*) AS n FROM (SELECT 1 FROM ${table} WHERE ${extra}${column} >= ? AND ${column} < ? LIMIT ${SELECTIVE_LIMIT})`,
      )
      .get(...(exact ? [value] : [value, upperBound(value)])),
  );
  return row.n < SELECTIVE_LIMIT;
}

export function inList(column: string, ids: number[] | undefined, where: Where): void {
  if (!ids) return;
  // An empty selection of known codes matches nothing, as the operator would expect.
  where.sql.push(ids.length ? `${column} IN (${ids.map(() => '?').join(',')})` : '0');
  where.params.push(...ids);
}

/** The order-date range as epoch ms: [from, to), days of the home time zone. */
export function orderDateBounds(q: ShipmentListQuery, timeZone: string): { from?: number; to?: number } {
  if (q.orderDate?.from && q.orderDate.to && q.orderDate.from > q.orderDate.to) {
    throw new ShipdeskError('INVALID_INPUT', 'The order-date range ends before it starts.');
  }
  return {
    ...(q.orderDate?.from ? { from: dayStartMs(q.orderDate.from, timeZone) } : {}),
    ...(q.orderDate?.to ? { to: dayStartMs(nextDay(q.orderDate.to), timeZone) } : {}),
  };
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
  const dates = orderDateBounds(q, timeZone);
  if (dates.from !== undefined) {
    where.sql.push(`${col('ordered_at')} >= ?`);
    where.params.push(dates.from);
  }
  if (dates.to !== undefined) {
    where.sql.push(`${col('ordered_at')} < ?`);
    where.params.push(dates.to);
  }
  inList('s.warehouse_id', facets.warehouses, where);
  inList('s.policy_id', facets.policies, where);
  inList('s.option_id', facets.options, where);
  if (q.notMoving) where.sql.push(NOT_MOVING_SHIPMENT);
  if (q.search) searchClause(q.search, where, selective);
  return where;
}

// Keyset cursors: the last row's sort value and id, so page N costs what page 1 costs.
export type CursorValue = [number | string, number];

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
