// What Shipdesk already holds of an order: its lines by channel line id, and its shipments with
// whether each has an invoice (shipped: nothing may join or change it).
import { z } from 'zod';
import { rowReader, type RowOf } from '../db/rows';
import type { ServiceContext } from '../services/context';
import { LINE_ID_SQL } from '../services/links';

export interface ExistingOrder {
  id: number;
  lines: Map<string, { shipmentNo: string; shipped: boolean }>;
  shipments: { id: number; shipmentNo: string; invoiced: boolean; shipmentKeys: Set<string> }[];
}

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

const knownOrder = rowReader(
  'order already here',
  z.object({ id: z.number(), channel: z.string(), order_no: z.string() }),
);

const knownLine = rowReader(
  'order line already here',
  z.object({
    order_id: z.number(),
    line_id: z.string(),
    line_keys: z.string(),
    shipment_id: z.number(),
    shipment_no: z.string(),
    invoice_id: z.number().nullable(),
  }),
);

function addItem(order: ExistingOrder, r: RowOf<typeof knownLine>, shipmentKeyName: string | null): void {
  if (!order.lines.has(r.line_id))
    order.lines.set(r.line_id, { shipmentNo: r.shipment_no, shipped: r.invoice_id !== null });
  let s = order.shipments.find((x) => x.id === r.shipment_id);
  if (!s) {
    s = { id: r.shipment_id, shipmentNo: r.shipment_no, invoiced: r.invoice_id !== null, shipmentKeys: new Set() };
    order.shipments.push(s);
  }
  s.shipmentKeys.add(keyOf(r.line_keys, shipmentKeyName));
}

/** What Shipdesk holds of these orders, in two queries whatever their number; keyed like orderKeyOf. */
export function existingOrders(
  ctx: ServiceContext,
  orders: readonly { channel: string; orderNo: string }[],
  shipmentKeyName: string | null,
): Map<string, ExistingOrder> {
  const found = knownOrder.all(
    ctx
      .prepare(
        `SELECT o.id, o.channel, o.order_no FROM json_each(?) j
       JOIN orders o ON o.channel = json_extract(j.value, '$[0]') AND o.order_no = json_extract(j.value, '$[1]')`,
      )
      .all(JSON.stringify(orders.map((o) => [o.channel, o.orderNo]))),
  );
  const byId = new Map<number, ExistingOrder & { key: string }>();
  for (const o of found) {
    byId.set(o.id, { id: o.id, key: `${o.channel}\u0001${o.order_no}`, lines: new Map(), shipments: [] });
  }
  if (!byId.size) return new Map();
  const rows = knownLine.all(
    ctx
      .prepare(
        `SELECT oi.order_id, ${LINE_ID_SQL} AS line_id, oi.line_keys, s.id AS shipment_id, s.shipment_no, s.invoice_id
       FROM order_items oi JOIN shipments s ON s.id = oi.shipment_id
       WHERE oi.order_id IN (SELECT value FROM json_each(?)) ORDER BY s.id, oi.id`,
      )
      .all(JSON.stringify([...byId.keys()])),
  );
  for (const r of rows) {
    const order = byId.get(r.order_id);
    if (order) addItem(order, r, shipmentKeyName);
  }
  return new Map([...byId.values()].map((o) => [o.key, { id: o.id, lines: o.lines, shipments: o.shipments }]));
}
