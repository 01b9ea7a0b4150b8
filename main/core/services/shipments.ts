// One shipment as the invoice dialog shows it, the filter facets, address edits. The grid's list is
// in shipmentList.ts.
import type { Address, Facets, ShipmentDetail, TrackingEventView } from '../../../shared/contract';
import { findCarrier } from '../../../shared/carriers';
import { findChannel } from '../../../shared/channels';
import type { ClaimType, Region, ShipmentStatus, Tab, TrackingCode, Via } from '../../../shared/domain';
import { ShipdeskError } from '../../../shared/errors';
import { canEditAddress, canEditInvoice, canRegisterInvoice, whyInvoiceLocked } from '../domain/status';
import { normalizeShipmentNo } from '../../../shared/shipmentNo';
import { iso } from '../domain/time';
import { LINE_ID_SQL, shipmentLinks } from './links';
import type { ServiceContext } from './context';
import { writeHistory } from './historyEntries';
import { readSettings } from './settings';

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
        { shipmentNo: ref.shipmentNo, status: ref.status },
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
