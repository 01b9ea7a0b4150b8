// Shipment numbers are serials handed out once: above every number ever given (kept in serials,
// so a shipment merged away never gives its number to another) and above every stored shipment
// (demo data and older desks wrote ids directly). Call inside the write's transaction.
// A pool member mints its numbers in its own range (its station code first, docs/HUB.md "Shipment
// numbers"), so two stations importing offline never mint the same number; the row id stays local.
import { z } from 'zod';
import { rowReader } from '../db/rows';
import { ShipdeskError } from '../../../shared/errors';
import { formatShipmentNo, SERIALS_PER_STATION, stationRange, stationShipmentNo } from '../../../shared/shipmentNo';
import type { ServiceContext } from '../services/context';
import { stationCode } from '../services/stationMeta';

const nextRowId = rowReader('next row id', z.object({ next: z.number() }));

/** The first of `count` row ids, all reserved by one write. */
function nextRowIds(ctx: ServiceContext, count: number): number {
  const row = nextRowId.single(
    ctx
      .prepare(
        `SELECT max(coalesce((SELECT last FROM serials WHERE name = 'shipment'), 0),
                  coalesce((SELECT max(id) FROM shipments), 0)) + 1 AS next`,
      )
      .get(),
  );
  ctx
    .prepare(
      "INSERT INTO serials (name, last) VALUES ('shipment', ?) ON CONFLICT(name) DO UPDATE SET last = excluded.last",
    )
    .run(row.next + count - 1);
  return row.next;
}

const highestHeld = rowReader('highest number held', z.object({ no: z.string().nullable() }));

const serialGiven = rowReader('pool serial given', z.object({ last: z.number() }));

/** The first of `count` serials of this station's own range, above any number of the range it already holds. */
function nextPoolSerials(ctx: ServiceContext, code: number, count: number): number {
  const range = stationRange(code);
  const held = highestHeld.single(
    ctx
      .prepare('SELECT max(shipment_no) AS no FROM shipments WHERE shipment_no BETWEEN ? AND ?')
      .get(range.first, range.last),
  );
  const given = serialGiven.one(ctx.prepare("SELECT last FROM serials WHERE name = 'pool-shipment'").get());
  const next = Math.max(given?.last ?? 0, held.no ? Number(held.no.slice(-7)) : 0) + 1;
  if (next + count - 1 >= SERIALS_PER_STATION) {
    throw new ShipdeskError(
      'INVALID_STATE',
      'This station has used every shipment number of its range. Ask the administrator to enrol it again under a new station name.',
    );
  }
  ctx
    .prepare(
      "INSERT INTO serials (name, last) VALUES ('pool-shipment', ?) ON CONFLICT(name) DO UPDATE SET last = excluded.last",
    )
    .run(next + count - 1);
  return next;
}

export interface ShipmentSerial {
  id: number;
  shipmentNo: string;
}

/** `count` new shipments' ids and numbers, reserved together (an order sheet makes thousands at once). */
export function nextShipmentSerials(ctx: ServiceContext, count: number): ShipmentSerial[] {
  if (count <= 0) return [];
  const firstId = nextRowIds(ctx, count);
  const code = stationCode(ctx);
  const firstPool = code === null ? 0 : nextPoolSerials(ctx, code, count);
  return Array.from({ length: count }, (_, i) => ({
    id: firstId + i,
    shipmentNo: code === null ? formatShipmentNo(firstId + i) : stationShipmentNo(code, firstPool + i),
  }));
}

export function nextShipmentSerial(ctx: ServiceContext): ShipmentSerial {
  const [serial] = nextShipmentSerials(ctx, 1);
  if (!serial) throw new Error('no shipment serial was reserved');
  return serial;
}
