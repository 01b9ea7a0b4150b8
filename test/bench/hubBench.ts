// Many stations, one pool (docs/HUB.md), with PostgreSQL on this machine (a throwaway cluster) and
// hubs in their own processes (the built CLI):
//   - operations applied per second through one hub and through two (8 stations pushing at once);
//   - a station's catch-up time for 100,000 changes (a fresh station joining a full pool);
//   - 200 stations connected to one hub, each pushing an operation, with the hub's PostgreSQL
//     connections counted (the pool size is the bound);
//   - registration at station A to the row changing at station B (B's screen listens to that event).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { createCore, type Core } from '../../main/core/createCore';
import { silentLogger } from '../../main/core/log/logger';
import { sampleInvoiceNumber } from '../../main/core/domain/invoiceNumber';
import { createHubClient, type HubClient } from '../../main/core/poolLink/client';
import { createHubPool, migrateHub, type HubPool } from '../../main/hub/db/pool';
import { loadDemoPool } from '../../main/hub/demo';
import { addStation } from '../../main/hub/stations';
import { OperationSchema, type Operation, type PoolShipment } from '../../shared/hub';
import { startTestCluster, type TestCluster } from '../support/postgres';
import { round, summarize, type BenchResult } from './stats';

const repo = path.resolve(__dirname, '../..');
const HUB_POOL_SIZE = 10;

interface HubProcess {
  url: string;
  child: ChildProcess;
}

async function startHubProcess(url: string, poolSize = HUB_POOL_SIZE): Promise<HubProcess> {
  const child = spawn(
    process.execPath,
    [path.join(repo, 'bin/shipdesk.cjs'), 'hub', '--pg', url, '--port', '0', '--pool', String(poolSize)],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
    });
    child.once('exit', () => reject(new Error('the hub exited before printing its address')));
  });
  return { url: line.replace('Shipdesk hub: ', '').trim(), child };
}

async function stopHub(h: HubProcess): Promise<void> {
  const exited = new Promise((r) => h.child.once('exit', r));
  h.child.kill('SIGTERM');
  await exited;
}

function shipment(n: number): PoolShipment {
  return {
    shipmentNo: `SB${String(n).padStart(10, '0')}`,
    orderNo: `BENCH-${n}`,
    orderedAt: Date.parse('2026-11-20T00:00:00Z') + n,
    salesChannel: 'naver',
    buyerName: `구매자 ${n}`,
    claim: 'general',
    originalOrderNo: null,
    recipient: { name: `수령인 ${n}`, phone: '010-0000-0000' },
    address: { country: 'KR', postalCode: '06236', line1: `서울 강남구 테헤란로 ${n}`, line2: '' },
    region: 'domestic',
    memo: '',
    warehouse: { code: 'WH-ICN', name: '인천 1센터' },
    policy: { code: 'STD', name: '일반배송' },
    option: { code: 'PARCEL', name: '택배' },
    items: [{ productId: `P-${n}`, productName: '상품', optionName: '', quantity: 1 }],
  };
}

const registerOp = (n: number): Operation =>
  OperationSchema.parse({
    opId: crypto.randomUUID(),
    kind: 'register',
    shipmentNo: shipment(n).shipmentNo,
    baseVersion: null,
    scanAt: Date.now(),
    payload: {
      carrierId: 'kr.cjlogistics',
      invoiceNo: sampleInvoiceNumber('kr.cjlogistics', 700_000 + n),
      operator: 'bench',
      via: 'scan',
    },
  });

async function fillPool(client: HubClient, from: number, count: number): Promise<void> {
  for (let i = from; i < from + count; i += 500) {
    const part = Array.from({ length: Math.min(500, from + count - i) }, (_, k) => shipment(i + k));
    await client.push([
      OperationSchema.parse({
        opId: crypto.randomUUID(),
        kind: 'importOrders',
        shipmentNo: part[0]!.shipmentNo,
        baseVersion: null,
        scanAt: Date.now(),
        payload: { shipments: part, operator: 'bench' },
      }),
    ]);
  }
}

/** Operations per second: `stations` clients at once, each pushing batches of `batch` registrations. */
async function throughput(clients: HubClient[], from: number, perStation: number, batch = 50): Promise<number> {
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (c, s) => {
      for (let i = 0; i < perStation; i += batch) {
        const base = from + s * perStation + i;
        await c.push(Array.from({ length: Math.min(batch, perStation - i) }, (_, k) => registerOp(base + k)));
      }
    }),
  );
  return (clients.length * perStation) / ((performance.now() - t0) / 1000);
}

/**
 * The floor under the hub's figure: the rows 8 stations' registrations write (the operation with its
 * answer, the invoice, the shipment's new version, the feed entry) inserted bare from 8 connections,
 * one transaction per 50, no rule checked, no HTTP: what PostgreSQL itself takes on this machine.
 */
async function bareFloor(url: string, from: number, perStation: number, stations: number): Promise<number> {
  const clients = await Promise.all(
    Array.from({ length: stations }, async () => {
      const c = new pg.Client({ connectionString: url, application_name: 'shipdesk-bench' });
      await c.connect();
      return c;
    }),
  );
  const t0 = performance.now();
  await Promise.all(
    clients.map(async (c, s) => {
      for (let i = 0; i < perStation; i += 50) {
        await c.query('BEGIN');
        for (let k = 0; k < Math.min(50, perStation - i); k++) {
          const op = registerOp(from + s * perStation + i + k);
          if (op.kind !== 'register') throw new Error('not a registration');
          await c.query(
            `INSERT INTO operations (op_id, station, kind, shipment_no, base_version, scan_at, protocol, app, payload, verdict, answer)
             VALUES ($1, 'floor', 'register', $2, NULL, $3, 1, 'bench', $4, 'applied', $4)`,
            [op.opId, op.shipmentNo, op.scanAt, op.payload],
          );
          await c.query(
            `INSERT INTO invoices (shipment_no, carrier_id, invoice_no, active, scan_at, registered_by, station, via, op_id)
             VALUES ($1, $2, $3, true, $4, 'bench', 'floor', 'scan', $5)`,
            [op.shipmentNo, op.payload.carrierId, op.payload.invoiceNo, op.scanAt, op.opId],
          );
          await c.query(
            `UPDATE shipments SET version = version + 1, revision = revision + 1, status = 'PREPARING_TO_SHIP' WHERE shipment_no = $1`,
            [op.shipmentNo],
          );
          await c.query('INSERT INTO changes (shipment_no) VALUES ($1)', [op.shipmentNo]);
        }
        await c.query('COMMIT');
      }
    }),
  );
  const perSecond = (stations * perStation) / ((performance.now() - t0) / 1000);
  await Promise.all(clients.map((c) => c.end()));
  return perSecond;
}

async function enrol(pool: HubPool, name: string): Promise<string> {
  return (await addStation(pool, name)).token;
}

async function newDatabase(cluster: TestCluster, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = cluster.url(name);
  const pool = createHubPool(url, { max: 2 });
  await migrateHub(pool);
  await pool.end();
  return url;
}

function stationCore(dir: string, name: string, o: { live?: boolean } = {}): Core {
  return createCore({
    dbPath: path.join(dir, `${name}.db`),
    log: silentLogger,
    autoRelease: true,
    ...(o.live ? { hub: { live: true } } : {}),
  });
}

export async function benchHub(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipdesk-hub-bench-'));
  // fsync on: the throughput figure is a pool's as it runs, every commit flushed to disk.
  const cluster = await startTestCluster({ durable: true });
  const hubs: HubProcess[] = [];
  const pools: HubPool[] = [];
  try {
    // 1. Throughput through one hub and through two.
    const url = await newDatabase(cluster, 'throughput');
    // The bench's own connections carry another name, so the count below sees the hubs' only.
    const pool = new pg.Pool({ connectionString: url, max: 4, application_name: 'shipdesk-bench' });
    pools.push(pool);
    hubs.push(await startHubProcess(url), await startHubProcess(url));
    const [h1, h2] = hubs as [HubProcess, HubProcess];
    const tokens = await Promise.all(Array.from({ length: 8 }, (_, i) => enrol(pool, `S${i}`)));
    await fillPool(createHubClient({ url: h1.url, token: tokens[0]!, timeoutMs: 120_000 }), 0, 7_000);
    const one = tokens.map((token) => createHubClient({ url: h1.url, token, timeoutMs: 120_000 }));
    const two = tokens.map((token, i) => createHubClient({ url: i % 2 ? h2.url : h1.url, token, timeoutMs: 120_000 }));
    await throughput(one, 0, 25); // warm-up
    const perOne = await throughput(one, 200, 250);
    const perTwo = await throughput(two, 2_200, 250);
    const floor = await bareFloor(url, 4_500, 250, 8);
    // One operation per request, so one transaction per operation (as the hub applied before batching).
    const single = await throughput(one, 6_500, 50, 1);
    console.log(
      `  pool: ${round(perOne)} ops/s through one hub, ${round(perTwo)} through two; ` +
        `floor (the same rows inserted bare) ${round(floor)} rows/s; one operation per request ${round(single)} ops/s`,
    );
    results.push(
      {
        name: 'pool: operations applied per second, one hub',
        size: 2000,
        p50_ms: 1000 / perOne,
        p95_ms: 1000 / perOne,
        ops_per_s: round(perOne),
        floor_ops_per_s: round(floor),
        one_op_per_request_ops_per_s: round(single),
        stations: 8,
        target: 'ops/s >= 1000 (PostgreSQL with fsync on)',
      },
      {
        name: 'pool: operations applied per second, two hubs',
        size: 2000,
        p50_ms: 1000 / perTwo,
        p95_ms: 1000 / perTwo,
        ops_per_s: round(perTwo),
        stations: 8,
      },
    );

    // 2. 200 stations on one hub: PostgreSQL connections stay within the hub's pool (+ listen + tracking).
    const many = await Promise.all(Array.from({ length: 200 }, (_, i) => enrol(pool, `M${i}`)));
    // A generous timeout: 200 requests queue for the hub's few connections, which is the point.
    const clients = many.map((token) => createHubClient({ url: h1.url, token, timeoutMs: 120_000 }));
    const sockets = clients.map((c) => c.listen(() => undefined));
    let maxConnections = 0;
    const probe = setInterval(() => {
      void pool
        .query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()
           AND application_name LIKE 'shipdesk-hub%'`,
        )
        .then(
          (r) => (maxConnections = Math.max(maxConnections, r.rows[0]?.n ?? 0)),
          () => undefined,
        );
    }, 20);
    const t200 = performance.now();
    const each: number[] = [];
    await Promise.all(
      clients.map(async (c, i) => {
        const t = performance.now();
        await c.push([registerOp(4_200 + i)]);
        each.push(performance.now() - t);
      }),
    );
    const burst = performance.now() - t200;
    clearInterval(probe);
    for (const s of sockets) s.close();
    const s200 = summarize(each);
    // Both hubs' processes count: each holds at most its pool, its listener and its tracking lock.
    console.log(`  pool: 200 stations, burst ${round(burst)} ms, max hub connections ${maxConnections}`);
    results.push({
      name: 'pool: 200 stations push at once (one hub)',
      size: 200,
      p50_ms: round(s200.p50),
      p95_ms: round(s200.p95),
      burst_ms: round(burst),
      hub_pool_size: HUB_POOL_SIZE,
      max_pg_connections_both_hubs: maxConnections,
      target: `p95 <= 1000 ms; connections <= ${2 * (HUB_POOL_SIZE + 2)} (2 hubs x (pool ${HUB_POOL_SIZE} + listen + tracking))`,
    });

    // 3. Registration at A to the row changing at B.
    const tokA = await enrol(pool, 'A');
    const tokB = await enrol(pool, 'B');
    const A = stationCore(dir, 'A');
    const B = stationCore(dir, 'B', { live: true });
    await A.joinHub({ url: h1.url, token: tokA });
    await B.joinHub({ url: h2.url, token: tokB });
    await A.hub!.syncOnce();
    await B.hub!.syncOnce();
    const seen = new Map<string, number>();
    B.events.on((e) => {
      if (e.type === 'shipments.changed')
        for (const no of e.shipmentNos) if (!seen.has(no)) seen.set(no, performance.now());
    });
    const lat: number[] = [];
    for (let i = 0; i < 40; i++) {
      const n = 4_400 + i; // not registered by the runs above
      const no = shipment(n).shipmentNo;
      const t = performance.now();
      const r = await A.dispatch(
        'invoices.register',
        { shipmentNo: no, carrierId: 'kr.cjlogistics', invoiceNo: sampleInvoiceNumber('kr.cjlogistics', 800_000 + n) },
        { operator: 'bench', via: 'scan' },
      );
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      const deadline = performance.now() + 10_000;
      while (!seen.has(no) && performance.now() < deadline) await new Promise((res) => setTimeout(res, 2));
      lat.push((seen.get(no) ?? deadline) - t);
    }
    A.close();
    B.close();
    const sl = summarize(lat);
    console.log(`  pool: A -> B p50 ${round(sl.p50)} ms, p95 ${round(sl.p95)} ms`);
    results.push({
      name: 'pool: registration at A to row changed at B',
      size: 40,
      p50_ms: round(sl.p50),
      p95_ms: round(sl.p95),
      target: 'p95 <= 1000 ms',
    });
    for (const h of hubs.splice(0)) await stopHub(h);

    // 4. Catch-up: a fresh station joins a pool of 100,000 shipments.
    const big = await newDatabase(cluster, 'catchup');
    const bigPool = createHubPool(big, { max: 4 });
    pools.push(bigPool);
    const tLoad = performance.now();
    await loadDemoPool(bigPool, { shipments: 100_000, seed: 7 });
    console.log(`  pool: 100,000 demo shipments loaded in ${round((performance.now() - tLoad) / 1000)} s`);
    const hub = await startHubProcess(big);
    hubs.push(hub);
    const C = stationCore(dir, 'C');
    await C.joinHub({ url: hub.url, token: await enrol(bigPool, 'C') });
    const tCatch = performance.now();
    const r = await C.hub!.syncOnce();
    const catchUp = performance.now() - tCatch;
    C.close();
    console.log(`  pool: caught up ${r.pulled} changes in ${round(catchUp / 1000)} s`);
    results.push({
      name: 'pool: station catch-up, 100,000 changes',
      size: r.pulled,
      p50_ms: round(catchUp),
      p95_ms: round(catchUp),
      changes_per_s: round(r.pulled / (catchUp / 1000)),
    });
  } finally {
    for (const h of hubs) await stopHub(h).catch(() => undefined);
    for (const p of pools) await p.end().catch(() => undefined);
    await cluster.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
