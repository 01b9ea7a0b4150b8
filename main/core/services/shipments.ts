// One shipment as the invoice dialog shows it, the filter facets, address edits. The grid's list is
// in shipmentList.ts.
import { z } from 'zod';
import type { Address, Facets, ShipmentDetail, TrackingEventView } from '../../../shared/api/contract';
import { findCarrier } from '../../../shared/carriers';
import { findChannel } from '../../../shared/channels';
import {
  CLAIM_TYPES,
  REGIONS,
  SHIPMENT_STATUSES,
  TABS,
  TRACKING_CODES,
  VIAS,
  type Region,
  type ShipmentStatus,
  type Via,
} from '../../../shared/domain';
import { ShipdeskError } from '../../../shared/errors';
import { rowReader } from '../db/rows';
import { RECIPIENT_COLUMNS } from '../db/recipientColumns';
import { mayChangeAddress } from '../domain/invoiceRules';
import { recipientKey } from '../domain/recipient';
import { orThrow } from '../domain/verdict';
import { normalizeShipmentNo } from '../../../shared/shipmentNo';
import { iso } from '../domain/time';
import { LINE_ID_SQL, shipmentLinks } from './links';
import type { ServiceContext } from './context';
import { shipmentActions } from './shipmentActions';
import { shipmentRowOf } from './shipmentList';
import { writeHistory } from './historyEntries';
import { readSettings } from './settings';

const RefRow = rowReader(
  'shipment reference',
  z.object({
    id: z.number(),
    shipment_no: z.string(),
    status: z.enum(SHIPMENT_STATUSES),
    region: z.enum(REGIONS),
    invoice_id: z.number().nullable(),
    ...RECIPIENT_COLUMNS,
  }),
);

const DetailRow = rowReader(
  'shipment detail',
  z.object({
    shipment_no: z.string(),
    order_no: z.string(),
    ordered_at: z.number(),
    claim: z.enum(CLAIM_TYPES),
    original_order_no: z.string().nullable(),
    sales_channel: z.string(),
    channel: z.string(),
    buyer_name: z.string(),
    status: z.enum(SHIPMENT_STATUSES),
    tab: z.enum(TABS),
    region: z.enum(REGIONS),
    ...RECIPIENT_COLUMNS,
    memo: z.string(),
    warehouse: z.string(),
    warehouse_name: z.string(),
    policy: z.string(),
    policy_name: z.string(),
    option: z.string(),
    option_name: z.string(),
    invoice_id: z.number().nullable(),
    carrier_id: z.string().nullable(),
    invoice_no: z.string().nullable(),
    registered_at: z.number().nullable(),
    registered_by: z.string().nullable(),
    via: z.enum(VIAS).nullable(),
  }),
);

const ItemRow = rowReader(
  'shipment line',
  z.object({
    line_id: z.string(),
    product_id: z.string(),
    product_name: z.string(),
    option_name: z.string(),
    quantity: z.number(),
  }),
);

const EventRow = rowReader(
  'tracking event',
  z.object({
    at: z.number(),
    zone: z.string(),
    code: z.enum(TRACKING_CODES),
    raw_code: z.string(),
    raw_text: z.string(),
    location: z.string(),
  }),
);

const FacetRow = rowReader('facet', z.object({ code: z.string(), name: z.string() }));

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
  const r = RefRow.one(
    ctx
      .prepare(
        `SELECT id, shipment_no, status, region, invoice_id, recipient_name, recipient_phone, country, postal_code,
                address_line1, address_line2 FROM shipments WHERE shipment_no = ?`,
      )
      .get(no),
  );
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

function trackingEvents(ctx: ServiceContext, carrierId: string, invoiceNo: string): TrackingEventView[] {
  const rows = EventRow.all(
    ctx
      .prepare(
        `SELECT at, zone, code, raw_code, raw_text, location FROM tracking_events
         WHERE carrier_id = ? AND invoice_no = ? ORDER BY at DESC, id DESC`,
      )
      .all(carrierId, invoiceNo),
  );
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
  const r = DetailRow.one(
    ctx
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
      .get(ref.id),
  );
  // findShipment just found it, in this same connection.
  if (!r) throw new Error(`Shipment ${ref.shipmentNo} vanished while read`);
  const items = ItemRow.all(
    ctx
      .prepare(
        `SELECT ${LINE_ID_SQL} AS line_id, oi.product_id, oi.product_name, oi.option_name, oi.quantity
         FROM order_items oi WHERE oi.shipment_id = ? ORDER BY oi.id`,
      )
      .all(ref.id),
  );
  const hasInvoice = r.invoice_id !== null;
  const carrierId = (r.carrier_id && findCarrier(r.carrier_id)?.id) || null;
  const allowed = shipmentActions({
    shipmentNo: r.shipment_no,
    status: r.status,
    hasInvoice,
    pieces: items.reduce((n, i) => n + i.quantity, 0),
  });
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
    addressLocked: !allowed.editAddress,
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
    allowed,
    row: shipmentRowOf(ctx, ref.id),
  };
}

export function listFacets(ctx: ServiceContext): Facets {
  const read = (table: string) => FacetRow.all(ctx.prepare(`SELECT code, name FROM ${table} ORDER BY code`).all());
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
    orThrow(mayChangeAddress({ shipmentNo: ref.shipmentNo, status: ref.status, hasInvoice: ref.invoiceId !== null }));
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
    ctx.changeRecorded({
      kind: 'edit',
      change: {
        kind: 'address',
        shipmentNo: ref.shipmentNo,
        payload: { address: a, region, reason: input.reason ?? null, operator: actor.operator, via: actor.via },
        at: now,
      },
    });
  })();
  const detail = getShipment(ctx, input.shipmentNo);
  ctx.events.emit({ type: 'shipments.changed', shipmentNos: [detail.shipmentNo] });
  return detail;
}
