// Searches by order number and product id, read from search_keys (migration 10): each key's range
// is already in grid order (order date, then id) and carries every column the grid filters by, so
// neither the page nor the counts read a shipment they do not show. A product's counts come from
// its trigger-kept counters. Used while the grid is sorted by order date.
import { z } from 'zod';
import type { ShipmentListQuery } from '../../../shared/api/contract';
import { SHIPMENT_STATUSES, TAB_OF_STATUS, TABS, type ShipmentStatus } from '../../../shared/domain';
import { rowReader } from '../db/rows';
import type { ServiceContext } from './context';
import { statusCount, tally, tallyCapped, type Counted, type StatusRow } from './shipmentCounts';
import {
  COUNT_CAP,
  inList,
  orderDateBounds,
  searchValue,
  upperBound,
  type CursorValue,
  type FacetIds,
  type Where,
  addCondition,
} from './shipmentQuery';

type KeyedField = 'orderNo' | 'productId';

/** A product prefix naming at most this many products is read as their ranges merged in date order. */
const MERGE_LIMIT = 16;
/** Up to this many matches a range is read whole and sorted; beyond, the grid walks its own order. */
const SORT_LIMIT = 5_000;

export interface KeyedSearch {
  counted: Counted;
  /**
   * `rows`: SQL yielding (ordered_at, shipment_id) in grid order; bind `params`, then the row limit.
   * `none`: nothing matches. `grid`: the search is broad; the grid walks its own index and checks each row.
   */
  page: { kind: 'rows'; sql: string; params: unknown[] } | { kind: 'none' } | { kind: 'grid' };
}

/** The search a keyed range can answer: order number or product id, the grid sorted by order date. */
function keyedField(q: ShipmentListQuery): KeyedField | null {
  if (!q.search || q.sort.key !== 'orderDate') return null;
  return q.search.field === 'orderNo' || q.search.field === 'productId' ? q.search.field : null;
}

/** Every filter as a condition on search_keys k; the tab becomes its statuses. */
function keyFilters(q: ShipmentListQuery, facets: FacetIds, timeZone: string, withTab: boolean): Where {
  const where: Where = { sql: [], params: [] };
  if (q.region) addCondition(where, 'k.region = ?', q.region);
  if (q.claim !== 'all') addCondition(where, 'k.claim = ?', q.claim);
  const dates = orderDateBounds(q, timeZone);
  if (dates.from !== undefined) addCondition(where, 'k.ordered_at >= ?', dates.from);
  if (dates.to !== undefined) addCondition(where, 'k.ordered_at < ?', dates.to);
  inList('k.warehouse_id', facets.warehouses, where);
  inList('k.policy_id', facets.policies, where);
  inList('k.option_id', facets.options, where);
  if (withTab && q.tab) {
    const statuses = SHIPMENT_STATUSES.filter((s) => TAB_OF_STATUS[s] === q.tab);
    where.sql.push(`k.status IN (${statuses.map(() => '?').join(',')})`);
    where.params.push(...statuses);
  }
  return where;
}

/** Where the matches live: a list of whole keys (merged), or one key range (read whole). */
type Source = { keys: string[] } | { from: string; to: string };

/**
 * SELECT `columns` of the matches, in grid order when `ordered`. Several keys become a UNION of
 * their ranges, which SQLite merges in order (and which drops a shipment matched twice).
 */
function sourceSql(
  field: KeyedField,
  source: Source,
  where: Where,
  columns: string,
  order: string | null,
): { sql: string; params: unknown[] } {
  const filter = where.sql.map((c) => ` AND ${c}`).join('');
  const select = `SELECT ${columns} FROM search_keys k WHERE k.field = ?`;
  if ('keys' in source) {
    const arms = source.keys.map(() => `${select} AND k.key = ?${filter}`).join(' UNION ');
    const params = source.keys.flatMap((key) => [field, key, ...where.params]);
    return { sql: `${arms}${order ? ` ORDER BY ${order}` : ''}`, params };
  }
  // A product range may name one shipment twice (two matching products): DISTINCT.
  const distinct = field === 'productId' ? 'DISTINCT ' : '';
  return {
    sql: `SELECT ${distinct}${columns} FROM search_keys k WHERE k.field = ? AND k.key >= ? AND k.key < ?${filter}${order ? ` ORDER BY ${order}` : ''}`,
    params: [field, source.from, source.to, ...where.params],
  };
}

/** Counts per status of the source's first COUNT_CAP + 1 matches (capped beyond). */
function countSource(ctx: ServiceContext, field: KeyedField, source: Source, where: Where): Counted {
  // A merge needs its order; a single range is counted in whatever order is cheapest.
  const merged = 'keys' in source && source.keys.length > 1;
  const inner = sourceSql(
    field,
    source,
    where,
    'k.ordered_at AS ordered_at, k.shipment_id AS shipment_id, k.status AS status',
    merged ? 'ordered_at, shipment_id' : null,
  );
  const sql = `SELECT status, count(*) AS n FROM (${inner.sql} LIMIT ${COUNT_CAP + 1}) GROUP BY status`;
  return tallyCapped(statusCount.all(ctx.prepare(sql).all(...inner.params)));
}

/** Products' counters per status (region and claim are counter columns), one list per product. */
function productCounters(ctx: ServiceContext, q: ShipmentListQuery, productIds: readonly string[]): StatusRow[][] {
  const where: Where = { sql: ['product_id = ?'], params: [] };
  if (q.region) addCondition(where, 'region = ?', q.region);
  if (q.claim !== 'all') addCondition(where, 'claim = ?', q.claim);
  const statement = ctx.prepare(
    `SELECT status, sum(n) AS n FROM count_by_product WHERE ${where.sql.join(' AND ')} GROUP BY status`,
  );
  return productIds.map((id) => statusCount.all(statement.all(id, ...where.params)));
}

/**
 * Counts for products without date or facet filters. One product: its counters, exact. Several
 * (a prefix): their counters add up to at most COUNT_CAP, then the matches are counted (a shipment
 * with two of the products counts once); past it, each status gets the largest single product's
 * count, a lower bound, and the counts are marked capped.
 */
function productCounts(ctx: ServiceContext, q: ShipmentListQuery, keys: string[], count: () => Counted): Counted {
  const perProduct = productCounters(ctx, q, keys);
  if (keys.length === 1) return tally(perProduct[0] ?? []);
  const upper = perProduct.flat().reduce((sum, r) => sum + r.n, 0);
  if (upper <= COUNT_CAP) return count();
  const largest = new Map<ShipmentStatus, number>();
  for (const r of perProduct.flat()) largest.set(r.status, Math.max(largest.get(r.status) ?? 0, r.n));
  return tally(
    [...largest].map(([status, n]) => ({ status, n })),
    TABS,
  );
}

const productId = rowReader('product id', z.string());

/** The whole keys a search names: itself when exact, the products in a prefix's range when few. */
function wholeKeys(ctx: ServiceContext, field: KeyedField, value: string, exact: boolean): string[] | null {
  if (exact) return [value];
  if (field !== 'productId') return null; // order numbers are unique: a prefix names as many as it matches
  const keys = productId.all(
    ctx
      .prepare(
        `SELECT DISTINCT product_id FROM count_by_product WHERE product_id >= ? AND product_id < ? AND n > 0 LIMIT ${MERGE_LIMIT + 1}`,
      )
      .pluck()
      .all(value, upperBound(value)),
  );
  return keys.length <= MERGE_LIMIT ? keys : null;
}

/** The keyed plan for this query, or null when the general query must answer it. */
export function keyedSearch(
  ctx: ServiceContext,
  q: ShipmentListQuery,
  facets: FacetIds,
  timeZone: string,
  cursor: CursorValue | null,
): KeyedSearch | null {
  const field = keyedField(q);
  if (!field || !q.search) return null;
  const value = searchValue(q.search);
  const exact = q.search.mode === 'exact';
  const keys = wholeKeys(ctx, field, value, exact);
  const source: Source = keys ? { keys } : { from: value, to: upperBound(value) };
  if (keys && keys.length === 0) return { counted: tally([]), page: { kind: 'none' } };

  const count = () => countSource(ctx, field, source, keyFilters(q, facets, timeZone, false));
  const onlyRegionClaim =
    !q.orderDate?.from && !q.orderDate?.to && !facets.warehouses && !facets.policies && !facets.options;
  const counted = field === 'productId' && keys && onlyRegionClaim ? productCounts(ctx, q, keys, count) : count();

  // A range of many keys (an order-number prefix, a broad product prefix) is sorted only when small.
  const matches = Object.values(counted.statusCounts).reduce((a, b) => a + b, 0);
  if (!keys && (counted.capped || matches > SORT_LIMIT)) return { counted, page: { kind: 'grid' } };

  const where = keyFilters(q, facets, timeZone, true);
  const dir = q.sort.dir === 'desc' ? 'DESC' : 'ASC';
  if (cursor) {
    where.sql.push(`(k.ordered_at, k.shipment_id) ${dir === 'DESC' ? '<' : '>'} (?, ?)`);
    where.params.push(...cursor);
  }
  const page = sourceSql(
    field,
    source,
    where,
    'k.ordered_at AS ordered_at, k.shipment_id AS shipment_id',
    `ordered_at ${dir}, shipment_id ${dir}`,
  );
  return { counted, page: { kind: 'rows', sql: `${page.sql} LIMIT ?`, params: page.params } };
}
