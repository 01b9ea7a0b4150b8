// Preflight and parse as one function (what the worker runs), on every hostile file the issue lists.
import { describe, expect, it } from 'vitest';
import { parseUpload } from '../../main/core/sheets/parseUpload';
import { IMPORT_LIMITS } from '../../main/core/sheets/limits';
import { createSheetCounter } from '../../main/core/sheets/sheetCounter';
import {
  manyEntries,
  overlappingBomb,
  ratioBomb,
  rewriteEntry,
  truncated,
  wordDocument,
  zipBomb,
} from '../fixtures/excel/hostile';
import { ENGLISH_HEADER, encrypted, legacyXls, sheet, streamedSheet, withMacros } from '../fixtures/excel/workbooks';

const rows = [['SD0000000001', 'kr.cjlogistics', '350000000011']];

async function refusal(bytes: Buffer) {
  const out = await parseUpload(bytes);
  if (out.ok) throw new Error('expected a refusal, got rows');
  return out.refusal;
}

describe('preflight refuses what is not a readable workbook, in words', () => {
  it('an empty file, random bytes and a PDF are not spreadsheets', async () => {
    expect(await refusal(Buffer.alloc(0))).toMatchObject({
      code: 'FILE_NOT_SPREADSHEET',
      message: expect.stringMatching(/empty/),
    });
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect((await refusal(random)).code).toBe('FILE_NOT_SPREADSHEET');
    expect(await refusal(Buffer.from('%PDF-1.7\n...'))).toMatchObject({
      code: 'FILE_NOT_SPREADSHEET',
      message: expect.stringMatching(/PDF document/),
    });
  });

  it('a password-protected .xlsx gets the locked-file message', async () => {
    const locked = encrypted(await sheet(ENGLISH_HEADER, rows));
    const r = await refusal(locked);
    expect(r.code).toBe('FILE_ENCRYPTED');
    expect(r.message).toMatch(/password-protected/);
    expect(r.message).toMatch(/remove the password or save it as \.xlsx, and upload it again/);
    expect(r.details).toMatchObject({ likely: 'password' });
  });

  it('a legacy .xls is refused with the same advice, saying it is probably .xls', async () => {
    const r = await refusal(legacyXls());
    expect(r.code).toBe('FILE_ENCRYPTED');
    expect(r.message).toMatch(/old \.xls format/);
    expect(r.message).toMatch(/save it as \.xlsx/);
    expect(r.details).toMatchObject({ likely: 'xls' });
  });

  it('a truncated workbook is damaged, not a crash', async () => {
    const whole = await sheet(ENGLISH_HEADER, rows);
    for (const keep of [0.2, 0.6, 0.95]) expect((await refusal(truncated(whole, keep))).code).toBe('FILE_DAMAGED');
  });

  it('a zip that is a Word document is not a spreadsheet', async () => {
    expect(await refusal(wordDocument())).toMatchObject({
      code: 'FILE_NOT_SPREADSHEET',
      message: expect.stringMatching(/Word document/),
    });
  });

  it('macros are refused, by part and by content type', async () => {
    const plain = await sheet(ENGLISH_HEADER, rows);
    expect(await refusal(withMacros(plain))).toMatchObject({
      code: 'FILE_UNSAFE',
      message: expect.stringMatching(/macros/),
    });
    const typeOnly = rewriteEntry(plain, '[Content_Types].xml', (x) =>
      x.replace(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
        'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
      ),
    );
    expect(await refusal(typeOnly)).toMatchObject({ code: 'FILE_UNSAFE', details: { reason: 'macros' } });
  });

  it('a file over 10 MB is refused for its size before anything else', async () => {
    const big = Buffer.alloc(IMPORT_LIMITS.maxFileBytes + 1, 0x41);
    expect(await refusal(big)).toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: expect.stringMatching(/10\.0 MB|10 MB/),
    });
  });
});

describe('zip limits are counted while inflating', () => {
  it('a 1 GB zip bomb is refused fast, with bounded memory', async () => {
    const bomb = zipBomb(1024 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    global.gc?.();
    const before = process.memoryUsage();
    let peak = before.rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
    const t0 = performance.now();
    const r = await refusal(bomb);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(r).toMatchObject({ code: 'FILE_UNSAFE', details: { reason: 'zip-limits' } });
    expect(r.message).toMatch(/refused it without opening it/);
    expect(performance.now() - t0).toBeLessThan(3_000);
    // Streamed inflate: only 64 KB chunks are ever held, far under the ~100 MB the issue allows.
    expect(peak - before.rss).toBeLessThan(100 * 1024 * 1024);
  });

  it('entries sharing one compressed payload, and an impossible ratio, are refused', async () => {
    expect((await refusal(overlappingBomb())).code).toBe('FILE_UNSAFE');
    expect(await refusal(ratioBomb())).toMatchObject({ code: 'FILE_UNSAFE', details: { limit: 'ratio' } });
  });

  it('a zip with more entries than a workbook could have is refused before inflating', async () => {
    expect(await refusal(manyEntries(IMPORT_LIMITS.maxZipEntries + 1))).toMatchObject({
      code: 'FILE_UNSAFE',
      details: { limit: IMPORT_LIMITS.maxZipEntries },
    });
  });

  it('a sheet far over the row limit is refused in preflight, with its row count', async () => {
    const huge = await streamedSheet(ENGLISH_HEADER, 6_000, (i) => [
      `SD${String(i).padStart(10, '0')}`,
      'kr.lotte',
      '241743423084',
    ]);
    const t0 = performance.now();
    const r = await refusal(huge);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(r).toMatchObject({ code: 'TOO_MANY_ROWS', details: { rows: 6_000 } });
    expect(r.message).toMatch(/6,000 rows.*at most 1,000.*Split/);
  });
});

describe('real rows only', () => {
  it('a stray cell at XFD1048576 does not make a million rows', async () => {
    const t0 = performance.now();
    const out = await parseUpload(await sheet(ENGLISH_HEADER, rows, { at: { XFD1048576: 'stray' } }));
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(out.ok && out.sheet.rows.map((r) => r.row)).toEqual([2]);
  });

  it('counts rows and cells across chunk boundaries, namespace prefixes included', () => {
    const xml =
      '<worksheet><sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row><row r="2" s="1"/>' +
      '<row r="3"><c r="A3"/><c r="B3" t="inlineStr"><is><t>hi</t></is></c></row><cols><col min="1"/></cols></sheetData></worksheet>';
    for (const size of [1, 2, 3, 7, 64, xml.length]) {
      const counter = createSheetCounter();
      for (let i = 0; i < xml.length; i += size) counter.push(Buffer.from(xml.slice(i, i + size), 'latin1'));
      expect(counter.finish(), `chunks of ${size}`).toEqual({ rowElements: 3, valueRows: 2, cells: 3 });
    }
  });
});
