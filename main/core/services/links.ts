// How a shipment relates to others: the other parcels of its order (a split), the original order's
// parcels of an exchange, and the exchanges made for an order. The dialog shows them both ways.
import type { ServiceContext } from './context';

/** Lines entered before orders were imported have no channel line id: their own id stands in. */
export const LINE_ID_SQL = 'coalesce(oi.line_id, CAST(oi.id AS TEXT))';

export interface ShipmentLinks {
  siblingShipmentNos: string[];
  originalShipmentNos: string[];
  exchangeShipments: { orderNo: string; shipmentNo: string }[];
}

export function shipmentLinks(ctx: ServiceContext, shipmentId: number): ShipmentLinks {
  const order = ctx
    .prepare('SELECT o.id, o.original_order_id FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.id = ?')
    .get(shipmentId) as { id: number; original_order_id: number | null } | undefined;
  if (!order) return { siblingShipmentNos: [], originalShipmentNos: [], exchangeShipments: [] };
  const numbers = ctx.prepare('SELECT shipment_no FROM shipments WHERE order_id = ? ORDER BY id');
  const siblings = (numbers.all(order.id) as { shipment_no: string }[])
    .map((r) => r.shipment_no)
    .filter((_, i, all) => all.length > 1);
  const mine = (
    ctx.prepare('SELECT shipment_no FROM shipments WHERE id = ?').get(shipmentId) as { shipment_no: string }
  ).shipment_no;
  const originals =
    order.original_order_id === null
      ? []
      : (numbers.all(order.original_order_id) as { shipment_no: string }[]).map((r) => r.shipment_no);
  const exchanges = ctx
    .prepare(
      `SELECT o.order_no, s.shipment_no FROM orders o JOIN shipments s ON s.order_id = o.id
       WHERE o.original_order_id = ? ORDER BY s.id`,
    )
    .all(order.id) as { order_no: string; shipment_no: string }[];
  return {
    siblingShipmentNos: siblings.filter((no) => no !== mine),
    originalShipmentNos: originals,
    exchangeShipments: exchanges.map((e) => ({ orderNo: e.order_no, shipmentNo: e.shipment_no })),
  };
}
