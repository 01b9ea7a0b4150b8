// A station's shipments as the pool describes them (shared/hub.ts): what `join` offers to the hub,
// what an order import sends, and what `hub demo` loads into an empty pool.
import type { PoolShipment } from '../../../shared/hub';
import { z } from 'zod';
import { CARRIER_IDS, type CarrierId } from '../../../shared/carriers';
import { CLAIM_TYPES, REGIONS, SHIPMENT_STATUSES, VIAS, type ShipmentStatus, type Via } from '../../../shared/domain';
import type { Db } from '../db/open';
import { rowReader, type RowOf } from '../db/rows';
import { RECIPIENT_COLUMNS } from '../db/recipientColumns';

const poolShipmentRow = rowReader(
  'shipment for the pool',
  z.object({
    id: z.number(),
    shipment_no: z.string(),
    order_no: z.string(),
    ordered_at: z.number(),
    sales_channel: z.string(),
    buyer_name: z.string(),
    claim: z.enum(CLAIM_TYPES),
    original_order_no: z.string().nullable(),
    ...RECIPIENT_COLUMNS,
    region: z.enum(REGIONS),
    memo: z.string(),
    status: z.enum(SHIPMENT_STATUSES),
    w_code: z.string(),
    w_name: z.string(),
    p_code: z.string(),
    p_name: z.string(),
    o_code: z.string(),
    o_name: z.string(),
    carrier_id: z.enum(CARRIER_IDS).nullable(),
    invoice_no: z.string().nullable(),
    registered_at: z.number().nullable(),
    registered_by: z.string().nullable(),
    via: z.enum(VIAS).nullable(),
    released_at: z.number().nullable(),
  }),
);
type ShipmentRecord = RowOf<typeof poolShipmentRow>;

const poolLine = rowReader(
  'order line for the pool',
  z.object({
    shipment_id: z.number(),
    product_id: z.string(),
    product_name: z.string(),
    option_name: z.string(),
    quantity: z.number(),
  }),
);

export interface ExportedShipment {
  id: number;
  shipment: PoolShipment;
  status: ShipmentStatus;
  invoice: {
    carrierId: CarrierId;
    invoiceNo: string;
    registeredBy: string;
    via: Via;
    scanAt: number;
    released: boolean;
  } | null;
}

const SQL = `
  SELECT s.id, s.shipment_no, o.order_no, s.ordered_at, o.sales_channel, o.buyer_name, s.claim,
         oo.order_no AS original_order_no, s.recipient_name, s.recipient_phone, s.country, s.postal_code,
         s.address_line1, s.address_line2, s.region, s.memo, s.status,
         w.code AS w_code, w.name AS w_name, p.code AS p_code, p.name AS p_name, op.code AS o_code, op.name AS o_name,
         i.carrier_id, i.invoice_no, i.registered_at, i.registered_by, i.via, i.released_at
  FROM shipments s
  JOIN orders o ON o.id = s.order_id
  LEFT JOIN orders oo ON oo.id = o.original_order_id
  JOIN warehouses w ON w.id = s.warehouse_id
  JOIN delivery_policies p ON p.id = s.policy_id
  JOIN shipping_options op ON op.id = s.option_id
  LEFT JOIN invoices i ON i.id = s.invoice_id`;

function toExported(
  r: ShipmentRecord,
  items: { product_id: string; product_name: string; option_name: string; quantity: number }[],
): ExportedShipment {
  return {
    id: r.id,
    status: r.status,
    shipment: {
      shipmentNo: r.shipment_no,
      orderNo: r.order_no,
      orderedAt: r.ordered_at,
      salesChannel: r.sales_channel,
      buyerName: r.buyer_name,
      claim: r.claim,
      originalOrderNo: r.original_order_no,
      recipient: { name: r.recipient_name, phone: r.recipient_phone },
      address: { country: r.country, postalCode: r.postal_code, line1: r.address_line1, line2: r.address_line2 },
      region: r.region,
      memo: r.memo,
      warehouse: { code: r.w_code, name: r.w_name },
      policy: { code: r.p_code, name: r.p_name },
      option: { code: r.o_code, name: r.o_name },
      items: items.map((i) => ({
        productId: i.product_id,
        productName: i.product_name,
        optionName: i.option_name,
        quantity: i.quantity,
      })),
    },
    invoice:
      r.carrier_id && r.invoice_no
        ? {
            carrierId: r.carrier_id,
            invoiceNo: r.invoice_no,
            registeredBy: r.registered_by ?? '',
            via: r.via ?? 'manual',
            scanAt: r.registered_at ?? 0,
            released: r.released_at !== null,
          }
        : null,
  };
}

/** Shipments in id order, a page at a time: `afterId` 0 starts. */
export function exportShipments(db: Db, afterId: number, limit: number): ExportedShipment[] {
  const rows = poolShipmentRow.all(db.prepare(`${SQL} WHERE s.id > ? ORDER BY s.id LIMIT ?`).all(afterId, limit));
  return withItems(db, rows);
}

export function exportShipmentsByNo(db: Db, shipmentNos: readonly string[]): ExportedShipment[] {
  const rows = poolShipmentRow.all(
    db
      .prepare(`${SQL} WHERE s.shipment_no IN (SELECT value FROM json_each(?)) ORDER BY s.id`)
      .all(JSON.stringify(shipmentNos)),
  );
  return withItems(db, rows);
}

function withItems(db: Db, rows: ShipmentRecord[]): ExportedShipment[] {
  if (!rows.length) return [];
  const items = poolLine.all(
    db
      .prepare(
        `SELECT shipment_id, product_id, product_name, option_name, quantity FROM order_items
         WHERE shipment_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
      )
      .all(JSON.stringify(rows.map((r) => r.id))),
  );
  const byShipment = new Map<number, typeof items>();
  for (const i of items) {
    const list = byShipment.get(i.shipment_id) ?? [];
    list.push(i);
    byShipment.set(i.shipment_id, list);
  }
  return rows.map((r) => toExported(r, byShipment.get(r.id) ?? []));
}
