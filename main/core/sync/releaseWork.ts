// One pass over due outbox work: sends releases and withdrawals upstream through the connector with
// bounded concurrency, records the answers in group commits, and stops when nothing due is left or the
// network is gone. Each item is tried at most once per pass; a shipment's next item is claimed only
// after its previous one is recorded, so work leaves in order.
import {
  claimOutbox,
  releaseWasRefused,
  settleOutbox,
  unclaim,
  type ClaimedRow,
  type DrainReport,
  type ReleaseConnector,
  type SendResult,
} from './outbox';
import { readPayload, type OutboxPayload } from '../services/outboxQueue';
import type { ServiceContext } from '../services/context';
import type { Backoff } from './limits';

export interface ReleasePassOptions {
  owner: string;
  leaseMs: number;
  /** Items claimed per database round trip. */
  batch: number;
  concurrency: number;
  retry: Backoff;
  random: () => number;
  firstPollAfterMs: number;
  /** Waits until the carrier's release rate limit lets a request go. */
  pace?: (carrierId: string) => Promise<void>;
  /** Told about every exchange, for the online/offline state. */
  observe?: (result: SendResult) => void;
  /** While offline one item at a time probes the network; a failed probe ends the pass. */
  isOnline?: () => boolean;
  signal?: AbortSignal;
}

interface Exchange {
  row: ClaimedRow;
  payload: OutboxPayload | null;
  result: SendResult;
}

const UNREADABLE: SendResult = {
  ok: false,
  permanent: true,
  code: 'REFUSED',
  reason: 'The queued work is unreadable; register the invoice again.',
};

async function exchange(
  ctx: ServiceContext,
  connector: ReleaseConnector,
  row: ClaimedRow,
  o: ReleasePassOptions,
): Promise<Exchange> {
  const payload = readPayload(row.payload);
  if (!payload) return { row, payload, result: UNREADABLE };
  if (row.kind === 'withdraw' && releaseWasRefused(ctx, row, payload)) return { row, payload, result: { ok: true } };
  await o.pace?.(payload.carrierId);
  const recipient = { name: row.recipient_name, country: row.country, postalCode: row.postal_code };
  let result: SendResult;
  try {
    result = await connector.send(row.kind, { ...payload, recipient }, row.idempotency_key);
  } catch (err) {
    result = { ok: false, permanent: false, reason: err instanceof Error ? err.message : String(err) };
  }
  o.observe?.(result);
  return { row, payload, result };
}

export async function releaseDueWork(
  ctx: ServiceContext,
  connector: ReleaseConnector,
  o: ReleasePassOptions,
): Promise<DrainReport> {
  const report: DrainReport = { released: 0, moved: [], errorsByCode: {} };
  const passStart = ctx.clock();
  const rules = { retry: o.retry, random: o.random, firstPollAfterMs: o.firstPollAfterMs, notBefore: passStart + 1 };
  const answered: Exchange[] = [];
  // Every write takes its turn in the write queue (a commit worker may hold the lock: writeQueue.ts).
  const recordNow = () => {
    const batch = answered.splice(0);
    if (batch.length)
      ctx.db.transaction(() => batch.forEach((x) => settleOutbox(ctx, x.row, x.payload, x.result, rules, report)))();
  };
  const record = () => ctx.writes.run(recordNow);
  const queue: ClaimedRow[] = [];
  const claim = async () => {
    const rows = await ctx.writes.run(() =>
      claimOutbox(ctx, { dueBy: passStart, limit: o.batch, leaseUntil: ctx.clock() + o.leaseMs, owner: o.owner }),
    );
    queue.push(...rows);
    return rows.length;
  };
  let inFlight = 0;
  let probeFailed = false;
  const failures: unknown[] = [];
  let wake: () => void = () => undefined;
  const start = (row: ClaimedRow, probing: boolean) => {
    inFlight++;
    void exchange(ctx, connector, row, o)
      .then((x) => {
        answered.push(x);
        if (probing && !(o.isOnline?.() ?? true)) probeFailed = true;
        if (answered.length >= o.batch) void record().catch((err: unknown) => void failures.push(err));
      })
      .catch((err: unknown) => void failures.push(err))
      .finally(() => {
        inFlight--;
        wake();
      });
  };
  try {
    while (!o.signal?.aborted && !probeFailed && !failures.length) {
      const probing = !(o.isOnline?.() ?? true);
      const slots = probing ? 1 : o.concurrency;
      if (queue.length < slots) await claim();
      while (queue.length && inFlight < slots) start(queue.shift()!, probing);
      if (inFlight) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      // Idle: record what came back (it may free the next item of those shipments), then look again.
      await record();
      if (!(await claim())) break;
    }
    while (inFlight) await new Promise<void>((resolve) => (wake = resolve));
  } finally {
    const unsent = queue.splice(0);
    if (unsent.length) await ctx.writes.run(() => ctx.db.open && unclaim(ctx, unsent));
  }
  if (failures.length) throw failures[0];
  if (!o.signal?.aborted) await record();
  return report;
}
