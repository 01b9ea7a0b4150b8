// Upload rows the channel would refuse are left out of its file and counted by reason
// (docs/ORDERS.md, "Tracking numbers out"): a Naver line without Naver's own 상품주문번호, a
// Coupang line without its 묶음배송번호.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../support/core';
import { seedFacets, seedShipments } from '../support/seed';
import { cj } from '../fixtures/excel/desk';
import { coupangSheet, koreanLines, naverSheet } from '../fixtures/orders/channelSheets';
import { importOrders } from '../fixtures/orders/desk';

let core: TestCore;
beforeEach(() => {
  core = startTestCore();
  seedFacets(core.db);
});
afterEach(() => core.cleanup());

/** The file's one sheet, every cell as text (a second sheet would be a second upload). */
async function sheetRows(bytesBase64: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(Buffer.from(bytesBase64, 'base64')).buffer);
  expect(wb.worksheets).toHaveLength(1);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

/** An order typed in (not from the channel's sheet), marked as the channel's, with a number. */
async function enteredOrder(channel: string, n: number): Promise<string> {
  const [no] = seedShipments(core.db, [{}]);
  core.db
    .prepare('UPDATE orders SET channel = ? WHERE id = (SELECT order_id FROM shipments WHERE shipment_no = ?)')
    .run(channel, no);
  await core.ok('invoices.register', { shipmentNo: no!, carrierId: 'kr.cjlogistics', invoiceNo: cj(n) });
  return no!;
}

describe('rows the channel would refuse', () => {
  it('Naver: a line without its 상품주문번호 from a Naver sheet is left out and counted', async () => {
    const imported = await importOrders(core, await naverSheet(koreanLines(1)));
    await core.ok('invoices.register', {
      shipmentNo: imported.shipmentNos[0]!,
      carrierId: 'kr.cjlogistics',
      invoiceNo: cj(70),
    });
    await enteredOrder('naver', 71);
    const file = await core.ok('exports.invoices', { channel: 'naver', date: '2026-11-26' });
    const rows = await sheetRows(file.bytesBase64);
    expect(rows.map((r) => r[3])).toEqual(['송장번호', cj(70)]);
    expect(file.rows).toBe(1);
    expect(file.leftOut).toEqual([{ code: 'NO_CHANNEL_LINE_ID', count: 1 }]);
  });

  it('Coupang: a line with a blank 묶음배송번호 is left out and counted', async () => {
    const imported = await importOrders(core, await coupangSheet(koreanLines(1)));
    await core.ok('invoices.register', {
      shipmentNo: imported.shipmentNos[0]!,
      carrierId: 'kr.cjlogistics',
      invoiceNo: cj(72),
    });
    await enteredOrder('coupang', 73);
    await enteredOrder('coupang', 74);
    const file = await core.ok('exports.invoices', { channel: 'coupang', date: '2026-11-26' });
    const rows = await sheetRows(file.bytesBase64);
    const invoiceColumn = rows[0]!.indexOf('운송장번호');
    expect(rows.slice(1).map((r) => r[invoiceColumn])).toEqual([cj(72)]);
    expect(file.leftOut).toEqual([{ code: 'NO_BUNDLE_NO', count: 2 }]);
  });

  it('the generic layout keeps every line', async () => {
    await enteredOrder('naver', 75);
    const file = await core.ok('exports.invoices', { channel: 'generic', date: '2026-11-26' });
    expect(file.rows).toBe(1);
    expect(file.leftOut).toEqual([]);
  });
});
