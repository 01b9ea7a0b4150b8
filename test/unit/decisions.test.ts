// The decisions of main/core/domain as pure functions (docs/ARCHITECTURE.md "Where each rule lives"):
// facts in, a verdict out, with the sentence an operator reads. test/hub/parity.test.ts checks that a
// station and a hub say the same; this checks what they say.
import { describe, expect, it } from 'vitest';
import { sampleInvoiceNumber } from '../../main/core/domain/invoiceNumber';
import {
  mayChangeAddress,
  mayChangeInvoice,
  mayModifyNumber,
  mayRegister,
  mayRegisterNumber,
  mayReplaceNumber,
} from '../../main/core/domain/invoiceRules';
import { checkInvoiceNumber } from '../../main/core/domain/numberCheck';
import { judgeNumberHolders } from '../../main/core/domain/numberHolders';
import { recipientKey } from '../../main/core/domain/recipient';
import { mayMerge, maySplit, takesNewLines } from '../../main/core/domain/regroupRules';

const lotte = (serial: number) => sampleInvoiceNumber('kr.lotte', serial);
const domestic = { shipmentNo: 'SD0010000001', region: 'domestic' as const };

describe('the number check', () => {
  it('answers the normalised number for a valid one, as scanned with noise', () => {
    const n = lotte(77);
    const v = checkInvoiceNumber({ ...domestic, carrierId: 'kr.lotte', invoiceNo: ` ${n.slice(0, 4)}-${n.slice(4)} ` });
    expect(v).toEqual({ ok: true, carrierId: 'kr.lotte', invoiceNo: n, warnings: [] });
  });

  it('refuses an unknown carrier, a carrier of the other region and a wrong check digit, each in words', () => {
    expect(checkInvoiceNumber({ ...domestic, carrierId: 'kr.pigeon', invoiceNo: lotte(1) })).toEqual({
      ok: false,
      code: 'UNKNOWN_CARRIER',
      message: 'Shipdesk does not know the carrier "kr.pigeon".',
    });
    expect(checkInvoiceNumber({ ...domestic, carrierId: 'us.ups', invoiceNo: lotte(1) })).toMatchObject({
      ok: false,
      code: 'CARRIER_NOT_FOR_REGION',
      message: 'UPS is not a domestic carrier, and SD0010000001 is a domestic shipment. Choose a domestic carrier.',
    });
    const n = lotte(78);
    const wrong = `${n.slice(0, -1)}${(Number(n.slice(-1)) + 1) % 10}`;
    const v = checkInvoiceNumber({ ...domestic, carrierId: 'kr.lotte', invoiceNo: wrong });
    expect(v).toMatchObject({ ok: false, code: 'INVALID_INVOICE_NUMBER' });
    expect(!v.ok && v.message).toMatch(
      /^The check digit does not match: the last digit should be \d for a Lotte number\.$/,
    );
  });
});

describe('who else holds the number', () => {
  const address = {
    recipient_name: '김 민수',
    recipient_phone: '010-1234-5678',
    country: 'KR',
    postal_code: '06236',
    address_line1: '서울 강남구 테헤란로 1',
    address_line2: '',
  };
  const same = recipientKey(address);
  const other = recipientKey({ ...address, recipient_name: '이 영희' });
  const facts = { shipment: { shipmentNo: 'SD1', recipientKey: same }, carrierId: 'kr.lotte', invoiceNo: '1234' };

  it('counts the same recipient with other spacing, case and phone punctuation as the same', () => {
    expect(recipientKey({ ...address, recipient_name: '김민수', recipient_phone: '01012345678' })).toBe(same);
  });

  it("refuses the number on another recipient's shipment, naming it", () => {
    expect(
      judgeNumberHolders({
        ...facts,
        holders: [
          { shipmentNo: 'SD2', recipientKey: same },
          { shipmentNo: 'SD3', recipientKey: other },
        ],
      }),
    ).toEqual({
      ok: false,
      code: 'DUPLICATE_INVOICE',
      message: 'Lotte 1234 is already registered on SD3 for another recipient. Check the label on the parcel.',
      details: { shipmentNo: 'SD3' },
      holder: { shipmentNo: 'SD3', recipientKey: other },
    });
  });

  it("allows it on the same recipient's parcels with a combined-packing warning each, and ignores the shipment itself", () => {
    const v = judgeNumberHolders({
      ...facts,
      holders: [
        { shipmentNo: 'SD1', recipientKey: other },
        { shipmentNo: 'SD2', recipientKey: same },
      ],
    });
    expect(v.ok && v.warnings.map((w) => [w.code, w.message])).toEqual([
      ['COMBINED_PACKING', '1234 is also registered on SD2 for the same recipient (combined packing).'],
    ]);
  });
});

describe('register, modify, delete and the address', () => {
  const shipment = { shipmentNo: 'SD1' };

  it('registers only on a shipment awaiting its invoice', () => {
    expect(mayRegister({ ...shipment, status: 'AWAITING_INVOICE', hasInvoice: false }).ok).toBe(true);
    expect(mayRegister({ ...shipment, status: 'RELEASED', hasInvoice: true })).toMatchObject({
      code: 'INVALID_STATE',
      message: 'SD1 already has an invoice. Use modify to change it.',
    });
  });

  it('modifies and deletes while the parcel is on its way, never once delivered or failed', () => {
    expect(mayChangeInvoice({ ...shipment, status: 'SHIPPING', hasInvoice: true }, 'modify').ok).toBe(true);
    expect(mayChangeInvoice({ ...shipment, status: 'DELIVERED', hasInvoice: true }, 'modify')).toMatchObject({
      code: 'INVALID_STATE',
      message:
        'The invoice of SD1 cannot be modified now. The parcel was delivered; its invoice can no longer be changed.',
    });
    expect(mayChangeInvoice({ ...shipment, status: 'AWAITING_INVOICE', hasInvoice: false }, 'delete')).toMatchObject({
      message: 'SD1 has no invoice to delete.',
    });
  });

  it('refuses a modification to the number the shipment already has', () => {
    const current = { carrierId: 'kr.lotte', invoiceNo: '1234' };
    expect(mayReplaceNumber({ ...shipment, current }, { carrierId: 'kr.lotte', invoiceNo: '1234' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'SD1 already has Lotte 1234; nothing to change.',
    });
    expect(mayReplaceNumber({ ...shipment, current }, { carrierId: 'kr.lotte', invoiceNo: '1235' }).ok).toBe(true);
  });

  it('locks the address while an invoice is registered, with the way out the status allows', () => {
    expect(mayChangeAddress({ ...shipment, status: 'AWAITING_INVOICE', hasInvoice: false }).ok).toBe(true);
    const released = mayChangeAddress({ ...shipment, status: 'RELEASED', hasInvoice: true });
    expect(released).toMatchObject({ code: 'ADDRESS_LOCKED' });
    expect(!released.ok && released.message).toMatch(/^The address of SD1 is locked .* Delete the invoice first/);
    const delivered = mayChangeAddress({ ...shipment, status: 'DELIVERED', hasInvoice: true });
    expect(!delivered.ok && delivered.message).toMatch(/already delivered.*ask the carrier to redirect it/);
  });
});

describe('a change with two faults: the state speaks first, then the number', () => {
  const shipment = { shipmentNo: 'SD1' };
  const bad = checkInvoiceNumber({ ...domestic, carrierId: 'kr.lotte', invoiceNo: '123' });
  const good = checkInvoiceNumber({ ...domestic, carrierId: 'kr.lotte', invoiceNo: lotte(5) });
  const current = { carrierId: 'kr.lotte', invoiceNo: lotte(4) };

  it('register: an invoiced parcel is refused for its invoice, whatever the number', () => {
    const invoiced = { ...shipment, status: 'RELEASED' as const, hasInvoice: true };
    expect(mayRegisterNumber(invoiced, bad)).toMatchObject({
      code: 'INVALID_STATE',
      message: 'SD1 already has an invoice. Use modify to change it.',
    });
    const awaiting = { ...shipment, status: 'AWAITING_INVOICE' as const, hasInvoice: false };
    expect(mayRegisterNumber(awaiting, bad)).toMatchObject({ code: 'INVALID_INVOICE_NUMBER' });
    expect(mayRegisterNumber(awaiting, good)).toEqual(good);
  });

  it('modify: a delivered parcel is refused for its status before the number or the change is looked at', () => {
    const delivered = { ...shipment, status: 'DELIVERED' as const, hasInvoice: true };
    expect(mayModifyNumber(delivered, bad, current)).toMatchObject({
      code: 'INVALID_STATE',
      message:
        'The invoice of SD1 cannot be modified now. The parcel was delivered; its invoice can no longer be changed.',
    });
    const onItsWay = { ...shipment, status: 'SHIPPING' as const, hasInvoice: true };
    expect(mayModifyNumber(onItsWay, bad, current)).toMatchObject({ code: 'INVALID_INVOICE_NUMBER' });
    expect(mayModifyNumber(onItsWay, good, { carrierId: 'kr.lotte', invoiceNo: lotte(5) })).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(mayModifyNumber(onItsWay, good, current)).toEqual(good);
  });

  it('names the registered number in the refusal when the caller knows it', () => {
    const delivered = { ...shipment, status: 'DELIVERED' as const, hasInvoice: true, number: 'Lotte 1234' };
    expect(mayChangeInvoice(delivered, 'modify')).toMatchObject({
      message:
        'The invoice of SD1 (Lotte 1234) cannot be modified now. The parcel was delivered; its invoice can no longer be changed.',
    });
  });
});

describe('new lines of an order', () => {
  it('join a shipment only while it has no invoice', () => {
    expect(takesNewLines({ hasInvoice: false })).toBe(true);
    expect(takesNewLines({ hasInvoice: true })).toBe(false);
  });
});

describe('split and merge', () => {
  const open = { shipmentNo: 'SD1', status: 'AWAITING_INVOICE' as const, hasInvoice: false };
  const items = [
    { lineId: 'L1', quantity: 2 },
    { lineId: 'L2', quantity: 1 },
  ];

  it('splits off some pieces, never all, and only lines the parcel has', () => {
    expect(maySplit(open, items, [{ lineId: 'L1', quantity: 1 }]).ok).toBe(true);
    expect(maySplit(open, items, [{ lineId: 'L9', quantity: 1 }])).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'Line L9 is not on SD1. Its lines are: L1, L2.',
    });
    expect(
      maySplit(open, items, [
        { lineId: 'L1', quantity: 2 },
        { lineId: 'L2', quantity: 1 },
      ]),
    ).toMatchObject({ message: expect.stringMatching(/leaves at least one piece/) });
    expect(
      maySplit({ ...open, status: 'RELEASED', hasInvoice: true }, items, [{ lineId: 'L1', quantity: 1 }]),
    ).toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringMatching(/^SD1 already has an invoice, so it cannot be split\./),
    });
  });

  it("merges one order's parcels to one recipient, once the carrier work of the others is done", () => {
    const parcel = (no: string, o: Partial<Parameters<typeof mayMerge>[0][number]> = {}) => ({
      ...open,
      shipmentNo: no,
      order: 'ORD-1',
      recipientKey: 'k',
      carrierWorkWaiting: false,
      ...o,
    });
    expect(mayMerge([parcel('SD1'), parcel('SD2')]).ok).toBe(true);
    expect(mayMerge([parcel('SD1')])).toMatchObject({ code: 'INVALID_INPUT' });
    expect(mayMerge([parcel('SD1'), parcel('SD2', { order: 'ORD-2' })])).toMatchObject({
      message: 'SD1, SD2 belong to different orders; only the parcels of one order merge.',
    });
    expect(mayMerge([parcel('SD1'), parcel('SD2', { recipientKey: 'j' })])).toMatchObject({
      message: expect.stringMatching(/different recipients/),
    });
    // The parcel that stays may still have work queued; the ones that go may not.
    expect(mayMerge([parcel('SD1', { carrierWorkWaiting: true }), parcel('SD2')]).ok).toBe(true);
    expect(mayMerge([parcel('SD1'), parcel('SD2', { carrierWorkWaiting: true })])).toMatchObject({
      code: 'INVALID_STATE',
      message: 'SD2 still has work waiting to reach the carrier. Wait for the sync to finish, then merge.',
    });
  });
});
