// The shipments the grid and the invoice dialog show: list, one shipment, facets, address edits.
import type {
  Address,
  Facets,
  ShipmentDetail,
  ShipmentListQuery,
  ShipmentListResult,
  ShipmentRow,
  TrackingEventView,
} from '../../../shared/contract';
import { findCarrier, type CarrierId } from '../../../shared/carriers';
import { findChannel } from '../../../shared/channels';
import type { ClaimType, Region, ShipmentStatus, Tab, TrackingCode, Via } from '../../../shared/domain';
import { ShipdeskError } from '../../../shared/errors';
import { canEditAddress, canEditInvoice, canRegisterInvoice, whyInvoiceLocked } from '../domain/status';
import { normalizeShipmentNo } from '../../../shared/shipmentNo';
import { iso } from '../domain/time';
import { LINE_ID_SQL } from '../orders/existing';
import { shipmentLinks } from '../orders/links';
import type { ServiceContext } from './context';
import { writeHistory } from './history';
import { readSettings } from './settings';
import { baseWhere, countRows, decodeCursor, encodeCursor, isSelective, type FacetIds } from './shipmentQuery';

interface RowRecord {
  id: number;
  shipment_no: string;
  order_no: string;
  ordered_at: number;
  claim: ClaimType;
  status: ShipmentStatus;
  tab: Tab;
  region: Region;
  country: string;
  recipient_name: string;
  product_name: string | null;
  item_count: number;
  warehouse: string;
  policy: string;
  option: string;
  has_memo: number;
  carrier_id: string | null;
  invoice_no: string | null;
  last_event_at: number | null;
}

const ROW_COLUMNS = `
  s.id, s.shipment_no, o.order_no, s.ordered_at, s.claim, s.status, s.tab, s.region, s.country,
  s.recipient_name,
  (SELECT product_name FROM order_items WHERE shipment_id = s.id ORDER BY id LIMIT 1) AS product_name,
  (SELECT count(*) FROM order_items WHERE shipment_id = s.id) AS item_count,
  w.code AS warehouse, p.code AS policy, op.code AS option, s.memo <> '' AS has_memo,
  i.carrier_id, i.invoice_no, s.last_event_at`;

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
  };
}

/** Facet codes to ids; unknown codes simply match nothing. */
function resolveFacets(ctx: ServiceContext, q: ShipmentListQuery): FacetIds {
  const ids = (table: string, codes: string[] | undefined) => {
    if (!codes) return undefined;
    if (!codes.length) return [];
    const rows = ctx.prepare(`SELECT id, code FROM ${table}`).all() as { id: number; code: string }[];
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
  const selective = isSelective(ctx, q);
  const where = baseWhere(q, facets, homeTimeZone, selective);
  const { counts, statusCounts, capped } = countRows(ctx, q, facets, homeTimeZone, selective);
  if (q.tab) {
    where.sql.push(selective ? '+s.tab = ?' : 's.tab = ?');
    where.params.push(q.tab);
  }
  const byDate = q.sort.key === 'orderDate';
  const cmp = q.sort.dir === 'desc' ? '<' : '>';
  if (q.cursor) {
    const [value, id] = decodeCursor(q.cursor, q.sort.key);
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
  const records = ctx.prepare(sql).all(...where.params, q.limit + 1) as RowRecord[];
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
    nextCursor: more && last ? encodeCursor(byDate ? [last.ordered_at, last.id] : [last.shipment_no, last.id]) : null,
  };
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
  if (q.tab) {
    where.sql.push(selective ? '+s.tab = ?' : 's.tab = ?');
    where.params.push(q.tab);
  }
  const dir = q.sort.dir === 'desc' ? 'DESC' : 'ASC';
  const order = q.sort.key === 'orderDate' ? `s.ordered_at ${dir}, s.id ${dir}` : `s.shipment_no ${dir}`;
  const sql = `SELECT s.id FROM shipments s ${where.sql.length ? 'WHERE ' + where.sql.join(' AND ') : ''} ORDER BY ${order} LIMIT ?`;
  return (ctx.prepare(sql).all(...where.params, max + 1) as { id: number }[]).map((r) => r.id);
}

/** The grid's rows of these shipments, in the order given. */
export function shipmentRowsByIds(ctx: ServiceContext, ids: readonly number[]): ShipmentRow[] {
  const records = ctx
    .prepare(`SELECT ${ROW_COLUMNS} FROM shipments s ${ROW_JOINS} WHERE s.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as RowRecord[];
  const byId = new Map(records.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toRow(r)] : [];
  });
}

interface DetailRecord {
  id: number;
  shipment_no: string;
  order_no: string;
  ordered_at: number;
  claim: ClaimType;
  original_order_no: string | null;
  sales_channel: string;
  channel: string;
  buyer_name: string;
  status: ShipmentStatus;
  tab: Tab;
  region: Region;
  recipient_name: string;
  recipient_phone: string;
  country: string;
  postal_code: string;
  address_line1: string;
  address_line2: string;
  memo: string;
  warehouse: string;
  warehouse_name: string;
  policy: string;
  policy_name: string;
  option: string;
  option_name: string;
  invoice_id: number | null;
  carrier_id: string | null;
  invoice_no: string | null;
  registered_at: number | null;
  registered_by: string | null;
  via: Via | null;
}

export interface ShipmentRef {
  id: number;
  shipmentNo: string;
  status: ShipmentStatus;
  region: Region;
  invoiceId: number | null;
  recipientKey: string;
}

/** Finds a shipment by its number (scanner noise removed) or answers NOT_FOUND in words. */
export function findShipment(ctx: ServiceContext, rawNo: string): ShipmentRef {
  const no = normalizeShipmentNo(rawNo);
  const r = ctx
    .prepare(
      `SELECT id, shipment_no, status, region, invoice_id, recipient_name, recipient_phone, country, postal_code,
              address_line1, address_line2 FROM shipments WHERE shipment_no = ?`,
    )
    .get(no) as
    | Pick<
        DetailRecord,
        | 'id'
        | 'shipment_no'
        | 'status'
        | 'region'
        | 'invoice_id'
        | 'recipient_name'
        | 'recipient_phone'
        | 'country'
        | 'postal_code'
        | 'address_line1'
        | 'address_line2'
      >
    | undefined;
  if (!r)
    throw new ShipdeskError(
      'NOT_FOUND',
      `There is no shipment ${no || '(empty)'}. Check the number on the packing slip.`,
      { shipmentNo: no },
    );
  return {
    id: r.id,
    shipmentNo: r.shipment_no,
    status: r.status,
    region: r.region,
    invoiceId: r.invoice_id,
    recipientKey: recipientKey(r),
  };
}

/** Two shipments go to the same recipient when name, phone and address agree (spacing and case aside). */
export function recipientKey(r: {
  recipient_name: string;
  recipient_phone: string;
  country: string;
  postal_code: string;
  address_line1: string;
  address_line2: string;
}): string {
  const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return [
    r.recipient_name,
    r.recipient_phone.replace(/\D/g, ''),
    r.country,
    r.postal_code,
    r.address_line1,
    r.address_line2,
  ]
    .map(squash)
    .join('|');
}

function trackingEvents(ctx: ServiceContext, carrierId: string, invoiceNo: string): TrackingEventView[] {
  const rows = ctx
    .prepare(
      `SELECT at, zone, code, raw_code, raw_text, location FROM tracking_events
       WHERE carrier_id = ? AND invoice_no = ? ORDER BY at DESC, id DESC`,
    )
    .all(carrierId, invoiceNo) as {
    at: number;
    zone: string;
    code: TrackingCode;
    raw_code: string;
    raw_text: string;
    location: string;
  }[];
  return rows.map((e) => ({
    at: iso(e.at),
    zone: e.zone,
    code: e.code,
    rawCode: e.raw_code,
    rawText: e.raw_text,
    location: e.location,
  }));
}

export function getShipment(ctx: ServiceContext, rawNo: string): ShipmentDetail {
  const ref = findShipment(ctx, rawNo);
  const r = ctx
    .prepare(
      `SELECT s.*, o.order_no, o.sales_channel, o.channel, o.buyer_name, oo.order_no AS original_order_no,
              w.code AS warehouse, w.name AS warehouse_name, p.code AS policy, p.name AS policy_name,
              op.code AS option, op.name AS option_name,
              i.carrier_id, i.invoice_no, i.registered_at, i.registered_by, i.via
       FROM shipments s
       JOIN orders o ON o.id = s.order_id
       LEFT JOIN orders oo ON oo.id = o.original_order_id
       JOIN warehouses w ON w.id = s.warehouse_id
       JOIN delivery_policies p ON p.id = s.policy_id
       JOIN shipping_options op ON op.id = s.option_id
       LEFT JOIN invoices i ON i.id = s.invoice_id
       WHERE s.id = ?`,
    )
    .get(ref.id) as DetailRecord;
  const items = ctx
    .prepare(
      `SELECT ${LINE_ID_SQL} AS line_id, oi.product_id, oi.product_name, oi.option_name, oi.quantity
       FROM order_items oi WHERE oi.shipment_id = ? ORDER BY oi.id`,
    )
    .all(ref.id) as {
    line_id: string;
    product_id: string;
    product_name: string;
    option_name: string;
    quantity: number;
  }[];
  const hasInvoice = r.invoice_id !== null;
  const carrierId = (r.carrier_id && findCarrier(r.carrier_id)?.id) || null;
  const editable = hasInvoice && canEditInvoice(r.status);
  return {
    shipmentNo: r.shipment_no,
    orderNo: r.order_no,
    orderedAt: iso(r.ordered_at),
    claim: r.claim,
    originalOrderNo: r.original_order_no,
    salesChannel: r.sales_channel,
    channel: findChannel(r.channel)?.id ?? 'other',
    ...shipmentLinks(ctx, ref.id),
    buyerName: r.buyer_name,
    status: r.status,
    tab: r.tab,
    region: r.region,
    recipient: { name: r.recipient_name, phone: r.recipient_phone },
    address: { country: r.country, postalCode: r.postal_code, line1: r.address_line1, line2: r.address_line2 },
    addressLocked: !canEditAddress(hasInvoice),
    warehouse: r.warehouse,
    warehouseName: r.warehouse_name,
    policy: r.policy,
    policyName: r.policy_name,
    option: r.option,
    optionName: r.option_name,
    memo: r.memo,
    items: items.map((i) => ({
      lineId: i.line_id,
      productId: i.product_id,
      productName: i.product_name,
      optionName: i.option_name,
      quantity: i.quantity,
    })),
    carrierId,
    invoiceNo: r.invoice_no,
    invoice:
      carrierId && r.invoice_no && r.registered_at !== null
        ? {
            carrierId,
            invoiceNo: r.invoice_no,
            registeredAt: iso(r.registered_at),
            registeredBy: r.registered_by ?? '',
            via: r.via ?? 'manual',
          }
        : null,
    events: carrierId && r.invoice_no ? trackingEvents(ctx, carrierId, r.invoice_no) : [],
    allowed: {
      register: canRegisterInvoice(r.status) && !hasInvoice,
      modify: editable,
      delete: editable,
      editAddress: canEditAddress(hasInvoice),
      reason: hasInvoice
        ? (whyInvoiceLocked(r.status) ?? 'The address is locked while an invoice is registered.')
        : null,
    },
  };
}

export function listFacets(ctx: ServiceContext): Facets {
  const read = (table: string) =>
    ctx.prepare(`SELECT code, name FROM ${table} ORDER BY code`).all() as { code: string; name: string }[];
  return { warehouses: read('warehouses'), policies: read('delivery_policies'), options: read('shipping_options') };
}

export function updateAddress(
  ctx: ServiceContext,
  input: { shipmentNo: string; address: Address; reason?: string },
  actor: { operator: string; via: Via },
): ShipmentDetail {
  const settings = readSettings(ctx);
  ctx.db.transaction(() => {
    const ref = findShipment(ctx, input.shipmentNo);
    if (!canEditAddress(ref.invoiceId !== null)) {
      // The way out depends on the status: an invoice can be deleted only while the parcel is not delivered or failed.
      const wayOut = canEditInvoice(ref.status)
        ? 'Delete the invoice first (the wastebasket beside the number), change the address, then register the number again.'
        : `The parcel is already ${ref.status === 'DELIVERED' ? 'delivered' : 'with the carrier as failed'}, so its invoice cannot be deleted here; ask the carrier to redirect it.`;
      throw new ShipdeskError(
        'ADDRESS_LOCKED',
        `The address of ${ref.shipmentNo} is locked because an invoice is registered. ${wayOut}`,
        {
          shipmentNo: ref.shipmentNo,
          status: ref.status,
        },
      );
    }
    const before = getShipment(ctx, ref.shipmentNo).address;
    const a = input.address;
    const region: Region = a.country === settings.homeCountry ? 'domestic' : 'international';
    const now = ctx.clock();
    ctx
      .prepare(
        `UPDATE shipments SET country = ?, postal_code = ?, address_line1 = ?, address_line2 = ?, region = ?, updated_at = ?
         WHERE id = ?`,
      )
      .run(a.country, a.postalCode, a.line1, a.line2, region, now, ref.id);
    writeHistory(ctx, {
      shipmentId: ref.id,
      action: 'address_changed',
      before: { address: before },
      after: { address: a },
      operator: actor.operator,
      via: actor.via,
      at: now,
      reason: input.reason ?? null,
    });
  })();
  const detail = getShipment(ctx, input.shipmentNo);
  ctx.events.emit({ type: 'shipments.changed', shipmentNos: [detail.shipmentNo] });
  return detail;
}
