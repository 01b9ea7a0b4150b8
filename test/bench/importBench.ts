// Excel import figures (issue 4): a 1,000-row file through preflight + parse + validate and through
// commit, the parse's peak memory, and a 100,000-row file refused fast. Floors beside them: a bare
// exceljs read of the same workbook, and a bare prepared-statement insert of the same rows.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { createCore, type Core } from '../../main/core/createCore';
import { sampleInvoiceNumber } from '../../main/core/domain/invoiceNumber';
import { stopParseWorker } from '../../main/core/sheets/workerHost';
import { ENGLISH_HEADER, sheet, streamedSheet } from '../fixtures/excel/workbooks';
import { longestStall, measure, round, summarize, type BenchResult } from './stats';
import { silentLogger } from '../../main/core/log/logger';

const ctx = { operator: 'bench', via: 'excel' as const };
const MB = 1024 * 1024;

async function call(core: Core, method: string, input: unknown): Promise<unknown> {
  const env = await core.dispatch(method, input, ctx);
  if (!env.ok) throw new Error(`${method}: ${env.error.code} ${env.error.message}`);
  return env.value;
}

function importIdOf(value: unknown): string {
  const id = value && typeof value === 'object' && 'importId' in value ? value.importId : undefined;
  if (typeof id !== 'string') throw new Error('preview answered without an importId');
  return id;
}

function result(name: string, size: number, samples: number[], extra: Partial<BenchResult> = {}): BenchResult {
  const { p50, p95 } = summarize(samples);
  return { name, size, p50_ms: round(p50), p95_ms: round(p95), ...extra };
}

/** Peak RSS growth (MB) while `work` runs: the worker's memory is part of the process's. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, peakMb: round((peak - before) / MB) };
  } finally {
    clearInterval(timer);
  }
}

async function bareExcelRead(bytes: Buffer): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  let n = 0;
  wb.worksheets[0]?.eachRow(() => n++);
  return n;
}

/** Undo a measured commit (unmeasured), so every run registers the same rows on the same state. */
function undoCommit(core: Core, marks: Record<string, number>, shipmentNos: string[]): void {
  core.db.transaction(() => {
    for (const [table, max] of Object.entries(marks)) core.db.prepare(`DELETE FROM ${table} WHERE id > ?`).run(max);
    const reset = core.db.prepare(
      `UPDATE shipments SET invoice_id = NULL, status = 'AWAITING_INVOICE', tab = 'preparing', last_event_at = NULL WHERE shipment_no = ?`,
    );
    for (const no of shipmentNos) reset.run(no);
  })();
}

function marksOf(core: Core): Record<string, number> {
  const marks: Record<string, number> = {};
  // Children before parents, so deleting in this order never breaks a foreign key.
  for (const table of ['import_rows', 'import_batches', 'outbox', 'history', 'invoices']) {
    const row = core.db.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${table}`).get() as { n: number };
    marks[table] = row.n;
  }
  return marks;
}

export async function benchImports(dbFile: string, size: number, runs: number): Promise<BenchResult[]> {
  const work = `${dbFile}.imports`;
  for (const f of [work, `${work}-wal`, `${work}-shm`]) fs.rmSync(f, { force: true });
  fs.copyFileSync(dbFile, work);
  const core = createCore({ dbPath: work, autoRelease: false, log: silentLogger });
  const out: BenchResult[] = [];
  try {
    const awaiting = (
      core.db
        .prepare(
          `SELECT shipment_no FROM shipments WHERE status = 'AWAITING_INVOICE' AND region = 'domestic' ORDER BY id LIMIT 1000`,
        )
        .all() as { shipment_no: string }[]
    ).map((r) => r.shipment_no);
    const rows = awaiting.map((no, i) => [
      no,
      'kr.cjlogistics',
      sampleInvoiceNumber('kr.cjlogistics', 800_000_000 + i),
    ]);
    const file = await sheet(ENGLISH_HEADER, rows, { textColumns: [1, 3] });
    const input = { fileName: 'bench.xlsx', bytesBase64: file.toString('base64') };
    const label = `${rows.length.toLocaleString('en-US')}-row file`;

    // Preflight + parse (worker) + validate, through the dispatcher. Cold once, then warm.
    stopParseWorker();
    const cold = await peakRss(async () => {
      const t0 = performance.now();
      await call(core, 'imports.preview', input);
      return performance.now() - t0;
    });
    const previewSamples = await measure(() => call(core, 'imports.preview', input), runs);
    const { peakMb } = await peakRss(() => call(core, 'imports.preview', input));
    const readFloor = await measure(() => bareExcelRead(file), Math.min(runs, 10));
    out.push(
      result(`import preview, ${label} (preflight + parse + validate)`, size, previewSamples, {
        floor_p50_ms: round(summarize(readFloor).p50),
        target: 'p95 <= 1 s',
        rows: rows.length,
        file_kb: round(file.length / 1024),
        cold_ms: round(cold.value),
        peak_rss_mb: peakMb,
        cold_peak_rss_mb: cold.peakMb,
      }),
    );

    // Commit: a fresh preview before each (unmeasured), the commit timed, then undone.
    const commitSamples: number[] = [];
    const stalls: number[] = [];
    for (let i = 0; i < Math.min(runs, 20) + 2; i++) {
      const importId = importIdOf(await call(core, 'imports.preview', input));
      const marks = marksOf(core);
      const t0 = performance.now();
      let t1 = t0;
      const { stallMs } = await longestStall(async () => {
        await call(core, 'imports.commit', { importId });
        t1 = performance.now();
      });
      if (i >= 2) {
        commitSamples.push(t1 - t0);
        stalls.push(stallMs);
      }
      undoCommit(core, marks, awaiting);
    }
    // The floor: the same rows into an invoices-shaped table, one prepared statement, one transaction.
    core.db.exec(`CREATE TABLE IF NOT EXISTS bench_floor_invoices AS SELECT * FROM invoices WHERE 0`);
    const insert = core.db.prepare(
      `INSERT INTO bench_floor_invoices (id, shipment_id, carrier_id, invoice_no, active, registered_at, registered_by, via) VALUES (?, ?, ?, ?, 1, ?, 'bench', 'excel')`,
    );
    const insertAll = core.db.transaction(() =>
      rows.forEach((r, i) => insert.run(i + 1, i + 1, r[1], r[2], Date.now())),
    );
    const insertFloor = await measure(
      () => {
        insertAll();
        core.db.exec('DELETE FROM bench_floor_invoices');
      },
      Math.min(runs, 20),
    );
    out.push(
      result(`import commit, ${label} (one transaction, synchronous=FULL)`, size, commitSamples, {
        floor_p50_ms: round(summarize(insertFloor).p50),
        target: 'p95 <= 200 ms',
        rows: rows.length,
      }),
    );
    const stall = summarize(stalls);
    out.push({
      name: `main-thread stall: ${label} import commit (per commit)`,
      size,
      p50_ms: round(stall.p50),
      p95_ms: round(stall.p95),
      max_ms: round(Math.max(...stalls)),
      target: 'longest stall <= 50 ms',
    });

    // 100,000 rows: refused in preflight, without exceljs building the sheet.
    const huge = await streamedSheet(ENGLISH_HEADER, 100_000, (i) => [
      `SD${String(i + 1).padStart(10, '0')}`,
      'kr.cjlogistics',
      sampleInvoiceNumber('kr.cjlogistics', 700_000_000 + i),
    ]);
    const hugeInput = { fileName: 'huge.xlsx', bytesBase64: huge.toString('base64') };
    const refuse = async () => {
      const env = await core.dispatch('imports.preview', hugeInput, ctx);
      if (env.ok || env.error.code !== 'TOO_MANY_ROWS')
        throw new Error(`expected TOO_MANY_ROWS, got ${JSON.stringify(env).slice(0, 200)}`);
    };
    const hugeRuns = Math.min(runs, 10);
    const refusal = await measure(refuse, hugeRuns, 1);
    const hugePeak = await peakRss(refuse);
    const hugeFloor = await measure(() => bareExcelRead(huge), 1, 0);
    out.push(
      result('import refusal, 100,000-row file (TOO_MANY_ROWS)', size, refusal, {
        floor_p50_ms: round(summarize(hugeFloor).p50),
        target: 'p95 <= 2 s, bounded memory',
        rows: 100_000,
        file_kb: round(huge.length / 1024),
        peak_rss_mb: hugePeak.peakMb,
      }),
    );
  } finally {
    stopParseWorker();
    core.close();
    for (const f of [work, `${work}-wal`, `${work}-shm`]) fs.rmSync(f, { force: true });
  }
  return out;
}
