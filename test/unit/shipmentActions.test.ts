// The core's one answer to "what may be done with this shipment", for every status with and without
// an invoice, and the screen's words for every reason in both languages.
import { describe, expect, it } from 'vitest';
import { ACTION_LOCKS } from '../../shared/api/contract';
import { SHIPMENT_STATUSES, type ShipmentStatus } from '../../shared/domain';
import { rowActions, shipmentActions } from '../../main/core/services/shipmentActions';
import { translator } from '../../renderer/src/i18n';
import { lockText } from '../../renderer/src/i18n/lockText';

/** What the dialog must offer (register, modify/delete, address, split, merge), written out by hand. */
const EXPECTED: [status: ShipmentStatus, hasInvoice: boolean, why: Record<string, string | null>][] = [
  ['AWAITING_INVOICE', false, { register: null, modify: 'noInvoice', editAddress: null, split: null, merge: null }],
  [
    'PREPARING_TO_SHIP',
    true,
    { register: 'hasInvoice', modify: null, editAddress: 'hasInvoice', split: 'hasInvoice', merge: 'hasInvoice' },
  ],
  [
    'SHIPPING',
    true,
    { register: 'hasInvoice', modify: null, editAddress: 'hasInvoice', split: 'hasInvoice', merge: 'hasInvoice' },
  ],
  [
    'DELIVERED',
    true,
    {
      register: 'hasInvoice',
      modify: 'delivered',
      editAddress: 'hasInvoice',
      split: 'hasInvoice',
      merge: 'hasInvoice',
    },
  ],
  [
    'FAILED',
    true,
    { register: 'hasInvoice', modify: 'failed', editAddress: 'hasInvoice', split: 'hasInvoice', merge: 'hasInvoice' },
  ],
  [
    'PROCESSED',
    false,
    { register: 'notAwaiting', modify: 'noInvoice', editAddress: null, split: 'notAwaiting', merge: 'notAwaiting' },
  ],
];

describe('shipment actions', () => {
  it.each(EXPECTED)('%s, invoice %s: each action open or closed for the expected reason', (status, hasInvoice, why) => {
    const a = shipmentActions({ shipmentNo: 'SD0000000001', status, hasInvoice, pieces: 2 });
    expect({ ...a.why, delete: undefined }).toMatchObject({ ...why, delete: undefined });
    expect(a.why.delete).toBe(why['modify']);
    expect(a).toMatchObject({
      register: why['register'] === null,
      modify: why['modify'] === null,
      split: why['split'] === null,
    });
  });

  it('a split needs more than one piece to part', () => {
    const one = shipmentActions({
      shipmentNo: 'SD0000000001',
      status: 'AWAITING_INVOICE',
      hasInvoice: false,
      pieces: 1,
    });
    expect(one).toMatchObject({ split: false, merge: true, why: { split: 'onePiece', merge: null } });
  });

  it('the command line reads why in English: the locked invoice, else the locked address', () => {
    const delivered = shipmentActions({ shipmentNo: 'SD0000000001', status: 'DELIVERED', hasInvoice: true, pieces: 1 });
    expect(delivered.reason).toBe('The parcel was delivered; its invoice can no longer be changed.');
    const shipping = shipmentActions({ shipmentNo: 'SD0000000001', status: 'SHIPPING', hasInvoice: true, pieces: 1 });
    expect(shipping.reason).toMatch(
      /^The address of SD0000000001 is locked because an invoice is registered\. Delete the invoice first/,
    );
    expect(
      shipmentActions({ shipmentNo: 'SD0000000001', status: 'AWAITING_INVOICE', hasInvoice: false, pieces: 1 }).reason,
    ).toBeNull();
  });

  it('modify and delete follow the status once an invoice exists; without one they are closed as noInvoice', () => {
    const open = SHIPMENT_STATUSES.filter((status) => rowActions({ status, hasInvoice: true }).modify);
    expect(open).toEqual(['PREPARING_TO_SHIP', 'RELEASED', 'PROCESSED', 'SHIPPING']);
    expect(rowActions({ status: 'DELIVERED', hasInvoice: true }).why.delete).toBe('delivered');
    expect(rowActions({ status: 'FAILED', hasInvoice: true }).why.modify).toBe('failed');
    for (const status of SHIPMENT_STATUSES)
      expect(rowActions({ status, hasInvoice: false }).why.modify).toBe('noInvoice');
  });

  it('register, split and merge need a shipment awaiting its invoice; the address only needs no invoice', () => {
    expect(rowActions({ status: 'AWAITING_INVOICE', hasInvoice: false })).toMatchObject({
      register: true,
      editAddress: true,
    });
    expect(rowActions({ status: 'SHIPPING', hasInvoice: true }).why).toMatchObject({
      register: 'hasInvoice',
      editAddress: 'hasInvoice',
    });
    expect(
      shipmentActions({ shipmentNo: 'SD0000000001', status: 'PROCESSED', hasInvoice: false, pieces: 3 }).why,
    ).toMatchObject({
      register: 'notAwaiting',
      split: 'notAwaiting',
      merge: 'notAwaiting',
      editAddress: null,
    });
  });
});

describe('the words for each reason', () => {
  const en = translator('en');
  const ko = translator('ko');
  it('exist in English and Korean, and differ', () => {
    for (const code of ACTION_LOCKS) {
      const english = lockText(en, code);
      const korean = lockText(ko, code);
      expect(english, code).toMatch(/^[A-Z].+\.$/);
      expect(korean, code).toMatch(/[가-힣]/);
      expect(korean).not.toBe(english);
    }
    expect(lockText(en, null)).toBeNull();
  });
});
