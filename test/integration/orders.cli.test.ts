// `shipdesk import-orders`, `template --orders`, `export-invoices` and `export` from the built CLI
// (dist/, with the built worker): exit codes 0/1/2 and the JSON each prints.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_FIELDS } from '../../shared/api/contract';
import { openDatabase } from '../../main/core/db/open';
import { tempDir } from '../support/core';
import { seedFacets } from '../support/seed';
import { cj } from '../fixtures/excel/desk';
import { ebayCsv, foreignKoreanSheet, foreignLines, koreanLines, naverSheet } from '../fixtures/orders/channelSheets';

const repo = path.resolve(__dirname, '../..');
const bin = path.join(repo, 'bin/shipdesk.cjs');
let dir: string;

/** A desk of its own for each test: a fresh database with the facets. */
function freshDesk(name: string): string {
  const file = path.join(dir, `${name}.db`);
  const handle = openDatabase(file);
  seedFacets(handle);
  handle.close();
  return file;
}

function shipdesk(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(stdout: string): Record<string, unknown> {
  expect(stdout.trim().split('\n')).toHaveLength(1);
  const value: unknown = JSON.parse(stdout);
  if (!value || typeof value !== 'object') throw new Error('not a JSON object');
  return Object.fromEntries(Object.entries(value));
}

const lines = koreanLines(2, '9100');

beforeAll(async () => {
  for (const built of ['dist/main/cli.cjs', 'dist/main/importWorker.cjs']) {
    if (!fs.existsSync(path.join(repo, built)))
      throw new Error(`${built} is missing: run \`npm run build\` first (npm test does).`);
  }
  dir = tempDir('shipdesk-orders-cli-');
  fs.writeFileSync(path.join(dir, 'naver.xlsx'), await naverSheet(lines, { password: '2468' }));
  fs.writeFileSync(path.join(dir, 'wholesale.xlsx'), await foreignKoreanSheet(koreanLines(1, '9200')));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('template --orders', () => {
  it('writes the order template', async () => {
    const r = shipdesk('template', '--orders', '--out', 'orders.xlsx');
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({ ok: true, file: path.join(dir, 'orders.xlsx') });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'orders.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Orders', 'Guide']);
  });
});

describe('import-orders', () => {
  it('exits 1 with the code when the password is missing or wrong', () => {
    const db = freshDesk('password');
    const missing = shipdesk('import-orders', 'naver.xlsx', '--db', db);
    expect(missing.code).toBe(1);
    expect(json(missing.stdout)).toMatchObject({
      ok: false,
      error: { code: 'FILE_ENCRYPTED' },
      profile: null,
      rows: [],
    });
    const wrong = shipdesk('import-orders', 'naver.xlsx', '--db', db, '--password', '1111');
    expect(wrong.code).toBe(1);
    expect(json(wrong.stdout)).toMatchObject({ ok: false, error: { code: 'FILE_PASSWORD_WRONG' } });
  });

  it('previews, then commits, printing the profile, totals and a verdict per line', () => {
    const db = freshDesk('commit');
    const preview = shipdesk('import-orders', 'naver.xlsx', '--db', db, '--password', '2468');
    expect(preview.code).toBe(0);
    const p = json(preview.stdout);
    expect(p).toMatchObject({ ok: true, committed: false, profile: 'naver', totals: { lines: 3, toCreate: 3 } });
    expect(p.rows).toEqual(
      lines.map((l, i) => expect.objectContaining({ row: i + 3, orderNo: l.orderNo, verdict: 'ok' })),
    );

    const commit = shipdesk(
      'import-orders',
      'naver.xlsx',
      '--db',
      db,
      '--password',
      '2468',
      '--commit',
      '--operator',
      'kim',
    );
    expect(commit.code).toBe(0);
    const c = json(commit.stdout);
    expect(c).toMatchObject({
      ok: true,
      committed: true,
      profile: 'naver',
      created: { lines: 3, orders: 2, shipments: 2 },
    });
    expect(c.shipmentNos).toHaveLength(2);

    const again = shipdesk('import-orders', 'naver.xlsx', '--db', db, '--password', '2468', '--commit');
    expect(json(again.stdout)).toMatchObject({ created: { lines: 0 }, alreadyPresent: 3 });
  });

  it('refuses an exchange whose original is refused in the same sheet, saying why, and commits the rest', async () => {
    const db = freshDesk('exchange');
    expect(shipdesk('template', '--orders', '--out', 'exchange.xlsx').code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'exchange.xlsx'));
    const ws = wb.getWorksheet('Orders');
    if (!ws) throw new Error('the order template has no Orders sheet');
    const order = {
      orderedAt: '2026.11.25 16:20',
      recipientName: '김민준',
      addressLine1: '서울특별시 강남구 테헤란로 1',
      productName: '코튼 티셔츠',
      quantity: 1,
      lineId: '1',
    };
    const rows: Partial<Record<(typeof ORDER_FIELDS)[number], string | number>>[] = [
      { ...order, orderNo: 'A-500', quantity: 'two' },
      { ...order, orderNo: 'X-500', claim: '교환', originalOrderNo: 'A-500' },
      { ...order, orderNo: 'G-500' },
    ];
    rows.forEach((r, i) =>
      ORDER_FIELDS.forEach((f, c) => {
        const v = r[f];
        if (v !== undefined) ws.getRow(i + 2).getCell(c + 1).value = v;
      }),
    );
    await wb.xlsx.writeFile(path.join(dir, 'exchange.xlsx'));

    const r = shipdesk('import-orders', 'exchange.xlsx', '--db', db, '--commit');
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expect(out).toMatchObject({ ok: true, committed: true, created: { lines: 1, orders: 1, shipments: 1 } });
    expect(out.rows).toEqual([
      expect.objectContaining({ row: 2, orderNo: 'A-500', verdict: 'error', code: 'INVALID_QUANTITY' }),
      expect.objectContaining({
        row: 3,
        orderNo: 'X-500',
        verdict: 'error',
        code: 'ORIGINAL_NOT_FOUND',
        message: expect.stringMatching(
          /^The original order A-500 of this exchange was refused in this same sheet \(row 2: The quantity "two"/,
        ),
      }),
      expect.objectContaining({ row: 4, orderNo: 'G-500', verdict: 'ok' }),
    ]);
  });

  it('exits 1 with PROFILE_UNKNOWN for an unknown layout, and maps it headless with --map', () => {
    const db = freshDesk('mapping');
    const unknown = shipdesk('import-orders', 'wholesale.xlsx', '--db', db);
    expect(unknown.code).toBe(1);
    expect(json(unknown.stdout)).toMatchObject({
      ok: false,
      error: { code: 'PROFILE_UNKNOWN', details: { headerRow: 1 } },
    });
    const map = JSON.stringify({
      받는분: 'recipientName',
      품목: 'productName',
      '주문 번호': 'orderNo',
      개수: 'quantity',
      '배송지 주소': 'addressLine1',
      주문일자: 'orderedAt',
    });
    const mapped = shipdesk('import-orders', 'wholesale.xlsx', '--db', db, '--map', map, '--channel', 'own');
    expect(mapped.code).toBe(0);
    expect(json(mapped.stdout)).toMatchObject({ ok: true, profile: 'mapping', channel: 'own', totals: { error: 0 } });
  });

  it("reads an eBay report's days in the zone --date-zone names, and refuses a zone it does not know", () => {
    const db = freshDesk('ebay');
    fs.writeFileSync(path.join(dir, 'ebay.csv'), ebayCsv(foreignLines(2, (i) => `12-0888${i}-0000${i}`)));
    const read = shipdesk('import-orders', 'ebay.csv', '--db', db, '--date-zone', 'America/Los_Angeles', '--commit');
    expect(read.code).toBe(0);
    const r = json(read.stdout);
    expect(r).toMatchObject({ ok: true, profile: 'ebay', created: { lines: 3, orders: 2 } });
    expect(JSON.stringify(r.notes)).toContain('America/Los_Angeles');
    const unknown = shipdesk('import-orders', 'ebay.csv', '--db', db, '--date-zone', 'Mars/Olympus');
    expect(unknown.code).toBe(1);
    expect(json(unknown.stdout)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('exits 2 on bad usage', () => {
    const db = freshDesk('usage');
    expect(shipdesk('import-orders', 'naver.xlsx').code).toBe(2);
    expect(shipdesk('import-orders', '--db', db).code).toBe(2);
    expect(shipdesk('import-orders', 'naver.xlsx', '--db', db, '--map', '{not json').code).toBe(2);
    const badField = shipdesk('import-orders', 'wholesale.xlsx', '--db', db, '--map', '{"받는분":"receiver"}');
    expect(badField.code).toBe(2);
    expect(badField.stderr).toMatch(/--map must be/);
    expect(shipdesk('import-orders', 'nofile.xlsx', '--db', db).code).toBe(2);
  });
});

describe('export-invoices and export', () => {
  it("writes the channel's upload file for a day and the grid as filtered", async () => {
    const db = freshDesk('exports');
    const imported = shipdesk('import-orders', 'naver.xlsx', '--db', db, '--password', '2468', '--commit');
    expect(imported.code).toBe(0);
    const listed = shipdesk('call', 'shipments.list', '{"tab":"preparing","limit":5}', '--db', db);
    const first = (JSON.parse(listed.stdout) as { value: { rows: { shipmentNo: string }[] } }).value.rows[0]!
      .shipmentNo;
    const reg = shipdesk(
      'call',
      'invoices.register',
      JSON.stringify({ shipmentNo: first, carrierId: 'kr.cjlogistics', invoiceNo: cj(301) }),
      '--db',
      db,
    );
    expect(reg.code).toBe(0);
    // The CLI registers at the machine's time: the day is read back from the invoice, in Seoul time.
    const registeredAt = (JSON.parse(reg.stdout) as { value: { shipment: { invoice: { registeredAt: string } } } })
      .value.shipment.invoice.registeredAt;
    const today = new Date(Date.parse(registeredAt) + 9 * 3600_000).toISOString().slice(0, 10);
    const out = shipdesk(
      'export-invoices',
      '--channel',
      'naver',
      '--date',
      today,
      '--db',
      db,
      '--out',
      'naver-upload.xlsx',
    );
    expect(out.code).toBe(0);
    const o = json(out.stdout);
    expect(o).toMatchObject({ ok: true, file: path.join(dir, 'naver-upload.xlsx'), warnings: [] });
    expect(Number(o.rows)).toBeGreaterThan(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'naver-upload.xlsx'));
    expect(wb.getWorksheet('발송처리')?.getRow(2).getCell(4).value).toBe(cj(301));

    const grid = shipdesk('export', '--db', db, '--out', 'grid.csv', '--query', '{"tab":"preparing","limit":20}');
    expect(grid.code).toBe(0);
    expect(json(grid.stdout)).toMatchObject({ ok: true, rows: 2, truncated: false });
    expect(fs.readFileSync(path.join(dir, 'grid.csv'), 'utf8').split('\r\n').filter(Boolean)).toHaveLength(3);

    expect(shipdesk('export-invoices', '--channel', 'kakao', '--date', today, '--db', db, '--out', 'x.xlsx').code).toBe(
      2,
    );
    expect(shipdesk('export', '--db', db, '--out', 'grid.txt').code).toBe(2);
    expect(shipdesk('export', '--db', db, '--out', 'g.csv', '--query', '{"tab":"nowhere"}').code).toBe(2);
  });

  it('export streams to --out; a refused export leaves the file that was there, and no half file', async () => {
    const db = freshDesk('export-stream');
    const imported = shipdesk('import-orders', 'naver.xlsx', '--db', db, '--password', '2468', '--commit');
    expect(imported.code).toBe(0);

    const written = shipdesk('export', '--db', db, '--out', 'grid.xlsx');
    expect(written.code).toBe(0);
    const answer = json(written.stdout);
    expect(answer).toMatchObject({ ok: true, rows: 2, truncated: false, file: path.join(dir, 'grid.xlsx') });
    expect(answer).not.toHaveProperty('bytesBase64');
    expect(answer.bytes).toBe(fs.statSync(path.join(dir, 'grid.xlsx')).size);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'grid.xlsx'));
    const orderNos = [2, 3].map((r) => String(wb.worksheets[0]?.getRow(r).getCell(2).value));
    expect(orderNos.sort()).toEqual([...new Set(lines.map((l) => l.orderNo))].sort());

    const before = fs.readFileSync(path.join(dir, 'grid.xlsx'));
    const refused = shipdesk('export', '--db', db, '--out', 'grid.xlsx', '--query', '{"claim":"sometimes"}');
    expect(refused.code).toBe(2);
    expect(json(refused.stdout)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(fs.readFileSync(path.join(dir, 'grid.xlsx')).equals(before)).toBe(true);
    expect(fs.existsSync(path.join(dir, 'grid.xlsx.partial'))).toBe(false);

    const nowhere = shipdesk('export', '--db', db, '--out', path.join(dir, 'no-such-folder', 'grid.csv'));
    // The command line was fine; the disk refused: the envelope, exit 1 (main/core/files/operatorFile.ts).
    expect(nowhere.code).toBe(1);
    expect(json(nowhere.stdout)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('its folder does not exist') },
    });
  });
});
