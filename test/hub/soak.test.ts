// Soak: thousands of operations from three stations through two hubs, one station's network flapping.
// At the end: 0 lost, 0 applied twice, 0 shipments with two active numbers, every loser on record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarrierId } from '../../shared/carriers';
import { op, poolShipment, startTestPool, validNumber, type TestPool } from '../support/hubEnv';
import { expectAgreement, startStation, type TestStation } from '../support/stations';

const SHIPMENTS = 300;
// About 750 operations in `npm test` (collisions, losers and cuts all come within the first 150);
// `npm run test:soak` sends about 2,000 (SOAK_OPS=700): README, "Set up, run, test".
const OPS_PER_STATION = Number(process.env.SOAK_OPS ?? 250);
const CJ: CarrierId = 'kr.cjlogistics';

let env: TestPool;
let stations: TestStation[];

/** A small deterministic generator (mulberry32): the same seed, the same soak. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  env = await startTestPool('soak');
  const [hub1, hub2] = [await env.startHub(), await env.startHub()];
  const admin = env.client(hub1, await env.enrol('admin'));
  const shipments = Array.from({ length: SHIPMENTS }, (_, i) => poolShipment(i + 1));
  for (let i = 0; i < shipments.length; i += 100) {
    const part = shipments.slice(i, i + 100);
    await admin.push([op('importOrders', part[0]!.shipmentNo, { shipments: part, operator: 'admin' })]);
  }
  stations = [
    await startStation(env, hub1, 'A', { batch: 50 }),
    await startStation(env, hub2, 'B', { batch: 50 }),
    await startStation(env, hub1, 'C', { batch: 50 }),
  ];
  await expectAgreement(env, stations);
});
afterAll(async () => {
  for (const s of stations ?? []) s.close();
  await env.close();
});

describe('soak', () => {
  it('loses nothing, applies nothing twice, never leaves two numbers on a shipment, and keeps every loser on record', async () => {
    const random = rng(12);
    const flapping = stations[1]!;
    let refusedLocally = 0;
    let cuts = 0;
    for (let i = 0; i < OPS_PER_STATION; i++) {
      for (const s of stations) {
        const shipmentNo = poolShipment(1 + Math.floor(random() * SHIPMENTS)).shipmentNo;
        const detail = await s.core.ok('shipments.get', { shipmentNo });
        // Numbers from a small range, so stations often scan the same number or collide.
        const invoiceNo = validNumber(50_000 + Math.floor(random() * 400));
        const roll = random();
        const env2 = detail.allowed.register
          ? await s.core.call('invoices.register', { shipmentNo, carrierId: CJ, invoiceNo, via: 'scan' })
          : detail.allowed.modify && roll < 0.7
            ? await s.core.call('invoices.modify', { shipmentNo, carrierId: CJ, invoiceNo })
            : detail.allowed.delete
              ? await s.core.call('invoices.delete', { shipmentNo })
              : null;
        if (!env2?.ok) refusedLocally++;
      }
      if (i % 10 === 9) {
        flapping.net.cut = random() < 0.5;
        if (flapping.net.cut) cuts++;
        for (const s of stations) await s.sync();
      }
    }
    flapping.net.cut = false;
    await expectAgreement(env, stations);

    const made = stations.map(
      (s) => s.core.db.prepare('SELECT op_id, state FROM hub_ops').all() as { op_id: string; state: string }[],
    );
    const all = made.flat();
    const pending = all.filter((o) => o.state === 'pending').length;
    const { rows: inPool } = await env.pool.query<{ op_id: string; verdict: string; station: string }>(
      `SELECT op_id::text, verdict, station FROM operations WHERE station <> 'admin'`,
    );
    const poolIds = new Set(inPool.map((r) => r.op_id));
    const lost = all.filter((o) => !poolIds.has(o.op_id)).length + pending;
    const twice = await env.pool.query('SELECT op_id FROM invoices GROUP BY op_id HAVING count(*) > 1');
    const twoActive = await env.pool.query(
      'SELECT shipment_no FROM invoices WHERE active GROUP BY shipment_no HAVING count(*) > 1',
    );
    const losers = inPool.filter((r) => r.verdict === 'conflict' || r.verdict === 'rejected');
    const onRecord = losers.filter((r) => {
      const s = stations.find((x) => x.name === r.station)!;
      return s.core.db.prepare('SELECT 1 FROM hub_conflicts WHERE op_id = ?').get(r.op_id) !== undefined;
    }).length;
    const byVerdict = Object.fromEntries(
      ['applied', 'same', 'conflict', 'rejected'].map((v) => [v, inPool.filter((r) => r.verdict === v).length]),
    );
    console.log(
      `soak: ${all.length} operations from ${stations.length} stations (${refusedLocally} refused locally), ` +
        `${JSON.stringify(byVerdict)}; lost ${lost}, applied twice ${twice.rowCount}, ` +
        `shipments with two active numbers ${twoActive.rowCount}, losers ${losers.length} of which on record ${onRecord}; ` +
        `station B's network was down for ${cuts} of ${Math.ceil(OPS_PER_STATION / 10)} sync rounds`,
    );
    expect(all.length).toBeGreaterThan(OPS_PER_STATION * 2);
    expect(lost).toBe(0);
    expect(inPool.length).toBe(all.length);
    expect(twice.rowCount).toBe(0);
    expect(twoActive.rowCount).toBe(0);
    expect(losers.length).toBeGreaterThan(0);
    expect(onRecord).toBe(losers.length);
  }, 600_000);
});
