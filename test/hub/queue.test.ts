// A station never stalls behind one operation: an operation the hub refuses is shown to the operator
// and releases nothing, one the hub fails on (503) is set aside, and the rest of the queue goes on
// (docs/HUB.md, "The station's queue and the carrier").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { op, poolShipment, startTestPool, validNumber, type TestPool } from '../support/hubEnv';
import { startStation, type TestStation } from '../support/stations';

let env: TestPool;
let A: TestStation;
const no = (n: number) => poolShipment(n).shipmentNo;

beforeAll(async () => {
  env = await startTestPool('station-queue');
  const hub = await env.startHub();
  const admin = env.client(hub, await env.enrol('admin'));
  const shipments = Array.from({ length: 4 }, (_, i) => poolShipment(i + 1));
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
});
