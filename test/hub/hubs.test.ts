// A station knows every hub of its pool: when its own hub stops, it pushes and pulls through the next
// one, and the status bar still says Online (docs/HUB.md, "Membership").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubPool, type HubPool } from '../../main/hub/db/pool';
import { startHubServer, type HubServer } from '../../main/hub/server';
import type { TestCore } from '../support/core';
import { op, poolShipment, silentHubLog, startTestPool, validNumber, type TestPool } from '../support/hubEnv';
import { eventually, startLiveStation } from '../support/liveStation';

let env: TestPool;
let hub1: HubServer;
let hub2: HubServer;
let A: TestCore;
const no = (n: number) => poolShipment(n).shipmentNo;

beforeAll(async () => {
  env = await startTestPool('station-hubs');
  [hub1, hub2] = [await env.startHub(), await env.startHub()];
  const admin = env.client(hub2, await env.enrol('admin'));
  const shipments = [poolShipment(1), poolShipment(2), poolShipment(3)];
  await admin.push([op('importOrders', shipments[0]!.shipmentNo, { shipments, operator: 'admin' })]);
  // Its own hub first, then the pool's other hub.
  A = await startLiveStation([hub1.url, hub2.url], await env.enrol('A'));
  await eventually('A has the pool’s shipments', async () => (await A.call('shipments.get', { shipmentNo: no(2) })).ok);
});
afterAll(async () => {
  A?.cleanup();
  await env?.close();
});

/** Stops a hub for good, as a killed hub process: its port refuses every connection. */
async function stopHub(hub: HubServer): Promise<void> {
  await hub.close();
  env.hubs.splice(env.hubs.indexOf(hub), 1);
}

/** A hub process started again at the address the stations know. */
async function restartHub(port: number): Promise<HubServer> {
  const pool = createHubPool(env.url, { max: 4 });
  const hub = await startHubServer({ pool, url: env.url, port, log: silentHubLog, version: 'test' });
  restarted.push({ hub, pool });
  return hub;
}
const restarted: { hub: HubServer; pool: HubPool }[] = [];
afterAll(async () => {
  for (const r of restarted) {
    await r.hub.close();
    await r.pool.end();
  }
});

/** A registration at A, then waits until the pool has it from A. */
async function registerThroughPool(n: number, serial: number) {
  await A.ok('invoices.register', {
    shipmentNo: no(n),
    carrierId: 'kr.cjlogistics',
    invoiceNo: validNumber(serial),
    via: 'scan',
  });
  return eventually(`the pool has A’s registration on ${no(n)}`, async () => {
    const { rows } = await env.pool.query<{ station: string; invoice_no: string }>(
      'SELECT station, invoice_no FROM invoices WHERE shipment_no = $1 AND active',
      [no(n)],
    );
    return rows[0] ?? null;
  });
}

describe('a station with two hubs', () => {
  it('keeps pushing and pulling through the other hub when its own hub stops', async () => {
    await stopHub(hub1);

    // Pushing: a registration made after the stop reaches the pool.
    const taken = await registerThroughPool(1, 31);
    expect(taken).toEqual({ station: 'A', invoice_no: validNumber(31) });

    // Pulling: another station's change (through the live hub) reaches A.
    const B = env.client(hub2, await env.enrol('B'));
    const base = await env.pool.query<{ version: number }>('SELECT version FROM shipments WHERE shipment_no = $1', [
      no(2),
    ]);
    const [verdict] = await B.push([
      op(
        'register',
        no(2),
        {
          carrierId: 'kr.cjlogistics',
          invoiceNo: validNumber(32),
          operator: 'lee',
          via: 'scan',
        },
        { baseVersion: base.rows[0]!.version },
      ),
    ]);
    expect(verdict).toMatchObject({ verdict: 'applied' });
    const seen = await eventually('A shows B’s registration', async () => {
      const s = await A.ok('shipments.get', { shipmentNo: no(2) });
      return s.invoiceNo ? s : null;
    });
    expect(seen.invoiceNo).toBe(validNumber(32));
    expect(
      await eventually('A says the pool is online', async () => {
        const s = await A.ok('pool.state', {});
        return s.link === 'online' ? s : null;
      }),
    ).toMatchObject({ online: true, pending: 0 });
  });

  it('comes back to its own hub when that hub is started again and the other one stops', async () => {
    const own = await restartHub(hub1.port);
    expect(own.url).toBe(hub1.url);
    await stopHub(hub2);
    expect(await registerThroughPool(3, 33)).toEqual({ station: 'A', invoice_no: validNumber(33) });
  });
});
