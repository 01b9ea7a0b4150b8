// Splitting an order's parcel into several (each its own Shipment No., later its own invoice) and
// merging them back while none has an invoice. Lines move whole or by quantity; a merged-away
// shipment's number is never handed out again (serials), and its history moves with its lines.
import { z } from 'zod';
import type { ShipmentDetail } from '../../../shared/api/contract';
import { normalizeShipmentNo } from '../../../shared/shipmentNo';
import { countRow, rowReader } from '../db/rows';
import { mayMerge, mayMergeCount, maySplit } from '../domain/regroupRules';
import { orThrow } from '../domain/verdict';
import type { ServiceContext } from '../services/context';
import { regroupBases } from '../services/stationMeta';
import { writeHistory } from '../services/historyEntries';
import type { Actor } from '../services/invoices';
import { findShipment, getShipment, type ShipmentRef } from '../services/shipments';
import { LINE_ID_SQL } from '../services/links';
import { nextShipmentSerial } from './serials';

const ItemRow = rowReader('line to regroup', z.object({ id: z.number(), lineId: z.string(), quantity: z.number() }));
type Item = ReturnType<typeof ItemRow.all>[number];

function itemsOf(ctx: ServiceContext, shipmentId: number): Item[] {
  return ItemRow.all(
    ctx
      .prepare(
        `SELECT oi.id, ${LINE_ID_SQL} AS lineId, oi.quantity FROM order_items oi WHERE oi.shipment_id = ? ORDER BY oi.id`,
      )
      .all(shipmentId),
  );
}

const linesOf = (items: readonly Item[]) => items.map((i) => ({ lineId: i.lineId, quantity: i.quantity }));

/** The facts the split and merge rules (main/core/domain/regroupRules.ts) decide on. */
const regroupFacts = (ref: ShipmentRef) => ({
  shipmentNo: ref.shipmentNo,
  status: ref.status,
  hasInvoice: ref.invoiceId !== null,
});

const OrderRow = rowReader('order of a shipment', z.object({ order_id: z.number() }));
const ReferenceRow = rowReader('shipment reference column', z.object({ table: z.string(), column: z.string() }));

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
    const items = itemsOf(ctx, ref.id);
    orThrow(maySplit(regroupFacts(ref), linesOf(items), input.lines));
    const bases = regroupBases(ctx, [ref.shipmentNo]);
    const byLine = new Map(items.map((i) => [i.lineId, i]));
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
  return ReferenceRow.all(
    ctx
      .prepare(
        `SELECT m.name AS "table", f."from" AS "column" FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table' AND f."table" = 'shipments'`,
      )
      .all(),
  );
}

export function mergeShipments(ctx: ServiceContext, input: { shipmentNos: string[] }, actor: Actor): ShipmentDetail {
  const at = ctx.clock();
  const nos = [...new Set(input.shipmentNos.map(normalizeShipmentNo))];
  orThrow(mayMergeCount(nos.length));
  const merged = ctx.db.transaction(() => {
    const refs = nos.map((no) => findShipment(ctx, no)).sort((a, b) => a.id - b.id);
    const orderOf = ctx.prepare('SELECT order_id FROM shipments WHERE id = ?');
    const pending = ctx.prepare(
      "SELECT count(*) AS n FROM outbox WHERE shipment_id = ? AND state IN ('pending','leased')",
    );
    orThrow(
      mayMerge(
        refs.map((r) => ({
          ...regroupFacts(r),
          order: String(OrderRow.single(orderOf.get(r.id)).order_id),
          recipientKey: r.recipientKey,
          carrierWorkWaiting: countRow.single(pending.get(r.id)).n > 0,
        })),
      ),
    );
    const bases = regroupBases(
      ctx,
      refs.map((r) => r.shipmentNo),
    );
    const [survivor, ...others] = refs;
    // mayMerge refused fewer than two.
    if (!survivor) throw new Error('A merge without shipments passed its rules');
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
