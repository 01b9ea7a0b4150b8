// The tracker.delivery adapter against the fake carrier on loopback: every kind of answer becomes a
// typed outcome, never an exception; the key travels only in the Authorization header.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../main/core/sync/http';
import { httpReleaseConnector } from '../../main/core/sync/releaseHttp';
import { trackerDeliveryProvider } from '../../main/core/sync/trackerDelivery';
import type { FaultKind } from '../fake-carrier/faults';
import { startFakeCarrier, type FakeCarrier } from '../fake-carrier/server';
import { scriptedTimeline } from '../../main/demoCarrier/timelines';

const KEY = 'id-1:secret-1';
let fake: FakeCarrier;
beforeAll(async () => {
  fake = await startFakeCarrier({ apiKey: KEY });
  fake.script('kr.cjlogistics', '350000000011', scriptedTimeline('delivered', Date.now() - 2 * 86_400_000));
});
afterAll(() => fake.close());

// Generous, so a cold or busy machine does not turn an answer into a timeout; short where one is expected.
const provider = (key: string | null = KEY, o: { maxBytes?: number; timeoutMs?: number } = {}) =>
  trackerDeliveryProvider({
    url: fake.graphqlUrl,
    key: () => key,
    timeoutMs: o.timeoutMs ?? 3000,
    ...(o.maxBytes ? { maxBytes: o.maxBytes } : {}),
  });

describe('tracker.delivery adapter', () => {
  it('reads the events, with the key in the Authorization header only', async () => {
    const outcome = await provider().track('kr.cjlogistics', '350000000011');
    expect(outcome.kind).toBe('events');
    if (outcome.kind !== 'events') return;
    expect(outcome.events.map((e) => e.statusCode)).toEqual([
      'INFORMATION_RECEIVED',
      'AT_PICKUP',
      'IN_TRANSIT',
      'IN_TRANSIT',
      'OUT_FOR_DELIVERY',
      'DELIVERED',
      'DELIVERED',
    ]);
    expect(outcome.events[0]).toEqual({
      time: expect.stringMatching(/\+09:00$/),
      statusCode: 'INFORMATION_RECEIVED',
      statusName: '상품접수',
      description: null,
      location: '판매자',
    });
    expect(fake.tracks.at(-1)?.authorization).toBe(`TRACKQL-API-KEY ${KEY}`);
  });

  it.each([
    ['bad_request', { kind: 'invalid', reason: 'invalid tracking number' }],
    ['not_found', { kind: 'notFound' }],
    ['internal', { kind: 'failed', code: 'SERVER_ERROR' }],
    ['server_error', { kind: 'failed', code: 'SERVER_ERROR' }],
    ['rate_limited', { kind: 'failed', code: 'RATE_LIMITED', retryAfterMs: 1000 }],
    ['reset', { kind: 'failed', code: 'NETWORK' }],
    ['timeout', { kind: 'failed', code: 'TIMEOUT' }],
    ['malformed', { kind: 'failed', code: 'MALFORMED' }],
    ['wrong_shape', { kind: 'failed', code: 'MALFORMED', reason: expect.stringContaining('data.track.events.edges') }],
    ['huge', { kind: 'failed', code: 'TOO_LARGE' }],
  ] as [FaultKind, object][])('%s becomes %o', async (fault, expected) => {
    fake.trackFaults.forceNext(fault);
    expect(
      await provider(KEY, { timeoutMs: fault === 'timeout' ? 300 : 3000 }).track('kr.cjlogistics', '350000000011'),
    ).toMatchObject(expected);
  });

  it('an answer over the size limit is refused unread', async () => {
    const outcome = await provider(KEY, { maxBytes: 500 }).track('kr.cjlogistics', '350000000011');
    expect(outcome).toMatchObject({ kind: 'failed', code: 'TOO_LARGE' });
  });

  it('a wrong or missing key is UNAUTHORIZED', async () => {
    expect(await provider('id-1:wrong').track('kr.cjlogistics', '350000000011')).toMatchObject({
      kind: 'failed',
      code: 'UNAUTHORIZED',
    });
    expect(await provider(null).track('kr.cjlogistics', '350000000011')).toMatchObject({
      kind: 'failed',
      code: 'UNAUTHORIZED',
      reason: 'no tracker API key is set',
    });
  });

  it('nobody listening is NETWORK, not an exception', async () => {
    const gone = trackerDeliveryProvider({ url: 'http://127.0.0.1:9/graphql', key: () => KEY, timeoutMs: 300 });
    expect(await gone.track('kr.cjlogistics', '1')).toMatchObject({
      kind: 'failed',
      code: expect.stringMatching(/NETWORK|TIMEOUT/),
    });
  });

  it('reads Retry-After as seconds or a date, capped at an hour', () => {
    const now = Date.parse('2026-11-26T00:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Thu, 26 Nov 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('999999', now)).toBe(3_600_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('HTTP release connector', () => {
  const nobody = httpReleaseConnector({ url: 'http://127.0.0.1:9/release', timeoutMs: 300 });
  const payload = {
    shipmentNo: 'SD0000000001',
    carrierId: 'kr.lotte',
    invoiceNo: '240000000015',
    invoiceId: 1,
    recipient: { name: '김민수', country: 'KR', postalCode: '06236' },
  };

  it('sends JSON with the idempotency key; a replay is answered as the first time', async () => {
    const c = httpReleaseConnector({ url: fake.releaseUrl, timeoutMs: 3000 });
    expect(await c.send('release', payload, 'release:1')).toEqual({ ok: true });
    expect(await c.send('release', payload, 'release:1')).toEqual({ ok: true });
    expect(fake.releases.receipts.map((r) => [r.key, r.replay])).toEqual([
      ['release:1', false],
      ['release:1', true],
    ]);
    expect(fake.releases.applied.size).toBe(1);
  });

  it('an invalid number is a permanent refusal that fails the release', async () => {
    fake.releases.refused.set('240000000022', 'unknown waybill');
    const c = httpReleaseConnector({ url: fake.releaseUrl, timeoutMs: 3000 });
    expect(await c.send('release', { ...payload, invoiceNo: '240000000022' }, 'release:2')).toEqual({
      ok: false,
      permanent: true,
      invalidNumber: true,
      code: 'REFUSED',
      reason: 'unknown waybill',
    });
  });

  it('429 and 5xx are retried later (Retry-After kept), a dead endpoint is NETWORK', async () => {
    const c = httpReleaseConnector({ url: fake.releaseUrl, timeoutMs: 3000 });
    fake.releaseFaults.forceNext('rate_limited', 'server_error');
    expect(await c.send('release', payload, 'release:3')).toMatchObject({
      ok: false,
      permanent: false,
      code: 'RATE_LIMITED',
      retryAfterMs: 1000,
    });
    expect(await c.send('release', payload, 'release:3')).toMatchObject({
      ok: false,
      permanent: false,
      code: 'SERVER_ERROR',
    });
    expect(await nobody.send('release', payload, 'release:4')).toMatchObject({
      ok: false,
      permanent: false,
      code: expect.stringMatching(/NETWORK|TIMEOUT/),
    });
  });
});
