// What Shipdesk already holds of an order: its lines by channel line id, and its shipments with
// whether each has an invoice (shipped: nothing may join or change it).
import type { ServiceContext } from '../services/context';

export interface ExistingOrder {
  id: number;
  lines: Map<string, { shipmentNo: string; shipped: boolean }>;
  shipments: { id: number; shipmentNo: string; invoiced: boolean; shipmentKeys: Set<string> }[];
}

/** Lines entered before orders were imported have no channel line id: their own id stands in. */
export const LINE_ID_SQL = 'coalesce(oi.line_id, CAST(oi.id AS TEXT))';

function keyOf(json: string, name: string | null): string {
  if (!name) return '';
  try {
    const value: unknown = JSON.parse(json);
    const key = value && typeof value === 'object' ? Reflect.get(value, name) : undefined;
    return typeof key === 'string' ? key : '';
  } catch {
    return '';
  }
}

export function existingOrder(
  ctx: ServiceContext,
  channel: string,
  orderNo: string,
  shipmentKeyName: string | null,
): ExistingOrder | null {
  const order = ctx.prepare('SELECT id FROM orders WHERE channel = ? AND order_no = ?').get(channel, orderNo) as
    { id: number } | undefined;
  if (!order) return null;
  const rows = ctx
    .prepare(
      `SELECT ${LINE_ID_SQL} AS line_id, oi.line_keys, s.id AS shipment_id, s.shipment_no, s.invoice_id
       FROM order_items oi JOIN shipments s ON s.id = oi.shipment_id WHERE oi.order_id = ? ORDER BY s.id, oi.id`,
    )
    .all(order.id) as {
    line_id: string;
    line_keys: string;
    shipment_id: number;
    shipment_no: string;
    invoice_id: number | null;
  }[];
  const lines: ExistingOrder['lines'] = new Map();
  const shipments = new Map<number, ExistingOrder['shipments'][number]>();
  for (const r of rows) {
    if (!lines.has(r.line_id)) lines.set(r.line_id, { shipmentNo: r.shipment_no, shipped: r.invoice_id !== null });
    let s = shipments.get(r.shipment_id);
    if (!s) {
      s = { id: r.shipment_id, shipmentNo: r.shipment_no, invoiced: r.invoice_id !== null, shipmentKeys: new Set() };
      shipments.set(r.shipment_id, s);
    }
    s.shipmentKeys.add(keyOf(r.line_keys, shipmentKeyName));
  }
  return { id: order.id, lines, shipments: [...shipments.values()] };
}
