// Shipment numbers are serials handed out once: above every number ever given (kept in serials,
// so a shipment merged away never gives its number to another) and above every stored shipment
// (demo data and older desks wrote ids directly). Call inside the write's transaction.
// A pool member mints its numbers in its own range (its station code first, docs/HUB.md "Shipment
// numbers"), so two stations importing offline never mint the same number; the row id stays local.
import { ShipdeskError } from '../../../shared/errors';
import { formatShipmentNo, SERIALS_PER_STATION, stationRange, stationShipmentNo } from '../../../shared/shipmentNo';
import type { ServiceContext } from '../services/context';
import { stationCode } from '../hub/membership';

function nextRowId(ctx: ServiceContext): number {
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
  return row.next;
}

/** The next serial of this station's own range, above any number of the range it already holds. */
function nextPoolNumber(ctx: ServiceContext, code: number): string {
  const range = stationRange(code);
  const held = ctx
    .prepare('SELECT max(shipment_no) AS no FROM shipments WHERE shipment_no BETWEEN ? AND ?')
    .get(range.first, range.last) as { no: string | null };
  const given = ctx.prepare("SELECT last FROM serials WHERE name = 'pool-shipment'").get() as
    { last: number } | undefined;
  const next = Math.max(given?.last ?? 0, held.no ? Number(held.no.slice(-7)) : 0) + 1;
  if (next >= SERIALS_PER_STATION) {
    throw new ShipdeskError(
      'INVALID_STATE',
      'This station has used every shipment number of its range. Ask the administrator to enrol it again under a new station name.',
    );
  }
  ctx
    .prepare(
      "INSERT INTO serials (name, last) VALUES ('pool-shipment', ?) ON CONFLICT(name) DO UPDATE SET last = excluded.last",
    )
    .run(next);
  return stationShipmentNo(code, next);
}

export function nextShipmentSerial(ctx: ServiceContext): { id: number; shipmentNo: string } {
  const id = nextRowId(ctx);
  const code = stationCode(ctx);
  return { id, shipmentNo: code === null ? formatShipmentNo(id) : nextPoolNumber(ctx, code) };
}
