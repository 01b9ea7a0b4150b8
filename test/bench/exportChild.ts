// The export's floor in a process of its own, so its peak RSS is its own:
//   node --import tsx test/bench/exportChild.ts DB
// The grid's rows as text (read first, untimed) written by a bare exceljs streaming writer: the least
// any xlsx export of them can cost. Prints one JSON line { ms, rows, peakRssMb, bytes }. The export
// itself is measured through the built CLI (ordersBench.ts).
import { PassThrough } from 'node:stream';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { silentLogger } from '../../main/core/log/logger';
import { createCore } from '../../main/core/createCore';
import { GRID_COLUMNS, gridRows } from '../../main/core/exports/gridExport';
import { createStationContext } from '../../main/core/poolLink/record';

const [dbPath = ''] = process.argv.slice(2);

async function main(): Promise<void> {
  const core = createCore({ dbPath, autoRelease: false, log: silentLogger });
  const query = { claim: 'all' as const, sort: { key: 'orderDate' as const, dir: 'desc' as const } };
  try {
    const ctx = createStationContext(core.db, Date.now, core.events);
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
    // The kernel's peak for this process (KB), the same figure the CLI's run reports.
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify({ ms, rows: text.length, peakRssMb, bytes }));
  } finally {
    core.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
