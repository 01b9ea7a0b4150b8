// Bad order sheets: every one is refused (the whole file, or the lines at fault) with a message an
// operator can act on, and nothing of a refused file or line is saved.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../support/core';
import { seedFacets } from '../support/seed';
import { legacyXls, withMacros } from '../fixtures/excel/workbooks';
import { zipBomb } from '../fixtures/excel/hostile';
import { cj } from '../fixtures/excel/desk';
import {
  COUPANG_HEADERS,
  NAVER_HEADERS,
  SHOPIFY_HEADERS,
  coupangSheet,
  foreignLines,
  koreanLines,
  naverSheet,
  plainSheet,
  shopifyCsv,
} from '../fixtures/orders/channelSheets';
import { countRows, importOrders, previewOrders, previewOrdersOk } from '../fixtures/orders/desk';

let core: TestCore;
beforeEach(() => {
  core = startTestCore();
  seedFacets(core.db);
});
afterEach(() => core.cleanup());

function snapshot() {
  return {
    orders: countRows(core, 'orders'),
    shipments: countRows(core, 'shipments'),
    items: countRows(core, 'order_items'),
    batches: (core.db.prepare('SELECT count(*) AS n FROM import_batches').get() as { n: number }).n,
  };
}

async function refused(bytes: Buffer, extra: Parameters<typeof previewOrders>[2] = {}) {
  const before = snapshot();
  const env = await previewOrders(core, bytes, extra);
  expect(env.ok).toBe(false);
  expect(snapshot()).toEqual(before);
  if (env.ok) throw new Error('accepted');
  return env.error;
}

describe('whole files refused', () => {
  it('names the missing required columns', async () => {
    const lines = koreanLines(1);
    const rows = [
      NAVER_HEADERS.filter((h) => h !== '수량' && h !== '통합배송지'),
      NAVER_HEADERS.filter((h) => h !== '수량' && h !== '통합배송지').map((h) =>
        h === '주문번호' ? lines[0]!.orderNo : 'x',
      ),
    ];
    const error = await refused(await plainSheet(rows));
    expect(error.code).toBe('HEADER_MISMATCH');
    expect(error.message).toMatch(/quantity/);
    expect(error.message).toMatch(/"수량"/);
    expect(error.message).toMatch(/addressLine1/);
  });

  it('names a mapping that leaves out a required field', async () => {
    const error = await refused(
      await plainSheet([
        ['주문', '받는이', '물건'],
        ['1', '김', '티셔츠'],
      ]),
      {
        mapping: { 주문: 'orderNo', 받는이: 'recipientName', 물건: 'productName' },
      },
    );
    expect(error.code).toBe('HEADER_MISMATCH');
    expect(error.message).toMatch(/addressLine1.*quantity|quantity.*addressLine1/);
  });

  it('answers PROFILE_UNKNOWN for a layout nobody mapped, and a profile name nobody saved', async () => {
    const sheetBytes = await plainSheet([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect((await refused(sheetBytes)).code).toBe('PROFILE_UNKNOWN');
    expect((await refused(sheetBytes, { profile: 'nobody' })).code).toBe('PROFILE_UNKNOWN');
  });

  it('refuses every hazard of the invoice import the same way', async () => {
    const plain = await naverSheet(koreanLines(1));
    const locked = await refused(await naverSheet(koreanLines(1), { password: 'pw' }));
    expect(locked.code).toBe('FILE_ENCRYPTED');
    expect((await refused(await naverSheet(koreanLines(1), { password: 'pw' }), { password: 'PW' })).code).toBe(
      'FILE_PASSWORD_WRONG',
    );
    const xls = await refused(legacyXls(), { password: 'pw' });
    expect(xls.code).toBe('FILE_ENCRYPTED');
    expect(xls.message).toMatch(/\.xls/);
    const bomb = await refused(zipBomb());
    expect(bomb.code).toBe('FILE_UNSAFE');
    const macros = await refused(withMacros(plain));
    expect(macros.code).toBe('FILE_UNSAFE');
    expect(macros.message).toMatch(/macros/);
    const pdf = await refused(Buffer.from('%PDF-1.7\n'));
    expect(pdf.code).toBe('FILE_NOT_SPREADSHEET');
  });

  it('refuses more than 10,000 order lines', async () => {
    const header = COUPANG_HEADERS.join(',');
    const body = Array.from({ length: 10_001 }, (_, i) =>
      COUPANG_HEADERS.map((h) => (h === '묶음배송번호' ? String(i) : h === '구매수(수량)' ? '1' : 'x')).join(','),
    );
    const error = await refused(Buffer.from([header, ...body].join('\n')));
    expect(error.code).toBe('TOO_MANY_ROWS');
    expect(error.message).toMatch(/10,001/);
    expect(error.message).toMatch(/10,000/);
  });
});

describe('lines refused', () => {
  it('quantities that are not positive whole numbers', async () => {
    const lines = koreanLines(5).filter((l, i, all) => all.findIndex((x) => x.orderNo === l.orderNo) === i);
    const bad = ['0', '-1', '1.5', 'two', '2'];
    const rows = [
      COUPANG_HEADERS,
      ...lines.map((l, i) =>
        COUPANG_HEADERS.map((h) =>
          h === '구매수(수량)'
            ? bad[i]!
            : h === '묶음배송번호'
              ? l.bundle!
              : h === '주문번호'
                ? l.orderNo
                : h === '옵션ID'
                  ? String(i)
                  : h === '수취인이름'
                    ? l.recipient
                    : h === '수취인 주소'
                      ? l.address1
                      : h === '등록상품명'
                        ? l.productName
                        : h === '주문일'
                          ? l.orderedAt
                          : '',
        ),
      ),
    ];
    const preview = await previewOrdersOk(core, await plainSheet(rows, 'Delivery'));
    expect(preview.rows.map((r) => r.code ?? 'ok')).toEqual([
      'INVALID_QUANTITY',
      'INVALID_QUANTITY',
      'INVALID_QUANTITY',
      'INVALID_QUANTITY',
      'ok',
    ]);
    expect(preview.rows[3]!.message).toMatch(/"two" is not a whole number/);
  });

  it('unknown country codes', async () => {
    const lines = foreignLines(2, (i) => `#${2001 + i}`).map((l) =>
      l.orderNo === '#2001' ? { ...l, country: 'XZ' } : l,
    );
    const preview = await previewOrdersOk(core, shopifyCsv(lines));
    expect(preview.rows[0]).toMatchObject({ orderNo: '#2001', outcome: 'reject', code: 'UNKNOWN_COUNTRY' });
    expect(preview.rows[0]!.message).toMatch(/"XZ" is not a country/);
    expect(preview.rows.filter((r) => r.orderNo === '#2002').every((r) => r.outcome === 'create')).toBe(true);
    expect(SHOPIFY_HEADERS).toContain('Shipping Country');
  });

  it('the same channel line twice in one file holds back its whole order', async () => {
    const lines = koreanLines(3);
    const preview = await previewOrdersOk(core, await naverSheet([...lines, lines[1]!]));
    const dup = preview.rows.at(-1)!;
    expect(dup).toMatchObject({ outcome: 'reject', code: 'DUPLICATE_IN_FILE', lineId: lines[1]!.lineId });
    const sameOrder = preview.rows.filter((r) => r.orderNo === lines[1]!.orderNo && r !== dup);
    expect(sameOrder.every((r) => r.code === 'ORDER_HAS_ERRORS')).toBe(true);
    const committed = await core.ok('orders.commit', { importId: preview.importId });
    expect(committed.created.orders).toBe(2);
    expect(
      (await core.ok('shipments.list', { search: { field: 'orderNo', text: lines[1]!.orderNo, mode: 'exact' } })).rows,
    ).toEqual([]);
  });

  it('an order already shipped under another Shipment No.', async () => {
    const lines = koreanLines(1, '3300');
    const first = await importOrders(core, await coupangSheet(lines));
    await core.ok('invoices.register', {
      shipmentNo: first.shipmentNos[0]!,
      carrierId: 'kr.cjlogistics',
      invoiceNo: cj(5),
    });
    const before = snapshot();
    const more = { ...lines[0]!, lineId: `${lines[0]!.lineId}7`, productName: '새 상품' };
    const preview = await previewOrdersOk(core, await coupangSheet([more]));
    expect(preview.rows[0]).toMatchObject({ outcome: 'reject', code: 'ALREADY_SHIPPED' });
    await core.ok('orders.commit', { importId: preview.importId });
    expect({ ...snapshot(), batches: 0 }).toEqual({ ...before, batches: 0 });
  });

  it('dates in a form Shipdesk does not read, by name', async () => {
    const lines = koreanLines(2).map((l, i) => (i === 0 ? { ...l, orderedAt: '26/11/2026' } : l));
    const preview = await previewOrdersOk(core, await naverSheet(lines));
    expect(preview.rows[0]).toMatchObject({ outcome: 'reject', code: 'INVALID_DATE' });
    expect(preview.rows[0]!.message).toMatch(/"26\/11\/2026" reads as day\/month\/year/);
  });
});
