// Splitting an order's parcel and merging it back; each parcel registered on its own, and the
// channel's upload file giving each line the number of the parcel it left in.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../support/core';
import { seedFacets } from '../support/seed';
import { cj, lotte } from '../fixtures/excel/desk';
import { koreanLines, naverSheet } from '../fixtures/orders/channelSheets';
import { importOrders } from '../fixtures/orders/desk';

let core: TestCore;
beforeEach(() => {
  core = startTestCore();
  seedFacets(core.db);
});
afterEach(() => core.cleanup());

/** One Naver order with three lines (the third order of koreanLines has three). */
async function threeLineOrder() {
  const lines = koreanLines(3).filter((l) => l.orderNo.endsWith('0003'));
  expect(lines).toHaveLength(3);
  const result = await importOrders(core, await naverSheet(lines));
  return { lines, shipmentNo: result.shipmentNos[0]! };
}

async function sheetRows(bytesBase64: string, sheetName: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(Buffer.from(bytesBase64, 'base64')).buffer);
  const ws = wb.getWorksheet(sheetName);
  if (!ws) throw new Error(`no sheet ${sheetName}`);
  const rows: string[][] = [];
  ws.eachRow((row) =>
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))),
  );
  return rows;
}

describe('split', () => {
  it('three lines in two parcels, each registered, and the Naver upload file gives each line its own number', async () => {
    const { lines, shipmentNo } = await threeLineOrder();
    const third = lines[2]!;
    const moved = await core.ok('shipments.split', {
      shipmentNo,
      lines: [{ lineId: third.lineId, quantity: third.quantity }],
    });
    expect(moved.shipmentNo).not.toBe(shipmentNo);
    expect(moved.items.map((i) => i.lineId)).toEqual([third.lineId]);
    expect(moved.siblingShipmentNos).toEqual([shipmentNo]);
    const kept = await core.ok('shipments.get', { shipmentNo });
    expect(kept.items.map((i) => i.lineId)).toEqual([lines[0]!.lineId, lines[1]!.lineId]);
    expect(kept.siblingShipmentNos).toEqual([moved.shipmentNo]);

    await core.ok('invoices.register', { shipmentNo, carrierId: 'kr.cjlogistics', invoiceNo: cj(31) });
    await core.ok('invoices.register', {
      shipmentNo: moved.shipmentNo,
      carrierId: 'kr.cjlogistics',
      invoiceNo: cj(32),
    });

    const file = await core.ok('exports.invoices', { channel: 'naver', date: '2026-11-26' });
    expect(file.fileName).toMatch(/\.xlsx$/);
    expect(file.rows).toBe(3);
    expect(file.warnings).toEqual([]);
    expect(await sheetRows(file.bytesBase64, '발송처리')).toEqual([
      ['상품주문번호', '배송방법', '택배사', '송장번호'],
      [lines[0]!.lineId, '택배,등기,소포', 'CJ대한통운', cj(31)],
      [lines[1]!.lineId, '택배,등기,소포', 'CJ대한통운', cj(31)],
      [third.lineId, '택배,등기,소포', 'CJ대한통운', cj(32)],
    ]);

    const history = await core.ok('invoices.history', { shipmentNo: moved.shipmentNo });
    expect(history.map((h) => h.action)).toEqual(['registered', 'split']);
    expect(history[1]!.before).toEqual({ shipmentNos: [shipmentNo] });
  });

  it("moves part of a line's quantity, and says when a carrier name is not confirmed for the channel", async () => {
    const { lines, shipmentNo } = await threeLineOrder();
    const two = lines.find((l) => l.quantity === 2)!;
    const moved = await core.ok('shipments.split', { shipmentNo, lines: [{ lineId: two.lineId, quantity: 1 }] });
    expect(moved.items).toEqual([expect.objectContaining({ lineId: two.lineId, quantity: 1 })]);
    const kept = await core.ok('shipments.get', { shipmentNo });
    expect(kept.items.find((i) => i.lineId === two.lineId)?.quantity).toBe(1);

    await core.ok('invoices.register', { shipmentNo, carrierId: 'kr.cjlogistics', invoiceNo: cj(41) });
    await core.ok('invoices.register', { shipmentNo: moved.shipmentNo, carrierId: 'kr.lotte', invoiceNo: lotte(42) });
    const file = await core.ok('exports.invoices', { channel: 'naver', shipmentNos: [shipmentNo, moved.shipmentNo] });
    expect(file.rows).toBe(4);
    expect(file.warnings.join(' ')).toMatch(/spelling of the carrier "롯데택배" is not confirmed/);
    expect(file.warnings.join(' ')).toMatch(new RegExp(`Line ${two.lineId} .* is split across`));
  });

  it('refuses what cannot be split', async () => {
    const { lines, shipmentNo } = await threeLineOrder();
    const all = lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity }));
    const everything = await core.call('shipments.split', { shipmentNo, lines: all });
    expect(!everything.ok && everything.error.message).toMatch(/leaves at least one piece/);
    const tooMany = await core.call('shipments.split', {
      shipmentNo,
      lines: [{ lineId: lines[0]!.lineId, quantity: 9 }],
    });
    expect(!tooMany.ok && tooMany.error.code).toBe('INVALID_INPUT');
    const unknown = await core.call('shipments.split', { shipmentNo, lines: [{ lineId: 'nope', quantity: 1 }] });
    expect(!unknown.ok && unknown.error.message).toMatch(/Line nope is not on/);
    await core.ok('invoices.register', { shipmentNo, carrierId: 'kr.cjlogistics', invoiceNo: cj(51) });
    const shipped = await core.call('shipments.split', {
      shipmentNo,
      lines: [{ lineId: lines[0]!.lineId, quantity: 1 }],
    });
    expect(!shipped.ok && shipped.error.code).toBe('INVALID_STATE');
  });
});

describe('merge', () => {
  it('merges back while no parcel has an invoice, and never hands a merged-away number out again', async () => {
    const { lines, shipmentNo } = await threeLineOrder();
    const a = await core.ok('shipments.split', {
      shipmentNo,
      lines: [{ lineId: lines[2]!.lineId, quantity: lines[2]!.quantity }],
    });
    const merged = await core.ok('shipments.merge', { shipmentNos: [a.shipmentNo, shipmentNo] });
    expect(merged.shipmentNo).toBe(shipmentNo);
    expect(merged.items.map((i) => [i.lineId, i.quantity])).toEqual(lines.map((l) => [l.lineId, l.quantity]));
    expect((await core.call('shipments.get', { shipmentNo: a.shipmentNo })).ok).toBe(false);
    const history = await core.ok('invoices.history', { shipmentNo });
    expect(history[0]).toMatchObject({ action: 'merged', after: { shipmentNos: [a.shipmentNo] } });
    // The merged-away parcel's own history came along.
    expect(history.filter((h) => h.action === 'split')).toHaveLength(2);

    const again = await core.ok('shipments.split', { shipmentNo, lines: [{ lineId: lines[0]!.lineId, quantity: 1 }] });
    expect(again.shipmentNo > a.shipmentNo).toBe(true);

    await core.ok('invoices.register', {
      shipmentNo: again.shipmentNo,
      carrierId: 'kr.cjlogistics',
      invoiceNo: cj(61),
    });
    const refused = await core.call('shipments.merge', { shipmentNos: [shipmentNo, again.shipmentNo] });
    expect(!refused.ok && refused.error.code).toBe('INVALID_STATE');
    expect(!refused.ok && refused.error.message).toMatch(/Delete its invoice first/);
  });

  it('refuses parcels of different orders', async () => {
    const result = await importOrders(core, await naverSheet(koreanLines(2)));
    const refused = await core.call('shipments.merge', { shipmentNos: result.shipmentNos });
    expect(!refused.ok && refused.error.message).toMatch(/different orders/);
  });
});
