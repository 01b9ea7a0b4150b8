// Every write that queues an operation for the hub wakes the link: an address edit and a carrier's
// "released" reach the other stations without waiting for an unrelated change (docs/HUB.md, "The
// station's queue and the carrier").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCore } from '../support/core';
import { op, poolShipment, startTestPool, validNumber, type TestPool } from '../support/hubEnv';
import { eventually, startLiveStation } from '../support/liveStation';

let env: TestPool;
let A: TestCore;
let B: TestCore;
const no = (n: number) => poolShipment(n).shipmentNo;

beforeAll(async () => {
  env = await startTestPool('station-wake');
  const hub = await env.startHub();
  const admin = env.client(hub, await env.enrol('admin'));
  const shipments = [poolShipment(1), poolShipment(2)];
  await admin.push([op('importOrders', shipments[0]!.shipmentNo, { shipments, operator: 'admin' })]);
  // A releases its numbers by itself (the local carrier confirms at once), as the app does. Its
  // heartbeat is slowed to ten minutes, so only the write itself can wake its link in this test.
  A = await startLiveStation(hub.url, await env.enrol('A'), { autoRelease: true, heartbeatMs: 600_000 });
  B = await startLiveStation(hub.url, await env.enrol('B'));
  for (const s of [A, B])
    await eventually(
      'the station has the pool’s shipments',
      async () => (await s.call('shipments.get', { shipmentNo: no(2) })).ok,
    );
});
afterAll(async () => {
  A?.cleanup();
  B?.cleanup();
  await env?.close();
});

describe('a write wakes the link', () => {
  it('an address edit at one station reaches another station by itself', async () => {
    const address = { country: 'KR', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '3층' };
    await A.ok('shipments.updateAddress', { shipmentNo: no(1), address });
    const seen = await eventually('station B shows the new address', async () => {
      const s = await B.ok('shipments.get', { shipmentNo: no(1) });
      return s.address.line1 === address.line1 ? s : null;
    });
    expect(seen.address).toMatchObject(address);
  });

  it('a carrier’s confirmation ("released") reaches another station by itself', async () => {
    await A.ok('invoices.register', {
      shipmentNo: no(2),
      carrierId: 'kr.cjlogistics',
      invoiceNo: validNumber(2020),
      via: 'scan',
    });
    const seen = await eventually('station B shows the shipment released', async () => {
      const s = await B.ok('shipments.get', { shipmentNo: no(2) });
      return s.status === 'RELEASED' ? s : null;
    });
    expect(seen.invoiceNo).toBe(validNumber(2020));
  });
});
