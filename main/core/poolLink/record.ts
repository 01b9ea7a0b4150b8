// A member station writes every change it makes to its hub queue in the same transaction as the
// change, with an operation id and the pool version the change was based on. The carrier work the
// change queued (release, withdraw) is held until the hub has applied it: an offline station never
// releases a number that may lose.
import { z } from 'zod';
import { rowReader } from '../db/rows';
import { randomUUID } from 'node:crypto';
import { OperationSchema, type Operation } from '../../../shared/hub';
import { ShipdeskError } from '../../../shared/errors';
import type { AnyStationChange, RecordedChange, RegroupBase } from '../services/changeRecorded';
import type { Db } from '../db/open';
import type { CoreEvents } from '../push/events';
import { createServiceContext, type ServiceContext } from '../services/context';
import { isMember } from '../services/stationMeta';
import { exportShipmentsByNo } from './poolExport';

/** due_at of carrier work waiting for the hub's verdict: never due until the verdict frees it. */
export const HELD_UNTIL_HUB = 8_000_000_000_000_000;

const poolVersion = rowReader('shipment pool version', z.object({ id: z.number(), pool_version: z.number() }));

/**
 * Call inside the transaction that made the change, after it. Does nothing on a station that is not
 * a member of a pool. Returns the op id, or null.
 */
function recordHubOp(ctx: ServiceContext, change: AnyStationChange): string | null {
  if (!isMember(ctx)) return null;
  refuseTakenNumber(ctx, change.shipmentNo);
  const row = poolVersion.one(
    ctx.prepare('SELECT id, pool_version FROM shipments WHERE shipment_no = ?').get(change.shipmentNo),
  );
  const opId = randomUUID();
  const parsed = OperationSchema.safeParse({
    opId,
    kind: change.kind,
    shipmentNo: change.shipmentNo,
    baseVersion: row && row.pool_version > 0 ? row.pool_version : null,
    scanAt: change.at,
    payload: change.payload,
  });
  if (!parsed.success) {
    // Refused here, before anything is saved, rather than saved locally and never shared.
    const issue = parsed.error.issues[0];
    throw new ShipdeskError(
      'INVALID_INPUT',
      `This change cannot be shared with the other stations (${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unreadable'}). Nothing was saved.`,
    );
  }
  enqueueHubOp(ctx, parsed.data, change.at);
  // A confirmed release holds nothing back; every other change holds the carrier work it queued.
  if (row && change.kind !== 'released') {
    ctx
      .prepare(
        `UPDATE outbox SET due_at = ?, hub_op_id = ? WHERE shipment_id = ? AND state = 'pending' AND hub_op_id IS NULL`,
      )
      .run(HELD_UNTIL_HUB, opId, row.id);
  }
  return opId;
}

/**
 * A parcel whose number another station has in the pool for another order (docs/HUB.md "Shipment
 * numbers"): nothing done to it may be shared, it would land on the other order's shipment. Its
 * conflict closes only when the parcel gets a new number ("use mine").
 */
function refuseTakenNumber(ctx: ServiceContext, shipmentNo: string): void {
  const taken = ctx
    .prepare(`SELECT 1 FROM hub_conflicts WHERE shipment_no = ? AND code = 'SHIPMENT_NO_TAKEN' AND resolved_at IS NULL`)
    .get(shipmentNo);
  if (!taken) return;
  throw new ShipdeskError(
    'SHIPMENT_NO_TAKEN',
    `Another station has ${shipmentNo} in the pool for another order, so this change cannot be shared. Open Conflicts and give this parcel a new number, then try again. Nothing was saved.`,
    { shipmentNo },
  );
}

export function enqueueHubOp(ctx: ServiceContext, op: Operation, at: number): void {
  ctx
    .prepare(`INSERT INTO hub_ops (op_id, shipment_no, kind, op, created_at) VALUES (?, ?, ?, ?, ?)`)
    .run(op.opId, op.shipmentNo, op.kind, JSON.stringify(op), at);
  // Every queued operation leaves at once, whatever wrote it (an edit, a carrier's confirmation, a join).
  ctx.hubOpQueued();
}

/**
 * Orders imported at this station (issue 10's commit calls this in its transaction): their new
 * shipments go to the pool in one operation, so every station gets them.
 */
export function recordImportedShipments(
  ctx: ServiceContext,
  shipmentNos: readonly string[],
  operator: string,
  at: number,
): string | null {
  if (!isMember(ctx) || !shipmentNos.length) return null;
  const shipments = exportShipmentsByNo(ctx.db, shipmentNos).map((e) => e.shipment);
  let first: string | null = null;
  for (let i = 0; i < shipments.length; i += 2000) {
    const part = shipments.slice(i, i + 2000);
    const op = OperationSchema.parse({
      opId: randomUUID(),
      kind: 'importOrders',
      shipmentNo: part[0]!.shipmentNo,
      baseVersion: null,
      scanAt: at,
      payload: { shipments: part, operator },
    });
    enqueueHubOp(ctx, op, at);
    first ??= op.opId;
  }
  return first;
}

/**
 * A split or merge at this station: `retired` are every shipment it regrouped as they were (from
 * regroupBases), `added` the shipments they are now (already written; a regrouped shipment that stays
 * is among them). The pool refuses it if any regrouped shipment changed or got an invoice meanwhile.
 */
function recordRegroup(
  ctx: ServiceContext,
  r: { retired: readonly RegroupBase[]; added: readonly string[]; operator: string; at: number },
): string | null {
  if (!isMember(ctx) || !r.retired.length || !r.added.length) return null;
  const add = exportShipmentsByNo(ctx.db, r.added).map((e) => e.shipment);
  const op = OperationSchema.parse({
    opId: randomUUID(),
    kind: 'regroup',
    shipmentNo: r.retired[0]!.shipmentNo,
    baseVersion: r.retired[0]!.poolVersion,
    scanAt: r.at,
    payload: {
      orderNo: add[0]?.orderNo ?? '',
      retire: r.retired.map((x) => ({ shipmentNo: x.shipmentNo, version: x.poolVersion })),
      add,
      operator: r.operator,
    },
  });
  enqueueHubOp(ctx, op, r.at);
  return op.opId;
}

/**
 * The pool link's answer to "change recorded" (services/changeRecorded.ts): the change's operation is
 * queued for the hub in the transaction that made it.
 */
function recordChange(ctx: ServiceContext, change: RecordedChange): void {
  if (change.kind === 'edit') recordHubOp(ctx, change.change);
  else if (change.kind === 'imported') recordImportedShipments(ctx, change.shipmentNos, change.operator, change.at);
  else recordRegroup(ctx, change);
}

/**
 * The services' context with the pool link listening to its changes: the only way the product builds
 * one (createCore, the commit worker), so no change of a member station can miss its hub operation.
 */
export function createStationContext(db: Db, clock: () => number, events: CoreEvents): ServiceContext {
  const ctx = createServiceContext(db, clock, events);
  ctx.onChangeRecorded((change) => recordChange(ctx, change));
  return ctx;
}
