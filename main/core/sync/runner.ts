// The sync runner: one cycle releases due outbox work, then polls every due number. It keeps the
// online/offline state, the last successful sync and the queue length, and pushes them as 'sync.state';
// rows that changed go out as 'shipments.changed'. The background loop runs only when asked to.
import { countRow } from '../db/rows';
import { setMaxListeners } from 'node:events';
import { setImmediate } from 'node:timers/promises';
import type { SyncCycleSummary, SyncStateView } from '../../../shared/api/contract';
import { iso } from '../domain/time';
import type { Logger } from '../log/logger';
import type { ServiceContext } from '../services/context';
import { reclaimLeases, type ReleaseConnector } from './outbox';
import { releaseDueWork } from './releaseWork';
import { CarrierControls } from './carrierControls';
import { readMeta, writeMeta } from '../services/stationMeta';
import { leaseHolderAlive, newLeaseHolder } from './leaseHolder';
import { NetworkState } from './network';
import { countNotMoving } from '../services/notMoving';
import { pollDue } from './poller';
import type { PollDeps } from './settle';
import { createProblemLog, type ProblemLog } from './problems';
import type { TrackingProvider } from './provider';
import { backfillSchedule, carrierNumber, claimDueNumbers, makeDue, type NumberKey } from './schedule';
import { resolveTuning, type SyncTuning, type SyncTuningInput } from './tuning';

export interface SyncRunnerOptions {
  /** Resolved at every cycle, so a changed setting applies without a restart. */
  provider: () => TrackingProvider | null;
  connector: () => ReleaseConnector;
  log: Logger;
  tuning?: SyncTuningInput;
  random?: () => number;
  monotonic?: () => number;
}

export interface SyncRunner {
  /** One full cycle: release due work, then poll due numbers (every followed number with `all`). */
  runCycle(options?: { all?: boolean }): Promise<SyncCycleSummary>;
  /** Release due outbox work only (after a registration); resolves with the shipments that moved. */
  releaseDue(): Promise<string[]>;
  /** Polls these shipments' numbers now, beside any cycle in flight (the rate limits are shared). */
  refresh(shipmentNos: readonly string[]): { scheduled: number; done: Promise<SyncCycleSummary> };
  state(): SyncStateView;
  /** Pushes 'sync.state' if online, queue length or last sync changed. */
  publishState(): void;
  readonly problems: ProblemLog;
  readonly tuning: SyncTuning;
  start(intervalMs: number): void;
  stop(): void;
}

/** Numbers leased per claiming transaction. */
const CLAIM_SLICE = 100;

const emptySummary = (): SyncCycleSummary => ({
  released: 0,
  polled: 0,
  eventsStored: 0,
  statusChanges: 0,
  errorsByCode: {},
});

export function createSyncRunner(ctx: ServiceContext, options: SyncRunnerOptions): SyncRunner {
  const tuning = resolveTuning(options.tuning);
  const random = options.random ?? Math.random;
  const monotonic = options.monotonic ?? (() => performance.now());
  const holder = newLeaseHolder();
  const lastSync = readMeta(ctx, 'last_sync_at');
  const net = new NetworkState(tuning.offlineAfter, lastSync === null ? null : Number(lastSync));
  const controls = new CarrierControls(tuning, monotonic, ctx.clock);
  const problems = createProblemLog(ctx, options.log);
  const abort = new AbortController();
  // Every waiting request listens on it; that is many listeners, not a leak.
  setMaxListeners(0, abort.signal);
  let published = '';
  let publishedAt = -Infinity;
  let pending = new Set<string>();
  let syncing = 0;
  let backfilled = false;
  let lastCycleStart = -Infinity;
  let timer: NodeJS.Timeout | null = null;
  let releasing: Promise<string[]> | null = null;
  let releaseAgain = false;
  let cycles: Promise<unknown> = Promise.resolve();

  const flushChanged = () => {
    if (!pending.size) return;
    const shipmentNos = [...pending];
    pending = new Set();
    ctx.events.emit({ type: 'shipments.changed', shipmentNos });
  };
  const deps: PollDeps = {
    ctx,
    tuning,
    controls,
    net,
    problems,
    random,
    changed(nos) {
      for (const no of nos) pending.add(no);
    },
    committed() {
      flushChanged();
      // A long cycle (thousands of numbers) shows its progress, a few times a minute at most.
      if (monotonic() - publishedAt >= 5_000) publishState();
    },
    networkChanged: () => publishState(),
  };
  const count = (sql: string) => countRow.single(ctx.prepare(sql).get()).n;
  // outbox_counts is kept by triggers (migration 11): published after every write, so never a scan.
  const queued = () => count(`SELECT coalesce(sum(n), 0) AS n FROM outbox_counts WHERE state IN ('pending','leased')`);

  const persistLastSync = () =>
    ctx.writes.soon(() => {
      const at = net.lastSuccessAt;
      if (at !== null && ctx.db.open && String(at) !== readMeta(ctx, 'last_sync_at'))
        writeMeta(ctx, 'last_sync_at', String(at));
    });

  const publishState = () => {
    const lastSyncAt = net.lastSuccessAt === null ? null : iso(net.lastSuccessAt);
    const event = { type: 'sync.state' as const, online: net.online, queued: queued(), lastSyncAt };
    const key = JSON.stringify(event);
    publishedAt = monotonic();
    if (key === published) return;
    published = key;
    ctx.events.emit(event);
  };

  // Leases of a crashed run are taken back before anything is claimed.
  reclaimLeases(ctx, leaseHolderAlive);

  const drainOnce = async (summary: SyncCycleSummary): Promise<string[]> => {
    const connector = options.connector();
    const report = await releaseDueWork(ctx, connector, {
      owner: holder.id,
      leaseMs: tuning.outbox.leaseMs,
      batch: tuning.outbox.batch,
      concurrency: tuning.releaseLimit.concurrency,
      retry: tuning.outbox.retry,
      random,
      firstPollAfterMs: tuning.poll.firstAfterMs,
      pace: (carrierId) => controls.paceRelease(carrierId, abort.signal),
      observe(result) {
        const wasOnline = net.online;
        if (result.ok) net.succeeded(ctx.clock());
        else if (result.code === 'NETWORK' || result.code === 'TIMEOUT') net.unreachable();
        else net.answered();
        if (net.online !== wasOnline) publishState();
      },
      isOnline: () => net.online,
      signal: abort.signal,
    });
    summary.released += report.released;
    summary.statusChanges += report.moved.length;
    for (const [code, n] of Object.entries(report.errorsByCode))
      summary.errorsByCode[code] = (summary.errorsByCode[code] ?? 0) + n;
    deps.changed(report.moved);
    return report.moved;
  };

  const releaseDue = (): Promise<string[]> => {
    if (abort.signal.aborted) return Promise.resolve([]);
    if (releasing) {
      releaseAgain = true;
      return releasing;
    }
    const summary = emptySummary();
    releasing = (async () => {
      const moved: string[] = [];
      do {
        releaseAgain = false;
        moved.push(...(await drainOnce(summary)));
      } while (releaseAgain && !abort.signal.aborted);
      if (!abort.signal.aborted) {
        flushChanged();
        persistLastSync();
        publishState();
      }
      return moved;
    })().finally(() => {
      releasing = null;
    });
    return releasing;
  };

  const poll = async (summary: SyncCycleSummary, all: boolean, only?: NumberKey[], knownOffline = false) => {
    const provider = options.provider();
    if (!provider) return;
    if (!backfilled || all) {
      await ctx.writes.run(() => backfillSchedule(ctx, ctx.clock()));
      backfilled = true;
    }
    // Strictly increasing, so a number is tried at most once per cycle even when the clock stands still.
    const cycleStart = Math.max(ctx.clock(), lastCycleStart + 1);
    lastCycleStart = cycleStart;
    let handedOut = false;
    // Claimed a slice at a time, each slice its own transaction, the event loop free between them:
    // one transaction over hundreds of numbers held the main thread for tens of milliseconds.
    const claimSlices = async (): Promise<NumberKey[]> => {
      const claimed: NumberKey[] = [];
      while (claimed.length < tuning.pollBatch) {
        const limit = Math.min(CLAIM_SLICE, tuning.pollBatch - claimed.length);
        const part = await ctx.writes.run(() =>
          claimDueNumbers(ctx, { cycleStart, all, limit, leaseUntil: ctx.clock() + tuning.pollLeaseMs }),
        );
        claimed.push(...part);
        if (part.length < limit) break;
        await setImmediate();
      }
      return claimed;
    };
    const claim = only ? () => (handedOut ? [] : ((handedOut = true), only)) : claimSlices;
    await pollDue(deps, provider, claim, summary, abort.signal, knownOffline);
  };

  const tracked = async <T>(work: () => Promise<T>): Promise<T> => {
    syncing++;
    try {
      return await work();
    } finally {
      syncing--;
      if (!abort.signal.aborted) {
        flushChanged();
        persistLastSync();
        publishState();
      }
    }
  };
  /** Cycles run one after another. */
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = cycles.then(() => tracked(work));
    cycles = next.catch(() => undefined);
    return next;
  };

  const runCycle = (o: { all?: boolean } = {}) =>
    exclusive(async () => {
      const summary = emptySummary();
      // A release pass started by a registration finishes first; this one then counts what it sends.
      await releasing?.catch(() => undefined);
      await drainOnce(summary);
      // One probe per cycle: if the release pass just found the network down, polls wait for the next.
      const probedDown = !net.online && (summary.errorsByCode.NETWORK ?? 0) + (summary.errorsByCode.TIMEOUT ?? 0) > 0;
      await poll(summary, o.all ?? false, undefined, probedDown);
      return summary;
    });

  return {
    runCycle,
    releaseDue,
    refresh(shipmentNos) {
      const keys = carrierNumber.all(
        ctx
          .prepare(
            `SELECT DISTINCT i.carrier_id, i.invoice_no FROM shipments s JOIN invoices i ON i.id = s.invoice_id
           WHERE s.shipment_no IN (SELECT value FROM json_each(?)) AND i.released_at IS NOT NULL`,
          )
          .all(JSON.stringify(shipmentNos)),
      );
      const numbers = keys.map((k) => ({ carrierId: k.carrier_id, invoiceNo: k.invoice_no }));
      const scheduled = makeDue(ctx, numbers, ctx.clock());
      // Not queued behind a cycle: a full cycle can take many minutes under a carrier's rate limit.
      const done = tracked(async () => {
        const summary = emptySummary();
        await poll(summary, false, numbers);
        return summary;
      });
      return { scheduled, done };
    },
    state() {
      const provider = options.provider();
      const notMoving = countNotMoving(ctx);
      return {
        online: net.online,
        queued: queued(),
        lastSyncAt: net.lastSuccessAt === null ? null : iso(net.lastSuccessAt),
        demo: provider?.demo ?? false,
        tracking: provider !== null,
        trackerLabel: provider?.label ?? null,
        syncing: syncing > 0,
        deadLetters: count(`SELECT coalesce(sum(n), 0) AS n FROM outbox_counts WHERE state = 'dead'`),
        notMoving: notMoving.domestic + notMoving.international,
        notMovingByRegion: notMoving,
        notMovingDays: { ...tuning.poll.notMovingDays },
        problems: count('SELECT count(*) AS n FROM sync_problems'),
        carriers: controls.views(),
      };
    },
    publishState,
    problems,
    tuning,
    start(intervalMs) {
      if (timer || abort.signal.aborted) return;
      const tick = () => {
        timer = null;
        runCycle()
          .catch((err: unknown) => {
            if (!abort.signal.aborted)
              options.log.error('sync cycle failed', { error: err instanceof Error ? err.message : String(err) });
          })
          .finally(() => {
            if (!abort.signal.aborted) timer = setTimeout(tick, intervalMs);
          });
      };
      timer = setTimeout(tick, 0);
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      abort.abort();
      holder.retire();
    },
  };
}
