// Polls due carrier numbers through the provider: per-carrier workers that respect the rate gate, the
// concurrency slots, the breaker and Retry-After pauses, then store what came back and reschedule.
import { findCarrier, type CarrierId } from '../../../shared/carriers';
import type { SyncCycleSummary } from '../../../shared/api/contract';
import { Semaphore } from './limits';
import {
  isCarrierFailure,
  isUnreachable,
  type SyncErrorCode,
  type TrackOutcome,
  type TrackingProvider,
} from './provider';
import { numberActivity, type NumberKey } from './schedule';
import { SettleBatch, type PollDeps } from './settle';

export type { PollDeps } from './settle';

interface PollRun {
  deps: PollDeps;
  provider: TrackingProvider;
  summary: SyncCycleSummary;
  settled: SettleBatch;
  global: Semaphore;
  signal: AbortSignal;
  /** Set when a probe found the network still down: the rest of the cycle is deferred. */
  offline: boolean;
  probe: Semaphore;
}

/** Why a number cannot be asked about now, and until when; null when it can. */
function holdBack(run: PollRun, carrier: string): { code: SyncErrorCode; until: number } | null {
  const { controls, ctx, tuning } = run.deps;
  const now = ctx.clock();
  if (run.offline) return { code: 'OFFLINE', until: now };
  const paused = controls.pausedFor(carrier);
  if (paused > tuning.maxInlineWaitMs) return { code: 'PAUSED', until: now + paused };
  const breaker = controls.of(carrier).breaker;
  if (breaker.state === 'open') return { code: 'CIRCUIT_OPEN', until: breaker.retryAt ?? now };
  return null;
}

async function pollOne(run: PollRun, key: NumberKey): Promise<void> {
  const { ctx, controls, net } = run.deps;
  const carrier = findCarrier(key.carrierId);
  if (!carrier || numberActivity(ctx, key).stage === 'stop') return run.settled.add(key, { kind: 'stop' });
  const tracked: CarrierId = carrier.trackedAs ?? carrier.id;
  const defer = (h: { code: SyncErrorCode; until: number }) => run.settled.add(key, { kind: 'deferred', ...h });
  const early = holdBack(run, tracked);
  if (early) return defer(early);
  const c = controls.of(tracked);
  const releaseSlot = await c.slots.acquire();
  const releaseGlobal = await run.global.acquire();
  // While offline only one request at a time probes the network.
  const releaseProbe = net.online ? null : await run.probe.acquire();
  try {
    await controls.pace(tracked, run.signal);
    if (run.signal.aborted) return;
    // Things may have changed while this worker waited for its turn (a 429, an open breaker, offline).
    const late = holdBack(run, tracked);
    if (late) return defer(late);
    if (!c.breaker.allow()) return defer({ code: 'CIRCUIT_OPEN', until: c.breaker.retryAt ?? ctx.clock() });
    const outcome = await run.provider
      .track(tracked, key.invoiceNo, run.signal)
      .catch((err: unknown): TrackOutcome => ({
        kind: 'failed',
        code: 'PROVIDER_ERROR',
        reason: `the tracking adapter failed: ${err instanceof Error ? err.message : String(err)}`,
      }));
    if (run.signal.aborted) return;
    const wasOnline = net.online;
    if (outcome.kind === 'failed') {
      if (isUnreachable(outcome.code)) net.unreachable();
      else net.answered();
      if (isCarrierFailure(outcome.code)) c.breaker.failure();
      else c.breaker.release();
      if (outcome.code === 'RATE_LIMITED')
        controls.pause(tracked, outcome.retryAfterMs ?? run.deps.tuning.poll.retry.baseMs);
      if (releaseProbe && !net.online) run.offline = true;
    } else {
      net.succeeded(ctx.clock());
      c.breaker.success();
    }
    if (net.online !== wasOnline) run.deps.networkChanged();
    run.settled.add(key, outcome);
  } finally {
    releaseProbe?.();
    releaseGlobal();
    releaseSlot();
  }
}

/**
 * Polls every number `claim` hands out, pipelined: per-carrier queues, up to the carrier's concurrency
 * in workers, and the next claim when the queues run low. A database failure stops the run and is rethrown.
 */
export async function pollDue(
  deps: PollDeps,
  provider: TrackingProvider,
  claim: () => NumberKey[] | Promise<NumberKey[]>,
  summary: SyncCycleSummary,
  signal: AbortSignal,
  /** The network was already probed this cycle and is down: defer everything without asking. */
  knownOffline = false,
): Promise<void> {
  const settled = new SettleBatch(deps, summary);
  const run: PollRun = {
    deps,
    provider,
    summary,
    settled,
    signal,
    offline: knownOffline,
    global: new Semaphore(deps.tuning.concurrency),
    probe: new Semaphore(1),
  };
  const queues = new Map<string, NumberKey[]>();
  const running = new Map<string, number>();
  const all = new Set<Promise<void>>();
  let queued = 0;
  const failures: unknown[] = [];
  let wake: () => void = () => undefined;
  const stopped = () => signal.aborted || failures.length > 0 || settled.errors.length > 0;

  const worker = async (carrier: string, queue: NumberKey[]) => {
    try {
      for (let key = queue.shift(); key && !stopped(); key = queue.shift()) {
        queued--;
        await pollOne(run, key);
        wake();
      }
    } catch (error) {
      failures.push(error);
    } finally {
      running.set(carrier, (running.get(carrier) ?? 1) - 1);
      wake();
    }
  };
  const staff = (carrier: string, queue: NumberKey[]) => {
    const size = deps.controls.of(carrier).slots.size;
    for (let n = running.get(carrier) ?? 0; n < size && n < queue.length; n++) {
      running.set(carrier, n + 1);
      const p = worker(carrier, queue);
      all.add(p);
      void p.finally(() => all.delete(p));
    }
  };

  const lowWater = Math.max(1, Math.floor(deps.tuning.pollBatch / 2));
  while (!stopped()) {
    const batch = await claim();
    if (!batch.length) break;
    for (const key of batch) {
      const carrier = findCarrier(key.carrierId)?.trackedAs ?? key.carrierId;
      let queue = queues.get(carrier);
      if (!queue) queues.set(carrier, (queue = []));
      queue.push(key);
      queued++;
    }
    for (const [carrier, queue] of queues) staff(carrier, queue);
    while (queued >= lowWater && !stopped()) await new Promise<void>((resolve) => (wake = resolve));
  }
  while (all.size) await Promise.all([...all]);
  if (!signal.aborted) await settled.finish();
  const error = [...failures, ...settled.errors][0];
  if (error) throw error;
}
