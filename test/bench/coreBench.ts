// Foundation figures: the grid query, searches, counts and registration on demo databases.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../../main/core/createCore';
import { openDatabase, SCHEMA_VERSION } from '../../main/core/db/open';
import { generateDemo } from '../../main/core/demo/generate';
import { sampleInvoiceNumber } from '../../main/core/domain/invoiceNumber';
import { TABS, REGIONS } from '../../shared/domain';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { longestStall, measure, round, summarize, type BenchResult } from './stats';
import { silentLogger } from '../../main/core/log/logger';

const ctx = { operator: 'bench', via: 'manual' as const };
const SEED = 7;

/** A demo database per size, generated once and reused while its schema version matches. */
export function demoDatabase(dir: string, size: number): string {
  const file = path.join(dir, `demo-${size}-seed${SEED}-schema${SCHEMA_VERSION}.db`);
  const marker = `${file}.ok`;
  if (fs.existsSync(file) && fs.existsSync(marker)) return file;
  for (const f of [file, `${file}-wal`, `${file}-shm`, marker]) fs.rmSync(f, { force: true });
  const db = openDatabase(file);
  const t0 = Date.now();
  generateDemo(db, { shipments: size, seed: SEED });
  db.close();
  fs.writeFileSync(marker, JSON.stringify({ seconds: (Date.now() - t0) / 1000 }));
  console.log(
    `  generated ${size.toLocaleString('en-US')} demo shipments in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
  return file;
}

async function call(core: Core, method: string, input: unknown): Promise<unknown> {
  const env = await core.dispatch(method, input, ctx);
  if (!env.ok) throw new Error(`${method}: ${env.error.code} ${env.error.message}`);
  return env.value;
}

function result(name: string, size: number, samples: number[], extra: Partial<BenchResult> = {}): BenchResult {
  const { p50, p95 } = summarize(samples);
  return { name, size, p50_ms: round(p50), p95_ms: round(p95), ...extra };
}

export async function benchCore(dbFile: string, size: number, runs: number): Promise<BenchResult[]> {
  // Work on a copy: registration writes, and the cached demo must stay as generated.
  const work = `${dbFile}.work`;
  for (const f of [work, `${work}-wal`, `${work}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(dbFile, work);
  const core = createCore({ dbPath: work, autoRelease: false, log: silentLogger });
  const out: BenchResult[] = [];
  try {
    // Every tab x region x claim, first page with counts, through the dispatcher.
    const listSamples: number[] = [];
    for (const tab of TABS) {
      for (const region of REGIONS) {
        for (const claim of ['all', 'general', 'exchange'] as const) {
          const s = await measure(
            () => call(core, 'shipments.list', { tab, region, claim }),
            Math.max(5, Math.round(runs / 4)),
          );
          listSamples.push(...s);
        }
      }
    }
    // The floor: the same first-page query as a bare prepared statement, no counts, no mapping.
    const floorStmt = core.db.prepare(
      `SELECT s.id, s.shipment_no, s.status FROM shipments s WHERE s.region = ? AND s.tab = ? ORDER BY s.ordered_at DESC, s.id DESC LIMIT 51`,
    );
    const floor = await measure(
      (i) => floorStmt.all(i % 2 ? 'international' : 'domestic', TABS[Math.abs(i) % 4]),
      runs * 4,
    );
    out.push(
      result('shipments.list first page (24 tab x region x claim)', size, listSamples, {
        floor_p50_ms: round(summarize(floor).p50),
        target: 'p95 <= 25 ms at 1M',
      }),
    );

    const counts = await measure(
      (i) => call(core, 'shipments.list', { region: i % 2 ? 'international' : 'domestic', limit: 1 }),
      runs,
    );
    out.push(result('per-tab counts (list, limit 1)', size, counts));

    // Searches: pick real values from the data so every search finds something.
    const sample = core.db
      .prepare(
        `SELECT s.shipment_no, o.order_no, i.invoice_no FROM shipments s JOIN orders o ON o.id = s.order_id JOIN invoices i ON i.id = s.invoice_id
         WHERE s.id % ? = 0 LIMIT 200`,
      )
      .all(Math.max(1, Math.floor(size / 400))) as { shipment_no: string; order_no: string; invoice_no: string }[];
    const pick = (i: number) => sample[Math.abs(i) % sample.length]!;
    for (const [field, column, prefixLen] of [
      ['shipmentNo', 'shipment_no', 10],
      ['invoiceNo', 'invoice_no', 9],
    ] as const) {
      const exact = await measure(
        (i) =>
          call(core, 'shipments.list', { region: 'domestic', search: { field, text: pick(i)[column], mode: 'exact' } }),
        runs,
      );
      out.push(result(`search ${field} exact`, size, exact, { target: 'p95 <= 5 ms at 1M' }));
      const prefix = await measure(
        (i) =>
          call(core, 'shipments.list', {
            region: 'domestic',
            search: { field, text: pick(i)[column].slice(0, prefixLen), mode: 'prefix' },
          }),
        runs,
      );
      out.push(result(`search ${field} prefix (${prefixLen} chars)`, size, prefix));
    }
    const orderExact = await measure(
      (i) => call(core, 'shipments.list', { region: 'domestic', search: { field: 'orderNo', text: pick(i).order_no } }),
      runs,
    );
    out.push(result('search orderNo exact', size, orderExact, { target: 'p95 <= 5 ms at 1M' }));
    const orderPrefix = await measure(
      (i) =>
        call(core, 'shipments.list', {
          region: 'domestic',
          search: { field: 'orderNo', text: pick(i).order_no.slice(0, 12), mode: 'prefix' },
        }),
      runs,
    );
    out.push(
      result('Order No. prefix search (12 chars), first page + counts', size, orderPrefix, {
        target: 'p95 <= 10 ms at 1M',
      }),
    );

    // Products in about 2 % of shipments (the case), and every product's 5-character prefix.
    const products = core.db
      .prepare(
        `SELECT product_id, sum(n) AS n FROM count_by_product GROUP BY product_id
         HAVING sum(n) BETWEEN ? AND ? ORDER BY product_id`,
      )
      .all(Math.round(size * 0.015), Math.round(size * 0.025)) as { product_id: string; n: number }[];
    const allProducts = core.db.prepare('SELECT DISTINCT product_id FROM count_by_product').pluck().all() as string[];
    const productInput = (i: number) => ({
      region: 'domestic',
      search: { field: 'productId', text: products[Math.abs(i) % products.length]!.product_id },
    });
    const prefixInput = (i: number) => ({
      region: 'domestic',
      search: { field: 'productId', text: allProducts[Math.abs(i) % allProducts.length]!.slice(0, 5), mode: 'prefix' },
    });
    if (products.length) {
      const productExact = await measure((i) => call(core, 'shipments.list', productInput(i)), runs);
      out.push(
        result('Product ID exact search, first page + counts (product in ~2 % of shipments)', size, productExact, {
          target: 'p95 <= 5 ms at 1M',
          products: products.map((p) => `${p.product_id} (${p.n})`),
        }),
      );
    }
    const productPrefix = await measure((i) => call(core, 'shipments.list', prefixInput(i)), runs);
    out.push(
      result('Product ID prefix search (5 chars), first page + counts', size, productPrefix, {
        target: 'p95 <= 25 ms at 1M',
      }),
    );
    // The same searches as a screen sends them (one request per event-loop turn), watched for stalls.
    const searches = Math.max(40, runs * 2);
    const { stallMs } = await longestStall(async () => {
      for (let i = 0; i < searches; i++) {
        await call(core, 'shipments.list', i % 2 || !products.length ? prefixInput(i) : productInput(i));
        await yieldToLoop();
      }
    });
    out.push({
      name: `main-thread stall: grid serving ${searches} Product ID searches`,
      size,
      p50_ms: stallMs,
      p95_ms: stallMs,
      max_ms: stallMs,
      target: 'longest stall <= 50 ms',
    });

    const range = await measure(
      (i) =>
        call(core, 'shipments.list', {
          tab: TABS[Math.abs(i) % 4],
          region: 'domestic',
          orderDate: { from: '2026-10-21', to: '2026-11-20' },
        }),
      runs,
    );
    out.push(result('order-date range (30 days), first page + counts', size, range));

    // Registration through the dispatcher, on shipments awaiting an invoice, alternating with its
    // floor: a bare one-row commit in the same file and WAL (synchronous=FULL), so both see the same disk.
    const awaiting = core.db
      .prepare(`SELECT shipment_no FROM shipments WHERE status = 'AWAITING_INVOICE' AND region = 'domestic' LIMIT ?`)
      .all(runs * 2 + 3) as { shipment_no: string }[];
    core.db.exec('CREATE TABLE IF NOT EXISTS bench_floor (id INTEGER PRIMARY KEY, at INTEGER NOT NULL)');
    const floorInsert = core.db.prepare('INSERT INTO bench_floor (at) VALUES (?)');
    let serial = 9_000_000;
    const registerSamples: number[] = [];
    const floorSamples: number[] = [];
    let cpuMs = 0;
    for (let i = 0; i < awaiting.length; i++) {
      const t0 = performance.now();
      floorInsert.run(Date.now());
      const t1 = performance.now();
      const cpu = process.cpuUsage();
      await call(core, 'invoices.register', {
        shipmentNo: awaiting[i]!.shipment_no,
        carrierId: 'kr.cjlogistics',
        invoiceNo: sampleInvoiceNumber('kr.cjlogistics', serial++),
      });
      const t2 = performance.now();
      if (i < 3) continue; // warm-up
      const used = process.cpuUsage(cpu);
      cpuMs += (used.user + used.system) / 1000;
      floorSamples.push(t1 - t0);
      registerSamples.push(t2 - t1);
    }
    out.push(
      result('invoices.register through the dispatcher (synchronous=FULL)', size, registerSamples, {
        floor_p50_ms: round(summarize(floorSamples).p50),
        floor_p95_ms: round(summarize(floorSamples).p95),
        floor_is:
          'a bare one-row INSERT commit, same file and WAL, synchronous=FULL, alternating with the registrations',
        cpu_ms_per_register: round(cpuMs / Math.max(1, registerSamples.length)),
        target: 'p50 <= 1.3 x floor',
      }),
    );
  } finally {
    core.close();
    for (const f of [work, `${work}-wal`, `${work}-shm`]) fs.rmSync(f, { force: true });
  }
  return out;
}
