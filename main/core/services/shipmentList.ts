// The grid's list: one page of rows in grid order, keyset-paged, with the counts per tab and status.
import type { ShipmentListQuery, ShipmentListResult, ShipmentRow } from '../../../shared/api/contract';
import type { CarrierId } from '../../../shared/carriers';
import { ShipdeskError } from '../../../shared/errors';
import { z } from 'zod';
import { CLAIM_TYPES, REGIONS, SHIPMENT_STATUSES, TABS } from '../../../shared/domain';
import { idRow, rowReader, type RowOf } from '../db/rows';
import { iso } from '../domain/time';
import type { ServiceContext } from './context';
import { rowActions } from './shipmentActions';
import { keyedSearch } from './searchKeys';
import { readSettings } from './settings';
import { countRows, type Counted } from './shipmentCounts';
import {
  addCondition,
  baseWhere,
  decodeCursor,
  encodeCursor,
  isSelective,
  type CursorValue,
  type FacetIds,
} from './shipmentQuery';

const gridRow = rowReader(
  'grid row',
  z.object({
    id: z.number(),
    shipment_no: z.string(),
    order_no: z.string(),
    ordered_at: z.number(),
    claim: z.enum(CLAIM_TYPES),
    status: z.enum(SHIPMENT_STATUSES),
    tab: z.enum(TABS),
    region: z.enum(REGIONS),
    country: z.string(),
    recipient_name: z.string(),
    product_name: z.string().nullable(),
    item_count: z.number(),
    warehouse: z.string(),
    policy: z.string(),
    option: z.string(),
    has_memo: z.number(),
    invoice_id: z.number().nullable(),
    carrier_id: z.string().nullable(),
    invoice_no: z.string().nullable(),
    last_event_at: z.number().nullable(),
  }),
);
type RowRecord = RowOf<typeof gridRow>;
const facetId = rowReader('facet id and code', z.object({ id: z.number(), code: z.string() }));

const ROW_COLUMNS = `
  s.id, s.shipment_no, o.order_no, s.ordered_at, s.claim, s.status, s.tab, s.region, s.country,
  s.recipient_name,
  (SELECT product_name FROM order_items WHERE shipment_id = s.id ORDER BY id LIMIT 1) AS product_name,
  (SELECT count(*) FROM order_items WHERE shipment_id = s.id) AS item_count,
  w.code AS warehouse, p.code AS policy, op.code AS option, s.memo <> '' AS has_memo,
  s.invoice_id, i.carrier_id, i.invoice_no, s.last_event_at`;

const ROW_JOINS = `
  JOIN orders o ON o.id = s.order_id
  JOIN warehouses w ON w.id = s.warehouse_id
  JOIN delivery_policies p ON p.id = s.policy_id
  JOIN shipping_options op ON op.id = s.option_id
  LEFT JOIN invoices i ON i.id = s.invoice_id`;

function toRow(r: RowRecord): ShipmentRow {
  return {
    shipmentNo: r.shipment_no,
    orderNo: r.order_no,
    orderedAt: iso(r.ordered_at),
    claim: r.claim,
    status: r.status,
    tab: r.tab,
    region: r.region,
    country: r.country,
    recipientName: r.recipient_name,
    productSummary: r.product_name ?? '',
    itemCount: r.item_count,
    warehouse: r.warehouse,
    policy: r.policy,
    option: r.option,
    hasMemo: r.has_memo === 1,
    carrierId: (r.carrier_id as CarrierId | null) ?? null,
    invoiceNo: r.invoice_no,
    lastEventAt: r.last_event_at === null ? null : iso(r.last_event_at),
    allowed: rowActions({ status: r.status, hasInvoice: r.invoice_id !== null }),
  };
}

/** Facet codes to ids; unknown codes simply match nothing. */
function resolveFacets(ctx: ServiceContext, q: ShipmentListQuery): FacetIds {
  const ids = (table: string, codes: string[] | undefined) => {
    if (!codes) return undefined;
    if (!codes.length) return [];
    const rows = facetId.all(ctx.prepare(`SELECT id, code FROM ${table}`).all());
    const wanted = new Set(codes);
    return rows.filter((r) => wanted.has(r.code)).map((r) => r.id);
  };
  return {
    warehouses: ids('warehouses', q.warehouses),
    policies: ids('delivery_policies', q.policies),
    options: ids('shipping_options', q.options),
  };
}

export function listShipments(ctx: ServiceContext, q: ShipmentListQuery): ShipmentListResult {
  const { homeTimeZone } = readSettings(ctx);
  const facets = resolveFacets(ctx, q);
  const cursor = q.cursor ? decodeCursor(q.cursor, q.sort.key) : null;
  // The search keys' own filters know nothing of tracking: with "not moving" the grid's query leads.
  const keyed = q.notMoving ? null : keyedSearch(ctx, q, facets, homeTimeZone, cursor);
  const dir = q.sort.dir === 'desc' ? 'DESC' : 'ASC';
  let counted: Counted;
  let records: RowRecord[];
  if (keyed && keyed.page.kind !== 'grid') {
    counted = keyed.counted;
    records =
      keyed.page.kind === 'none'
        ? []
        : gridRow.all(
            ctx
              .prepare(
                `SELECT ${ROW_COLUMNS} FROM (${keyed.page.sql}) p JOIN shipments s ON s.id = p.shipment_id ${ROW_JOINS}
                 ORDER BY p.ordered_at ${dir}, p.shipment_id ${dir}`,
              )
              .all(...keyed.page.params, q.limit + 1),
          );
  } else {
    // A keyed search too broad to sort walks the grid's order (not selective); its counts are already known.
    const selective = keyed ? false : isSelective(ctx, q);
    counted = keyed ? keyed.counted : countRows(ctx, q, facets, homeTimeZone, selective);
    records = gridRows(ctx, q, facets, homeTimeZone, selective, cursor);
  }
  const { counts, statusCounts, capped, cappedTabs } = counted;
  const byDate = q.sort.key === 'orderDate';
  const more = records.length > q.limit;
  const page = more ? records.slice(0, q.limit) : records;
  const last = page[page.length - 1];
  const total = q.tab ? counts[q.tab] : counts.preparing + counts.inDelivery + counts.failed + counts.delivered;
  return {
    rows: page.map(toRow),
    total,
    counts,
    statusCounts,
    countsCapped: capped,
    cappedTabs,
    nextCursor: more && last ? encodeCursor(byDate ? [last.ordered_at, last.id] : [last.shipment_no, last.id]) : null,
  };
}

/** The page from the shipments themselves: led by the search index when selective, else by the grid's. */
function gridRows(
  ctx: ServiceContext,
  q: ShipmentListQuery,
  facets: FacetIds,
  timeZone: string,
  selective: boolean,
  cursor: CursorValue | null,
): RowRecord[] {
  const where = baseWhere(q, facets, timeZone, selective);
  if (q.tab) {
    where.sql.push(selective ? '+s.tab = ?' : 's.tab = ?');
    where.params.push(q.tab);
  }
  const byDate = q.sort.key === 'orderDate';
  const cmp = q.sort.dir === 'desc' ? '<' : '>';
  if (cursor) {
    const [value, id] = cursor;
    where.sql.push(byDate ? `(s.ordered_at, s.id) ${cmp} (?, ?)` : `s.shipment_no ${cmp} ?`);
    where.params.push(...(byDate ? [value, id] : [value]));
  }
  const dir = q.sort.dir === 'desc' ? 'DESC' : 'ASC';
  const order = byDate ? `s.ordered_at ${dir}, s.id ${dir}` : `s.shipment_no ${dir}`;
  // A broad search must not lead: walk the grid's own order and check each row (see isSelective).
  const gridIndex = q.tab ? (byDate ? 'shipments_grid' : 'shipments_grid_no') : byDate ? 'shipments_region_date' : null;
  const indexed = q.search && !selective && q.region && gridIndex ? `INDEXED BY ${gridIndex}` : '';
  const sql = `SELECT ${ROW_COLUMNS} FROM shipments s ${indexed} ${ROW_JOINS}
    ${where.sql.length ? 'WHERE ' + where.sql.join(' AND ') : ''} ORDER BY ${order} LIMIT ?`;
  return gridRow.all(ctx.prepare(sql).all(...where.params, q.limit + 1));
}

/**
 * The ids of every shipment a grid query matches, in the grid's order, at most `max` (+1 to tell
 * whether more match): one sorted pass, for exports that then read the rows a chunk at a time.
 */
export function shipmentIdsInOrder(
  ctx: ServiceContext,
  q: Omit<ShipmentListQuery, 'limit' | 'cursor'>,
  max: number,
): number[] {
  const { homeTimeZone } = readSettings(ctx);
  const query: ShipmentListQuery = { ...q, limit: 1 };
  const selective = isSelective(ctx, query);
  const where = baseWhere(query, resolveFacets(ctx, query), homeTimeZone, selective);
  if (q.tab) addCondition(where, selective ? '+s.tab = ?' : 's.tab = ?', q.tab);
  const dir = q.sort.dir === 'desc' ? 'DESC' : 'ASC';
  const order = q.sort.key === 'orderDate' ? `s.ordered_at ${dir}, s.id ${dir}` : `s.shipment_no ${dir}`;
  const sql = `SELECT s.id FROM shipments s ${where.sql.length ? 'WHERE ' + where.sql.join(' AND ') : ''} ORDER BY ${order} LIMIT ?`;
  return idRow.all(ctx.prepare(sql).all(...where.params, max + 1)).map((r) => r.id);
}

/** The grid's rows of these shipments, in the order given. */
export function shipmentRowsByIds(ctx: ServiceContext, ids: readonly number[]): ShipmentRow[] {
  const records = gridRow.all(
    ctx
      .prepare(`SELECT ${ROW_COLUMNS} FROM shipments s ${ROW_JOINS} WHERE s.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)),
  );
  const byId = new Map(records.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toRow(r)] : [];
  });
}

/** One shipment's grid row, as the list builds it: what the screen stores after a change. */
export function shipmentRowOf(ctx: ServiceContext, id: number): ShipmentRow {
  const [row] = shipmentRowsByIds(ctx, [id]);
  if (!row) throw new ShipdeskError('NOT_FOUND', `Shipment ${id} is not in the database.`);
  return row;
}
