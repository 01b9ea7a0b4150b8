// Every row's verdict: cells by type, number rules, state, and duplicates in the file and database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../support/core';
import { BASE_TIME, seedFacets, seedShipments } from '../support/seed';
import { awaiting, byRow, cj, count, lotte, previewOk } from '../fixtures/excel/desk';
import { ENGLISH_HEADER, KOREAN_HEADER, cp949Csv, sheet, type FixtureCell } from '../fixtures/excel/workbooks';

let core: TestCore;
beforeEach(() => {
  core = startTestCore();
  seedFacets(core.db);
});
afterEach(() => core.cleanup());

async function verdicts(rows: FixtureCell[][], header = ENGLISH_HEADER) {
  return byRow((await previewOk(core, await sheet(header, rows))).rows);
}

// A valid Lotte number with a leading zero: 0 + 10 digits + mod-7 check digit.
const zeroLotte = (() => {
  const body = 1234567890;
  return `0${body}${body % 7}`;
})();

describe('cells by type', () => {
  it('long numbers: 12 digits stored as a number are fine; 22 digits lost theirs and are refused', async () => {
    const nos = awaiting(core, 3);
    const v = await verdicts([
      [nos[0]!, 'kr.cjlogistics', Number(cj(1))],
      [nos[1]!, 'kr.epost', 9.4e21],
      [nos[2]!, 'kr.kdexp', 1234567890123456],
    ]);
    expect(v.get(2)).toMatchObject({ verdict: 'ok', invoiceNo: cj(1) });
    expect(v.get(3)).toMatchObject({
      verdict: 'error',
      code: 'NUMBER_CORRUPTED',
      message: expect.stringMatching(/lost digits.*9\.40E\+21.*Text/),
    });
    expect(v.get(4)).toMatchObject({ verdict: 'error', code: 'NUMBER_CORRUPTED' });
  });

  it('leading zeros survive as text; a number cell that dropped them is a row error, never fixed silently', async () => {
    const nos = awaiting(core, 2);
    const v = await verdicts([
      [nos[0]!, 'kr.lotte', zeroLotte],
      [nos[1]!, 'kr.lotte', Number(zeroLotte)],
    ]);
    expect(v.get(2)).toMatchObject({ verdict: 'ok', invoiceNo: zeroLotte });
    expect(v.get(3)).toMatchObject({
      verdict: 'error',
      code: 'INVALID_INVOICE_NUMBER',
      message: expect.stringMatching(/12 digits; this one has 11.*leading zeros/),
    });
  });

  it('full-width digits, hyphens and spaces are normalised', async () => {
    const [no] = awaiting(core, 1);
    const v = await verdicts([[`ｓｄ${no!.slice(2)}`, 'ＣＪ대한통운', '３５３５－６３０７－５６５５']]);
    expect(v.get(2)).toMatchObject({
      verdict: 'ok',
      shipmentNo: no,
      carrierId: 'kr.cjlogistics',
      invoiceNo: '353563075655',
    });
  });

  it('formulas, error cells, dates and merged cells are refused with the reason', async () => {
    const nos = awaiting(core, 5);
    const file = await sheet(
      ENGLISH_HEADER,
      [
        [nos[0]!, 'kr.cjlogistics', { formula: 'TEXT(353563075655,"0")', result: '353563075655' }],
        [nos[1]!, { error: '#N/A' }, cj(2)],
        [nos[2]!, 'kr.cjlogistics', { date: '2026-11-26' }],
        [nos[3]!, 'kr.cjlogistics', cj(4)],
        [nos[4]!, 'kr.cjlogistics', { richText: ['3535', '6307', '5655'] }],
      ],
      { merges: ['C5:C6'] },
    );
    const v = byRow((await previewOk(core, file)).rows);
    expect(v.get(2)).toMatchObject({
      code: 'FORMULA_CELL',
      message: expect.stringMatching(/formula .*Paste Special > Values/),
    });
    expect(v.get(3)).toMatchObject({ code: 'ERROR_CELL', message: expect.stringContaining('#N/A') });
    expect(v.get(4)).toMatchObject({ code: 'NOT_TEXT', message: expect.stringMatching(/date/) });
    expect(v.get(6)).toMatchObject({ code: 'MERGED_CELL' });
  });

  it('Korean headers and a CP949 CSV read like the template', async () => {
    const nos = awaiting(core, 2);
    const v = await verdicts([[nos[0]!, 'CJ대한통운', cj(5)]], KOREAN_HEADER);
    expect(v.get(2)).toMatchObject({ verdict: 'ok' });
    const csv = cp949Csv([
      ['배송번호', '택배사', '송장번호', '작업'],
      [nos[1]!, '롯데택배', lotte(6), '등록'],
    ]);
    const p = await previewOk(core, csv, '송장.csv');
    expect(p).toMatchObject({ format: 'csv', encoding: 'cp949', totals: { ok: 1 } });
    expect(p.rows[0]).toMatchObject({ carrierId: 'kr.lotte', invoiceNo: lotte(6) });
  });
});

describe('rules of the invoice dialog, per row', () => {
  it('unknown shipment, unknown carrier, wrong region, bad check digit, missing values, order cross-check', async () => {
    const [dom, intl] = seedShipments(core.db, [{}, { country: 'US' }]);
    const order = (
      core.db
        .prepare('SELECT o.order_no AS n FROM orders o JOIN shipments s ON s.order_id = o.id WHERE s.shipment_no = ?')
        .get(dom) as { n: string }
    ).n;
    const v = await verdicts(
      [
        ['SD9999999999', 'kr.lotte', lotte(1), ''],
        [dom!, '비둘기택배', lotte(1), ''],
        [intl!, 'kr.lotte', lotte(1), ''],
        [dom!, 'kr.lotte', '241743423085', ''],
        [dom!, 'kr.lotte', null, ''],
        [dom!, 'kr.lotte', lotte(1), 'ORD-WRONG'],
        [dom!, 'kr.lotte', lotte(1), order],
      ],
      [...ENGLISH_HEADER, 'Order No.'],
    );
    expect(v.get(2)).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('SD9999999999') });
    expect(v.get(3)).toMatchObject({ code: 'UNKNOWN_CARRIER', message: expect.stringContaining('비둘기택배') });
    expect(v.get(4)).toMatchObject({ code: 'CARRIER_NOT_FOR_REGION' });
    expect(v.get(5)).toMatchObject({ code: 'INVALID_INVOICE_NUMBER', message: expect.stringMatching(/check digit/) });
    expect(v.get(6)).toMatchObject({
      code: 'MISSING_VALUE',
      message: expect.stringMatching(/invoice number is empty/),
    });
    expect(v.get(7)).toMatchObject({ code: 'ORDER_MISMATCH', message: expect.stringContaining(order) });
    expect(v.get(8)).toMatchObject({ verdict: 'ok' });
  });

  it('a delivered shipment refuses both registration and modification, saying why', async () => {
    const [no] = seedShipments(core.db, [
      {
        status: 'DELIVERED',
        invoice: { carrierId: 'kr.lotte', invoiceNo: lotte(7), events: [{ at: BASE_TIME, code: 'DELIVERED' }] },
      },
    ]);
    const v = await verdicts(
      [
        [no!, 'kr.lotte', lotte(8), ''],
        [no!, 'kr.lotte', lotte(9), '수정 Modify'],
      ],
      [...ENGLISH_HEADER, 'Action'],
    );
    const why = 'The parcel was delivered; its invoice can no longer be changed.';
    expect(v.get(2)).toMatchObject({
      verdict: 'error',
      code: 'INVALID_STATE',
      message: `${no} already has Lotte ${lotte(7)}, which cannot be modified now. ${why}`,
    });
    expect(v.get(3)).toMatchObject({
      verdict: 'error',
      code: 'INVALID_STATE',
      message: `The invoice of ${no} (Lotte ${lotte(7)}) cannot be modified now. ${why}`,
    });
  });

  it('a delivered shipment with a bad number too: its status is the reason, as in the invoice dialog', async () => {
    const [no] = seedShipments(core.db, [
      {
        status: 'DELIVERED',
        invoice: { carrierId: 'kr.lotte', invoiceNo: lotte(7), events: [{ at: BASE_TIME, code: 'DELIVERED' }] },
      },
    ]);
    const v = await verdicts(
      [
        [no!, 'kr.lotte', '123', ''],
        [no!, 'kr.lotte', '123', '수정 Modify'],
      ],
      [...ENGLISH_HEADER, 'Action'],
    );
    expect(v.get(2)).toMatchObject({ verdict: 'error', code: 'INVALID_STATE' });
    expect(v.get(3)).toMatchObject({ verdict: 'error', code: 'INVALID_STATE' });
    const dialog = await core.call('invoices.modify', {
      shipmentNo: no!,
      carrierId: 'kr.lotte',
      invoiceNo: '123',
      via: 'manual',
    });
    expect(!dialog.ok && dialog.error.code).toBe('INVALID_STATE');
  });

  it('modifies when the file says so, with the reason in the history', async () => {
    const [no, fresh] = seedShipments(core.db, [
      { status: 'RELEASED', invoice: { carrierId: 'kr.lotte', invoiceNo: lotte(10) } },
      {},
    ]);
    const header = [...ENGLISH_HEADER, '작업', '수정 사유'];
    const v = await verdicts(
      [
        [no!, 'kr.lotte', lotte(11), '수정 Modify', '라벨 재출력'],
        [fresh!, 'kr.lotte', lotte(12), 'modify', ''],
      ],
      header,
    );
    expect(v.get(2)).toMatchObject({ verdict: 'ok', action: 'modify', outcome: 'modify' });
    expect(v.get(3)).toMatchObject({ code: 'INVALID_STATE', message: expect.stringMatching(/no invoice to modify/) });
    const p = await previewOk(core, await sheet(header, [[no!, 'kr.lotte', lotte(11), '수정 Modify', '라벨 재출력']]));
    expect((await core.ok('imports.commit', { importId: p.importId })).modified).toBe(1);
    expect((await core.ok('invoices.history', { shipmentNo: no! }))[0]).toMatchObject({
      action: 'modified',
      via: 'excel',
      reason: '라벨 재출력',
      after: { invoiceNo: lotte(11) },
    });
  });

  it('a registered shipment without "modify" is refused with the hint; the same number again is skipped', async () => {
    const [no] = seedShipments(core.db, [
      { status: 'RELEASED', invoice: { carrierId: 'kr.lotte', invoiceNo: lotte(13) } },
    ]);
    const v = await verdicts([
      [no!, 'kr.lotte', lotte(14)],
      [no!, 'kr.lotte', lotte(13)],
    ]);
    expect(v.get(3)).toMatchObject({ verdict: 'warning', outcome: 'skip', code: 'ALREADY_REGISTERED' });
    // row 2 also collides with row 3 on the same shipment; its own reason comes first
    expect(v.get(2)).toMatchObject({
      verdict: 'error',
      code: 'INVALID_STATE',
      message: `${no} already has Lotte ${lotte(13)}. To replace it, set the Action column to "수정 Modify".`,
    });
  });
});

describe('duplicates', () => {
  it('in the file: the same number for two recipients is refused on both rows, naming each other', async () => {
    const [a, b] = seedShipments(core.db, [{ recipient: '김민수' }, { recipient: '이서연', line1: '부산 해운대구 1' }]);
    const v = await verdicts([
      [a!, 'kr.cjlogistics', cj(20)],
      [b!, 'kr.cjlogistics', cj(20)],
    ]);
    expect(v.get(2)).toMatchObject({
      verdict: 'error',
      code: 'DUPLICATE_IN_FILE',
      message: expect.stringContaining(`row 3 (${b})`),
    });
    expect(v.get(3)).toMatchObject({
      verdict: 'error',
      code: 'DUPLICATE_IN_FILE',
      message: expect.stringContaining(`row 2 (${a})`),
    });
  });

  it('in the file: combined packing for one recipient is a warning; a repeated row is saved once', async () => {
    const [a, b, c] = seedShipments(core.db, [{}, {}, {}]);
    const v = await verdicts([
      [a!, 'kr.cjlogistics', cj(21)],
      [b!, 'kr.cjlogistics', cj(21)],
      [c!, 'kr.lotte', lotte(22)],
      [c!, 'kr.lotte', lotte(22)],
    ]);
    expect(v.get(3)).toMatchObject({
      verdict: 'warning',
      outcome: 'register',
      code: 'COMBINED_PACKING',
      message: expect.stringContaining('row 2'),
    });
    expect(v.get(5)).toMatchObject({
      verdict: 'warning',
      outcome: 'skip',
      code: 'REPEATED_ROW',
      message: expect.stringContaining('row 4'),
    });
  });

  it('in the file: one shipment with two different numbers is refused on both rows', async () => {
    const [a] = awaiting(core, 1);
    const v = await verdicts([
      [a!, 'kr.cjlogistics', cj(23)],
      [a!, 'kr.cjlogistics', cj(24)],
    ]);
    expect([v.get(2)?.code, v.get(3)?.code]).toEqual(['DUPLICATE_IN_FILE', 'DUPLICATE_IN_FILE']);
    expect(v.get(2)?.message).toMatch(/rows 2 and 3/);
  });

  it('against the database: a number active for another recipient is refused with that shipment', async () => {
    const [held, mine] = seedShipments(core.db, [
      {
        status: 'RELEASED',
        recipient: '박지훈',
        line1: '대구 중구 1',
        invoice: { carrierId: 'kr.cjlogistics', invoiceNo: cj(25) },
      },
      {},
    ]);
    const v = await verdicts([[mine!, 'kr.cjlogistics', cj(25)]]);
    expect(v.get(2)).toMatchObject({
      verdict: 'error',
      code: 'DUPLICATE_INVOICE',
      message: expect.stringContaining(held!),
    });
  });
});

describe('commit re-checks every row inside its transaction', () => {
  it('a shipment registered by hand after the preview is reported, the rest saved', async () => {
    const nos = awaiting(core, 3);
    const p = await previewOk(
      core,
      await sheet(
        ENGLISH_HEADER,
        nos.map((no, i) => [no, 'kr.cjlogistics', cj(30 + i)]),
      ),
    );
    expect(p.totals.ok).toBe(3);
    await core.ok('invoices.register', { shipmentNo: nos[1]!, carrierId: 'kr.lotte', invoiceNo: lotte(33) });
    const c = await core.ok('imports.commit', { importId: p.importId });
    expect(c).toMatchObject({ registered: 2, failed: 1, changedSincePreview: 1 });
    expect(c.rows.find((r) => r.shipmentNo === nos[1])).toMatchObject({ verdict: 'error', code: 'INVALID_STATE' });
    expect((await core.ok('shipments.get', { shipmentNo: nos[1]! })).invoiceNo).toBe(lotte(33));
    expect(count(core, "SELECT count(*) AS n FROM import_rows WHERE outcome = 'failed'")).toBe(1);
  });
});
