// What a station does with the hub's verdict on one of its operations, in one transaction with the
// op's state: applied or same frees the carrier work the change held; a conflict or a refusal cancels
// it, records a visible conflict item, and brings the shipment to the pool's state.
import { z } from 'zod';
import { countRow, idRow, rowReader } from '../db/rows';
import {
  OperationSchema,
  PoolStateSchema,
  type Operation,
  type OperationOf,
  type PoolState,
  type Verdict,
} from '../../../shared/hub';
import type { ServiceContext } from '../services/context';
import { applyPoolState, retireLocal } from './applyState';
import { isOtherParcel } from './collisions';
import { stationName } from '../services/stationMeta';
import { HELD_UNTIL_HUB } from './record';

function pendingFor(ctx: ServiceContext, shipmentNo: string): number {
  return countRow.single(
    ctx.prepare(`SELECT count(*) AS n FROM hub_ops WHERE shipment_no = ? AND state = 'pending'`).get(shipmentNo),
  ).n;
}

/** A pool state that arrived while this station still had unanswered operations on the shipment. */
export function deferState(ctx: ServiceContext, s: PoolState): void {
  ctx
    .prepare(
      `INSERT INTO hub_deferred (shipment_no, revision, state) VALUES (?, ?, ?)
       ON CONFLICT (shipment_no) DO UPDATE SET revision = excluded.revision, state = excluded.state
       WHERE excluded.revision > hub_deferred.revision`,
    )
    .run(s.shipmentNo, s.revision, JSON.stringify(s));
}

/** The pool's state for a shipment, unless this station's own operations on it are still unanswered. */
export function offerPoolState(ctx: ServiceContext, s: PoolState, reason: string | null = null): boolean {
  // Another order's shipment under a number this station minted too: kept aside until this
  // station's parcel has a new number (docs/HUB.md "Shipment numbers").
  if (pendingFor(ctx, s.shipmentNo) > 0 || isOtherParcel(ctx, s)) {
    deferState(ctx, s);
    return false;
  }
  return applyPoolState(ctx, s, reason);
}

const deferredState = rowReader('deferred state', z.object({ state: z.string() }));

export function takeDeferred(ctx: ServiceContext, shipmentNo: string): PoolState | null {
  const row = deferredState.one(ctx.prepare('SELECT state FROM hub_deferred WHERE shipment_no = ?').get(shipmentNo));
  if (!row) return null;
  ctx.prepare('DELETE FROM hub_deferred WHERE shipment_no = ?').run(shipmentNo);
  const parsed = PoolStateSchema.safeParse(JSON.parse(row.state));
  return parsed.success ? parsed.data : null;
}

/** What this station did, for the conflict item. */
function mineOf(op: Operation): Record<string, unknown> {
  switch (op.kind) {
    case 'register':
    case 'modify': {
      const p = op.payload;
      return { kind: op.kind, carrierId: p.carrierId, invoiceNo: p.invoiceNo, operator: p.operator, scanAt: op.scanAt };
    }
    case 'delete':
      return { kind: op.kind, operator: op.payload.operator, scanAt: op.scanAt };
    case 'address':
      return { kind: op.kind, address: op.payload.address, operator: op.payload.operator, scanAt: op.scanAt };
    case 'offer':
      return op.payload.invoice
        ? {
            kind: op.kind,
            carrierId: op.payload.invoice.carrierId,
            invoiceNo: op.payload.invoice.invoiceNo,
            scanAt: op.scanAt,
          }
        : { kind: op.kind, scanAt: op.scanAt };
    default:
      return { kind: op.kind, scanAt: op.scanAt };
  }
}

function settleCarrierWork(ctx: ServiceContext, opId: string, go: boolean, why: string): void {
  if (go) {
    ctx
      .prepare(`UPDATE outbox SET due_at = ? WHERE hub_op_id = ? AND state = 'pending' AND due_at = ?`)
      .run(ctx.clock(), opId, HELD_UNTIL_HUB);
    return;
  }
  // Never sent: the change did not stand in the pool.
  ctx
    .prepare(
      `UPDATE outbox SET state = 'done', finished_at = ?, last_error = ?, last_error_code = 'REFUSED'
       WHERE hub_op_id = ? AND state = 'pending'`,
    )
    .run(ctx.clock(), why.slice(0, 500), opId);
}

/**
 * A split or merge the pool did not take: the shipments it made here leave (their lines were the
 * pool's shipments' lines), and the regrouped ones are read again from the feed (the hub re-announces
 * them), which gives them back their lines.
 */
function undoRegroup(ctx: ServiceContext, op: OperationOf<'regroup'>, out: VerdictOutcome): void {
  const regrouped = new Set(op.payload.retire.map((r) => r.shipmentNo));
  for (const a of op.payload.add) {
    if (regrouped.has(a.shipmentNo)) continue;
    const row = idRow.one(ctx.prepare('SELECT id FROM shipments WHERE shipment_no = ?').get(a.shipmentNo));
    if (row && pendingFor(ctx, a.shipmentNo) === 0) retireLocal(ctx, row.id);
    out.changed.push(a.shipmentNo);
  }
  const again = ctx.prepare('UPDATE shipments SET pool_revision = 0 WHERE shipment_no = ?');
  for (const no of regrouped) again.run(no);
}

export interface VerdictOutcome {
  conflicts: number;
  /** Shipments whose row changed on this station. */
  changed: string[];
}

const sentOp = rowReader(
  'sent hub operation',
  z.object({ op: z.string(), state: z.string(), shipment_no: z.string(), kind: z.string(), created_at: z.number() }),
);

/** Records one verdict. Call inside a transaction. */
export function recordVerdict(ctx: ServiceContext, v: Verdict, out: VerdictOutcome): void {
  const row = sentOp.one(
    ctx.prepare(`SELECT op, state, shipment_no, kind, created_at FROM hub_ops WHERE op_id = ?`).get(v.opId),
  );
  if (!row || row.state !== 'pending') return;
  const op = OperationSchema.safeParse(JSON.parse(row.op));
  const now = ctx.clock();
  ctx
    .prepare(
      `UPDATE hub_ops SET state = ?, verdict = ?, answered_at = ?, attempts = attempts + 1, last_error = NULL WHERE op_id = ?`,
    )
    .run(v.verdict, JSON.stringify(v), now, v.opId);
  const me = stationName(ctx);
  const won = v.verdict === 'applied' || v.verdict === 'same';
  // "Same" on a number another station registered first: that station releases it, not this one.
  const releasedElsewhere = v.verdict === 'same' && v.state?.invoice && v.state.invoice.station !== me;
  const why = won
    ? 'Released by the station that registered this number first.'
    : `Not sent: ${v.reason ?? 'the pool did not take this change.'}`;
  settleCarrierWork(ctx, v.opId, won && !releasedElsewhere, why);
  // Every loss is shown, even of an operation this version cannot read back (docs/HUB.md, "Conflicts at the station").
  if (!won) {
    const w = v.winner;
    ctx
      .prepare(
        `INSERT INTO hub_conflicts (op_id, shipment_no, kind, verdict, mine, theirs, station, at, reason, code)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (op_id) DO NOTHING`,
      )
      .run(
        v.opId,
        row.shipment_no,
        row.kind,
        v.verdict === 'conflict' ? 'conflict' : 'rejected',
        JSON.stringify(op.success ? mineOf(op.data) : { kind: row.kind, scanAt: row.created_at }),
        w ? JSON.stringify(w) : null,
        w?.station ?? 'hub',
        w?.at ?? now,
        v.reason,
        v.code,
      );
    out.conflicts++;
  }
  if (
    op.success &&
    !won &&
    (op.data.kind === 'importOrders' || op.data.kind === 'regroup' || v.code === 'SHIPMENT_NO_TAKEN')
  ) {
    // The pool's shipment under this number is not this station's parcel: never written over it.
    if (op.data.kind === 'regroup') undoRegroup(ctx, op.data, out);
    else if (v.state && offerPoolState(ctx, v.state)) out.changed.push(v.state.shipmentNo);
    return;
  }
  const shipmentNo = op.success ? op.data.shipmentNo : row.shipment_no;
  if (!shipmentNo || pendingFor(ctx, shipmentNo) > 0) {
    if (v.state) deferState(ctx, v.state);
    return;
  }
  // The last answer for this shipment: bring it to the newest pool state known.
  const deferred = takeDeferred(ctx, shipmentNo);
  const newest = [v.state, deferred]
    .filter((s): s is PoolState => s !== null)
    .sort((a, b) => b.revision - a.revision)[0];
  const note = won ? null : `Replaced by the pool: ${v.reason ?? 'another station came first.'}`;
  // Forced: the station's own change was written locally and must give way to the pool's, whatever revision it saw.
  if (newest && applyPoolState(ctx, newest, note, true)) out.changed.push(shipmentNo);
}
