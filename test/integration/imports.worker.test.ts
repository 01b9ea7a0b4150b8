// The parse worker: a time limit, a heap cap, a fresh worker after either, bounded memory for a
// zip bomb, and the main process never loading exceljs to read an upload.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseInWorker, stopParseWorker } from '../../main/core/sheets/workerHost';
import { zipBomb } from '../fixtures/excel/hostile';
import { ENGLISH_HEADER, sheet, streamedSheet } from '../fixtures/excel/workbooks';

afterAll(() => stopParseWorker());

const rows = [['SD0000000001', 'kr.cjlogistics', '353563075655']];

describe('parse worker', () => {
  it('reads a workbook into plain rows', async () => {
    const out = await parseInWorker(await sheet(ENGLISH_HEADER, rows));
    expect(out).toEqual({
      ok: true,
      sheet: expect.objectContaining({
        format: 'xlsx',
        sheetName: 'Sheet1',
        rows: [
          {
            row: 2,
            cells: {
              shipmentNo: { kind: 'text', text: 'SD0000000001' },
              carrier: { kind: 'text', text: 'kr.cjlogistics' },
              invoiceNo: { kind: 'text', text: '353563075655' },
            },
          },
        ],
      }),
    });
  });

  it('stops a file that runs past its time, then reads the next one with a fresh worker', async () => {
    const slow = await streamedSheet(ENGLISH_HEADER, 900, (i) => [
      `SD${String(i).padStart(10, '0')}`,
      'kr.lotte',
      '241743423084',
    ]);
    const out = await parseInWorker(slow, { timeoutMs: 5 });
    expect(!out.ok && out.refusal).toMatchObject({
      code: 'FILE_UNSAFE',
      details: { reason: 'time' },
      message: expect.stringMatching(/took more time or memory/),
    });
    const next = await parseInWorker(await sheet(ENGLISH_HEADER, rows));
    expect(next.ok).toBe(true);
  });

  it('turns running out of its heap into a refusal, not a crash', async () => {
    const big = await streamedSheet(ENGLISH_HEADER, 1_000, (i) => [
      `SD${String(i).padStart(10, '0')}`,
      'kr.lotte',
      '241743423084',
    ]);
    const out = await parseInWorker(big, { heapMb: 2 });
    expect(!out.ok && out.refusal).toMatchObject({ code: 'FILE_UNSAFE', details: { reason: 'memory' } });
    expect((await parseInWorker(await sheet(ENGLISH_HEADER, rows))).ok).toBe(true);
  });

  it('refuses a 1 GB zip bomb through the worker within ~100 MB of memory', async () => {
    const bomb = zipBomb(1024 * 1024 * 1024);
    await parseInWorker(await sheet(ENGLISH_HEADER, rows)); // warm: the reader's own memory is not the bomb's
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
    const out = await parseInWorker(bomb);
    clearInterval(sampler);
    expect(!out.ok && out.refusal).toMatchObject({ code: 'FILE_UNSAFE', details: { reason: 'zip-limits' } });
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('keeps the exceljs reader out of the main process: only the worker reaches it', () => {
    const main = reachable('main/core/createCore.ts');
    const worker = reachable('main/core/sheets/worker.ts');
    for (const reader of [
      'main/core/sheets/readXlsx.ts',
      'main/core/sheets/cells.ts',
      'main/core/sheets/parseUpload.ts',
    ]) {
      expect(main.has(reader), reader).toBe(false);
      expect(worker.has(reader), reader).toBe(true);
    }
    // The main process may write workbooks (our own data), loading exceljs lazily for that only.
    const staticExcel = [...main].filter((f) =>
      /^import (?!type)[^;]*from 'exceljs'/m.test(fs.readFileSync(path.join(repo, f), 'utf8')),
    );
    expect(staticExcel).toEqual([]);
  });
});

const repo = path.resolve(__dirname, '../..');

/** Source files reachable from `entry` through relative imports, static or dynamic (type-only imports excluded). */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(path.join(repo, file), 'utf8');
    const imports = [
      ...text.matchAll(/^import (?!type )[^;]*?from '(\.[^']+)'/gm),
      ...text.matchAll(/\bimport\('(\.[^']+)'\)/g),
    ];
    for (const m of imports) {
      const target = path.relative(repo, path.resolve(path.dirname(path.join(repo, file)), m[1]!)) + '.ts';
      if (fs.existsSync(path.join(repo, target))) visit(target);
    }
  };
  visit(entry);
  return seen;
}
