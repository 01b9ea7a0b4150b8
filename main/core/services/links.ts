// How a shipment relates to others: the other parcels of its order (a split), the original order's
// parcels of an exchange, and the exchanges made for an order. The dialog shows them both ways.
import { z } from 'zod';
import { rowReader } from '../db/rows';
import type { ServiceContext } from './context';

/** Lines entered before orders were imported have no channel line id: their own id stands in. */
export const LINE_ID_SQL = 'coalesce(oi.line_id, CAST(oi.id AS TEXT))';

export interface ShipmentLinks {
  siblingShipmentNos: string[];
  originalShipmentNos: string[];
  exchangeShipments: { orderNo: string; shipmentNo: string }[];
}

const orderOfShipment = rowReader(
  'order of a shipment',
  z.object({ id: z.number(), original_order_id: z.number().nullable() }),
);

const shipmentNumber = rowReader('shipment number', z.object({ shipment_no: z.string() }));

const exchangeShipment = rowReader('exchange shipment', z.object({ order_no: z.string(), shipment_no: z.string() }));

export function shipmentLinks(ctx: ServiceContext, shipmentId: number): ShipmentLinks {
  const order = orderOfShipment.one(
    ctx
      .prepare('SELECT o.id, o.original_order_id FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.id = ?')
      .get(shipmentId),
  );
  if (!order) return { siblingShipmentNos: [], originalShipmentNos: [], exchangeShipments: [] };
  const numbers = ctx.prepare('SELECT shipment_no FROM shipments WHERE order_id = ? ORDER BY id');
  const siblings = shipmentNumber
    .all(numbers.all(order.id))
    .map((r) => r.shipment_no)
    .filter((_, i, all) => all.length > 1);
  const mine = shipmentNumber.single(
    ctx.prepare('SELECT shipment_no FROM shipments WHERE id = ?').get(shipmentId),
  ).shipment_no;
  const originals =
    order.original_order_id === null
      ? []
      : shipmentNumber.all(numbers.all(order.original_order_id)).map((r) => r.shipment_no);
  const exchanges = exchangeShipment.all(
    ctx
      .prepare(
        `SELECT o.order_no, s.shipment_no FROM orders o JOIN shipments s ON s.order_id = o.id
       WHERE o.original_order_id = ? ORDER BY s.id`,
      )
      .all(order.id),
  );
  return {
    siblingShipmentNos: siblings.filter((no) => no !== mine),
    originalShipmentNos: originals,
    exchangeShipments: exchanges.map((e) => ({ orderNo: e.order_no, shipmentNo: e.shipment_no })),
  };
}
