// One grid export in a process of its own, so its peak RSS is the export's and nothing else's:
//   node --import tsx test/bench/exportChild.ts DB (export|floor) FORMAT
// Prints one JSON line { ms, rows, peakRssMb, bytes }. "floor": the same rows' text written by a bare
// exceljs streaming writer (rows read first, untimed), the least any xlsx export of them can cost.
import { PassThrough } from 'node:stream';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { silentLogger } from '../../main/core/log/logger';
import { createCore } from '../../main/core/createCore';
import { GRID_COLUMNS, gridRows } from '../../main/core/exports/gridExport';
import { createServiceContext } from '../../main/core/services/context';

const [dbPath = '', mode = 'export', format = 'xlsx'] = process.argv.slice(2);
const MB = 1024 * 1024;

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);

async function main(): Promise<void> {
  const core = createCore({ dbPath, autoRelease: false, log: silentLogger });
  const query = { claim: 'all' as const, sort: { key: 'orderDate' as const, dir: 'desc' as const } };
  try {
    if (mode === 'export') {
      const t0 = performance.now();
      const env = await core.dispatch('exports.grid', { query, format }, { operator: 'bench', via: 'api' });
      const ms = performance.now() - t0;
      if (!env.ok) throw new Error(env.error.message);
      const v = env.value;
      const rows = v && typeof v === 'object' && 'rows' in v ? v.rows : null;
      const b64 =
        v && typeof v === 'object' && 'bytesBase64' in v && typeof v.bytesBase64 === 'string' ? v.bytesBase64 : '';
      peak = Math.max(peak, process.memoryUsage().rss);
      console.log(JSON.stringify({ ms, rows, peakRssMb: peak / MB, bytes: Buffer.byteLength(b64, 'base64') }));
      return;
    }
    const ctx = createServiceContext(core.db, Date.now, core.events);
    const text: string[][] = [];
    for await (const page of gridRows(ctx, query, 100_000))
      for (const r of page) text.push(GRID_COLUMNS.map((c) => c.value(r, 'Asia/Seoul')));
    const stream = new PassThrough();
    let bytes = 0;
    stream.on('data', (c: Buffer) => (bytes += c.length));
    const t0 = performance.now();
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
    const ws = wb.addWorksheet('Shipments');
    ws.addRow(GRID_COLUMNS.map((c) => c.header)).commit();
    for (const r of text) ws.addRow(r).commit();
    ws.commit();
    await wb.commit();
    const ms = performance.now() - t0;
    peak = Math.max(peak, process.memoryUsage().rss);
    console.log(JSON.stringify({ ms, rows: text.length, peakRssMb: peak / MB, bytes }));
  } finally {
    clearInterval(sampler);
    core.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
