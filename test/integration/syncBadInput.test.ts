// What carriers send that cannot be used as is: malformed answers, unknown status codes, future times,
// times without a zone, unreadable times, huge bodies. None of it crashes the runner or corrupts a
// shipment; all of it is recorded, counted and visible, and an unknown code is logged once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/createCore';
import { startSyncHarness, type SyncHarness } from '../fake-carrier/harness';
import { scriptedTimeline, type Timeline } from '../../main/demoCarrier/timelines';
import { silentLogger } from '../../main/core/log/logger';
import { captureLog, type LoggedLine } from '../support/log';

const MIN = 60_000;
const HOUR = 60 * MIN;
let h: SyncHarness;
let warnings: LoggedLine[];
beforeEach(async () => {
  const captured = captureLog('warn');
  warnings = captured.lines;
  h = await startSyncHarness({ log: captured.log });
});
afterEach(() => h.cleanup());

const detail = (shipmentNo: string) => h.core.ok('shipments.get', { shipmentNo });

describe('bad input from carriers', () => {
  it('odd events are repaired in a stated way or dropped, recorded, and never move a shipment wrongly', async () => {
    const [p] = await h.registerMany(['kr.cjlogistics'], 1);
    await h.core.sync.runCycle();
    const t0 = h.core.now.value;
    const timeline: Timeline = {
      startAt: t0,
      events: [
        { afterMs: 0, code: 'INFORMATION_RECEIVED', name: '상품접수' },
        // no zone: read in the carrier's home zone (+09:00)
        { afterMs: 0, code: 'AT_PICKUP', name: '집화처리', rawTime: '2026-11-26T09:30:00' },
        // a code nobody documented: kept as UNKNOWN with its raw text
        { afterMs: 0, code: 'TELEPORTED', name: '순간이동' },
        // far in the future: stored at the moment it was received, so it cannot outrank later scans
        { afterMs: 0, code: 'IN_TRANSIT', name: '간선상차', rawTime: '2099-01-01T00:00:00+09:00' },
        // unreadable: dropped
        { afterMs: 0, code: 'IN_TRANSIT', name: '간선하차', rawTime: 'yesterday evening' },
        { afterMs: 0, code: null, name: '배송중' },
      ],
    };
    h.fake.script(p!.carrierId, p!.invoiceNo, timeline);
    h.advance(2 * MIN);
    const first = await h.core.sync.runCycle();
    expect(first).toMatchObject({ polled: 1, eventsStored: 5, errorsByCode: {} });
    const d = await detail(p!.shipmentNo);
    expect(d.status).toBe('SHIPPING');
    const byName = Object.fromEntries(d.events.map((e) => [e.rawText, e]));
    expect(byName['집화처리']).toMatchObject({ at: '2026-11-26T00:30:00.000Z', zone: '+09:00', code: 'AT_PICKUP' });
    expect(byName['순간이동']).toMatchObject({ code: 'UNKNOWN', rawCode: 'TELEPORTED' });
    expect(byName['간선상차']).toMatchObject({ at: new Date(h.core.now.value).toISOString(), code: 'IN_TRANSIT' });
    expect(byName['배송중']).toMatchObject({ code: 'UNKNOWN', rawCode: '' });
    expect(byName['간선하차']).toBeUndefined();

    // the same answer again stores nothing twice; the unknown code is counted, and logged only once
    h.advance(2 * HOUR);
    expect((await h.core.sync.runCycle({ all: true })).eventsStored).toBe(0);
    const problems = await h.core.ok('sync.problems', {});
    const kinds = Object.fromEntries(problems.map((x) => [`${x.kind}:${x.subject}`, x.count]));
    expect(kinds).toMatchObject({
      'unknown_status:TELEPORTED': 2,
      'missing_zone:': 2,
      [`future_time:${p!.invoiceNo}`]: 2,
      [`bad_time:${p!.invoiceNo}`]: 2,
    });
    expect(warnings.filter((w) => w.message.includes('unknown status'))).toHaveLength(1);

    // a real later scan still wins over the clamped future one
    h.fake.script(p!.carrierId, p!.invoiceNo, {
      ...timeline,
      events: [...timeline.events, { afterMs: 3 * HOUR, code: 'DELIVERED', name: '배송완료' }],
    });
    h.advance(2 * HOUR);
    await h.core.sync.runCycle({ all: true });
    expect((await detail(p!.shipmentNo)).status).toBe('DELIVERED');
  });

  it('malformed, misshapen and huge answers are failures to retry, visible on the row and in problems', async () => {
    const [bad, good] = await h.registerMany(['kr.lotte', 'kr.lotte'], 2);
    for (const p of [bad!, good!])
      h.fake.script(p.carrierId, p.invoiceNo, scriptedTimeline('delivered', h.core.now.value - 2 * 86_400_000));
    await h.core.sync.runCycle();
    const before = await detail(bad!.shipmentNo);
    h.fake.trackFaults.forceFor(`${bad!.carrierId}:${bad!.invoiceNo}`, 'malformed', 'wrong_shape', 'huge');
    const codes: string[] = [];
    for (let i = 0; i < 3; i++) {
      h.advance(HOUR);
      const s = await h.core.sync.runCycle({ all: true });
      codes.push(...Object.keys(s.errorsByCode));
      const [row] = await h.core.ok('sync.shipments', { shipmentNos: [bad!.shipmentNo] });
      expect(row!.lastError?.code).toBe(codes.at(-1));
      expect(await detail(bad!.shipmentNo)).toEqual(before); // untouched
    }
    expect(codes).toEqual(['MALFORMED', 'MALFORMED', 'TOO_LARGE']);
    // the other number on the same carrier went on being tracked meanwhile
    expect((await detail(good!.shipmentNo)).status).toBe('DELIVERED');
    const problems = await h.core.ok('sync.problems', {});
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'malformed_answer', carrierId: 'kr.lotte', count: 2 }),
        expect.objectContaining({ kind: 'answer_too_large', carrierId: 'kr.lotte', count: 1 }),
      ]),
    );
    h.advance(HOUR);
    await h.core.sync.runCycle({ all: true });
    expect((await detail(bad!.shipmentNo)).status).toBe('DELIVERED');
    expect((await h.core.ok('sync.state', {})).problems).toBeGreaterThanOrEqual(2);
  });

  it('a tracking adapter that throws is a failed poll, not a crashed runner', async () => {
    const [p] = await h.registerMany(['kr.hanjin'], 3);
    await h.core.sync.runCycle();
    // A second core on the same database, tracking through an adapter that throws.
    const core = createCore({
      dbPath: h.core.dbPath,
      clock: () => h.core.now.value + 2 * MIN,
      log: silentLogger,
      env: {},
      trackingProvider: { label: 'broken', demo: false, track: () => Promise.reject(new Error('adapter bug')) },
    });
    try {
      expect((await core.sync.runCycle()).errorsByCode).toEqual({ PROVIDER_ERROR: 1 });
      const [row] = await h.core.ok('sync.shipments', { shipmentNos: [p!.shipmentNo] });
      expect(row!.lastError).toEqual({ code: 'PROVIDER_ERROR', message: 'the tracking adapter failed: adapter bug' });
      expect((await detail(p!.shipmentNo)).status).toBe('RELEASED');
    } finally {
      core.close();
    }
  });
});
