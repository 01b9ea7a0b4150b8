// The outbox: network work written in the same transaction as the change it carries, then sent by a
// runner outside the transaction. Per shipment, work leaves in order (never a withdraw before its
// release); a lease marks work in flight, and leases of a crashed run are taken back at start.
import { findCarrier } from '../../../shared/carriers';
import { z } from 'zod';
import { rowReader, type RowOf } from '../db/rows';
import { backoffDelay, type Backoff } from './limits';
import type { SyncErrorCode } from './provider';
import { schedulePoll } from './schedule';
import type { ServiceContext } from '../services/context';
import type { OutboxKind, OutboxPayload } from '../services/outboxQueue';
import { refreshShipmentStatus, voidInvoice } from '../services/shipmentState';

/** What goes upstream: the queued payload plus a recipient summary read at send time. */
export interface ReleasePayload extends OutboxPayload {
  recipient: { name: string; country: string; postalCode: string };
}

export type SendResult =
  | { ok: true }
  | {
      ok: false;
      /** Retrying cannot help: the item is dead-lettered with the reason. */
      permanent: boolean;
      reason: string;
      code?: SyncErrorCode;
      retryAfterMs?: number;
      /** The carrier side says the number is invalid: the release fails and the invoice is voided. */
      invalidNumber?: boolean;
    };

/** Sends release/withdraw upstream. The default confirms locally at once. */
export interface ReleaseConnector {
  send(kind: OutboxKind, payload: ReleasePayload, idempotencyKey: string): Promise<SendResult>;
}

export const localReleaseConnector: ReleaseConnector = {
  async send() {
    return { ok: true };
  },
};

const claimedRow = rowReader(
  'claimed outbox item',
  z.object({
    id: z.number(),
    kind: z.enum(['release', 'withdraw']),
    shipment_id: z.number(),
    idempotency_key: z.string(),
    payload: z.string(),
    attempts: z.number(),
    recipient_name: z.string(),
    country: z.string(),
    postal_code: z.string(),
  }),
);
export type ClaimedRow = RowOf<typeof claimedRow>;

const leasedItem = rowReader(
  'leased outbox item',
  z.object({ id: z.number(), lease_owner: z.string().nullable(), lease_until: z.number().nullable() }),
);

/** Leases whose holder is gone (or that expired) go back to pending. Returns how many. */
export function reclaimLeases(ctx: ServiceContext, holderAlive: (owner: string | null) => boolean): number {
  const now = ctx.clock();
  const leased = leasedItem.all(
    ctx.prepare(`SELECT id, lease_owner, lease_until FROM outbox WHERE state = 'leased'`).all(),
  );
  const free = ctx.prepare(
    `UPDATE outbox SET state = 'pending', lease_owner = NULL, lease_until = NULL WHERE id = ? AND state = 'leased'`,
  );
  return ctx.db.transaction(() =>
    leased.reduce(
      (n, r) =>
        n + (r.lease_until === null || r.lease_until < now || !holderAlive(r.lease_owner) ? free.run(r.id).changes : 0),
      0,
    ),
  )();
}

/**
 * Claims, under a lease, the oldest open item of each shipment that was due when the pass began, up
 * to `limit`. A leased item blocks its shipment's later items, so a withdraw never overtakes its release.
 */
export function claimOutbox(
  ctx: ServiceContext,
  c: { dueBy: number; limit: number; leaseUntil: number; owner: string },
): ClaimedRow[] {
  return ctx.db.transaction(() => {
    const rows = claimedRow.all(
      ctx
        .prepare(
          `SELECT o.id, o.kind, o.shipment_id, o.idempotency_key, o.payload, o.attempts,
                s.recipient_name, s.country, s.postal_code
         FROM outbox o JOIN shipments s ON s.id = o.shipment_id
         WHERE (o.state = 'pending' OR (o.state = 'leased' AND o.lease_until < @now)) AND o.due_at <= @dueBy
           AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.shipment_id = o.shipment_id AND p.id < o.id AND p.state IN ('pending','leased'))
         ORDER BY o.id LIMIT @limit`,
        )
        .all({ now: ctx.clock(), dueBy: c.dueBy, limit: c.limit }),
    );
    const lease = ctx.prepare(`UPDATE outbox SET state = 'leased', lease_until = ?, lease_owner = ? WHERE id = ?`);
    for (const r of rows) lease.run(c.leaseUntil, c.owner, r.id);
    return rows;
  })();
}

/** Claimed but never sent (the pass stopped): back to pending, untouched. */
export function unclaim(ctx: ServiceContext, rows: readonly ClaimedRow[]): void {
  const free = ctx.prepare(
    `UPDATE outbox SET state = 'pending', lease_owner = NULL, lease_until = NULL WHERE id = ? AND state = 'leased'`,
  );
  ctx.db.transaction(() => rows.forEach((r) => free.run(r.id)))();
}

/** A withdraw whose release was refused has nothing to withdraw. */
export function releaseWasRefused(ctx: ServiceContext, row: ClaimedRow, payload: OutboxPayload): boolean {
  return !!ctx
    .prepare(
      `SELECT 1 FROM outbox WHERE shipment_id = ? AND kind = 'release' AND state = 'dead' AND json_extract(payload, '$.invoiceId') = ?`,
    )
    .get(row.shipment_id, payload.invoiceId);
}

export interface SettleRules {
  retry: Backoff;
  random: () => number;
  /** The first poll of a number after its release is confirmed. */
  firstPollAfterMs: number;
  /** A retry is never due again within the pass that tried it. */
  notBefore: number;
}

export interface DrainReport {
  released: number;
  moved: string[];
  errorsByCode: Partial<Record<SyncErrorCode, number>>;
}

const unreachable = (r: SendResult) => !r.ok && (r.code === 'NETWORK' || r.code === 'TIMEOUT');

/** Records one answer: done (a release confirms the invoice), dead with the reason, or retry later. */
export function settleOutbox(
  ctx: ServiceContext,
  row: ClaimedRow,
  payload: OutboxPayload | null,
  result: SendResult,
  rules: SettleRules,
  report: DrainReport,
): void {
  const now = ctx.clock();
  if (result.ok) {
    ctx
      .prepare(
        `UPDATE outbox SET state = 'done', lease_until = NULL, lease_owner = NULL, attempts = attempts + 1, finished_at = ?, last_error = NULL, last_error_code = NULL WHERE id = ?`,
      )
      .run(now, row.id);
    if (row.kind !== 'release' || !payload) return;
    report.released++;
    const updated = ctx
      .prepare('UPDATE invoices SET released_at = ? WHERE id = ? AND active = 1 AND released_at IS NULL')
      .run(now, payload.invoiceId);
    if (!updated.changes) return;
    // In a pool, every station learns that the carrier side has it.
    const carrier = findCarrier(payload.carrierId);
    if (carrier)
      ctx.changeRecorded({
        kind: 'edit',
        change: {
          kind: 'released',
          shipmentNo: payload.shipmentNo,
          payload: { carrierId: carrier.id, invoiceNo: payload.invoiceNo },
          at: now,
        },
      });
    if (refreshShipmentStatus(ctx, row.shipment_id)) report.moved.push(payload.shipmentNo);
    schedulePoll(ctx, payload, now + rules.firstPollAfterMs);
    return;
  }
  const code = result.code ?? (result.permanent ? 'REFUSED' : 'SERVER_ERROR');
  report.errorsByCode[code] = (report.errorsByCode[code] ?? 0) + 1;
  if (result.permanent) {
    ctx
      .prepare(
        `UPDATE outbox SET state = 'dead', lease_until = NULL, lease_owner = NULL, attempts = attempts + 1, finished_at = ?, last_error = ?, last_error_code = ? WHERE id = ?`,
      )
      .run(now, result.reason.slice(0, 500), code, row.id);
    const active = payload && ctx.prepare('SELECT 1 FROM invoices WHERE id = ? AND active = 1').get(payload.invoiceId);
    if (row.kind === 'release' && result.invalidNumber && payload && active) {
      voidInvoice(ctx, {
        shipmentId: row.shipment_id,
        invoiceId: payload.invoiceId,
        carrierId: payload.carrierId,
        invoiceNo: payload.invoiceNo,
        reason: `The carrier refused the release: ${result.reason}`.slice(0, 500),
        endedReason: 'refused_by_carrier',
      });
      report.moved.push(payload.shipmentNo);
    }
    return;
  }
  // No answer at all: the item stays due and the runner probes until the network is back, so a long
  // outage does not stretch the backoff. An answer that asks for patience backs off with full jitter.
  const off = unreachable(result);
  const delay = off ? 0 : Math.max(result.retryAfterMs ?? 0, backoffDelay(row.attempts, rules.retry, rules.random));
  ctx
    .prepare(
      `UPDATE outbox SET state = 'pending', lease_until = NULL, lease_owner = NULL, attempts = attempts + ?, last_error = ?, last_error_code = ?, due_at = ? WHERE id = ?`,
    )
    .run(off ? 0 : 1, result.reason.slice(0, 500), code, Math.max(now + delay, rules.notBefore), row.id);
}
