// Release and tracking end to end against the fake carrier on loopback: the HTTP release connector,
// the tracker.delivery adapter, the schedule, cancellations, invalid numbers and manual refresh.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scriptedTimeline } from '../../main/demoCarrier/timelines';
import { startSyncHarness, TEST_KEY, type SyncHarness } from '../fake-carrier/harness';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

let h: SyncHarness;
beforeEach(async () => {
  h = await startSyncHarness();
});
afterEach(() => h.cleanup());

const status = async (shipmentNo: string) => (await h.core.ok('shipments.get', { shipmentNo })).status;
const schedule = (invoiceNo: string) =>
  h.core.db
    .prepare('SELECT next_poll_at, not_moving, last_error_code FROM poll_schedule WHERE invoice_no = ?')
    .get(invoiceNo) as { next_poll_at: number | null; not_moving: number; last_error_code: string | null } | undefined;

describe('release and tracking', () => {
  it('releases through the endpoint with an idempotency key, then follows the carrier to DELIVERED', async () => {
    const [p] = await h.registerMany(['kr.cjlogistics'], 100);
    const registeredAt = h.core.now.value;
    h.fake.script(p!.carrierId, p!.invoiceNo, scriptedTimeline('delivered', registeredAt + MIN));
    expect(await status(p!.shipmentNo)).toBe('PREPARING_TO_SHIP');

    const first = await h.core.sync.runCycle();
    expect(first).toMatchObject({ released: 1, polled: 0, errorsByCode: {} });
    expect(await status(p!.shipmentNo)).toBe('RELEASED');
    const [applied] = [...h.fake.releases.applied.values()];
    expect(applied).toMatchObject({
      kind: 'release',
      shipmentNo: p!.shipmentNo,
      invoiceNo: p!.invoiceNo,
      recipientCountry: 'KR',
    });
    expect(applied!.key).toMatch(/^release:[0-9a-f-]{36}$/);

    const seen: string[] = [];
    for (const step of [5 * HOUR, 12 * HOUR, 20 * HOUR, 26 * HOUR, 30 * HOUR]) {
      h.core.now.value = registeredAt + step;
      await h.core.sync.runCycle();
      seen.push(await status(p!.shipmentNo));
    }
    expect(seen).toEqual(['PROCESSED', 'SHIPPING', 'SHIPPING', 'SHIPPING', 'DELIVERED']);

    const detail = await h.core.ok('shipments.get', { shipmentNo: p!.shipmentNo });
    expect(detail.events.map((e) => e.code)).toEqual([
      'DELIVERED',
      'OUT_FOR_DELIVERY',
      'IN_TRANSIT',
      'IN_TRANSIT',
      'AT_PICKUP',
      'INFO_RECEIVED',
    ]);
    expect(detail.events[1]).toMatchObject({ zone: '+09:00', rawCode: 'OUT_FOR_DELIVERY', location: '서울강남' });
    // the courier's phone number in the carrier's text is not kept
    expect(detail.events[1]!.rawText).toContain('배송출발');
    expect(detail.events[1]!.rawText).not.toMatch(/010-?1234/);
    expect(h.fake.tracks.every((t) => t.authorization === `TRACKQL-API-KEY ${TEST_KEY}`)).toBe(true);

    // delivered: polling stops, and a later cycle asks nothing
    expect(schedule(p!.invoiceNo)?.next_poll_at).toBeNull();
    expect(await h.core.ok('sync.shipments', { shipmentNos: [p!.shipmentNo] })).toEqual([
      {
        shipmentNo: p!.shipmentNo,
        phase: 'finished',
        reason: null,
        lastPolledAt: expect.any(String),
        nextPollAt: null,
        notMoving: false,
        lastError: null,
        failure: null,
      },
    ]);
    const asked = h.fake.tracks.length;
    h.advance(3 * DAY);
    expect((await h.core.sync.runCycle()).polled).toBe(0);
    expect(h.fake.tracks.length).toBe(asked);

    const changed = h.pushes.flatMap((e) => (e.type === 'shipments.changed' ? e.shipmentNos : []));
    expect(changed).toContain(p!.shipmentNo);
    const state = h.pushes.filter((e) => e.type === 'sync.state').at(-1);
    expect(state).toMatchObject({ online: true, queued: 0, lastSyncAt: expect.any(String) });
  });

  it('a carrier cancellation voids the invoice and returns the shipment to awaiting an invoice', async () => {
    const [p] = await h.registerMany(['kr.epost'], 7);
    h.fake.script(p!.carrierId, p!.invoiceNo, scriptedTimeline('cancelled', h.core.now.value));
    await h.core.sync.runCycle();
    h.advance(8 * HOUR);
    const summary = await h.core.sync.runCycle();
    expect(summary.statusChanges).toBe(1);
    const detail = await h.core.ok('shipments.get', { shipmentNo: p!.shipmentNo });
    expect(detail).toMatchObject({ status: 'AWAITING_INVOICE', invoiceNo: null, addressLocked: false });
    const [entry] = await h.core.ok('invoices.history', { shipmentNo: p!.shipmentNo });
    expect(entry).toMatchObject({
      action: 'voided_by_carrier',
      before: { invoiceNo: p!.invoiceNo },
      reason: expect.stringContaining('접수취소'),
    });
    expect(schedule(p!.invoiceNo)?.next_poll_at).toBeNull();
  });

  it('the first lookup settles an invalid number: BAD_REQUEST voids it with the reason', async () => {
    const [p] = await h.registerMany(['kr.hanjin'], 9);
    await h.core.sync.runCycle();
    h.fake.trackFaults.forceFor(`${p!.carrierId}:${p!.invoiceNo}`, 'bad_request');
    h.advance(2 * MIN);
    const summary = await h.core.sync.runCycle();
    expect(summary.errorsByCode).toEqual({ BAD_REQUEST: 1 });
    expect(await status(p!.shipmentNo)).toBe('AWAITING_INVOICE');
    const [entry] = await h.core.ok('invoices.history', { shipmentNo: p!.shipmentNo });
    expect(entry!.reason).toMatch(/not a valid number: invalid tracking number/);
    const problems = await h.core.ok('sync.problems', {});
    expect(problems).toContainEqual(expect.objectContaining({ kind: 'invalid_number', subject: p!.invoiceNo }));
  });

  it('NOT_FOUND keeps polling, and flags "not moving" after 3 days domestic and 7 international', async () => {
    const [kr] = await h.registerMany(['kr.lotte'], 11);
    const [intl] = await h.registerMany(['us.ups'], 12, { country: 'US' });
    await h.core.sync.runCycle();
    const view = async () => h.core.ok('sync.shipments', { shipmentNos: [kr!.shipmentNo, intl!.shipmentNo] });
    h.advance(2 * MIN);
    expect((await h.core.sync.runCycle()).errorsByCode).toEqual({ NOT_FOUND: 2 });
    expect((await view()).map((v) => [v.phase, v.notMoving, v.lastError?.code])).toEqual([
      ['tracking', false, 'NOT_FOUND'],
      ['tracking', false, 'NOT_FOUND'],
    ]);
    h.advance(3 * DAY + HOUR);
    await h.core.sync.runCycle({ all: true });
    expect((await view()).map((v) => v.notMoving)).toEqual([true, false]);
    h.advance(4 * DAY);
    await h.core.sync.runCycle({ all: true });
    expect((await view()).map((v) => v.notMoving)).toEqual([true, true]);
    expect((await h.core.ok('sync.state', {})).notMoving).toBe(2);
    expect(await status(kr!.shipmentNo)).toBe('RELEASED');
  });

  it('a release refused as an invalid number fails: dead letter with the reason, invoice voided, history says why', async () => {
    const [ok, bad] = await h.registerMany(['kr.cjlogistics', 'kr.cjlogistics'], 20);
    h.fake.releases.refused.set(bad!.invoiceNo, 'no such waybill at CJ');
    const summary = await h.core.sync.runCycle();
    expect(summary).toMatchObject({ released: 1, errorsByCode: { REFUSED: 1 } });
    expect(await status(ok!.shipmentNo)).toBe('RELEASED');
    expect(await status(bad!.shipmentNo)).toBe('AWAITING_INVOICE');
    const [dead] = await h.core.ok('sync.deadLetters', {});
    expect(dead).toMatchObject({
      shipmentNo: bad!.shipmentNo,
      kind: 'release',
      invoiceNo: bad!.invoiceNo,
      reason: 'no such waybill at CJ',
    });
    const [row] = await h.core.ok('sync.shipments', { shipmentNos: [bad!.shipmentNo] });
    expect(row).toMatchObject({ phase: 'refused', reason: 'no such waybill at CJ' });
    const [entry] = await h.core.ok('invoices.history', { shipmentNo: bad!.shipmentNo });
    expect(entry).toMatchObject({
      action: 'voided_by_carrier',
      reason: 'The carrier refused the release: no such waybill at CJ',
    });
    expect((await h.core.ok('sync.state', {})).deadLetters).toBe(1);
    // a voided invoice's release cannot be revived; the operator registers a new number instead
    const retry = await h.core.call('sync.retryDeadLetter', { id: dead!.id });
    expect(!retry.ok && retry.error.code).toBe('INVALID_STATE');
  });

  it('a failed row says what happened and what the carrier will do next', async () => {
    const [failed, returning] = await h.registerMany(['kr.cjlogistics', 'kr.cjlogistics'], 40);
    h.fake.script(failed!.carrierId, failed!.invoiceNo, scriptedTimeline('failed', h.core.now.value - 2 * DAY));
    h.fake.script(
      returning!.carrierId,
      returning!.invoiceNo,
      scriptedTimeline('returning', h.core.now.value - 2 * DAY),
    );
    await h.core.sync.runCycle();
    h.advance(2 * MIN);
    await h.core.sync.runCycle();
    const rows = await h.core.ok('sync.shipments', { shipmentNos: [failed!.shipmentNo, returning!.shipmentNo] });
    expect(rows.map((r) => r.failure)).toEqual([
      { code: 'ATTEMPT_FAIL', text: '배달실패 · 주소 불명', at: expect.any(String), nextStep: 'redeliver' },
      { code: 'RETURNING', text: '반송 · 수취거절', at: expect.any(String), nextStep: 'return' },
    ]);
    expect((await h.core.ok('shipments.list', { tab: 'failed' })).rows.map((r) => r.shipmentNo).sort()).toEqual(
      [failed!.shipmentNo, returning!.shipmentNo].sort(),
    );
  });

  it('refresh now polls the chosen shipments at once, ignoring their schedule', async () => {
    const [a, b] = await h.registerMany(['kr.logen', 'kr.logen'], 30);
    for (const p of [a!, b!])
      h.fake.script(p.carrierId, p.invoiceNo, scriptedTimeline('delivered', h.core.now.value - 2 * DAY));
    await h.core.sync.runCycle();
    const before = h.fake.tracks.length;
    const { scheduled, done } = h.core.sync.refresh([a!.shipmentNo]);
    expect(scheduled).toBe(1);
    expect(await done).toMatchObject({ polled: 1, statusChanges: 1 });
    expect(h.fake.tracks.slice(before).map((t) => t.trackingNumber)).toEqual([a!.invoiceNo]);
    expect([await status(a!.shipmentNo), await status(b!.shipmentNo)]).toEqual(['DELIVERED', 'RELEASED']);
    // through the dispatcher: it answers at once, the result arrives as a push
    const pushesBefore = h.pushes.length;
    expect(await h.core.ok('sync.refresh', { shipmentNos: [b!.shipmentNo] })).toEqual({ scheduled: 1 });
    await vi.waitFor(
      () =>
        expect(h.pushes.slice(pushesBefore)).toContainEqual({
          type: 'shipments.changed',
          shipmentNos: [b!.shipmentNo],
        }),
      { timeout: 5_000 },
    );
    expect(await status(b!.shipmentNo)).toBe('DELIVERED');
  });
});
