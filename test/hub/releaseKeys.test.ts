// The carrier's idempotency key of a release is the pool's, not the station's: two stations that
// both count their invoices from 1 must never send the carrier the same key for different numbers,
// and a release retried after a failure keeps its key (docs/HUB.md, "The station's queue and the carrier").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReleasePayload } from '../../main/core/sync/outbox';
import { startTestCore } from '../support/core';
import { op, poolShipment, startTestPool, validNumber, type TestPool } from '../support/hubEnv';
import { seedFacets, seedShipments } from '../support/seed';
import { startStation, type TestStation } from '../support/stations';

let env: TestPool;
let A: TestStation;
let B: TestStation;
const no = (n: number) => poolShipment(n).shipmentNo;

beforeAll(async () => {
  env = await startTestPool('release-keys');
  const hub = await env.startHub();
  const admin = env.client(hub, await env.enrol('admin'));
  const shipments = Array.from({ length: 6 }, (_, i) => poolShipment(i + 1));
  await admin.push([op('importOrders', shipments[0]!.shipmentNo, { shipments, operator: 'admin' })]);
  A = await startStation(env, hub, 'A');
  B = await startStation(env, hub, 'B');
  await A.sync();
  await B.sync();
});
afterAll(async () => {
  A?.close();
  B?.close();
  await env?.close();
});

describe('release idempotency keys', () => {
  it('two stations of one pool never send the carrier the same key', async () => {
    // Each station registers three numbers: both stations' invoices are their local ids 1, 2, 3.
    for (const [s, first] of [
      [A, 1],
      [B, 4],
    ] as const) {
      for (let n = first; n < first + 3; n++)
        await s.core.ok('invoices.register', {
          shipmentNo: no(n),
          carrierId: 'kr.cjlogistics',
          invoiceNo: validNumber(7000 + n),
          via: 'scan',
        });
      await s.sync();
    }
    const releases = [...A.sent, ...B.sent].filter((x) => x.kind === 'release');
    expect(releases.map((r) => r.invoiceNo).sort()).toEqual(
      [1, 2, 3, 4, 5, 6].map((n) => validNumber(7000 + n)).sort(),
    );
    expect(new Set(releases.map((r) => r.key)).size).toBe(6);
  });
});

describe('a retried release', () => {
  it('is sent again under the key of its first attempt', async () => {
    const keys: string[] = [];
    const core = startTestCore({
      releaseConnector: {
        async send(_kind, _payload: ReleasePayload, key) {
          keys.push(key);
          // The carrier is down the first time.
          return keys.length === 1 ? { ok: false, permanent: false, reason: 'carrier down' } : { ok: true };
        },
      },
    });
    try {
      seedFacets(core.db);
      const [shipmentNo] = seedShipments(core.db, [{}]);
      await core.ok('invoices.register', {
        shipmentNo: shipmentNo!,
        carrierId: 'kr.cjlogistics',
        invoiceNo: validNumber(42),
        via: 'scan',
      });
      await core.runOutbox();
      core.now.value += 24 * 3600_000; // long past any backoff
      await core.runOutbox();
      expect((await core.ok('shipments.get', { shipmentNo: shipmentNo! })).status).toBe('RELEASED');
      expect(keys).toHaveLength(2);
      expect(keys[1]).toBe(keys[0]);
    } finally {
      core.cleanup();
    }
  });
});
