// The pool survives its database going away (docs/HUB.md, "When PostgreSQL goes away"): this file
// runs its OWN throwaway cluster (never the shared one) and restarts it under traffic from three live
// stations on two hubs, once as a crash and once as a shutdown with a pause. The stations only follow
// their hubs' pushes (no test calls sync): every station must converge, and no acknowledged operation
// may be lost.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarrierId } from '../../shared/carriers';
import type { HubServer } from '../../main/hub/server';
import { op, poolShipment, startTestPoolAt, validNumber, type TestPool } from '../support/hubEnv';
import { startTestCluster, type TestCluster } from '../support/postgres';
import { startStation, type TestStation } from '../support/stations';

const SHIPMENTS = 240;
const CJ: CarrierId = 'kr.cjlogistics';
const no = (n: number) => poolShipment(n).shipmentNo;

let cluster: TestCluster;
let env: TestPool;
let hubs: HubServer[];
let stations: TestStation[];

beforeAll(async () => {
  // Durable, as a pool runs: with synchronous_commit off a crash may forget commits already
  // acknowledged, which no hub could make up for.
  cluster = await startTestCluster({ durable: true });
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE restart_pool');
  await admin.end();
  env = await startTestPoolAt(cluster.url('restart_pool'));
  hubs = [await env.startHub(), await env.startHub()];
  const importer = env.client(hubs[0]!, await env.enrol('importer'));
  const shipments = Array.from({ length: SHIPMENTS }, (_, i) => poolShipment(i + 1));
  await importer.push([op('importOrders', shipments[0]!.shipmentNo, { shipments, operator: 'admin' })]);
  stations = [
    await startStation(env, hubs[0]!, 'A', { live: true, batch: 5 }),
    await startStation(env, hubs[1]!, 'B', { live: true, batch: 5 }),
    await startStation(env, hubs[0]!, 'C', { live: true, batch: 5 }),
  ];
  await converged('joined');
}, 180_000);

afterAll(async () => {
  for (const s of stations ?? []) s.close();
  await env?.close();
  await cluster?.stop();
});

type Row = { shipment_no: string; carrier_id: string | null; invoice_no: string | null };

async function poolRows(): Promise<Row[] | null> {
  try {
    return (
      await env.pool.query<Row>(
        `SELECT s.shipment_no, i.carrier_id, i.invoice_no FROM shipments s
         LEFT JOIN invoices i ON i.shipment_no = s.shipment_no AND i.active WHERE NOT s.retired ORDER BY s.shipment_no`,
      )
    ).rows;
  } catch {
    return null; // the test's own connection was cut by the restart too; the next look reconnects
  }
}

const stationRows = (s: TestStation) =>
  s.core.db
    .prepare(
      `SELECT s.shipment_no, i.carrier_id, i.invoice_no FROM shipments s
       LEFT JOIN invoices i ON i.id = s.invoice_id ORDER BY s.shipment_no`,
    )
    .all() as Row[];

const pendingAt = (s: TestStation) =>
  (s.core.db.prepare(`SELECT count(*) AS n FROM hub_ops WHERE state = 'pending'`).get() as { n: number }).n;

/**
 * Waits, only looking, until every station's queue is empty and its shipments equal the pool's.
 * Returns how long that took. Fails with the rows that differ after a generous wait.
 */
async function converged(label: string): Promise<number> {
  const t0 = Date.now();
  const deadline = t0 + 120_000;
  for (;;) {
    const want = await poolRows();
    const ok =
      want !== null &&
      stations.every((s) => pendingAt(s) === 0 && JSON.stringify(stationRows(s)) === JSON.stringify(want));
    if (ok) return Date.now() - t0;
    if (Date.now() > deadline) {
      for (const s of stations) {
        const mine = stationRows(s);
        const differ = (want ?? []).filter((w, i) => JSON.stringify(w) !== JSON.stringify(mine[i]));
        expect({ label, station: s.name, pending: pendingAt(s), differ }).toEqual({
          label,
          station: s.name,
          pending: 0,
          differ: [],
        });
      }
      expect(want, `${label}: the test could not read the pool`).not.toBeNull();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Each station registers numbers on shipments of its own, one after another, until stopped. */
function traffic(from: number): { made(): number; stop(): Promise<number> } {
  let stopped = false;
  let made = 0;
  const runs = stations.map(async (s, k) => {
    for (let i = from + k; !stopped; i += stations.length) {
      if (i > SHIPMENTS) break;
      const r = await s.core.call('invoices.register', {
        shipmentNo: no(i),
        carrierId: CJ,
        invoiceNo: validNumber(60_000 + i),
        via: 'scan',
      });
      if (r.ok) made++;
      await new Promise((res) => setTimeout(res, 60));
    }
  });
  return {
    made: () => made,
    async stop() {
      stopped = true;
      await Promise.all(runs);
      return made;
    },
  };
}

async function health(hub: HubServer): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${hub.url}/v1/health`);
  return { status: res.status, body: await res.json() };
}

/** Every operation a station heard a verdict for is in the pool with that verdict; none waits. */
async function nothingLost(): Promise<{ acknowledged: number }> {
  const { rows } = await env.pool.query<{ op_id: string; verdict: string }>(
    `SELECT op_id::text, verdict FROM operations`,
  );
  const inPool = new Map(rows.map((r) => [r.op_id, r.verdict]));
  let acknowledged = 0;
  for (const s of stations) {
    const ops = s.core.db.prepare(`SELECT op_id, state FROM hub_ops`).all() as { op_id: string; state: string }[];
    const lost = ops.filter((o) => inPool.get(o.op_id) !== o.state);
    expect({ station: s.name, lost }).toEqual({ station: s.name, lost: [] });
    acknowledged += ops.length;
  }
  return { acknowledged };
}

/** Convergence time, counted from the moment PostgreSQL accepted connections again. */
async function settle(label: string, backAt: number): Promise<number> {
  await converged(label);
  const ms = Date.now() - backAt;
  console.log(`pool restart (${label}): every station converged ${ms} ms after PostgreSQL was back`);
  return ms;
}

/** Waits (only looking) until the stations made `more` registrations beyond `than`. */
async function madeMore(load: { made(): number }, than: number, more: number): Promise<number> {
  while (load.made() < than + more) await new Promise((r) => setTimeout(r, 20));
  return load.made();
}

describe('PostgreSQL restarts under traffic', () => {
  it('survives a crash and a shutdown with a pause: both hubs serve again, every station converges, nothing is lost', async () => {
    // 1. A crash (immediate shutdown) and an immediate start, under traffic.
    // The traffic runs across each restart: writes before it, and after it (or while it is down).
    let load = traffic(1);
    await madeMore(load, 0, 3);
    await cluster.down({ immediate: true });
    await cluster.up();
    let backAt = Date.now();
    await madeMore(load, load.made(), 3);
    const made1 = await load.stop();
    await settle('immediate restart', backAt);

    // 2. A shutdown (every connection gets 57P01), several seconds down, then a start, under traffic.
    load = traffic(121);
    await madeMore(load, 0, 3);
    await cluster.down();
    for (const hub of hubs) expect(await health(hub)).toMatchObject({ status: 503, body: { database: 'down' } });
    await madeMore(load, load.made(), 3); // stations keep working offline meanwhile
    await new Promise((r) => setTimeout(r, 5000));
    await cluster.up();
    backAt = Date.now();
    const made2 = await load.stop();
    await settle('stopped 5 s', backAt);
    for (const hub of hubs) expect(await health(hub)).toMatchObject({ status: 200, body: { database: 'up' } });

    // A change after the restarts still reaches every other station by push alone (LISTEN is back).
    const [a] = stations;
    await a!.core.ok('invoices.delete', { shipmentNo: no(1) });
    await converged('a change after the restarts');

    const { acknowledged } = await nothingLost();
    expect(made1 + made2).toBeGreaterThan(0);
    expect(acknowledged).toBe(made1 + made2 + 1);
    const { rows } = await env.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM invoices WHERE active`);
    expect(rows[0]?.n).toBe(made1 + made2 - 1);
  }, 300_000);
});
