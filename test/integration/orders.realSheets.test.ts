// Channel sheets as they really come (issue 17, section 1): eBay's Orders report with its summary
// rows, "Sep-29-25" days and report lines; Coupang's older 39-column DeliveryList echoed back cell
// for cell; customers' text that starts like a formula; control characters from any input path.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleInvoiceNumber } from '../../main/core/domain/invoiceNumber';
import { wallToInstant } from '../../main/core/orders/dates';
import { startTestCore, type TestCore } from '../support/core';
import { seedFacets } from '../support/seed';
import { byRow, cj, previewOk as previewInvoicesOk, awaiting } from '../fixtures/excel/desk';
import { ENGLISH_HEADER, sheet, utf8Csv } from '../fixtures/excel/workbooks';
import {
  COUPANG_39_HEADERS,
  COUPANG_HEADERS,
  TEMPLATE_KO_HEADERS,
  coupangSheet,
  ebayCsv,
  foreignLines,
  koreanLines,
  naverSheet,
  type SampleLine,
} from '../fixtures/orders/channelSheets';
import { importOrders, previewOrders, previewOrdersOk } from '../fixtures/orders/desk';

let core: TestCore;
beforeEach(() => {
  core = startTestCore();
  seedFacets(core.db);
});
afterEach(() => core.cleanup());

/** Every cell of a sheet as the text a person sees, rows padded to the header's width. */
async function sheetTexts(bytes: Buffer | string, name: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'base64') : bytes;
  await wb.xlsx.load(new Uint8Array(buf).buffer);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const width = ws.getRow(1).cellCount;
  const rows: string[][] = [];
  ws.eachRow((row) =>
    rows.push(
      Array.from({ length: width }, (_, i) => {
        const v = row.getCell(i + 1).value;
        return v === null || v === undefined ? '' : String(v);
      }),
    ),
  );
  return rows;
}

describe("eBay Seller Hub's Orders report", () => {
  // Four orders, five lines: the second order has two items, so the report writes a summary row
  // above them (no item) and item rows without the address.
  const lines = foreignLines(4, (i) => `12-0999${i}-0000${i}`).slice(0, 5);

  it('imports every line: Sep-29-25 days in the seller zone, addresses from the summary row, report lines skipped', async () => {
    const bytes = ebayCsv(lines);
    const text = bytes.toString('utf8');
    // The fixture is in the report's real shape, not the old tidy one.
    expect(text.split('\r\n')[0]).toMatch(/^,+$/);
    expect(text).toContain('4,record(s) downloaded,from Nov-25-26 to Nov-26-26');
    expect(text).toContain('Seller ID : shipdesk_test');
    expect(text).toContain('"Nov-26-26"');

    const preview = await previewOrdersOk(core, bytes, {
      fileName: 'eBay-OrdersReport.csv',
      dateZone: 'America/Los_Angeles',
    });
    expect(preview.profile.name).toBe('ebay');
    expect(preview.rows.filter((r) => r.verdict === 'error')).toEqual([]);
    expect(preview.totals).toMatchObject({ lines: 5, error: 0, toCreate: 5, orders: 4, shipments: 4 });
    expect(preview.rows.map((r) => r.lineId)).toEqual(lines.map((l) => l.lineId));
    expect(preview.notes.join(' ')).toContain('America/Los_Angeles');

    const committed = await core.ok('orders.commit', { importId: preview.importId });
    expect(committed.created).toEqual({ lines: 5, orders: 4, shipments: 4 });

    const multi = lines.filter((l) => l.orderNo === lines[1]!.orderNo);
    expect(multi).toHaveLength(2);
    const listed = await core.ok('shipments.list', {
      tab: 'preparing',
      search: { field: 'orderNo', text: multi[0]!.orderNo, mode: 'exact' },
    });
    const detail = await core.ok('shipments.get', { shipmentNo: listed.rows[0]!.shipmentNo });
    expect(detail.items.map((i) => [i.lineId, i.productName, i.quantity])).toEqual(
      multi.map((l) => [l.lineId, l.productName, l.quantity]),
    );
    expect(detail.recipient.name).toBe(multi[0]!.recipient);
    expect(detail.buyerName).toBe(multi[0]!.buyer);
    expect(detail.address.line1).toBe(`${multi[0]!.address1} ${multi[0]!.address2}`);
    expect(detail.address.country).toBe('US');
    // Nov-26-26 is midnight in Los Angeles (UTC-8 in November).
    expect(detail.orderedAt).toBe('2026-11-26T08:00:00.000Z');

    // And the tracking file names every line of the report.
    for (const [i, no] of committed.shipmentNos.entries()) {
      await core.ok('invoices.register', {
        shipmentNo: no,
        carrierId: 'us.ups',
        invoiceNo: sampleInvoiceNumber('us.ups', 40 + i),
      });
    }
    const file = await core.ok('exports.invoices', { channel: 'ebay', shipmentNos: committed.shipmentNos });
    expect(file.rows).toBe(5);
  });

  it("reads the days in this computer's time zone when the operator chose none", async () => {
    const preview = await previewOrdersOk(core, ebayCsv(lines), { fileName: 'eBay-OrdersReport.csv' });
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(preview.totals).toMatchObject({ lines: 5, error: 0 });
    expect(preview.notes.join(' ')).toContain(zone);
    await core.ok('orders.commit', { importId: preview.importId });
    const listed = await core.ok('shipments.list', {
      tab: 'preparing',
      search: { field: 'orderNo', text: lines[1]!.orderNo, mode: 'exact' },
    });
    const detail = await core.ok('shipments.get', { shipmentNo: listed.rows[0]!.shipmentNo });
    const midnight = wallToInstant({ y: 2026, mo: 11, d: 26, h: 0, mi: 0, s: 0 }, zone);
    expect(detail.orderedAt).toBe(new Date(midnight).toISOString());
  });

  it('remembers the zone chosen for the profile once a sheet read in it is imported', async () => {
    const first = await previewOrdersOk(core, ebayCsv(lines), { dateZone: 'Asia/Tokyo' });
    expect(first.notes.join(' ')).toContain('Asia/Tokyo');
    // A preview alone changes nothing: the next sheet is still read in the computer's zone.
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const later = foreignLines(2, (i) => `12-0777${i}-0000${i}`);
    expect((await previewOrdersOk(core, ebayCsv(later))).notes.join(' ')).toContain(zone);

    await core.ok('orders.commit', {
      importId: (await previewOrdersOk(core, ebayCsv(lines), { dateZone: 'Asia/Tokyo' })).importId,
    });
    const next = await previewOrdersOk(core, ebayCsv(later));
    expect(next.notes.join(' ')).toContain('Asia/Tokyo');
    await core.ok('orders.commit', { importId: next.importId });
    const listed = await core.ok('shipments.list', {
      tab: 'preparing',
      search: { field: 'orderNo', text: later[1]!.orderNo, mode: 'exact' },
    });
    const detail = await core.ok('shipments.get', { shipmentNo: listed.rows[0]!.shipmentNo });
    // Nov-26-26 is midnight in Tokyo: 15:00 UTC the day before.
    expect(detail.orderedAt).toBe('2026-11-25T15:00:00.000Z');
  });
});

describe("Coupang's DeliveryList, echoed back", () => {
  async function echo(columns: 39 | 40): Promise<{ download: string[][]; upload: string[][] }> {
    const bytes = await coupangSheet(koreanLines(3), { columns });
    const result = await importOrders(core, bytes);
    for (const [i, no] of result.shipmentNos.entries())
      await core.ok('invoices.register', { shipmentNo: no, carrierId: 'kr.cjlogistics', invoiceNo: cj(60 + i) });
    const file = await core.ok('exports.invoices', { channel: 'coupang', date: '2026-11-26' });
    expect(file.warnings.filter((w) => w.includes('layout'))).toEqual([]);
    return { download: await sheetTexts(bytes, 'Delivery'), upload: await sheetTexts(file.bytesBase64, 'Delivery') };
  }

  for (const columns of [39, 40] as const) {
    it(`the ${columns}-column file: the same headers in the same order, every cell kept, 택배사 and 운송장번호 filled`, async () => {
      const { download, upload } = await echo(columns);
      const headers = columns === 39 ? COUPANG_39_HEADERS : COUPANG_HEADERS;
      expect(headers).toHaveLength(columns);
      expect(download[0]).toEqual(headers);
      expect(upload[0]).toEqual(download[0]);
      expect(upload).toHaveLength(download.length);
      const carrier = headers.indexOf('택배사');
      const number = headers.indexOf('운송장번호');
      const downloaded = new Map(download.slice(1).map((r) => [r[0], r]));
      for (const row of upload.slice(1)) {
        const original = downloaded.get(row[0]!);
        expect(original).toBeDefined();
        expect(row[carrier]).toBe('CJ대한통운');
        expect(row[number]).toMatch(/^\d{12}$/);
        const rest = (r: string[]) => r.filter((_, i) => i !== carrier && i !== number);
        expect(rest(row)).toEqual(rest(original!));
      }
      if (columns === 39) {
        const col = headers.indexOf('최초등록옵션명');
        expect(upload.slice(1).every((r) => r[col] !== '')).toBe(true);
      }
    });
  }
});

describe("Coupang's DeliveryList, lines of different downloads", () => {
  it('a day with 39- and 40-column lines gives a sheet per layout; a line kept before whole rows were gets the 40 columns', async () => {
    const older = await importOrders(core, await coupangSheet(koreanLines(1, '3300'), { columns: 39 }));
    const newer = await importOrders(core, await coupangSheet(koreanLines(1, '4400')));
    const legacy = await importOrders(core, await coupangSheet(koreanLines(1, '5500')));
    // How a line imported before this change kept its cells: non-blank cells by header.
    core.db
      .prepare(
        `UPDATE order_items SET source_json = ? WHERE shipment_id = (SELECT id FROM shipments WHERE shipment_no = ?)`,
      )
      .run(JSON.stringify({ 결제액: '19800', 배송유형: '판매자배송' }), legacy.shipmentNos[0]!);
    const nos = [...older.shipmentNos, ...newer.shipmentNos, ...legacy.shipmentNos];
    for (const [i, no] of nos.entries())
      await core.ok('invoices.register', { shipmentNo: no, carrierId: 'kr.cjlogistics', invoiceNo: cj(70 + i) });
    const file = await core.ok('exports.invoices', { channel: 'coupang', shipmentNos: nos });
    expect(file.rows).toBe(3);
    expect(file.warnings.join(' ')).toMatch(/3 different download layouts/);
    const sheets = await Promise.all(
      ['Delivery', 'Delivery (2)', 'Delivery (3)'].map((name) => sheetTexts(file.bytesBase64, name)),
    );
    const byWidth = new Map(sheets.map((rows) => [rows[0]!.length, rows]));
    expect(byWidth.get(39)![0]).toEqual(COUPANG_39_HEADERS);
    const forty = sheets.filter((rows) => rows[0]!.length === 40);
    expect(forty).toHaveLength(2);
    for (const rows of forty) expect(rows[0]).toEqual(COUPANG_HEADERS);
    const legacyRow = forty
      .map((rows) => rows[1]!)
      .find((r) => r[COUPANG_HEADERS.indexOf('주문번호')]!.startsWith('5500'));
    expect(legacyRow![COUPANG_HEADERS.indexOf('결제액')]).toBe('19800');
    expect(legacyRow![COUPANG_HEADERS.indexOf('운송장번호')]).toBe(cj(72));
  });
});

/** Three Korean orders of one line each (koreanLines gives order i (i % 3) + 1 lines). */
function oneLineOrders(): [SampleLine, SampleLine, SampleLine] {
  const lines = koreanLines(7);
  const [a, b, c] = lines.filter((l) => lines.filter((o) => o.orderNo === l.orderNo).length === 1);
  return [a!, b!, c!];
}

/** Korean orders (one line each) whose customers typed text that starts like a formula. */
function formulaLookingLines(): SampleLine[] {
  const [a, b, c] = oneLineOrders();
  return [
    { ...a, memo: '==부재시 경비실에 맡겨주세요==', buyer: '=김민준', recipient: '@이서연' },
    { ...b, address1: '-서울특별시 강남구 테헤란로 101', productName: '+1 추가구성 티셔츠', option: '=블랙 / L' },
    c,
  ];
}

describe("Customers' free text is data", () => {
  it('a memo, name, address, option or product name starting with = + - @ is imported as written and neutralised on export', async () => {
    const lines = formulaLookingLines();
    const preview = await previewOrdersOk(core, await naverSheet(lines));
    expect(preview.rows.filter((r) => r.verdict === 'error')).toEqual([]);
    expect(preview.totals.toCreate).toBe(preview.totals.lines);
    await core.ok('orders.commit', { importId: preview.importId });

    const shipment = async (orderNo: string) => {
      const listed = await core.ok('shipments.list', {
        tab: 'preparing',
        search: { field: 'orderNo', text: orderNo, mode: 'exact' },
      });
      return core.ok('shipments.get', { shipmentNo: listed.rows[0]!.shipmentNo });
    };
    const first = await shipment(lines[0]!.orderNo);
    expect(first.memo).toBe('==부재시 경비실에 맡겨주세요==');
    expect(first.recipient.name).toBe('@이서연');
    expect(first.buyerName).toBe('=김민준');
    const second = await shipment(lines[1]!.orderNo);
    expect(second.address.line1.startsWith('-서울특별시')).toBe(true);
    expect(second.items[0]).toMatchObject({ productName: '+1 추가구성 티셔츠', optionName: '=블랙 / L' });

    // Every file Shipdesk writes keeps them inert (escapeCell's apostrophe).
    const grid = await core.ok('exports.grid', { query: { tab: 'preparing' }, format: 'csv' });
    const csv = Buffer.from(grid.bytesBase64 ?? '', 'base64').toString('utf8');
    expect(csv).toContain("'@이서연");
    expect(csv).not.toMatch(/(^|,)@이서연/m);
  });

  it('a real formula cell is still refused, and so is an invoice number typed as "=…"', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(TEMPLATE_KO_HEADERS.concat('배송메모'));
    const [l] = koreanLines(1);
    ws.addRow([
      l!.orderNo,
      l!.lineId,
      '2026-11-26',
      l!.buyer,
      l!.recipient,
      l!.phone,
      l!.postal,
      l!.address1,
      l!.address2,
      l!.productId,
      l!.productName,
      '',
      1,
      { formula: 'HYPERLINK("http://x","문 앞")', result: '문 앞' },
    ]);
    const preview = await previewOrdersOk(core, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(preview.rows[0]).toMatchObject({ verdict: 'error', code: 'FORMULA_CELL' });

    const [no] = awaiting(core, 1);
    const invoices = await previewInvoicesOk(core, await sheet(ENGLISH_HEADER, [[no!, 'CJ대한통운', '=1+2']]));
    expect(byRow(invoices.rows).get(2)).toMatchObject({ verdict: 'error', code: 'FORMULA_CELL' });
  });
});

describe('Control characters, one rule for every input path', () => {
  it('an xlsx order sheet: NUL and lone surrogates refuse the line naming the column, bidi controls are stripped', async () => {
    const [a, b, c] = oneLineOrders();
    const lines = [
      { ...a, memo: '문 앞_x0000_에 놓아주세요' },
      { ...b, recipient: '이서연\u202E\u2066' },
      { ...c, address2: '3층 _xD800_' },
    ];
    const [d] = koreanLines(1, '2026112699');
    lines.push({ ...d!, orderedAt: '2026-11-26_x0000_ 10:00:00' });
    const preview = await previewOrdersOk(core, await naverSheet(lines));
    const byLine = new Map(preview.rows.map((r) => [r.lineId, r]));
    expect(byLine.get(a.lineId)).toMatchObject({ verdict: 'error', code: 'CONTROL_CHARACTER' });
    expect(byLine.get(a.lineId)!.message).toContain('배송메세지');
    expect(byLine.get(c.lineId)).toMatchObject({ verdict: 'error', code: 'CONTROL_CHARACTER' });
    expect(byLine.get(c.lineId)!.message).toContain('통합배송지');
    expect(byLine.get(b.lineId)).toMatchObject({ outcome: 'create' });
    // A date is checked before a message could quote it.
    expect(byLine.get(d!.lineId)).toMatchObject({ verdict: 'error', code: 'CONTROL_CHARACTER' });
    expect(byLine.get(d!.lineId)!.message).toContain('주문일시');
    await core.ok('orders.commit', { importId: preview.importId });
    const listed = await core.ok('shipments.list', {
      tab: 'preparing',
      search: { field: 'orderNo', text: b.orderNo, mode: 'exact' },
    });
    expect(listed.rows[0]!.recipientName).toBe('이서연');
    const grid = await core.ok('exports.grid', { query: { tab: 'preparing' }, format: 'csv' });
    expect(Buffer.from(grid.bytesBase64 ?? '', 'base64').toString('utf8')).not.toMatch(
      /[\u202A-\u202E\u2066-\u2069\u0000]/,
    );
  });

  it('a CSV order sheet and a Coupang row kept for the upload file follow the same rule', async () => {
    const [l] = koreanLines(1);
    const row = (recipient: string) => [
      l!.orderNo,
      l!.lineId,
      '2026-11-26',
      l!.buyer,
      recipient,
      l!.phone,
      l!.postal,
      l!.address1,
      '',
      l!.productId,
      l!.productName,
      '',
      '1',
    ];
    const preview = await previewOrdersOk(core, utf8Csv([TEMPLATE_KO_HEADERS, row('\u2067김민준\u2069\u202E')]), {
      fileName: 'orders.csv',
    });
    expect(preview.rows[0]).toMatchObject({ outcome: 'create' });
    await core.ok('orders.commit', { importId: preview.importId });
    const listed = await core.ok('shipments.list', {
      tab: 'preparing',
      search: { field: 'orderNo', text: l!.orderNo, mode: 'exact' },
    });
    expect(listed.rows[0]!.recipientName).toBe('김민준');
    // A NUL makes a CSV binary: the whole file is refused before any line is read.
    const nul = await previewOrders(core, utf8Csv([TEMPLATE_KO_HEADERS, row('김\u0000민준')]), {
      fileName: 'orders.csv',
    });
    expect(nul.ok).toBe(false);

    // A column no field reads, kept only for Coupang's upload file, is checked too.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await coupangSheet(koreanLines(1))).buffer);
    const ws = wb.getWorksheet('Delivery')!;
    ws.getRow(2).getCell(COUPANG_HEADERS.indexOf('기타') + 1).value = '메모_x0000_';
    ws.getRow(2).getCell(COUPANG_HEADERS.indexOf('상품별 추가메시지') + 1).value = '선물\u202E포장';
    const coupang = await previewOrdersOk(core, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(coupang.rows[0]).toMatchObject({ verdict: 'error', code: 'CONTROL_CHARACTER' });
    expect(coupang.rows[0]!.message).toContain('기타');
  });

  it('an invoice sheet refuses a NUL by row, and the API refuses a lone surrogate and strips bidi controls', async () => {
    const [no] = awaiting(core, 1);
    const invoices = await previewInvoicesOk(core, await sheet(ENGLISH_HEADER, [[no!, 'CJ대한통운_x0000_', cj(7)]]));
    expect(byRow(invoices.rows).get(2)).toMatchObject({ verdict: 'error', code: 'CONTROL_CHARACTER' });

    const address = { country: 'KR', postalCode: '06236', line1: '서울특별시 강남구 테헤란로 1', line2: '' };
    const refused = await core.call('shipments.updateAddress', {
      shipmentNo: no!,
      address: { ...address, line2: '3층\uD800' },
    });
    expect(!refused.ok && refused.error.code).toBe('INVALID_INPUT');
    const stripped = await core.ok('shipments.updateAddress', {
      shipmentNo: no!,
      address: { ...address, line2: '3\u202E층' },
    });
    expect(stripped.address.line2).toBe('3층');
  });
});
