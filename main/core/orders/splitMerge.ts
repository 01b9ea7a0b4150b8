// Splitting an order's parcel into several (each its own Shipment No., later its own invoice) and
// merging them back while none has an invoice. Lines move whole or by quantity; a merged-away
// shipment's number is never handed out again (serials), and its history moves with its lines.
import type { ShipmentDetail } from '../../../shared/contract';
import { ShipdeskError } from '../../../shared/errors';
import { normalizeShipmentNo } from '../../../shared/shipmentNo';
import type { ServiceContext } from '../services/context';
import { regroupBases } from '../services/stationMeta';
import { writeHistory } from '../services/historyEntries';
import type { Actor } from '../services/invoices';
import { findShipment, getShipment, type ShipmentRef } from '../services/shipments';
import { LINE_ID_SQL } from '../services/links';
import { nextShipmentSerial } from './serials';

interface Item {
  id: number;
  lineId: string;
  quantity: number;
}

function itemsOf(ctx: ServiceContext, shipmentId: number): Item[] {
  return ctx
    .prepare(
      `SELECT oi.id, ${LINE_ID_SQL} AS lineId, oi.quantity FROM order_items oi WHERE oi.shipment_id = ? ORDER BY oi.id`,
    )
    .all(shipmentId) as Item[];
}

const linesOf = (items: readonly Item[]) => items.map((i) => ({ lineId: i.lineId, quantity: i.quantity }));

function refuseInvoiced(ref: ShipmentRef, what: string): void {
  if (ref.invoiceId !== null || ref.status !== 'AWAITING_INVOICE') {
    throw new ShipdeskError(
      'INVALID_STATE',
      `${ref.shipmentNo} already has an invoice, so it cannot be ${what}. Delete its invoice first (if its status allows), then try again.`,
      { shipmentNo: ref.shipmentNo },
    );
  }
}

/** Copies a shipment's order, recipient, address and facets to a new serial with no invoice. */
function copyShipment(ctx: ServiceContext, sourceId: number, at: number): { id: number; shipmentNo: string } {
  const serial = nextShipmentSerial(ctx);
  ctx
    .prepare(
      `INSERT INTO shipments (id, shipment_no, order_id, ordered_at, order_day, claim, recipient_name, recipient_phone,
         country, postal_code, address_line1, address_line2, memo, warehouse_id, policy_id, option_id, region,
         status, tab, invoice_id, last_event_at, updated_at)
       SELECT ?, ?, order_id, ordered_at, order_day, claim, recipient_name, recipient_phone, country, postal_code,
         address_line1, address_line2, memo, warehouse_id, policy_id, option_id, region,
         'AWAITING_INVOICE', 'preparing', NULL, NULL, ?
       FROM shipments WHERE id = ?`,
    )
    .run(serial.id, serial.shipmentNo, at, sourceId);
  return serial;
}

export function splitShipment(
  ctx: ServiceContext,
  input: { shipmentNo: string; lines: { lineId: string; quantity: number }[] },
  actor: Actor,
): ShipmentDetail {
  const at = ctx.clock();
  const made = ctx.db.transaction(() => {
    const ref = findShipment(ctx, input.shipmentNo);
    refuseInvoiced(ref, 'split');
    const bases = regroupBases(ctx, [ref.shipmentNo]);
    const items = itemsOf(ctx, ref.id);
    const byLine = new Map(items.map((i) => [i.lineId, i]));
    const seen = new Set<string>();
    for (const want of input.lines) {
      const item = byLine.get(want.lineId);
      if (!item) {
        throw new ShipdeskError(
          'INVALID_INPUT',
          `Line ${want.lineId} is not on ${ref.shipmentNo}. Its lines are: ${items.map((i) => i.lineId).join(', ')}.`,
        );
      }
      if (seen.has(want.lineId)) throw new ShipdeskError('INVALID_INPUT', `Line ${want.lineId} is named twice.`);
      seen.add(want.lineId);
      if (want.quantity > item.quantity) {
        throw new ShipdeskError(
          'INVALID_INPUT',
          `Line ${want.lineId} has ${item.quantity} piece${item.quantity > 1 ? 's' : ''} on ${ref.shipmentNo}; ${want.quantity} cannot move.`,
        );
      }
    }
    const moving = input.lines.reduce((n, l) => n + l.quantity, 0);
    const total = items.reduce((n, i) => n + i.quantity, 0);
    if (moving >= total) {
      throw new ShipdeskError(
        'INVALID_INPUT',
        `That moves everything on ${ref.shipmentNo}; a split leaves at least one piece on it. Move fewer lines or pieces.`,
      );
    }
    const before = linesOf(items);
    const created = copyShipment(ctx, ref.id, at);
    // The line keeps its identity on both shipments, also when it had no channel id of its own.
    const keepId = ctx.prepare('UPDATE order_items SET line_id = coalesce(line_id, CAST(id AS TEXT)) WHERE id = ?');
    for (const want of input.lines) {
      const item = byLine.get(want.lineId);
      if (!item) continue;
      if (want.quantity === item.quantity) {
        keepId.run(item.id);
        ctx.prepare('UPDATE order_items SET shipment_id = ? WHERE id = ?').run(created.id, item.id);
        continue;
      }
      keepId.run(item.id);
      ctx.prepare('UPDATE order_items SET quantity = quantity - ? WHERE id = ?').run(want.quantity, item.id);
      ctx
        .prepare(
          `INSERT INTO order_items (order_id, shipment_id, product_id, product_name, option_name, quantity, line_id, line_keys, source_json)
           SELECT order_id, ?, product_id, product_name, option_name, ?, line_id, line_keys, source_json FROM order_items WHERE id = ?`,
        )
        .run(created.id, want.quantity, item.id);
    }
    ctx.prepare('UPDATE shipments SET updated_at = ? WHERE id = ?').run(at, ref.id);
    const common = { operator: actor.operator, via: actor.via, at, reason: null };
    writeHistory(ctx, {
      ...common,
      shipmentId: ref.id,
      action: 'split',
      before: { lines: before },
      after: { lines: linesOf(itemsOf(ctx, ref.id)), shipmentNos: [created.shipmentNo] },
    });
    writeHistory(ctx, {
      ...common,
      shipmentId: created.id,
      action: 'split',
      before: { shipmentNos: [ref.shipmentNo] },
      after: { lines: linesOf(itemsOf(ctx, created.id)) },
    });
    ctx.changeRecorded({
      kind: 'regroup',
      retired: bases,
      added: [ref.shipmentNo, created.shipmentNo],
      operator: actor.operator,
      at,
    });
    return { from: ref.shipmentNo, created: created.shipmentNo };
  })();
  ctx.events.emit({ type: 'shipments.changed', shipmentNos: [made.from, made.created] });
  return getShipment(ctx, made.created);
}

/** Every column that points at a shipment, in every table: a merged-away shipment's rows follow it. */
function shipmentReferences(ctx: ServiceContext): { table: string; column: string }[] {
  return ctx
    .prepare(
      `SELECT m.name AS "table", f."from" AS "column" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
       WHERE m.type = 'table' AND f."table" = 'shipments'`,
    )
    .all() as { table: string; column: string }[];
}

export function mergeShipments(ctx: ServiceContext, input: { shipmentNos: string[] }, actor: Actor): ShipmentDetail {
  const at = ctx.clock();
  const nos = [...new Set(input.shipmentNos.map(normalizeShipmentNo))];
  if (nos.length < 2) throw new ShipdeskError('INVALID_INPUT', 'Choose at least two different shipments to merge.');
  const merged = ctx.db.transaction(() => {
    const refs = nos.map((no) => findShipment(ctx, no)).sort((a, b) => a.id - b.id);
    for (const ref of refs) refuseInvoiced(ref, 'merged');
    const bases = regroupBases(
      ctx,
      refs.map((r) => r.shipmentNo),
    );
    const orderOf = ctx.prepare('SELECT order_id FROM shipments WHERE id = ?');
    const orders = new Set(refs.map((r) => (orderOf.get(r.id) as { order_id: number }).order_id));
    if (orders.size > 1) {
      throw new ShipdeskError(
        'INVALID_INPUT',
        `${refs.map((r) => r.shipmentNo).join(', ')} belong to different orders; only the parcels of one order merge.`,
      );
    }
    if (new Set(refs.map((r) => r.recipientKey)).size > 1) {
      throw new ShipdeskError(
        'INVALID_INPUT',
        'These parcels now go to different recipients or addresses. Make the addresses the same first, or keep them apart.',
      );
    }
    const [survivor, ...others] = refs;
    if (!survivor) throw new ShipdeskError('INVALID_INPUT', 'Choose at least two shipments to merge.');
    const pending = ctx.prepare(
      "SELECT count(*) AS n FROM outbox WHERE shipment_id = ? AND state IN ('pending','leased')",
    );
    for (const o of others) {
      if ((pending.get(o.id) as { n: number }).n > 0) {
        throw new ShipdeskError(
          'INVALID_STATE',
          `${o.shipmentNo} still has work waiting to reach the carrier. Wait for the sync to finish, then merge.`,
        );
      }
    }
    const before = linesOf(itemsOf(ctx, survivor.id));
    const references = shipmentReferences(ctx).filter((r) => r.table !== 'order_items');
    for (const o of others) {
      const mine = new Map(itemsOf(ctx, survivor.id).map((i) => [i.lineId, i]));
      for (const item of itemsOf(ctx, o.id)) {
        const same = mine.get(item.lineId);
        if (same) {
          ctx.prepare('UPDATE order_items SET quantity = quantity + ? WHERE id = ?').run(item.quantity, same.id);
          ctx.prepare('DELETE FROM order_items WHERE id = ?').run(item.id);
        } else ctx.prepare('UPDATE order_items SET shipment_id = ? WHERE id = ?').run(survivor.id, item.id);
      }
      for (const r of references) {
        ctx.prepare(`UPDATE "${r.table}" SET "${r.column}" = ? WHERE "${r.column}" = ?`).run(survivor.id, o.id);
      }
      ctx.prepare('DELETE FROM shipments WHERE id = ?').run(o.id);
    }
    ctx.prepare('UPDATE shipments SET updated_at = ? WHERE id = ?').run(at, survivor.id);
    writeHistory(ctx, {
      shipmentId: survivor.id,
      action: 'merged',
      before: { lines: before },
      after: { lines: linesOf(itemsOf(ctx, survivor.id)), shipmentNos: others.map((o) => o.shipmentNo) },
      operator: actor.operator,
      via: actor.via,
      at,
      reason: null,
    });
    ctx.changeRecorded({ kind: 'regroup', retired: bases, added: [survivor.shipmentNo], operator: actor.operator, at });
    return { survivor: survivor.shipmentNo, gone: others.map((o) => o.shipmentNo) };
  })();
  ctx.events.emit({ type: 'shipments.changed', shipmentNos: [merged.survivor, ...merged.gone] });
  return getShipment(ctx, merged.survivor);
}
