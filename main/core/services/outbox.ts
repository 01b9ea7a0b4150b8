// The outbox: network work written in the same transaction as the change it carries,
// then sent by a runner outside the transaction. Per shipment, work leaves in order.
import type { ServiceContext } from './context';
import { refreshShipmentStatus } from './shipmentState';

export type OutboxKind = 'release' | 'withdraw';

export interface OutboxPayload {
  shipmentNo: string;
  carrierId: string;
  invoiceNo: string;
  invoiceId: number;
}

export interface NewOutboxItem {
  kind: OutboxKind;
  shipmentId: number;
  idempotencyKey: string;
  payload: OutboxPayload;
  at: number;
}

export function enqueueOutbox(ctx: ServiceContext, item: NewOutboxItem): void {
  ctx
    .prepare(
      `INSERT INTO outbox (kind, shipment_id, idempotency_key, payload, due_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(idempotency_key) DO NOTHING`,
    )
    .run(item.kind, item.shipmentId, item.idempotencyKey, JSON.stringify(item.payload), item.at, item.at);
}

/** Sends release/withdraw upstream. The default confirms locally at once. */
export interface ReleaseConnector {
  send(kind: OutboxKind, payload: OutboxPayload, idempotencyKey: string): Promise<{ ok: true } | { ok: false; permanent: boolean; reason: string }>;
}

export const localReleaseConnector: ReleaseConnector = {
  async send() {
    return { ok: true };
  },
};

interface OutboxRow {
  id: number;
  kind: OutboxKind;
  shipment_id: number;
  idempotency_key: string;
  payload: string;
  attempts: number;
}

const LEASE_MS = 60_000;
const RETRY_BASE_MS = 5_000;
const RETRY_CAP_MS = 15 * 60_000;

/**
 * One pass over due work. Only the oldest open item of each shipment is eligible, so a withdraw
 * never overtakes the release before it. Returns the shipment numbers whose state changed.
 */
export async function drainOutbox(ctx: ServiceContext, connector: ReleaseConnector, batch = 200): Promise<string[]> {
  const now = ctx.clock();
  // Leases of a crashed run expire and are taken again.
  const claimed = ctx.db.transaction(() => {
    const rows = ctx
      .prepare(
        `SELECT o.id, o.kind, o.shipment_id, o.idempotency_key, o.payload, o.attempts FROM outbox o
         WHERE (o.state = 'pending' OR (o.state = 'leased' AND o.lease_until < ?)) AND o.due_at <= ?
           AND o.id = (SELECT min(id) FROM outbox WHERE shipment_id = o.shipment_id AND state IN ('pending','leased'))
         ORDER BY o.id LIMIT ?`,
      )
      .all(now, now, batch) as OutboxRow[];
    const lease = ctx.prepare(`UPDATE outbox SET state = 'leased', lease_until = ? WHERE id = ?`);
    for (const r of rows) lease.run(now + LEASE_MS, r.id);
    return rows;
  })();

  const moved: string[] = [];
  for (const row of claimed) {
    const payload = JSON.parse(row.payload) as OutboxPayload;
    let result: Awaited<ReturnType<ReleaseConnector['send']>>;
    try {
      result = await connector.send(row.kind, payload, row.idempotency_key);
    } catch (err) {
      result = { ok: false, permanent: false, reason: err instanceof Error ? err.message : String(err) };
    }
    const doneAt = ctx.clock();
    ctx.db.transaction(() => {
      if (result.ok) {
        ctx.prepare(`UPDATE outbox SET state = 'done', lease_until = NULL, attempts = attempts + 1 WHERE id = ?`).run(row.id);
        if (row.kind === 'release') {
          const updated = ctx
            .prepare('UPDATE invoices SET released_at = ? WHERE id = ? AND active = 1 AND released_at IS NULL')
            .run(doneAt, payload.invoiceId);
          if (updated.changes && refreshShipmentStatus(ctx, row.shipment_id)) moved.push(payload.shipmentNo);
        }
      } else if (result.permanent) {
        ctx.prepare(`UPDATE outbox SET state = 'dead', lease_until = NULL, attempts = attempts + 1, last_error = ? WHERE id = ?`).run(result.reason, row.id);
      } else {
        // Exponential backoff with full jitter.
        const delay = Math.random() * Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** row.attempts);
        ctx
          .prepare(`UPDATE outbox SET state = 'pending', lease_until = NULL, attempts = attempts + 1, last_error = ?, due_at = ? WHERE id = ?`)
          .run(result.reason, doneAt + Math.round(delay), row.id);
      }
    })();
  }
  if (moved.length) ctx.events.emit({ type: 'shipments.changed', shipmentNos: moved });
  return moved;
}
