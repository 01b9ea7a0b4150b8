// Pacing and protection: backoff with full jitter, the poll schedule, the rate gate, the concurrency
// gate, the circuit breaker and the online/offline judgement, all on injected clocks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../main/core/sync/breaker';
import { backoffDelay, jittered, RateGate, Semaphore } from '../../main/core/sync/limits';
import { NetworkState } from '../../main/core/sync/network';
import { isNotMoving, nextPollDelay, retryDelay } from '../../main/core/sync/schedule';
import { DEFAULT_TUNING } from '../../main/core/sync/tuning';

const plan = DEFAULT_TUNING.poll;
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('backoff with full jitter', () => {
  const b = { baseMs: 5_000, capMs: 15 * MIN, minMs: 1_000 };

  it('stays within [min, min(cap, base * 2^attempt)] for any attempt and any draw', () => {
    fc.assert(
      fc.property(fc.nat(200), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const d = backoffDelay(attempt, b, () => r);
        return d >= b.minMs && d <= Math.max(b.minMs, Math.min(b.capMs, b.baseMs * 2 ** attempt));
      }),
    );
  });

  it('reaches the bounds at the ends of the draw and is capped', () => {
    expect(backoffDelay(3, b, () => 0)).toBe(1_000);
    expect(backoffDelay(3, b, () => 0.9999999)).toBe(40_000);
    expect(backoffDelay(30, b, () => 0.9999999)).toBe(15 * MIN);
  });

  it('spreads retries over the whole window (full jitter, not equal jitter)', () => {
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const draws = Array.from({ length: 2000 }, () => backoffDelay(6, b, random));
    const ceiling = 5_000 * 64;
    expect(Math.min(...draws)).toBeLessThan(ceiling * 0.05);
    expect(Math.max(...draws)).toBeGreaterThan(ceiling * 0.95);
  });

  it('honours a longer Retry-After', () => {
    expect(retryDelay(plan, 0, 90_000, () => 0.5)).toBe(90_000);
    expect(retryDelay(plan, 0, undefined, () => 0)).toBe(plan.retry.minMs);
  });
});

describe('the poll schedule', () => {
  it('polls by what the parcel is doing, jittered ±20%, and stops when it is over', () => {
    expect(nextPollDelay(plan, 'released', () => 0)).toBe(3 * HOUR * 0.8);
    expect(nextPollDelay(plan, 'released', () => 0.999999)).toBeCloseTo(3 * HOUR * 1.2, -2);
    expect(nextPollDelay(plan, 'shipping', () => 0.5)).toBe(HOUR);
    expect(nextPollDelay(plan, 'outForDelivery', () => 0.5)).toBe(20 * MIN);
    expect(nextPollDelay(plan, 'stop', () => 0.5)).toBeNull();
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        (r) => Math.abs(jittered(HOUR, 0.2, () => r) - HOUR) <= 0.2 * HOUR + 1,
      ),
    );
  });

  it('flags a number unknown to the carrier 3 days (domestic) or 7 days (international) after release', () => {
    const at = (region: 'domestic' | 'international', releasedDaysAgo: number, events = 0) =>
      isNotMoving(plan, { stage: 'released', releasedAt: 10 * DAY - releasedDaysAgo * DAY, region }, events, 10 * DAY);
    expect([at('domestic', 2.9), at('domestic', 3.1), at('international', 6.9), at('international', 7.1)]).toEqual([
      false,
      true,
      false,
      true,
    ]);
    expect(at('domestic', 30, 1)).toBe(false); // the carrier knows it
  });
});

describe('rate gate (token bucket)', () => {
  it('lets `burst` through at once, then one per interval, timed from the real start', () => {
    const clock = { t: 0 };
    const gate = new RateGate(10, 2, () => clock.t);
    expect([gate.tryTake(), gate.tryTake()]).toEqual([0, 0]);
    expect(gate.tryTake()).toBe(100);
    clock.t = 100;
    expect(gate.tryTake()).toBe(0);
    // a late caller does not get to bunch up: the next slot is counted from when it really started
    clock.t = 450;
    expect([gate.tryTake(), gate.tryTake()]).toEqual([0, 0]);
    expect(gate.tryTake()).toBe(100);
  });

  it('never admits more than perSecond + burst - 1 in any second, however it is called', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(40), { minLength: 1, maxLength: 300 }), (steps) => {
        const clock = { t: 0 };
        const gate = new RateGate(20, 1, () => clock.t);
        const starts: number[] = [];
        for (const step of steps) {
          clock.t += step;
          if (gate.tryTake() === 0) starts.push(clock.t);
        }
        return starts.every(
          (s, i) => starts.filter((x) => x >= s && x < s + 1000).length <= 20 && (i === 0 || s - starts[i - 1]! >= 50),
        );
      }),
    );
  });

  it('waits out a pause (Retry-After)', () => {
    const clock = { t: 0 };
    const gate = new RateGate(10, 1, () => clock.t);
    gate.pauseUntil(2_000);
    expect(gate.tryTake()).toBe(2_000);
    clock.t = 2_000;
    expect(gate.tryTake()).toBe(0);
  });
});

describe('concurrency gate', () => {
  it('holds at most `size`, serving waiters in order', async () => {
    const gate = new Semaphore(2);
    const a = await gate.acquire();
    const b = await gate.acquire();
    const order: string[] = [];
    const c = gate.acquire().then((release) => (order.push('c'), release));
    const d = gate.acquire().then((release) => (order.push('d'), release));
    expect(gate.inUse).toBe(2);
    a();
    a(); // releasing twice frees one slot only
    (await c)();
    b();
    (await d)();
    expect(order).toEqual(['c', 'd']);
    expect(gate.inUse).toBe(0);
  });
});

describe('circuit breaker', () => {
  const options = { failureThreshold: 3, cooldownMs: 1_000, maxCooldownMs: 4_000 };

  it('opens after consecutive failures, lets one trial through after the cooldown, closes on success', () => {
    const clock = { t: 0 };
    const br = new CircuitBreaker(options, () => clock.t);
    br.failure();
    br.failure();
    br.success(); // not consecutive
    br.failure();
    br.failure();
    expect(br.state).toBe('closed');
    br.failure();
    expect([br.state, br.allow(), br.retryAt]).toEqual(['open', false, 1_000]);
    clock.t = 1_000;
    expect(br.state).toBe('half-open');
    expect([br.allow(), br.allow()]).toEqual([true, false]); // one trial at a time
    br.success();
    expect([br.state, br.allow()]).toEqual(['closed', true]);
  });

  it('a failed trial reopens with a doubled cooldown, capped', () => {
    const clock = { t: 0 };
    const br = new CircuitBreaker(options, () => clock.t);
    for (let i = 0; i < 3; i++) br.failure();
    const cooldowns: number[] = [];
    for (let i = 0; i < 4; i++) {
      clock.t = br.retryAt!;
      const opened = clock.t;
      expect(br.allow()).toBe(true);
      br.failure();
      cooldowns.push(br.retryAt! - opened);
    }
    expect(cooldowns).toEqual([2_000, 4_000, 4_000, 4_000]);
    clock.t = br.retryAt!;
    br.allow();
    br.success();
    for (let i = 0; i < 3; i++) br.failure();
    expect(br.retryAt! - clock.t).toBe(1_000); // back to the first cooldown
  });

  it('a skipped trial frees the half-open slot', () => {
    const clock = { t: 0 };
    const br = new CircuitBreaker(options, () => clock.t);
    for (let i = 0; i < 3; i++) br.failure();
    clock.t = 1_000;
    expect(br.allow()).toBe(true);
    br.release();
    expect(br.allow()).toBe(true);
  });
});

describe('online or offline', () => {
  it('goes offline after a few exchanges without any answer, and back on any answer', () => {
    const net = new NetworkState(3, null);
    net.unreachable();
    net.unreachable();
    expect(net.online).toBe(true);
    net.answered(); // a 503 is still an answer: the network works
    net.unreachable();
    net.unreachable();
    net.unreachable();
    expect(net.online).toBe(false);
    expect(net.lastSuccessAt).toBeNull();
    net.succeeded(42);
    expect([net.online, net.lastSuccessAt]).toEqual([true, 42]);
    net.succeeded(7); // an older success never moves it back
    expect(net.lastSuccessAt).toBe(42);
  });
});
