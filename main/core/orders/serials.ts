// Shipment numbers are serials handed out once: above every number ever given (kept in serials,
// so a shipment merged away never gives its number to another) and above every stored shipment
// (demo data and older desks wrote ids directly). Call inside the write's transaction.
import { formatShipmentNo } from '../../../shared/shipmentNo';
import type { ServiceContext } from '../services/context';

export function nextShipmentSerial(ctx: ServiceContext): { id: number; shipmentNo: string } {
  const row = ctx
    .prepare(
      `SELECT max(coalesce((SELECT last FROM serials WHERE name = 'shipment'), 0),
                  coalesce((SELECT max(id) FROM shipments), 0)) + 1 AS next`,
    )
    .get() as { next: number };
  ctx
    .prepare(
      "INSERT INTO serials (name, last) VALUES ('shipment', ?) ON CONFLICT(name) DO UPDATE SET last = excluded.last",
    )
    .run(row.next);
  return { id: row.next, shipmentNo: formatShipmentNo(row.next) };
}
