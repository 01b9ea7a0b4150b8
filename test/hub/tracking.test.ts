// Tracking in a pool: each warehouse is polled by one hub only (PostgreSQL advisory lock), each event
// is stored once, and the lock passes to another hub when the holder stops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../main/core/poolLink/client';
import { trackerDeliveryProvider } from '../../main/core/sync/trackerDelivery';
import { createHubPool } from '../../main/hub/db/pool';
import { startHubTracking, type HubTracking } from '../../main/hub/tracking';
import { startFakeCarrier, type FakeCarrier } from '../fake-carrier/server';
import { scriptedTimeline } from '../../main/demoCarrier/timelines';
import { op, poolShipment, silentHubLog, startTestPool, validNumber, type TestPool } from '../support/hubEnv';

let env: TestPool;
let fake: FakeCarrier;
let a: HubClient;
const trackers: HubTracking[] = [];
const pools: ReturnType<typeof createHubPool>[] = [];
const who = { operator: 'kim', via: 'scan' as const };
const parcels = [
  { n: 1, warehouse: { code: 'WH-ICN', name: '인천' } },
  { n: 2, warehouse: { code: 'WH-ICN', name: '인천' } },
  { n: 3, warehouse: { code: 'WH-PUS', name: '부산' } },
  { n: 4, warehouse: { code: 'WH-PUS', name: '부산' } },
];

async function tracker(): Promise<HubTracking> {
  const pool = createHubPool(env.url, { max: 2 });
  pools.push(pool);
  const t = await startHubTracking({
    pool,
    url: env.url,
    log: silentHubLog,
    provider: trackerDeliveryProvider({ url: fake.graphqlUrl, key: () => 'k:s', timeoutMs: 5000 }),
    intervalMs: 0,
  });
  trackers.push(t);
  return t;
}

beforeAll(async () => {
  env = await startTestPool('tracking');
  fake = await startFakeCarrier({});
  a = env.client(await env.startHub(), await env.enrol('A'));
  const shipments = parcels.map((p) => poolShipment(p.n, { warehouse: p.warehouse }));
  await a.push([op('importOrders', shipments[0]!.shipmentNo, { shipments, operator: 'kim' })]);
  for (const p of parcels) {
    const invoiceNo = validNumber(900 + p.n);
    fake.script('kr.cjlogistics', invoiceNo, scriptedTimeline('delivered', Date.now() - 10 * 86_400_000));
    const no = poolShipment(p.n).shipmentNo;
    await a.push([
      op('register', no, { carrierId: 'kr.cjlogistics', invoiceNo, ...who }),
      op('released', no, { carrierId: 'kr.cjlogistics', invoiceNo }),
    ]);
  }
});
afterAll(async () => {
  for (const t of trackers) await t.stop();
  for (const p of pools) await p.end();
  await fake.close();
  await env.close();
});

describe('tracking polled once per warehouse', () => {
  it('gives each warehouse to one hub only, asks the carrier once per number, and stores each event once', async () => {
    const one = await tracker();
    const two = await tracker();
    const [r1, r2] = await Promise.all([one.runOnce(), two.runOnce()]);
    const held = [...r1.warehouses, ...r2.warehouses].sort();
    expect(held).toEqual(['WH-ICN', 'WH-PUS']);
    expect(r1.polled + r2.polled).toBe(parcels.length);
    const perNumber = new Map<string, number>();
    for (const t of fake.tracks) perNumber.set(t.trackingNumber, (perNumber.get(t.trackingNumber) ?? 0) + 1);
    expect([...perNumber.values()]).toEqual(parcels.map(() => 1));

    const { rows } = await env.pool.query<{ status: string }>(
      'SELECT status FROM shipments WHERE shipment_no = ANY($1)',
      [parcels.map((p) => poolShipment(p.n).shipmentNo)],
    );
    expect(rows.map((r) => r.status)).toEqual(parcels.map(() => 'DELIVERED'));
    const dup = await env.pool.query(
      'SELECT fingerprint FROM tracking_events GROUP BY fingerprint HAVING count(*) > 1',
    );
    expect(dup.rowCount).toBe(0);
    const stored = await env.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM tracking_events');
    expect(r1.eventsStored + r2.eventsStored).toBe(stored.rows[0]!.n);
  });

  it('hands a stopped hub’s warehouses to another hub', async () => {
    // Its own hubs: the ones above are stopped first, so their locks are free.
    for (const t of trackers.splice(0)) await t.stop();
    // Every followed number due again (the test above finished them), so both warehouses have work.
    await env.pool.query(`UPDATE poll_schedule SET next_poll_at = now()`);
    const one = await tracker();
    const before = await one.runOnce();
    expect(before.warehouses.sort()).toEqual(['WH-ICN', 'WH-PUS']);
    await env.pool.query(`UPDATE poll_schedule SET next_poll_at = now()`);
    const two = await tracker();
    expect((await two.runOnce()).warehouses).toEqual([]); // one still holds both
    await one.stop();
    await env.pool.query(`UPDATE poll_schedule SET next_poll_at = now()`);
    const after = await two.runOnce();
    expect(after.warehouses.sort()).toEqual(['WH-ICN', 'WH-PUS']);
  });
});
