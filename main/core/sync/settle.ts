// Stores what each poll brought and reschedules the number. Outcomes are committed in groups: a durable
// commit costs milliseconds, and an outcome lost to a crash is only a poll to repeat (the carrier
// still has the events, and storing them is idempotent).
import { countRow } from '../db/rows';
import type { SyncCycleSummary } from '../../../shared/api/contract';
import type { ServiceContext } from '../services/context';
import { voidInvoice } from '../services/shipmentState';
import type { CarrierControls } from './carrierControls';
import { ingestEvents } from './ingest';
import type { NetworkState } from './network';
import type { ProblemLog } from './problems';
import { isUnreachable, type SyncErrorCode, type TrackOutcome } from './provider';
import {
  deferPoll,
  failuresOf,
  isNotMoving,
  nextPollDelay,
  numberActivity,
  recordPoll,
  retryDelay,
  shipmentsUsing,
  wasNotMoving,
  type NumberKey,
} from './schedule';
import type { SyncTuning } from './tuning';

export interface PollDeps {
  ctx: ServiceContext;
  tuning: SyncTuning;
  controls: CarrierControls;
  net: NetworkState;
  problems: ProblemLog;
  random: () => number;
  /** Shipments whose row changed, told after the commit; the runner batches them into pushes. */
  changed: (shipmentNos: string[]) => void;
  /** A group of results was committed (progress the status bar may show). */
  committed: () => void;
  /** The network went away or came back. */
  networkChanged: () => void;
}

/** What became of one claimed number. */
export type PollResult =
  | TrackOutcome
  /** Not asked now (offline, paused, breaker open): due again at `until`. */
  | { kind: 'deferred'; code: SyncErrorCode; until: number }
  /** No active released invoice uses the number any more. */
  | { kind: 'stop' };

export function count(summary: SyncCycleSummary, code: SyncErrorCode): void {
  summary.errorsByCode[code] = (summary.errorsByCode[code] ?? 0) + 1;
}

/** Shipments using a number the carrier calls invalid go back to awaiting an invoice, with the reason. */
function voidNumber(ctx: ServiceContext, key: NumberKey, reason: string): string[] {
  const rows = shipmentsUsing(ctx, key);
  for (const r of rows) {
    voidInvoice(ctx, { shipmentId: r.id, invoiceId: r.invoice_id, ...key, reason, endedReason: 'refused_by_carrier' });
  }
  return rows.map((r) => r.shipment_no);
}

/** Call inside a transaction. */
export function settlePoll(deps: PollDeps, key: NumberKey, result: PollResult, summary: SyncCycleSummary): void {
  const { ctx, tuning, problems, random } = deps;
  const plan = tuning.poll;
  const now = ctx.clock();
  if (result.kind === 'deferred') {
    count(summary, result.code);
    return deferPoll(ctx, key, result.until);
  }
  if (result.kind === 'stop') return recordPoll(ctx, key, { nextPollAt: null, error: null, failures: 0 });
  const eventsOf = () =>
    countRow.single(
      ctx
        .prepare('SELECT count(*) AS n FROM tracking_events WHERE carrier_id = ? AND invoice_no = ?')
        .get(key.carrierId, key.invoiceNo),
    ).n;
  const answered = (eventCount: number, error: { code: string; message: string } | null) => {
    const activity = numberActivity(ctx, key);
    const delay = nextPollDelay(plan, activity.stage, random);
    const notMoving = isNotMoving(plan, activity, eventCount, now);
    if (notMoving !== wasNotMoving(ctx, key)) deps.changed(shipmentsUsing(ctx, key).map((s) => s.shipment_no));
    recordPoll(ctx, key, {
      nextPollAt: delay === null ? null : now + delay,
      answeredAt: now,
      error,
      failures: 0,
      notMoving,
    });
  };
  if (result.kind === 'events') {
    summary.polled++;
    const r = ingestEvents(ctx, key, result.events, problems);
    summary.eventsStored += r.stored;
    summary.statusChanges += r.moved.length;
    deps.changed([...r.moved, ...r.touched]);
    return answered(r.eventCount, null);
  }
  if (result.kind === 'notFound') {
    summary.polled++;
    count(summary, 'NOT_FOUND');
    return answered(eventsOf(), { code: 'NOT_FOUND', message: 'The carrier has no record of this number yet.' });
  }
  if (result.kind === 'invalid') {
    summary.polled++;
    count(summary, 'BAD_REQUEST');
    if (eventsOf() === 0) {
      // The first lookup settles a number only warned about at entry (docs/CARRIERS.md "Number rules").
      problems.record('invalid_number', key.carrierId, key.invoiceNo, result.reason);
      const voided = voidNumber(
        ctx,
        key,
        `The carrier says ${key.invoiceNo} is not a valid number: ${result.reason}`.slice(0, 500),
      );
      summary.statusChanges += voided.length;
      deps.changed(voided);
      return recordPoll(ctx, key, {
        nextPollAt: null,
        answeredAt: now,
        error: { code: 'BAD_REQUEST', message: result.reason },
        failures: 0,
      });
    }
    problems.record(
      'contradiction',
      key.carrierId,
      key.invoiceNo,
      `called invalid after sending events: ${result.reason}`,
    );
  }
  const code: SyncErrorCode = result.kind === 'failed' ? result.code : 'BAD_REQUEST';
  if (result.kind === 'failed') count(summary, code);
  if (code === 'MALFORMED') problems.record('malformed_answer', key.carrierId, '', result.reason);
  if (code === 'TOO_LARGE') problems.record('answer_too_large', key.carrierId, '', result.reason);
  if (code === 'UNAUTHORIZED') problems.record('unauthorized', key.carrierId, '', result.reason);
  // Unanswered (offline): due again next cycle, without stretching the backoff.
  const offline = isUnreachable(code);
  const failures = failuresOf(ctx, key) + (offline ? 0 : 1);
  const retryAfter = result.kind === 'failed' ? result.retryAfterMs : undefined;
  const next = offline ? now : now + retryDelay(plan, failures - 1, retryAfter, random);
  recordPoll(ctx, key, { nextPollAt: next, error: { code, message: result.reason }, failures });
}

/** How long one settling transaction may hold the main thread before it commits and lets others run. */
const SLICE_MS = 8;

/**
 * Collects poll results and commits them together: when `size` are waiting, or `delayMs` after the
 * first. A commit runs on the main thread, so it stays short: it takes numbers one by one (each
 * stored whole or not at all) until SLICE_MS have passed, commits, lets the event loop answer
 * screens, and goes on in a new transaction. On an idle desk 32 numbers fit in one; on a busy
 * machine (or a database of a million shipments) they take several short ones.
 */
export class SettleBatch {
  private waiting: { key: NumberKey; result: PollResult }[] = [];
  private timer: NodeJS.Timeout | null = null;
  /** A failed commit (e.g. the database closed): the run stops and rethrows it. */
  readonly errors: unknown[] = [];

  constructor(
    private readonly deps: PollDeps,
    private readonly summary: SyncCycleSummary,
    private readonly size = 32,
    private readonly delayMs = 250,
    private readonly monotonic: () => number = () => performance.now(),
  ) {}

  add(key: NumberKey, result: PollResult): void {
    this.waiting.push({ key, result });
    if (this.waiting.length >= this.size) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  /** Commits what is waiting, in its turn among the writes (behind a write in the commit worker, writeQueue.ts). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.deps.ctx.writes.run(() => this.commit());
  }

  /** The last commit of a run: resolves once everything added is committed. */
  finish(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.deps.ctx.writes.run(() => this.commit());
  }

  /** Holds the write queue until the batch is committed, slice by slice; never rejects (errors are kept). */
  private async commit(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    while (batch.length && !this.errors.length) {
      if (!this.commitSlice(batch)) return;
      // Between slices the event loop answers screens; other writes still wait their turn behind this one.
      if (batch.length) await yieldToEventLoop();
    }
  }

  /** One transaction: numbers from the front of `batch` until the slice is used up. False when it failed. */
  private commitSlice(batch: { key: NumberKey; result: PollResult }[]): boolean {
    // Rows are announced only once their change is committed.
    const changed: string[] = [];
    const deps = { ...this.deps, changed: (nos: string[]) => void changed.push(...nos) };
    // The summary's counts are kept only for what was committed.
    const counts = structuredClone(this.summary);
    const started = this.monotonic();
    try {
      this.deps.ctx.db.transaction(() => {
        let done = 0;
        do {
          const next = batch[done++];
          if (next) settlePoll(deps, next.key, next.result, counts);
        } while (done < batch.length && this.monotonic() - started < SLICE_MS);
        batch.splice(0, done);
      })();
    } catch (err) {
      this.errors.push(err);
      return false;
    }
    Object.assign(this.summary, counts);
    this.deps.changed(changed);
    this.deps.committed();
    return true;
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
