// A station never stalls behind one operation: an operation the hub refuses is shown to the operator
// and releases nothing, one the hub fails on (503) is set aside, and the rest of the queue goes on
// (docs/HUB.md, "The station's queue and the carrier").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubPool, type HubPool } from '../../main/hub/db/pool';
import { startHubServer, type HubServer } from '../../main/hub/server';
import { op, poolShipment, silentHubLog, startTestPool, validNumber, type TestPool } from '../support/hubEnv';
import { startStation, type TestStation } from '../support/stations';

let env: TestPool;
let A: TestStation;
const no = (n: number) => poolShipment(n).shipmentNo;

beforeAll(async () => {
  env = await startTestPool('station-queue');
  const hub = await env.startHub();
  const admin = env.client(hub, await env.enrol('admin'));
  const shipments = Array.from({ length: 7 }, (_, i) => poolShipment(i + 1));
  await admin.push([op('importOrders', shipments[0]!.shipmentNo, { shipments, operator: 'admin' })]);
  A = await startStation(env, hub, 'A');
  await A.sync();
});
afterAll(async () => {
  A?.close();
  await env?.close();
});

const register = (n: number) =>
  A.core.ok('invoices.register', {
    shipmentNo: no(n),
    carrierId: 'kr.cjlogistics',
    invoiceNo: validNumber(100 + n),
    via: 'scan',
  });

/** Rewrites the queued operation on a shipment, as an older or damaged station would have stored it. */
const damageQueued = (n: number, path: string, value: string) =>
  A.core.db
    .prepare(`UPDATE hub_ops SET op = json_set(op, ?, ?) WHERE shipment_no = ? AND state = 'pending'`)
    .run(path, value, no(n));

describe("a station's queue", () => {
  it('goes on past an operation the hub refuses and one it fails on, and releases only what the pool took', async () => {
    await register(1);
    await register(2);
    // The pool refuses this one outright (a carrier it does not know).
    damageQueued(2, '$.payload.carrierId', 'no.such.carrier');
    await A.core.ok('shipments.updateAddress', {
      shipmentNo: no(3),
      address: { country: 'KR', postalCode: '06236', line1: '서울 강남구 테헤란로 3', line2: '' },
    });
    // A NUL the hub cannot store: it answers the whole batch 503.
    damageQueued(3, '$.payload.address.line2', 'a\u0000b');
    await register(4);

    await A.sync();

    const pool = await env.pool.query<{ shipment_no: string; invoice_no: string }>(
      `SELECT shipment_no, invoice_no FROM invoices WHERE active ORDER BY shipment_no`,
    );
    expect(pool.rows).toEqual([
      { shipment_no: no(1), invoice_no: validNumber(101) },
      { shipment_no: no(4), invoice_no: validNumber(104) },
    ]);
    // The carrier heard of exactly the numbers the pool took.
    expect(A.sent.filter((s) => s.kind === 'release').map((s) => s.shipmentNo)).toEqual([no(1), no(4)]);
    const conflicts = await A.core.ok('conflicts.list', {});
    expect(conflicts.find((c) => c.shipmentNo === no(2))).toMatchObject({
      verdict: 'rejected',
      kind: 'register',
      reason: expect.stringMatching(/.+/),
    });
    const state = await A.core.ok('pool.state', {});
    // Only the operation the hub cannot store may still wait (a hub that refuses it shows it as a conflict).
    expect(state.pending).toBeLessThanOrEqual(1);
    const waiting = A.core.db.prepare(`SELECT shipment_no FROM hub_ops WHERE state = 'pending'`).all();
    expect(waiting).toEqual(state.pending ? [{ shipment_no: no(3) }] : []);
  });

  it('waits whole, sets nothing aside and refuses nothing while the hub cannot reach its database, then goes on', async () => {
    // A hub of its own whose database connections the test can take away (every request then answers 503).
    const connections = createHubPool(env.url, { max: 4 });
    const hub = await startHubServer({ pool: connections, url: env.url, port: 0, log: silentHubLog, version: 'test' });
    const S = await startStation(env, hub, 'S');
    let again: { hub: HubServer; pool: HubPool } | null = null;
    try {
      await S.sync();
      await connections.end();
      for (const n of [5, 6, 7])
        await S.core.ok('invoices.register', {
          shipmentNo: no(n),
          carrierId: 'kr.cjlogistics',
          invoiceNo: validNumber(500 + n),
          via: 'scan',
        });
      expect(await S.sync()).toMatchObject({ pushed: 0, offline: true });
      expect(await S.core.ok('pool.state', {})).toMatchObject({ link: 'offline', pending: 3, openConflicts: 0 });
      expect(S.sent).toEqual([]);

      // The database answers again (the hub restarted at the same address): the whole queue goes.
      await hub.close();
      const pool = createHubPool(env.url, { max: 4 });
      again = {
        pool,
        hub: await startHubServer({ pool, url: env.url, port: hub.port, log: silentHubLog, version: 'test' }),
      };
      await S.sync();
      expect(await S.core.ok('pool.state', {})).toMatchObject({ link: 'online', pending: 0, openConflicts: 0 });
      expect(S.sent.map((x) => x.shipmentNo).sort()).toEqual([no(5), no(6), no(7)]);
    } finally {
      S.close();
      if (again) {
        await again.hub.close();
        await again.pool.end();
      } else await hub.close();
    }
  });
});
