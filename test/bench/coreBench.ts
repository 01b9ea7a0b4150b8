// Foundation figures: the grid query, searches, counts and registration on demo databases.
import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../../main/core/createCore';
import { openDatabase } from '../../main/core/db/open';
import { generateDemo } from '../../main/core/demo/generate';
import { sampleInvoiceNumber } from '../../main/core/domain/invoiceNumber';
import { TABS, REGIONS } from '../../shared/domain';
import { measure, round, summarize, type BenchResult } from './stats';
import { silentLogger } from '../../main/core/log/logger';

const ctx = { operator: 'bench', via: 'manual' as const };
const SEED = 7;

/** A demo database per size, generated once and reused while its generator version matches. */
export function demoDatabase(dir: string, size: number): string {
  const file = path.join(dir, `demo-${size}-seed${SEED}.db`);
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
        `SELECT s.shipment_no, o.order_no, i.invoice_no, (SELECT product_id FROM order_items WHERE shipment_id = s.id LIMIT 1) AS product_id
         FROM shipments s JOIN orders o ON o.id = s.order_id JOIN invoices i ON i.id = s.invoice_id
         WHERE s.id % ? = 0 LIMIT 200`,
      )
      .all(Math.max(1, Math.floor(size / 400))) as {
      shipment_no: string;
      order_no: string;
      invoice_no: string;
      product_id: string;
    }[];
    const fields = [
      ['shipmentNo', 'shipment_no', 10],
      ['orderNo', 'order_no', 12],
      ['invoiceNo', 'invoice_no', 9],
      ['productId', 'product_id', 5],
    ] as const;
    for (const [field, column, prefixLen] of fields) {
      const exact = await measure(
        (i) =>
          call(core, 'shipments.list', {
            region: 'domestic',
            search: { field, text: sample[Math.abs(i) % sample.length]![column], mode: 'exact' },
          }),
        runs,
      );
      out.push(result(`search ${field} exact`, size, exact, { target: 'p95 <= 5 ms at 1M' }));
      const prefix = await measure(
        (i) =>
          call(core, 'shipments.list', {
            region: 'domestic',
            search: { field, text: sample[Math.abs(i) % sample.length]![column].slice(0, prefixLen), mode: 'prefix' },
          }),
        runs,
      );
      out.push(result(`search ${field} prefix (${prefixLen} chars)`, size, prefix));
    }

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

    // Registration through the dispatcher, on shipments awaiting an invoice.
    const awaiting = core.db
      .prepare(`SELECT shipment_no FROM shipments WHERE status = 'AWAITING_INVOICE' AND region = 'domestic' LIMIT ?`)
      .all(runs + 3) as { shipment_no: string }[];
    let serial = 9_000_000;
    const register = await measure(
      async (i) => {
        const target = awaiting[i < 0 ? -1 - i : i + 3];
        if (!target) return;
        await call(core, 'invoices.register', {
          shipmentNo: target.shipment_no,
          carrierId: 'kr.cjlogistics',
          invoiceNo: sampleInvoiceNumber('kr.cjlogistics', serial++),
        });
      },
      Math.min(runs, Math.max(0, awaiting.length - 3)),
    );
    out.push(
      result('invoices.register (dispatcher, synchronous=FULL)', size, register, { target: 'p95 <= 2 ms at 1M' }),
    );
  } finally {
    core.close();
    for (const f of [work, `${work}-wal`, `${work}-shm`]) fs.rmSync(f, { force: true });
  }
  return out;
}
