// The core's one answer to "what may be done with this shipment", for every status with and without
// an invoice, and the screen's words for every reason in both languages.
import { describe, expect, it } from 'vitest';
import { ACTION_LOCKS } from '../../shared/api/contract';
import { SHIPMENT_STATUSES } from '../../shared/domain';
import { rowActions, shipmentActions } from '../../main/core/services/shipmentActions';
import { translator } from '../../renderer/src/i18n';
import { lockText } from '../../renderer/src/i18n/lockText';

const FACTS = SHIPMENT_STATUSES.flatMap((status) => [
  { status, hasInvoice: false },
  { status, hasInvoice: true },
]);

describe('shipment actions', () => {
  it('an action is open exactly when it has no reason to be closed', () => {
    for (const f of FACTS) {
      const a = shipmentActions({ ...f, pieces: 2 });
      for (const action of ['register', 'modify', 'delete', 'editAddress', 'split', 'merge'] as const)
        expect(a[action], `${f.status} ${f.hasInvoice} ${action}`).toBe(a.why[action] === null);
    }
  });

  it('the grid row and the dialog agree on register, modify, delete and the address', () => {
    for (const f of FACTS) {
      const row = rowActions(f);
      const dialog = shipmentActions({ ...f, pieces: 1 });
      for (const action of ['register', 'modify', 'delete', 'editAddress'] as const) {
        expect(dialog[action], `${f.status} ${f.hasInvoice} ${action}`).toBe(row[action]);
        expect(dialog.why[action], `${f.status} ${f.hasInvoice} ${action}`).toBe(row.why[action]);
      }
    }
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
    expect(shipmentActions({ status: 'PROCESSED', hasInvoice: false, pieces: 3 }).why).toMatchObject({
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
