// Pacing for network work: a per-carrier token bucket, a concurrency gate, and backoff with full jitter.
// The bucket runs on a monotonic clock (real pacing); schedules run on the core's clock (business time).

/**
 * A token bucket kept as one number (the generic cell rate algorithm): `perSecond` requests a second,
 * with up to `burst` at once. A slot is taken at the moment the request really starts, so a late
 * timer can never bunch requests together.
 */
export class RateGate {
  private readonly interval: number;
  private readonly tolerance: number;
  private tat = -Infinity;

  constructor(
    readonly perSecond: number,
    readonly burst: number,
    private readonly now: () => number,
  ) {
    if (!(perSecond > 0) || !(burst >= 1)) throw new RangeError('a rate needs perSecond > 0 and burst >= 1');
    this.interval = 1000 / perSecond;
    this.tolerance = (burst - 1) * this.interval;
  }

  /** Takes a slot if one is free now (returns 0); otherwise the milliseconds until one may be. */
  tryTake(): number {
    const t = this.now();
    const wait = this.tat - this.tolerance - t;
    if (wait > 0) return wait;
    this.tat = Math.max(this.tat, t) + this.interval;
    return 0;
  }

  /** No slot before `until` (a Retry-After). */
  pauseUntil(until: number): void {
    this.tat = Math.max(this.tat, until + this.tolerance);
  }
}

/** Waits until the gate hands out a slot (or the signal aborts). */
export async function takeSlot(gate: RateGate, signal?: AbortSignal): Promise<void> {
  for (let wait = gate.tryTake(); wait > 0 && !signal?.aborted; wait = gate.tryTake())
    await sleep(Math.ceil(wait), signal);
}

/** At most `size` holders at once; waiters are served in order. */
export class Semaphore {
  private held = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  async acquire(): Promise<() => void> {
    if (this.held < this.size) this.held++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.held--;
    };
  }

  get inUse(): number {
    return this.held;
  }
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export interface Backoff {
  baseMs: number;
  capMs: number;
  /** A floor, so a retry never lands in the same instant. */
  minMs: number;
}

/** Exponential backoff with full jitter: uniform in [min, min(cap, base * 2^attempt)]. */
export function backoffDelay(attempt: number, b: Backoff, random: () => number): number {
  const ceiling = Math.min(b.capMs, b.baseMs * 2 ** Math.min(attempt, 40));
  return Math.max(b.minMs, Math.round(random() * ceiling));
}

/** An interval spread by ±fraction, so numbers registered together do not poll together forever. */
export function jittered(intervalMs: number, fraction: number, random: () => number): number {
  return Math.round(intervalMs * (1 - fraction + 2 * fraction * random()));
}
