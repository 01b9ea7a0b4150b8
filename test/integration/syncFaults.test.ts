// Half of all requests fail, every way the fake carrier knows, over 1,000 shipments on ten carriers.
// Every shipment still ends in its scripted final status with every event stored once, no carrier
// ever sees more requests than its limit, and a Retry-After is always honoured.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarrierId } from '../../shared/carriers';
import { FAULT_KINDS } from '../fake-carrier/faults';
import { startSyncHarness, type SyncHarness } from '../fake-carrier/harness';
import { FINAL_STATUS, scriptedTimeline, type Scenario } from '../../main/demoCarrier/timelines';

const MIN = 60_000;
const HOUR = 60 * MIN;
const CARRIERS: CarrierId[] = [
  'kr.cjlogistics',
  'kr.hanjin',
  'kr.lotte',
  'kr.epost',
  'kr.logen',
  'kr.kdexp',
  'kr.cvsnet',
  'kr.daesin',
  'kr.ilyanglogis',
  'kr.chunilps',
];
/** The carrier's published limit; the client is configured a little under it, as in production. */
const CARRIER_LIMIT = 200;
const RETRY_AFTER_S = 60;
const MIX: Scenario[] = [
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'delivered',
  'redelivered',
  'redelivered',
  'redelivered',
  'failed',
  'failed',
  'returning',
  'returning',
  'cancelled',
  'cancelled',
  'stuck',
];

let h: SyncHarness;
beforeAll(async () => {
  h = await startSyncHarness({
    timeoutMs: 300,
    tuning: {
      carrierLimit: { perSecond: 180, burst: 1, concurrency: 4 },
      releaseLimit: { perSecond: 500, burst: 10, concurrency: 16 },
      // Long intervals keep the request count near the minimum the faults allow (about 4 per parcel).
      poll: {
        firstAfterMs: MIN,
        releasedMs: 48 * HOUR,
        processedMs: 24 * HOUR,
        shippingMs: 24 * HOUR,
        outForDeliveryMs: 12 * HOUR,
        failedMs: 48 * HOUR,
        returnedMs: 48 * HOUR,
        retry: { baseMs: 30_000, capMs: 30 * MIN, minMs: 1_000 },
      },
    },
  });
});
afterAll(() => h.cleanup());

describe('50% injected faults over 1,000 shipments', () => {
  it('every shipment ends in its scripted final status: 0 lost, 0 duplicated, no carrier above its limit', async () => {
    // "Invalid number" is a verdict, not a fault. A timeout costs real waiting, so it is drawn less often.
    const quick = FAULT_KINDS.filter((k) => k !== 'bad_request' && k !== 'timeout');
    const kinds = [...quick, ...quick, 'timeout' as const];
    h.fake.trackFaults.setPlan({
      rate: 0.5,
      kinds,
      seed: 42,
      latencyMs: 5,
      retryAfterSeconds: RETRY_AFTER_S,
      hugeBytes: 1_100_000,
    });
    const releaseKinds = ['latency', 'server_error', 'rate_limited', 'reset'] as const;
    h.fake.releaseFaults.setPlan({
      rate: 0.5,
      kinds: [...releaseKinds, ...releaseKinds, 'timeout'],
      seed: 7,
      latencyMs: 5,
      retryAfterSeconds: RETRY_AFTER_S,
    });

    const carriers = Array.from({ length: 1000 }, (_, i) => CARRIERS[i % CARRIERS.length]!);
    const parcels = h.seedRegistered(carriers, 1000);
    const t0 = h.core.now.value;
    const plan = parcels.map((p, i) => {
      const scenario = MIX[Math.floor(i / CARRIERS.length) % MIX.length]!;
      // Parcels at every stage when tracking starts: from just picked up to long finished.
      const timeline = scriptedTimeline(scenario, t0 - (i % 61) * HOUR);
      h.fake.script(p.carrierId, p.invoiceNo, timeline);
      return { ...p, scenario, expected: timeline.events.length };
    });

    const unsettled = () => {
      const status = new Map(
        (
          h.core.db.prepare('SELECT shipment_no, status FROM shipments').all() as {
            shipment_no: string;
            status: string;
          }[]
        ).map((r) => [r.shipment_no, r.status]),
      );
      const events = new Map(
        (
          h.core.db
            .prepare(`SELECT carrier_id || ':' || invoice_no AS k, count(*) AS n FROM tracking_events GROUP BY k`)
            .all() as { k: string; n: number }[]
        ).map((r) => [r.k, r.n]),
      );
      return plan.filter(
        (p) =>
          status.get(p.shipmentNo) !== FINAL_STATUS[p.scenario] ||
          (events.get(`${p.carrierId}:${p.invoiceNo}`) ?? 0) !== p.expected,
      );
    };
    const errors: Record<string, number> = {};
    let cycles = 0;
    for (; cycles < 200 && unsettled().length; cycles++) {
      const s = await h.core.sync.runCycle();
      for (const [code, n] of Object.entries(s.errorsByCode)) errors[code] = (errors[code] ?? 0) + n;
      h.advance(6 * HOUR);
    }
    expect(unsettled()).toEqual([]);

    // every scripted event stored exactly once, nothing else
    const total = (h.core.db.prepare('SELECT count(*) AS n FROM tracking_events').get() as { n: number }).n;
    expect(total).toBe(plan.reduce((n, p) => n + p.expected, 0));
    // every release applied once upstream, under one key per invoice; nothing left queued
    expect(h.fake.releases.applied.size).toBe(1000);
    expect(new Set([...h.fake.releases.applied.values()].map((r) => r.invoiceNo)).size).toBe(1000);
    const state = await h.core.ok('sync.state', {});
    expect(state.queued).toBe(0);
    expect(state.carriers.map((c) => c.carrierId)).toEqual([...CARRIERS].sort());

    // the faults really happened, every kind of them
    const faults = new Set(h.fake.tracks.map((t) => t.fault));
    for (const k of new Set(kinds)) expect(faults).toContain(k);
    expect(errors).toMatchObject({
      NETWORK: expect.any(Number),
      TIMEOUT: expect.any(Number),
      RATE_LIMITED: expect.any(Number),
      MALFORMED: expect.any(Number),
    });

    // no carrier above its limit in any one-second window
    for (const c of CARRIERS) expect(h.fake.maxInWindow(c, 1000)).toBeLessThanOrEqual(CARRIER_LIMIT);
    // Retry-After honoured: after a 429 no request to that carrier until the wait is over
    for (const limited of h.fake.tracks.filter((t) => t.fault === 'rate_limited')) {
      const early = h.fake.tracks.filter(
        (t) =>
          t.carrierId === limited.carrierId &&
          t.business > limited.business &&
          t.business < limited.business + RETRY_AFTER_S * 1000,
      );
      expect(early).toEqual([]);
    }
    // what the carriers sent that could not be read is visible to the operator
    const problems = await h.core.ok('sync.problems', { limit: 500 });
    expect(problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['malformed_answer', 'answer_too_large']));
    console.log(
      `faults: ${cycles} cycles, ${h.fake.tracks.length} tracking requests, ${h.fake.releases.receipts.length} release requests`,
      errors,
    );
  }, 150_000); // about 4,500 real requests on loopback: ~20 s of CPU, more on a busy machine
});
