// The Excel import end to end through the dispatcher and the parse worker, on a real SQLite file:
// template round trip, the row limit, commit, re-upload, failed rows, the pre-filled export.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { carrierLabel } from '../../main/core/sheets/carrierNames';
import { CARRIERS } from '../../shared/carriers';
import type { PushEvent } from '../../shared/api/contract';
import { startTestCore, type TestCore } from '../support/core';
import { seedFacets, seedShipments } from '../support/seed';
import { awaiting, byRow, cj, count, lotte, preview, previewOk } from '../fixtures/excel/desk';
import { ENGLISH_HEADER, fillTemplate, sheet, type FixtureCell } from '../fixtures/excel/workbooks';

let core: TestCore;
beforeEach(() => {
  core = startTestCore();
  seedFacets(core.db);
});
afterEach(() => core.cleanup());

const cjLabel = carrierLabel(CARRIERS.find((c) => c.id === 'kr.cjlogistics')!);

async function loadWorkbook(bytesBase64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const bytes = Buffer.from(bytesBase64, 'base64');
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  return wb;
}

async function template(): Promise<Buffer> {
  return Buffer.from((await core.ok('imports.template', {})).bytesBase64, 'base64');
}

describe('template', () => {
  it('has every column, a carrier drop-down, Text number columns, a frozen header and a bilingual guide', async () => {
    const t = await core.ok('imports.template', {});
    expect(t.fileName).toMatch(/\.xlsx$/);
    const wb = await loadWorkbook(t.bytesBase64);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Invoices', 'Guide', 'Carriers']);
    const ws = wb.getWorksheet('Invoices')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '배송번호 Shipment No.',
      '택배사 Carrier',
      '송장번호 Invoice No.',
      '주문번호 Order No.',
      '작업 Action',
      '수정 사유 Reason',
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect([1, 3, 4].map((c) => ws.getColumn(c).numFmt)).toEqual(['@', '@', '@']);
    const carriers = wb.getWorksheet('Carriers')!;
    expect(carriers.getCell('A2').value).toBe(cjLabel);
    expect(carriers.actualRowCount).toBe(CARRIERS.length + 1);
    const guide = wb.getWorksheet('Guide')!;
    const guideText = JSON.stringify(guide.getSheetValues());
    expect(guideText).toMatch(/송장번호/);
    expect(guideText).toMatch(/tracking number/);
  });

  it('round-trips: download, fill in, upload, every row ok, commit registers them via excel', async () => {
    const nos = awaiting(core, 3);
    const filled = await fillTemplate(await template(), [
      [nos[0]!, cjLabel, cj(1)],
      [nos[1]!, 'kr.lotte', lotte(2)],
      [nos[2]!, 'Hanjin', '4228 1852 0622'],
    ]);
    const p = await previewOk(core, filled, '송장 업로드.xlsx');
    expect(p.totals).toMatchObject({ rows: 3, ok: 3, error: 0, toRegister: 3 });
    expect(p.rows.map((r) => [r.row, r.carrierId, r.invoiceNo])).toEqual([
      [2, 'kr.cjlogistics', cj(1)],
      [3, 'kr.lotte', lotte(2)],
      [4, 'kr.hanjin', '422818520622'],
    ]);
    expect(count(core, 'SELECT count(*) AS n FROM invoices')).toBe(0); // nothing saved by a preview

    const events: PushEvent[] = [];
    core.events.on((e) => events.push(e));
    const c = await core.ok('imports.commit', { importId: p.importId });
    expect(c).toMatchObject({ registered: 3, failed: 0, skippedAlreadyRegistered: 0, fileName: '송장 업로드.xlsx' });
    for (const no of nos) {
      expect((await core.ok('shipments.get', { shipmentNo: no })).status).toBe('PREPARING_TO_SHIP');
      expect((await core.ok('invoices.history', { shipmentNo: no }))[0]).toMatchObject({
        action: 'registered',
        via: 'excel',
        operator: 'kim',
      });
    }
    expect(events).toContainEqual({ type: 'shipments.changed', shipmentNos: nos });
    const batch = core.db
      .prepare('SELECT file_name, operator, row_count, registered, failed FROM import_batches')
      .all();
    expect(batch).toEqual([{ file_name: '송장 업로드.xlsx', operator: 'kim', row_count: 3, registered: 3, failed: 0 }]);
  });
});

describe('the 1,000-row limit', () => {
  const rowsFor = (nos: string[]): FixtureCell[][] => nos.map((no, i) => [no, 'kr.cjlogistics', cj(i + 1)]);

  it('takes 1,000 rows and commits them in one batch', async () => {
    const nos = awaiting(core, 1_000);
    const p = await previewOk(core, await sheet(ENGLISH_HEADER, rowsFor(nos), { textColumns: [1, 3] }));
    expect(p.totals).toMatchObject({ rows: 1_000, ok: 1_000, toRegister: 1_000 });
    const c = await core.ok('imports.commit', { importId: p.importId });
    expect(c.registered).toBe(1_000);
    expect(count(core, "SELECT count(*) AS n FROM invoices WHERE active = 1 AND via = 'excel'")).toBe(1_000);
    expect(count(core, 'SELECT count(*) AS n FROM import_batches')).toBe(1);
  });

  it('refuses 1,001 rows with the count and a hint to split, saving nothing', async () => {
    const nos = awaiting(core, 1_001);
    const res = await preview(core, await sheet(ENGLISH_HEADER, rowsFor(nos)));
    expect(!res.ok && res.error).toMatchObject({
      code: 'TOO_MANY_ROWS',
      message: expect.stringMatching(/1,001 data rows.*at most 1,000.*Split/),
      details: { rows: 1_001 },
    });
    expect(count(core, 'SELECT count(*) AS n FROM invoices')).toBe(0);
  });

  it('ignores trailing blank rows and formatted empty cells', async () => {
    const nos = awaiting(core, 2);
    const blank: FixtureCell[][] = [
      [null, null, null],
      ['', ' ', null],
    ];
    const p = await previewOk(core, await sheet(ENGLISH_HEADER, [...rowsFor(nos), ...blank, ...blank]));
    expect(p.totals.rows).toBe(2);
  });
});

describe('uploading the same file again', () => {
  it('registers nothing twice, and says when it was saved before', async () => {
    const nos = awaiting(core, 3);
    const file = await sheet(
      ENGLISH_HEADER,
      nos.map((no, i) => [no, 'kr.cjlogistics', cj(i + 10)]),
    );
    const first = await previewOk(core, file);
    await core.ok('imports.commit', { importId: first.importId });
    const invoices = count(core, 'SELECT count(*) AS n FROM invoices');
    const history = count(core, 'SELECT count(*) AS n FROM history');

    const again = await previewOk(core, file, 'copy of upload.xlsx');
    expect(again.fileHash).toBe(first.fileHash);
    expect(again.previousBatches).toHaveLength(1);
    expect(
      again.rows.every((r) => r.verdict === 'warning' && r.outcome === 'skip' && r.code === 'ALREADY_IMPORTED'),
    ).toBe(true);
    expect(again.rows[0]!.message).toMatch(/already saved from this same file .* by kim \(batch 1\)/);
    const c = await core.ok('imports.commit', { importId: again.importId });
    expect(c).toMatchObject({ registered: 0, modified: 0, skippedAlreadyRegistered: 3, failed: 0 });
    // committing the same preview twice is just as harmless
    expect((await core.ok('imports.commit', { importId: first.importId })).registered).toBe(0);
    expect(count(core, 'SELECT count(*) AS n FROM invoices')).toBe(invoices);
    expect(count(core, 'SELECT count(*) AS n FROM history')).toBe(history);
  });

  it('an unknown or expired import id is NOT_FOUND in words', async () => {
    const res = await core.call('imports.commit', { importId: 'no-such-import' });
    expect(!res.ok && res.error).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/Upload the file again/),
    });
  });
});

describe('mixed valid and invalid rows', () => {
  it('commits the valid ones; the failed-rows file holds the rest with reasons and re-imports once fixed', async () => {
    const nos = awaiting(core, 4);
    const file = await sheet(ENGLISH_HEADER, [
      [nos[0]!, 'kr.cjlogistics', cj(21)],
      [nos[1]!, 'Pigeon Express', cj(22)],
      [nos[2]!, 'kr.lotte', '241743423085'],
      [nos[3]!, 'kr.cjlogistics', cj(24)],
    ]);
    const p = await previewOk(core, file, 'mixed.xlsx');
    expect(p.totals).toMatchObject({ ok: 2, error: 2 });
    const c = await core.ok('imports.commit', { importId: p.importId });
    expect(c).toMatchObject({ registered: 2, failed: 2 });
    expect((await core.ok('shipments.get', { shipmentNo: nos[1]! })).invoiceNo).toBeNull();

    const failed = await core.ok('imports.failedRows', { importId: p.importId });
    expect(failed).toMatchObject({ fileName: 'mixed-failed-rows.xlsx', rows: 2 });
    const wb = await loadWorkbook(failed.bytesBase64);
    const ws = wb.getWorksheet('Invoices')!;
    expect(ws.getRow(1).getCell(7).value).toBe('실패 사유 Failure reason');
    expect(ws.getRow(2).getCell(1).value).toBe(nos[1]);
    expect(String(ws.getRow(2).getCell(7).value)).toMatch(/does not know the carrier "Pigeon Express"/);
    expect(String(ws.getRow(3).getCell(7).value)).toMatch(/check digit/);
    expect(ws.getRow(3).getCell(8).value).toBe('4');
    expect(ws.actualRowCount).toBe(3);

    // The operator fixes the two rows in the failed-rows file itself and uploads it.
    ws.getRow(2).getCell(2).value = '롯데택배';
    ws.getRow(2).getCell(3).value = lotte(22);
    ws.getRow(3).getCell(3).value = '241743423084';
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());
    const again = await previewOk(core, fixed);
    expect(again.totals).toMatchObject({ rows: 2, ok: 2, error: 0 });
    expect((await core.ok('imports.commit', { importId: again.importId })).registered).toBe(2);
    expect(count(core, 'SELECT count(*) AS n FROM invoices WHERE active = 1')).toBe(4);
  });
});

describe('Preparing to Release as a pre-filled template', () => {
  it('exports the tab as filtered, escaped, and re-imports once filled in', async () => {
    const [a, b, released] = seedShipments(core.db, [
      { recipient: '=HYPERLINK("evil","x")' },
      { recipient: '+82 김민수' },
      { status: 'RELEASED', invoice: { carrierId: 'kr.lotte', invoiceNo: lotte(30) } },
      {
        status: 'DELIVERED',
        invoice: {
          carrierId: 'kr.lotte',
          invoiceNo: lotte(31),
          events: [{ at: Date.parse('2026-11-19T00:00:00Z'), code: 'DELIVERED' }],
        },
      },
      { country: 'US' },
    ]);
    const out = await core.ok('exports.preparingTemplate', { region: 'domestic' });
    expect(out).toMatchObject({
      rows: 3,
      truncated: false,
      fileName: expect.stringMatching(/^shipdesk-preparing-.*\.xlsx$/),
    });
    const wb = await loadWorkbook(out.bytesBase64);
    const ws = wb.getWorksheet('Invoices')!;
    const byNo = new Map<string, ExcelJS.Row>();
    ws.eachRow((row, n) => {
      if (n > 1) byNo.set(String(row.getCell(1).value), row);
    });
    expect([...byNo.keys()].sort()).toEqual([a, b, released].sort());
    expect(byNo.get(a!)!.getCell(7).value).toBe('\'=HYPERLINK("evil","x")');
    expect(byNo.get(b!)!.getCell(7).value).toBe("'+82 김민수");
    expect(byNo.get(released!)!.getCell(3).value).toBe(lotte(30));

    byNo.get(a!)!.getCell(2).value = cjLabel;
    byNo.get(a!)!.getCell(3).value = cj(40);
    const p = await previewOk(core, Buffer.from(await wb.xlsx.writeBuffer()));
    const rows = new Map(p.rows.map((r) => [r.shipmentNo, r]));
    expect(rows.get(a!)).toMatchObject({ verdict: 'ok', outcome: 'register' });
    expect(rows.get(b!)).toMatchObject({ verdict: 'warning', outcome: 'skip', code: 'NOT_FILLED' });
    expect(rows.get(released!)).toMatchObject({ verdict: 'warning', outcome: 'skip', code: 'ALREADY_REGISTERED' });
    expect((await core.ok('imports.commit', { importId: p.importId })).registered).toBe(1);
  });
});

describe('progress and whole-file refusals through the dispatcher', () => {
  it('pushes reading, checking and done for an upload, echoing its uploadRef', async () => {
    const nos = awaiting(core, 2);
    const events: PushEvent[] = [];
    core.events.on((e) => events.push(e));
    const file = await sheet(
      ENGLISH_HEADER,
      nos.map((no, i) => [no, 'kr.cjlogistics', cj(i + 50)]),
    );
    await core.ok('imports.preview', { fileName: 'x.xlsx', bytesBase64: file.toString('base64'), uploadRef: 'drop-1' });
    const phases = events.flatMap((e) => (e.type === 'imports.progress' ? [[e.uploadRef, e.phase]] : []));
    expect(phases).toEqual([
      ['drop-1', 'reading'],
      ['drop-1', 'checking'],
      ['drop-1', 'done'],
    ]);
  });

  it('answers a refused file with its code and message, and saves nothing', async () => {
    const res = await preview(core, Buffer.from('just some words, not a sheet\n'));
    expect(!res.ok && res.error).toMatchObject({
      code: 'HEADER_MISMATCH',
      message: expect.stringMatching(/Download the template/),
    });
    const bad = await core.call('imports.preview', { fileName: 'x', bytesBase64: '***' });
    expect(!bad.ok && bad.error.code).toBe('INVALID_INPUT');
  });
});

describe('rows read by preview', () => {
  it('are reported by Excel row number, with a title row above the header', async () => {
    const [no] = awaiting(core, 1);
    const file = await sheet(['11월 송장 업로드'], [[], ENGLISH_HEADER, [no!, 'kr.cjlogistics', cj(60)]]);
    const p = await previewOk(core, file);
    expect(p.headerRow).toBe(3);
    expect(byRow(p.rows).get(4)).toMatchObject({ verdict: 'ok', shipmentNo: no });
  });
});
