// Commit: in one IMMEDIATE transaction the lines are checked again (the desk may have changed since
// the preview), then the new orders, their shipments (one per order, or per Coupang bundle) and
// lines are written, with a 'created' history entry per shipment, as one import batch.
import { z } from 'zod';
import { idRow, rowReader } from '../db/rows';
import type { OrdersCommitResult } from '../../../shared/api/contract';
import { findChannel } from '../../../shared/channels';
import { dayOf } from '../domain/time';
import type { ServiceContext } from '../services/context';
import { writeHistory } from '../services/historyEntries';
import type { Actor } from '../services/invoices';
import { checkLines, publicLine, type CheckSettings, type CheckedImport, type NewShipment } from './checkLines';

/** A sheet's lines checked ahead of its commit; good only while nothing was written to the desk since. */
export interface Prechecked {
  checked: CheckedImport;
  stillValid(): boolean;
}
import { facetId, FACET_KINDS, type FacetKind } from './facets';
import type { StoredOrderImport } from './store';
import { nextShipmentSerials, type ShipmentSerial } from './serials';

function insertOrders(ctx: ServiceContext, checked: CheckedImport): Map<string, number> {
  const ids = new Map<string, number>();
  const insert = ctx.prepare(
    `INSERT INTO orders (channel, order_no, ordered_at, sales_channel, buyer_name, claim, original_order_id)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const findId = ctx.prepare('SELECT id FROM orders WHERE channel = ? AND order_no = ?');
  const orders = [...checked.orders.values()];
  // Originals first, so an exchange in the same file can point at its original's new id.
  orders.sort((a, b) => Number(a.claim === 'exchange') - Number(b.claim === 'exchange'));
  for (const o of orders) {
    if (o.existingId !== null) {
      ids.set(o.key, o.existingId);
      continue;
    }
    let originalId: number | null = null;
    if (o.originalKey) {
      const [channel = '', orderNo = ''] = o.originalKey.split('\u0001');
      originalId = ids.get(o.originalKey) ?? idRow.one(findId.get(channel, orderNo))?.id ?? null;
      // checkLines refuses an exchange without its original; saving it unlinked would hide the claim.
      if (originalId === null) throw new Error(`The exchange ${o.orderNo} reached the commit without its original.`);
    }
    const salesChannel = findChannel(o.channel)?.nameKo ?? o.channel;
    const id = Number(
      insert.run(o.channel, o.orderNo, o.orderedAt, salesChannel, o.buyerName, o.claim, originalId).lastInsertRowid,
    );
    ids.set(o.key, id);
  }
  return ids;
}

function insertShipment(
  ctx: ServiceContext,
  serial: ShipmentSerial,
  s: NewShipment,
  order: { id: number; orderedAt: number; claim: string },
  timeZone: string,
  at: number,
): ShipmentSerial {
  const ids = {} as Record<FacetKind, number>;
  for (const kind of FACET_KINDS) ids[kind] = facetId(ctx, kind, s.facets[kind]);
  ctx
    .prepare(
      `INSERT INTO shipments (id, shipment_no, order_id, ordered_at, order_day, claim, recipient_name, recipient_phone,
         country, postal_code, address_line1, address_line2, memo, warehouse_id, policy_id, option_id, region,
         status, tab, invoice_id, last_event_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'AWAITING_INVOICE', 'preparing', NULL, NULL, ?)`,
    )
    .run(
      serial.id,
      serial.shipmentNo,
      order.id,
      order.orderedAt,
      dayOf(order.orderedAt, timeZone),
      order.claim,
      s.recipientName,
      s.recipientPhone,
      s.country,
      s.postalCode,
      s.addressLine1,
      s.addressLine2,
      s.memo,
      ids.warehouse,
      ids.policy,
      ids.option,
      s.region,
      at,
    );
  return serial;
}

const madeOrder = rowReader(
  'order just written',
  z.object({ id: z.number(), ordered_at: z.number(), claim: z.string() }),
);

export function commitOrders(
  ctx: ServiceContext,
  stored: StoredOrderImport,
  settings: CheckSettings,
  actor: Actor,
  /** More writes that belong to this commit (saving the mapping as a profile). */
  alsoWrite: () => void = () => undefined,
  /** The same check made ahead (while the operator read the preview), used if nothing was written since. */
  prechecked?: Prechecked,
): { result: OrdersCommitResult; changedShipments: string[] } {
  const at = ctx.clock();
  const run = ctx.db.transaction(() => {
    // Asked inside the transaction, which holds the write lock: nothing can land after the answer.
    const checked = prechecked?.stillValid()
      ? prechecked.checked
      : checkLines(ctx, stored.drafts, stored.plan, settings);
    const orderIds = insertOrders(ctx, checked);
    const orderRow = ctx.prepare('SELECT id, ordered_at, claim FROM orders WHERE id = ?');
    const made = new Map<string, ShipmentSerial>();
    const toMake = [...checked.shipments.values()].flatMap((s) => {
      const orderId = orderIds.get(s.orderKey);
      return orderId === undefined ? [] : [{ s, orderId }];
    });
    const serials = nextShipmentSerials(ctx, toMake.length);
    toMake.forEach(({ s, orderId }, i) => {
      const o = madeOrder.single(orderRow.get(orderId));
      const serial = serials[i]!;
      made.set(
        s.key,
        insertShipment(ctx, serial, s, { id: o.id, orderedAt: o.ordered_at, claim: o.claim }, settings.timeZone, at),
      );
    });
    const item = ctx.prepare(
      `INSERT INTO order_items (order_id, shipment_id, product_id, product_name, option_name, quantity, line_id, line_keys, source_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const touched = ctx.prepare('UPDATE shipments SET updated_at = ? WHERE id = ?');
    const lineIds = new Map<number, { lineId: string; quantity: number }[]>();
    for (const l of checked.lines) {
      if (l.outcome !== 'create' || !l.target) continue;
      const orderId = orderIds.get(l.orderKey);
      const shipment =
        l.target.kind === 'new' ? made.get(l.target.key) : { id: l.target.shipmentId, shipmentNo: l.target.shipmentNo };
      if (orderId === undefined || !shipment) continue;
      item.run(
        orderId,
        shipment.id,
        l.productId,
        l.productName,
        l.optionName,
        l.quantity,
        l.lineId,
        JSON.stringify(l.keys),
        l.source ? JSON.stringify(l.source) : null,
      );
      if (l.target.kind === 'existing') touched.run(at, shipment.id);
      l.shipmentNo = shipment.shipmentNo;
      lineIds.set(shipment.id, [...(lineIds.get(shipment.id) ?? []), { lineId: l.lineId, quantity: l.quantity }]);
    }
    for (const s of made.values()) {
      writeHistory(ctx, {
        shipmentId: s.id,
        action: 'created',
        before: null,
        after: { lines: lineIds.get(s.id) ?? [], source: stored.fileName },
        operator: actor.operator,
        via: actor.via,
        at,
        reason: `Order sheet: ${stored.fileName}`,
      });
    }
    const ids = new Map([...made.values()].map((m) => [m.shipmentNo, m.id]));
    for (const l of checked.lines) if (l.target?.kind === 'existing') ids.set(l.target.shipmentNo, l.target.shipmentId);
    const batchId = recordBatch(ctx, stored, checked, actor, at, ids);
    ctx.changeRecorded({ kind: 'imported', shipmentNos: [...ids.keys()], operator: actor.operator, at });
    alsoWrite();
    return { checked, batchId, made: [...made.values()].map((m) => m.shipmentNo) };
  });
  const { checked, batchId, made } = run.immediate();

  const before = new Map(stored.lines.map((l) => [l.row, l]));
  const changedSincePreview = checked.lines.filter((l) => {
    const b = before.get(l.row);
    return !b || b.outcome !== l.outcome || b.code !== l.code;
  }).length;
  const created = checked.lines.filter((l) => l.outcome === 'create').length;
  const result: OrdersCommitResult = {
    batchId,
    importId: stored.importId,
    fileName: stored.fileName,
    profile: stored.plan.profile.name,
    created: { lines: created, orders: checked.totals.orders, shipments: made.length },
    alreadyPresent: checked.lines.filter((l) => l.code === 'ALREADY_PRESENT').length,
    failed: checked.lines.filter((l) => l.outcome === 'reject').length,
    changedSincePreview,
    totals: checked.totals,
    rows: checked.lines.map(publicLine),
    shipmentNos: made,
    savedProfile: null,
  };
  stored.lines = checked.lines;
  const changedShipments = [
    ...new Set(checked.lines.filter((l) => l.outcome === 'create' && l.shipmentNo).map((l) => l.shipmentNo ?? '')),
  ];
  return { result, changedShipments };
}

function recordBatch(
  ctx: ServiceContext,
  stored: StoredOrderImport,
  checked: CheckedImport,
  actor: Actor,
  at: number,
  shipmentIds: Map<string, number>,
): number {
  const count = (o: string) => checked.lines.filter((l) => l.outcome === o).length;
  const batchId = Number(
    ctx
      .prepare(
        `INSERT INTO import_batches (file_name, file_hash, format, operator, committed_at, row_count, registered, modified, skipped, failed, kind, profile)
         VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 'orders', ?)`,
      )
      .run(
        stored.fileName,
        stored.fileHash,
        stored.grid.format,
        actor.operator,
        at,
        checked.lines.length,
        count('create'),
        count('skip'),
        count('reject'),
        stored.plan.profile.name,
      ).lastInsertRowid,
  );
  const shipmentId = ctx.prepare('SELECT id FROM shipments WHERE shipment_no = ?');
  const record = ctx.prepare(
    `INSERT INTO order_import_lines (batch_id, row_no, channel, order_no, line_id, outcome, shipment_id, code, message)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const OUTCOME = { create: 'created', skip: 'present', reject: 'failed' } as const;
  for (const l of checked.lines) {
    const sid = l.shipmentNo
      ? (shipmentIds.get(l.shipmentNo) ?? idRow.one(shipmentId.get(l.shipmentNo))?.id ?? null)
      : null;
    record.run(
      batchId,
      l.row,
      l.channel,
      l.orderNo,
      l.lineId,
      OUTCOME[l.outcome],
      sid,
      l.code ?? null,
      l.message ?? null,
    );
  }
  return batchId;
}
