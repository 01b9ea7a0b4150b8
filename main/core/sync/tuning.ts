// Every knob of the sync in one place, with the defaults a packing station runs with.
// Tests and the demo carrier shorten them; nothing else should need to.
import type { BreakerOptions } from './breaker';
import type { Backoff } from './limits';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface RateLimit {
  perSecond: number;
  burst: number;
  /** Requests in flight at once. */
  concurrency: number;
}

/** How often a number is asked about, by what its shipment is doing. */
export interface PollPlan {
  /** The first look after the release is confirmed (settles a number the carrier calls invalid). */
  firstAfterMs: number;
  releasedMs: number;
  processedMs: number;
  shippingMs: number;
  outForDeliveryMs: number;
  failedMs: number;
  returnedMs: number;
  /** ± this fraction of the interval. */
  jitter: number;
  /** After a failed request. */
  retry: Backoff;
  notMovingDays: { domestic: number; international: number };
}

export interface SyncTuning {
  /** Per tracking carrier (the carrier that answers: CU parcels count against CJ). */
  carrierLimit: RateLimit;
  carrierLimits: Record<string, Partial<RateLimit>>;
  /** Per carrier, for releases and withdrawals sent upstream. */
  releaseLimit: RateLimit;
  /** Requests in flight at once across all carriers. */
  concurrency: number;
  breaker: BreakerOptions;
  /** Exchanges in a row without any answer before the state turns offline. */
  offlineAfter: number;
  poll: PollPlan;
  outbox: { leaseMs: number; batch: number; retry: Backoff };
  /** A claimed number is due again after this if the process dies mid-poll. */
  pollLeaseMs: number;
  /** Numbers claimed per database round trip. */
  pollBatch: number;
  /** A Retry-After up to this long is waited out inside a cycle; a longer one defers the carrier's numbers. */
  maxInlineWaitMs: number;
}

export const DEFAULT_TUNING: SyncTuning = {
  carrierLimit: { perSecond: 5, burst: 1, concurrency: 4 },
  carrierLimits: {},
  releaseLimit: { perSecond: 20, burst: 5, concurrency: 4 },
  concurrency: 16,
  breaker: { failureThreshold: 5, cooldownMs: 30_000, maxCooldownMs: 10 * MIN },
  offlineAfter: 3,
  poll: {
    firstAfterMs: 1 * MIN,
    releasedMs: 3 * HOUR,
    processedMs: 2 * HOUR,
    shippingMs: 1 * HOUR,
    outForDeliveryMs: 20 * MIN,
    failedMs: 2 * HOUR,
    returnedMs: 12 * HOUR,
    jitter: 0.2,
    retry: { baseMs: 30_000, capMs: 1 * HOUR, minMs: 1_000 },
    notMovingDays: { domestic: 3, international: 7 },
  },
  outbox: { leaseMs: 2 * MIN, batch: 32, retry: { baseMs: 5_000, capMs: 15 * MIN, minMs: 1_000 } },
  pollLeaseMs: 10 * MIN,
  pollBatch: 200,
  maxInlineWaitMs: 5_000,
};

export const DAY_MS = DAY;

/** A partial override, one level deep per section. */
export type SyncTuningInput = {
  [K in keyof SyncTuning]?: SyncTuning[K] extends object ? Partial<SyncTuning[K]> : SyncTuning[K];
};

export function resolveTuning(input: SyncTuningInput = {}): SyncTuning {
  return {
    ...DEFAULT_TUNING,
    ...input,
    carrierLimit: { ...DEFAULT_TUNING.carrierLimit, ...input.carrierLimit },
    carrierLimits: Object.fromEntries(
      Object.entries(input.carrierLimits ?? {}).flatMap(([id, limit]) => (limit ? [[id, limit]] : [])),
    ),
    releaseLimit: { ...DEFAULT_TUNING.releaseLimit, ...input.releaseLimit },
    breaker: { ...DEFAULT_TUNING.breaker, ...input.breaker },
    poll: { ...DEFAULT_TUNING.poll, ...input.poll },
    outbox: { ...DEFAULT_TUNING.outbox, ...input.outbox },
  };
}

export function limitFor(tuning: SyncTuning, carrierId: string): RateLimit {
  return { ...tuning.carrierLimit, ...tuning.carrierLimits[carrierId] };
}
