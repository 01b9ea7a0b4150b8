// Each channel's order sheet, written in that channel's layout, read by its built-in profile and
// committed into shipments waiting in Preparing to Release; an unknown layout through the mapping
// step, saved and recognised again; a CP949 CSV.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MappingNeeded } from '../../shared/api/contract';
import { startTestCore, type TestCore } from '../support/core';
import { seedFacets } from '../support/seed';
import {
  FOREIGN_HEADERS,
  amazonTxt,
  coupangSheet,
  cp949OrdersCsv,
  ebayCsv,
  foreignKoreanSheet,
  foreignLines,
  koreanLines,
  naverSheet,
  shopifyCsv,
} from '../fixtures/orders/channelSheets';
import { importOrders, previewOrders, previewOrdersOk } from '../fixtures/orders/desk';

let core: TestCore;
beforeEach(() => {
  core = startTestCore();
  seedFacets(core.db);
});
afterEach(() => core.cleanup());

async function preparing(search: string) {
  return core.ok('shipments.list', {
    tab: 'preparing',
    search: { field: 'orderNo', text: search, mode: 'exact' },
  });
}

describe('Naver Smart Store', () => {
  it('asks for the password, refuses a wrong one, and reads the sheet under its instruction row', async () => {
    const lines = koreanLines(3);
    const bytes = await naverSheet(lines, { password: '7391' });

    const locked = await previewOrders(core, bytes);
    expect(locked.ok).toBe(false);
    if (locked.ok) return;
    expect(locked.error.code).toBe('FILE_ENCRYPTED');
    expect(locked.error.message).toMatch(/password/);
    expect(locked.error.details).toMatchObject({ needsPassword: true });

    const wrong = await previewOrders(core, bytes, { password: '0000' });
    expect(!wrong.ok && wrong.error.code).toBe('FILE_PASSWORD_WRONG');

    const preview = await previewOrdersOk(core, bytes, {
      password: '7391',
      fileName: '스마트스토어_전체주문발주발송관리.xlsx',
    });
    expect(preview.decrypted).toBe(true);
    expect(preview.profile).toEqual({ name: 'naver', kind: 'builtin', channel: 'naver' });
    expect(preview.sheetName).toBe('발주발송관리');
    expect(preview.headerRow).toBe(2);
    expect(preview.rows.map((r) => r.lineId)).toEqual(lines.map((l) => l.lineId));
    expect(preview.totals).toMatchObject({ lines: 6, error: 0, toCreate: 6, orders: 3, shipments: 3 });

    const committed = await core.ok('orders.commit', { importId: preview.importId });
    expect(committed.shipmentNos).toHaveLength(3);
    const second = lines.filter((l) => l.orderNo === lines[1]!.orderNo);
    const listed = await preparing(second[0]!.orderNo);
    expect(listed.rows).toHaveLength(1);
    expect(listed.rows[0]).toMatchObject({
      status: 'AWAITING_INVOICE',
      recipientName: second[0]!.recipient,
      region: 'domestic',
    });
    const detail = await core.ok('shipments.get', { shipmentNo: listed.rows[0]!.shipmentNo });
    expect(detail.channel).toBe('naver');
    expect(detail.salesChannel).toBe('네이버 스마트스토어');
    expect(detail.items.map((i) => [i.lineId, i.productName, i.quantity])).toEqual(
      second.map((l) => [l.lineId, l.productName, l.quantity]),
    );
    expect(detail.address.line1).toBe(`${second[0]!.address1} ${second[0]!.address2}`);
    // The order time is read in the home time zone (Asia/Seoul): 10:01 there is 01:01 UTC.
    expect(detail.orderedAt).toBe('2026-11-26T01:01:00.000Z');
  });
});

describe('Coupang Wing', () => {
  it('reads the DeliveryList and makes one shipment per bundle', async () => {
    const lines = koreanLines(2);
    // The second order's lines ship in two bundles.
    const split = lines.map((l, i) => (l.orderNo === lines[1]!.orderNo && i % 2 ? { ...l, bundle: '599999999' } : l));
    const preview = await previewOrdersOk(core, await coupangSheet(split));
    expect(preview.profile.name).toBe('coupang');
    expect(preview.rows[0]!.lineId).toBe(`${split[0]!.bundle}-8${split[0]!.lineId.slice(-8)}`);
    expect(preview.totals).toMatchObject({ lines: 3, error: 0, orders: 2, shipments: 3 });
    const committed = await core.ok('orders.commit', { importId: preview.importId });
    expect(committed.created).toEqual({ lines: 3, orders: 2, shipments: 3 });
    const second = await preparing(lines[1]!.orderNo);
    expect(second.rows).toHaveLength(2);
    const detail = await core.ok('shipments.get', { shipmentNo: second.rows[0]!.shipmentNo });
    expect(detail.siblingShipmentNos).toEqual([second.rows[1]!.shipmentNo]);
  });
});

describe('Shopify', () => {
  it('groups the one-row-per-line CSV by order, taking order fields from the first row', async () => {
    const lines = foreignLines(3, (i) => `#${1001 + i}`);
    const preview = await previewOrdersOk(core, shopifyCsv(lines), { fileName: 'orders_export.csv' });
    expect(preview.profile.name).toBe('shopify');
    expect(preview.format).toBe('csv');
    expect(preview.totals).toMatchObject({ lines: 4, error: 0, orders: 3, shipments: 3 });
    expect(preview.rows.map((r) => [r.orderNo, r.lineId])).toEqual([
      ['#1001', '1'],
      ['#1002', '1'],
      ['#1002', '2'],
      ['#1003', '1'],
    ]);
    await core.ok('orders.commit', { importId: preview.importId });
    const two = await preparing('#1002');
    const detail = await core.ok('shipments.get', { shipmentNo: two.rows[0]!.shipmentNo });
    expect(detail.items).toHaveLength(2);
    expect(detail.recipient.name).toBe('Alex Morgan 2');
    expect(detail.address).toEqual({
      country: 'US',
      postalCode: '98101',
      line1: '201 Pine Street',
      line2: 'Apt 2, Seattle, WA',
    });
    expect(detail.region).toBe('international');
    const jp = await preparing('#1003');
    expect(jp.rows[0]).toMatchObject({ country: 'JP', region: 'international' });
  });
});

describe('Amazon', () => {
  it('reads the tab-delimited report with ISO times and order-item ids', async () => {
    const lines = foreignLines(2, (i) => `114-${1234567 + i}-7654321`);
    const result = await importOrders(core, amazonTxt(lines), { fileName: 'unshipped.txt' });
    expect(result.profile).toBe('amazon');
    expect(result.created).toEqual({ lines: 3, orders: 2, shipments: 2 });
    const listed = await preparing('114-1234568-7654321');
    const detail = await core.ok('shipments.get', { shipmentNo: listed.rows[0]!.shipmentNo });
    expect(detail.items.map((i) => i.lineId)).toEqual(['90000000000010', '90000000000011']);
    expect(detail.orderedAt).toBe('2026-11-26T01:15:00.000Z');
  });
});

describe('eBay', () => {
  it("skips the report's line of bare commas and its closing lines, and reads country names", async () => {
    const lines = foreignLines(3, (i) => `12-0${i}123-45678`);
    const preview = await previewOrdersOk(core, ebayCsv(lines), { fileName: 'ebay.csv' });
    expect(preview.profile.name).toBe('ebay');
    expect(preview.headerRow).toBe(2);
    expect(preview.totals).toMatchObject({ lines: 4, error: 0 });
    await core.ok('orders.commit', { importId: preview.importId });
    expect((await preparing('12-02123-45678')).rows[0]).toMatchObject({ country: 'JP' });
  });
});

describe('a layout no profile knows', () => {
  it('asks for a mapping with suggestions, imports with it, saves it, and chooses it again by itself', async () => {
    const lines = koreanLines(2, '7700');
    const bytes = await foreignKoreanSheet(lines);
    const unknown = await previewOrders(core, bytes);
    expect(!unknown.ok && unknown.error.code).toBe('PROFILE_UNKNOWN');
    if (unknown.ok) return;
    const needed = MappingNeeded.parse(unknown.error.details);
    expect(needed.headers.map((h) => h.header)).toEqual(FOREIGN_HEADERS);
    const suggested = Object.fromEntries(needed.headers.map((h) => [h.header, h.suggestion]));
    expect(suggested).toMatchObject({ 받는분: 'recipientName', '주문 번호': 'orderNo', '배송지 주소': 'addressLine1' });
    expect(needed.headers.find((h) => h.header === '품목')?.samples[0]).toBe(lines[0]!.productName);

    const mapping = {
      받는분: 'recipientName',
      '받는분 전화번호': 'recipientPhone',
      품목: 'productName',
      '주문 번호': 'orderNo',
      개수: 'quantity',
      '배송지 주소': 'addressLine1',
      주문일자: 'orderedAt',
      비고: 'memo',
    } as const;
    const result = await importOrders(core, bytes, { mapping, saveAs: '도매처 A', channel: 'own' });
    expect(result.savedProfile).toBe('도매처 A');
    expect(result.created).toMatchObject({ lines: lines.length, orders: 2 });
    const detail = await core.ok('shipments.get', { shipmentNo: result.shipmentNos[0]! });
    expect(detail.channel).toBe('own');
    expect(detail.memo).toBe(lines[0]!.memo);

    const profiles = await core.ok('orders.profiles', {});
    expect(profiles.find((p) => p.name === '도매처 A')).toMatchObject({ kind: 'saved', channel: 'own', mapping });

    // The same headers again (another day's orders): the saved profile is chosen without asking.
    const next = await previewOrdersOk(core, await foreignKoreanSheet(koreanLines(1, '7800')));
    expect(next.profile).toEqual({ name: '도매처 A', kind: 'saved', channel: 'own' });
    expect(next.totals.error).toBe(0);
  });
});

describe('CP949 CSV', () => {
  it("reads Korean Excel's CSV with our template's Korean headers", async () => {
    const lines = koreanLines(2, '5500');
    const preview = await previewOrdersOk(core, cp949OrdersCsv(lines), { fileName: '주문.csv' });
    expect(preview.encoding).toBe('cp949');
    expect(preview.profile.name).toBe('shipdesk');
    expect(preview.totals).toMatchObject({ lines: 3, error: 0 });
    const committed = await core.ok('orders.commit', { importId: preview.importId });
    const detail = await core.ok('shipments.get', { shipmentNo: committed.shipmentNos[0]! });
    expect(detail.recipient.name).toBe(lines[0]!.recipient);
    expect(detail.address.line2).toBe(lines[0]!.address2);
  });
});
