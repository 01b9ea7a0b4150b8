// The order preview shows each line's recipient, address and product as the mapping read them, so a
// wrong mapping is seen before commit; the generic Korean 받는분 headers are suggested without help
// (issue 19 item 12, docs/ORDERS.md "Verdicts, re-import, what has shipped").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MappingNeeded } from '../../shared/api/contract';
import { startTestCore, type TestCore } from '../support/core';
import { seedFacets } from '../support/seed';
import { koreanLines, naverSheet, plainSheet } from '../fixtures/orders/channelSheets';
import { previewOrders, previewOrdersOk } from '../fixtures/orders/desk';

let core: TestCore;
beforeEach(() => {
  core = startTestCore();
  seedFacets(core.db);
});
afterEach(() => core.cleanup());

describe('the order preview', () => {
  it('shows each line with its recipient, address and product', async () => {
    const lines = koreanLines(2);
    const preview = await previewOrdersOk(core, await naverSheet(lines));
    const first = lines[0]!;
    expect(preview.rows[0]).toMatchObject({
      recipient: first.recipient,
      product: `${first.productName} / ${first.option}`,
    });
    expect(preview.rows[0]!.address).toContain(first.address1);
    expect(preview.rows.map((r) => r.recipient)).toEqual(lines.map((l) => l.recipient));
  });

  it('makes a wrong mapping visible: the recipient column shows what the mapped header holds', async () => {
    const lines = koreanLines(1);
    const headers = ['주문번호', '구매자', '받는분', '주소', '상품명', '수량'];
    const rows = lines.map((l) => [l.orderNo, l.buyer, l.recipient, l.address1, l.productName, l.quantity]);
    const bytes = await plainSheet([headers, ...rows]);
    const mapping = {
      주문번호: 'orderNo',
      구매자: 'recipientName', // the mistake the preview must show
      받는분: 'buyerName',
      주소: 'addressLine1',
      상품명: 'productName',
      수량: 'quantity',
    } as const;
    const preview = await previewOrdersOk(core, bytes, { mapping, channel: 'own' });
    expect(preview.rows[0]).toMatchObject({ recipient: lines[0]!.buyer, address: lines[0]!.address1 });
  });
});

describe('suggested mappings for Korean headers', () => {
  it('suggests the 받는분 phone, postal code and address columns', async () => {
    const headers = ['주문번호', '상품명', '수량', '받는분 이름', '받는분 휴대폰', '받는분 우편번호', '받는분 주소'];
    const bytes = await plainSheet([headers, ['A-1', '코튼 티셔츠', 1, '김민준', '010-1234-5678', '06236', '서울']]);
    const unknown = await previewOrders(core, bytes);
    expect(!unknown.ok && unknown.error.code).toBe('PROFILE_UNKNOWN');
    if (unknown.ok) return;
    const needed = MappingNeeded.parse(unknown.error.details);
    const suggested = Object.fromEntries(needed.headers.map((h) => [h.header, h.suggestion]));
    expect(suggested).toEqual({
      주문번호: 'orderNo',
      상품명: 'productName',
      수량: 'quantity',
      '받는분 이름': 'recipientName',
      '받는분 휴대폰': 'recipientPhone',
      '받는분 우편번호': 'postalCode',
      '받는분 주소': 'addressLine1',
    });
  });
});
