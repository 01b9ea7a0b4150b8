// A Shipment No. minted twice (two desks that imported before they joined, or a copied station
// file): the pool keeps the first station's parcel under it and this station's stays here, unshared,
// until the operator gives it a new number of this station's own range (docs/HUB.md "Shipment numbers").
import { z } from 'zod';
import { idRow, rowReader } from '../db/rows';
import { ShipdeskError } from '../../../shared/errors';
import type { PoolState } from '../../../shared/hub';
import { nextShipmentSerial } from '../orders/serials';
import type { ServiceContext } from '../services/context';
import { writeHistory } from '../services/historyEntries';
import type { Actor } from '../services/invoices';
import { applyPoolState } from './applyState';
import { recordImportedShipments } from './record';

const orderNumber = rowReader('order number of a shipment', z.object({ order_no: z.string() }));

/** The pool's shipment under this number is another order's than the one this station has under it. */
export function isOtherParcel(ctx: ServiceContext, s: PoolState): boolean {
  const local = orderNumber.one(
    ctx
      .prepare('SELECT o.order_no FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.shipment_no = ?')
      .get(s.shipmentNo),
  );
  return local !== undefined && local.order_no !== s.orderNo;
}

/**
 * "Use mine" on a taken number: the parcel gets the next number of this station's range and goes to
 * the pool under it; the other station's shipment under the old number comes in from the pool.
 * Call inside a transaction. Returns the new number.
 */
export function renumberParcel(
  ctx: ServiceContext,
  shipmentNo: string,
  actor: Actor,
  takeDeferred: (shipmentNo: string) => PoolState | null,
): string {
  const row = idRow.one(ctx.prepare('SELECT id FROM shipments WHERE shipment_no = ?').get(shipmentNo));
  if (!row)
    throw new ShipdeskError('NOT_FOUND', `${shipmentNo} is no longer at this station; keep the pool’s version.`);
  const at = ctx.clock();
  const fresh = nextShipmentSerial(ctx).shipmentNo;
  ctx.prepare('UPDATE shipments SET shipment_no = ?, updated_at = ? WHERE id = ?').run(fresh, at, row.id);
  writeHistory(ctx, {
    shipmentId: row.id,
    action: 'split',
    before: { shipmentNos: [shipmentNo] },
    after: { shipmentNos: [fresh] },
    operator: actor.operator,
    via: actor.via,
    at,
    reason: `New Shipment No.: another station has ${shipmentNo} for another order. Reprint the packing slip.`,
  });
  recordImportedShipments(ctx, [fresh], actor.operator, at);
  const theirs = takeDeferred(shipmentNo);
  if (theirs) applyPoolState(ctx, theirs, null, true);
  return fresh;
}
