// Committing order sheets: the same sheet twice creates nothing twice and changes nothing that has
// shipped; a new line joins its order's unshipped parcel; exchanges link to their original both
// ways; our own template round-trips; the address can be corrected until an invoice exists.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ORDER_FIELDS } from '../../shared/api/contract';
import { templateHeaderOf } from '../../main/core/orders/fields';
import { startTestCore, type TestCore } from '../support/core';
import { seedFacets } from '../support/seed';
import { cj } from '../fixtures/excel/desk';
import { coupangSheet, koreanLines, naverSheet } from '../fixtures/orders/channelSheets';
import { countRows, importOrders, previewOrdersOk } from '../fixtures/orders/desk';

let core: TestCore;
beforeEach(() => {
  core = startTestCore();
  seedFacets(core.db);
});
afterEach(() => core.cleanup());

/** Fills our downloaded order template, one object per row keyed by field. */
async function filledTemplate(
  rows: Partial<Record<(typeof ORDER_FIELDS)[number], string | number>>[],
): Promise<Buffer> {
  const template = await core.ok('orders.template', {});
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(Buffer.from(template.bytesBase64, 'base64')).buffer);
  const ws = wb.getWorksheet('Orders');
  if (!ws) throw new Error('the order template has no Orders sheet');
  expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(ORDER_FIELDS.map(templateHeaderOf));
  rows.forEach((r, i) =>
    ORDER_FIELDS.forEach((f, c) => {
      const v = r[f];
      if (v !== undefined) ws.getRow(i + 2).getCell(c + 1).value = v;
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const base = {
  orderedAt: '2026.11.25 16:20',
  buyerName: '김민준',
  recipientName: '김민준',
  recipientPhone: '010-2222-3333',
  postalCode: '06236',
  addressLine1: '서울특별시 강남구 테헤란로 1',
  productName: '코튼 티셔츠',
  quantity: 1,
};

describe('re-import', () => {
  it('creates nothing twice and leaves a shipped parcel as it is', async () => {
    const bytes = await naverSheet(koreanLines(3));
    const first = await importOrders(core, bytes);
    expect(first.created).toEqual({ lines: 6, orders: 3, shipments: 3 });
    const counts = () => ['orders', 'shipments', 'order_items'].map((t) => countRows(core, t as 'orders'));
    const after = counts();

    // One parcel ships before the sheet is imported again.
    const shipped = first.shipmentNos[0]!;
    await core.ok('invoices.register', { shipmentNo: shipped, carrierId: 'kr.cjlogistics', invoiceNo: cj(11) });

    const again = await previewOrdersOk(core, bytes);
    expect(again.totals).toMatchObject({ lines: 6, toCreate: 0, toSkip: 6, error: 0, orders: 0, shipments: 0 });
    expect(again.rows.every((r) => r.code === 'ALREADY_PRESENT')).toBe(true);
    expect(again.rows[0]!.message).toMatch(new RegExp(`${shipped}, which has an invoice; nothing changes`));
    expect(again.previousBatches).toHaveLength(1);
    const second = await core.ok('orders.commit', { importId: again.importId });
    expect(second.created).toEqual({ lines: 0, orders: 0, shipments: 0 });
    expect(second.alreadyPresent).toBe(6);
    expect(counts()).toEqual(after);
    const detail = await core.ok('shipments.get', { shipmentNo: shipped });
    expect(detail.invoice?.invoiceNo).toBe(cj(11));
  });

  it('adds a new line of an order to its parcel without an invoice, and refuses it once the parcel shipped', async () => {
    const lines = koreanLines(1, '4400');
    const first = await importOrders(core, await coupangSheet(lines));
    const [parcel] = first.shipmentNos;
    const extra = { ...lines[0]!, lineId: `${lines[0]!.lineId}9`, productName: '추가 상품' };
    const added = await importOrders(core, await coupangSheet([...lines, extra]));
    expect(added.rows.map((r) => r.code)).toEqual(['ALREADY_PRESENT', 'ADDED_TO_SHIPMENT']);
    expect(added.created).toEqual({ lines: 1, orders: 0, shipments: 0 });
    expect((await core.ok('shipments.get', { shipmentNo: parcel! })).items.map((i) => i.productName)).toContain(
      '추가 상품',
    );

    await core.ok('invoices.register', { shipmentNo: parcel!, carrierId: 'kr.cjlogistics', invoiceNo: cj(12) });
    const late = { ...lines[0]!, lineId: `${lines[0]!.lineId}8`, productName: '늦은 상품' };
    const refused = await previewOrdersOk(core, await coupangSheet([...lines, extra, late]));
    const row = refused.rows.find((r) => r.row === 4);
    expect(row).toMatchObject({ outcome: 'reject', code: 'ALREADY_SHIPPED' });
    expect(row?.message).toMatch(new RegExp(`already shipped under ${parcel}`));
  });
});

describe('exchanges', () => {
  it('become Claim shipments linked to the original order, shown both ways', async () => {
    const original = await importOrders(
      core,
      await filledTemplate([
        { ...base, orderNo: 'A-100', lineId: '1' },
        { ...base, orderNo: 'A-100', lineId: '2', productName: '린넨 셔츠', quantity: 2 },
      ]),
    );

    const exchange = await importOrders(
      core,
      await filledTemplate([{ ...base, orderNo: 'X-100', lineId: '1', claim: '교환', originalOrderNo: 'A-100' }]),
    );
    expect(exchange.rows).toEqual([expect.objectContaining({ outcome: 'create', verdict: 'ok' })]);
    expect(exchange.created).toEqual({ lines: 1, orders: 1, shipments: 1 });
    const claim = await core.ok('shipments.get', { shipmentNo: exchange.shipmentNos[0]! });
    expect(claim.claim).toBe('exchange');
    expect(claim.originalOrderNo).toBe('A-100');
    expect(claim.originalShipmentNos).toEqual(original.shipmentNos);
    const back = await core.ok('shipments.get', { shipmentNo: original.shipmentNos[0]! });
    expect(back.exchangeShipments).toEqual([{ orderNo: 'X-100', shipmentNo: exchange.shipmentNos[0]! }]);
    const claims = await core.ok('shipments.list', { tab: 'preparing', claim: 'exchange' });
    expect(claims.rows.map((r) => r.shipmentNo)).toEqual(exchange.shipmentNos);
  });

  it('refuses an exchange whose original order is not known', async () => {
    const preview = await previewOrdersOk(
      core,
      await filledTemplate([{ ...base, orderNo: 'X-200', claim: 'exchange', originalOrderNo: 'NOPE-1' }]),
    );
    expect(preview.rows[0]).toMatchObject({ outcome: 'reject', code: 'ORIGINAL_NOT_FOUND' });
  });

  it('refuses an exchange whose original is refused in the same sheet, and saves nothing of it', async () => {
    // The exchange comes first in the sheet; its original's only line has a quantity that cannot be read.
    const sheet = await filledTemplate([
      { ...base, orderNo: 'X-300', lineId: '1', claim: '교환', originalOrderNo: 'A-300' },
      { ...base, orderNo: 'A-300', lineId: '1', quantity: 'two' },
      { ...base, orderNo: 'G-300', lineId: '1' },
    ]);
    const preview = await previewOrdersOk(core, sheet);
    expect(preview.rows.map((r) => [r.orderNo, r.outcome, r.code ?? null])).toEqual([
      ['X-300', 'reject', 'ORIGINAL_NOT_FOUND'],
      ['A-300', 'reject', 'INVALID_QUANTITY'],
      ['G-300', 'create', null],
    ]);
    expect(preview.rows[0]!.message).toBe(
      'The original order A-300 of this exchange was refused in this same sheet (row 3: The quantity "two" is ' +
        'not a whole number of pieces (1 or more)). Fix the original and import the sheet again; the exchange comes in with it.',
    );
    expect(preview.totals).toMatchObject({ toCreate: 1, error: 2, orders: 1, shipments: 1 });

    const committed = await core.ok('orders.commit', { importId: preview.importId });
    expect(committed.created).toEqual({ lines: 1, orders: 1, shipments: 1 });
    const saved: unknown = core.db.prepare('SELECT order_no, claim FROM orders ORDER BY order_no').all();
    expect(saved).toEqual([{ order_no: 'G-300', claim: 'general' }]);
  });

  it('refuses an exchange of a refused exchange, naming the exchange it points at', async () => {
    const preview = await previewOrdersOk(
      core,
      await filledTemplate([
        { ...base, orderNo: 'A-400', lineId: '1', quantity: 0 },
        { ...base, orderNo: 'X-400', lineId: '1', claim: 'exchange', originalOrderNo: 'A-400' },
        { ...base, orderNo: 'Y-400', lineId: '1', claim: 'exchange', originalOrderNo: 'X-400' },
      ]),
    );
    expect(preview.rows.map((r) => r.code)).toEqual(['INVALID_QUANTITY', 'ORIGINAL_NOT_FOUND', 'ORIGINAL_NOT_FOUND']);
    expect(preview.rows[2]!.message).toMatch(
      /^The original order X-400 of this exchange was refused in this same sheet \(row 3: The original order A-400 /,
    );
    expect(preview.totals).toMatchObject({ toCreate: 0, orders: 0, shipments: 0 });
  });
});

describe('our template', () => {
  it('defaults the order date to the import time when the column is left out, and says so', async () => {
    const preview = await previewOrdersOk(
      core,
      await filledTemplate([{ ...base, orderedAt: undefined, orderNo: 'T-1' }]),
    );
    // The column exists but every line leaves it blank: that is a missing value, not a default.
    expect(preview.rows[0]).toMatchObject({ outcome: 'reject', code: 'MISSING_VALUE' });

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Orders');
    ws.addRow(['Order No.', 'Recipient', 'Address', 'Product', 'Quantity']);
    ws.addRow(['T-2', 'Kim', 'Seoul 1', 'Tee', 1]);
    const noDate = await previewOrdersOk(core, Buffer.from(await wb.xlsx.writeBuffer()), {
      mapping: {
        'Order No.': 'orderNo',
        Recipient: 'recipientName',
        Address: 'addressLine1',
        Product: 'productName',
        Quantity: 'quantity',
      },
    });
    expect(noDate.notes.join(' ')).toMatch(
      /no order date: every order is dated at the import time \(2026-11-26T01:00:00.000Z/,
    );
    const committed = await core.ok('orders.commit', { importId: noDate.importId });
    expect((await core.ok('shipments.get', { shipmentNo: committed.shipmentNos[0]! })).orderedAt).toBe(
      '2026-11-26T01:00:00.000Z',
    );
  });
});

describe('address edit', () => {
  it('corrects the address before an invoice (history address_changed) and says the way out after', async () => {
    const made = await importOrders(core, await filledTemplate([{ ...base, orderNo: 'AD-1' }]));
    const no = made.shipmentNos[0]!;
    const address = { country: 'KR', postalCode: '04524', line1: '서울특별시 중구 세종대로 110', line2: '2층' };
    const changed = await core.ok('shipments.updateAddress', { shipmentNo: no, address, reason: '구매자 요청' });
    expect(changed.address).toEqual(address);
    const history = await core.ok('invoices.history', { shipmentNo: no });
    expect(history[0]).toMatchObject({ action: 'address_changed', after: { address }, reason: '구매자 요청' });
    expect(history.map((h) => h.action)).toContain('created');

    await core.ok('invoices.register', { shipmentNo: no, carrierId: 'kr.cjlogistics', invoiceNo: cj(21) });
    const locked = await core.call('shipments.updateAddress', {
      shipmentNo: no,
      address: { ...address, line2: '3층' },
    });
    expect(!locked.ok && locked.error.code).toBe('ADDRESS_LOCKED');
    expect(!locked.ok && locked.error.message).toMatch(/Delete the invoice first/);
  });
});
