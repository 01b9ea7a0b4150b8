// Registering, modifying and deleting invoices through the dispatcher, on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASE_TIME, lotteNumber, seedFacets, seedShipments } from '../support/seed';
import { startTestCore, type TestCore } from '../support/core';

let core: TestCore;
beforeEach(() => {
  core = startTestCore();
  seedFacets(core.db);
});
afterEach(() => core.cleanup());

const snapshot = () => ({
  invoices: core.db.prepare('SELECT * FROM invoices ORDER BY id').all(),
  shipments: core.db.prepare('SELECT * FROM shipments ORDER BY id').all(),
  history: core.db.prepare('SELECT * FROM history ORDER BY id').all(),
  outbox: core.db.prepare('SELECT * FROM outbox ORDER BY id').all(),
});

describe('register', () => {
  it('normalises the scanned number, records who and how, and releases it', async () => {
    const [no] = seedShipments(core.db, [{}]);
    core.now.value = Date.parse('2026-11-26T02:03:04Z');
    const res = await core.call(
      'invoices.register',
      { shipmentNo: ` ${no!.toLowerCase()} `, carrierId: 'kr.lotte', invoiceNo: '2417-4342-3084', via: 'scan' },
      'park',
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(res.value.shipment.invoiceNo).toBe('241743423084');
    expect(res.value.shipment.status).toBe('PREPARING_TO_SHIP');
    expect(res.value.shipment.addressLocked).toBe(true);
    const [entry] = await core.ok('invoices.history', { shipmentNo: no! });
    expect(entry).toMatchObject({
      action: 'registered',
      operator: 'park',
      via: 'scan',
      at: '2026-11-26T02:03:04.000Z',
      after: { carrierId: 'kr.lotte', invoiceNo: '241743423084' },
    });
    expect(await core.runOutbox()).toEqual([no]);
    expect((await core.ok('shipments.get', { shipmentNo: no! })).status).toBe('RELEASED');
  });

  it('refuses an invalid number and saves nothing', async () => {
    const [no] = seedShipments(core.db, [{}]);
    const before = snapshot();
    const res = await core.call('invoices.register', {
      shipmentNo: no!,
      carrierId: 'kr.lotte',
      invoiceNo: '241743423085',
    });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('INVALID_INVOICE_NUMBER');
    expect(res.error.message).toMatch(/check digit|Lotte/i);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a carrier of the other region', async () => {
    const [no] = seedShipments(core.db, [{ country: 'US' }]);
    const res = await core.call('invoices.register', {
      shipmentNo: no!,
      carrierId: 'kr.lotte',
      invoiceNo: '241743423084',
    });
    expect(!res.ok && res.error.code).toBe('CARRIER_NOT_FOR_REGION');
  });

  it('refuses a second invoice on the same shipment, and an unknown shipment', async () => {
    const [no] = seedShipments(core.db, [
      { status: 'RELEASED', invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(1) } },
    ]);
    const again = await core.call('invoices.register', {
      shipmentNo: no!,
      carrierId: 'kr.lotte',
      invoiceNo: lotteNumber(2),
    });
    expect(!again.ok && again.error).toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringMatching(/already has an invoice/),
    });
    const missing = await core.call('invoices.register', {
      shipmentNo: 'SD9999999999',
      carrierId: 'kr.lotte',
      invoiceNo: lotteNumber(2),
    });
    expect(!missing.ok && missing.error).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('SD9999999999'),
    });
  });

  it('refuses a number active for another recipient, allows it with a warning for the same recipient', async () => {
    const [a, b, c] = seedShipments(core.db, [
      { recipient: '김민수', line1: '서울 강남구 테헤란로 1' },
      { recipient: '이서연', line1: '부산 해운대구 1' },
      { recipient: '김민수', line1: '서울  강남구 테헤란로 1' },
    ]);
    await core.ok('invoices.register', { shipmentNo: a!, carrierId: 'kr.lotte', invoiceNo: lotteNumber(7) });
    const other = await core.call('invoices.register', {
      shipmentNo: b!,
      carrierId: 'kr.lotte',
      invoiceNo: lotteNumber(7),
    });
    expect(!other.ok && other.error).toMatchObject({ code: 'DUPLICATE_INVOICE', message: expect.stringContaining(a!) });
    const same = await core.ok('invoices.register', {
      shipmentNo: c!,
      carrierId: 'kr.lotte',
      invoiceNo: lotteNumber(7),
    });
    expect(same.warnings.join(' ')).toMatch(/combined packing/);
    expect(same.warnings.join(' ')).toContain(a!);
  });
});

describe('modify and delete', () => {
  const moving = {
    carrierId: 'kr.lotte',
    invoiceNo: lotteNumber(11),
    events: [
      { at: BASE_TIME + 10, code: 'AT_PICKUP' as const },
      { at: BASE_TIME + 20, code: 'IN_TRANSIT' as const },
    ],
  };

  it('modify resets to PREPARING_TO_SHIP, detaches the old events and keeps both numbers in history', async () => {
    const [no] = seedShipments(core.db, [{ status: 'SHIPPING', invoice: moving }]);
    expect((await core.ok('shipments.get', { shipmentNo: no! })).events).toHaveLength(2);
    const res = await core.ok('invoices.modify', {
      shipmentNo: no!,
      carrierId: 'kr.lotte',
      invoiceNo: lotteNumber(12),
      reason: 'label misprinted',
    });
    expect(res.shipment).toMatchObject({
      status: 'PREPARING_TO_SHIP',
      tab: 'preparing',
      invoiceNo: lotteNumber(12),
      events: [],
    });
    const [entry] = await core.ok('invoices.history', { shipmentNo: no! });
    expect(entry).toMatchObject({
      action: 'modified',
      reason: 'label misprinted',
      before: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(11) },
      after: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(12) },
    });
    // the withdraw of the old number leaves before the release of the new one
    expect(core.db.prepare('SELECT kind FROM outbox ORDER BY id').all()).toEqual([
      { kind: 'withdraw' },
      { kind: 'release' },
    ]);
  });

  it('refuses to modify or delete after delivery and while failed, with the reason', async () => {
    const [delivered, failed] = seedShipments(core.db, [
      { status: 'DELIVERED', invoice: { ...moving, events: [{ at: BASE_TIME, code: 'DELIVERED' }] } },
      {
        status: 'FAILED',
        invoice: {
          carrierId: 'kr.lotte',
          invoiceNo: lotteNumber(13),
          events: [{ at: BASE_TIME, code: 'ATTEMPT_FAIL' }],
        },
      },
    ]);
    const before = snapshot();
    for (const [no, why] of [
      [delivered!, /delivered/i],
      [failed!, /redeliver or cancel/i],
    ] as const) {
      const m = await core.call('invoices.modify', {
        shipmentNo: no,
        carrierId: 'kr.lotte',
        invoiceNo: lotteNumber(14),
      });
      expect(!m.ok && m.error).toMatchObject({ code: 'INVALID_STATE', message: expect.stringMatching(why) });
      const d = await core.call('invoices.delete', { shipmentNo: no });
      expect(!d.ok && d.error).toMatchObject({ code: 'INVALID_STATE', message: expect.stringMatching(why) });
      const detail = await core.ok('shipments.get', { shipmentNo: no });
      expect(detail.allowed).toMatchObject({ modify: false, delete: false, reason: expect.stringMatching(why) });
    }
    expect(snapshot()).toEqual(before);
  });

  it('delete returns the shipment to awaiting an invoice and unlocks the address', async () => {
    const [no] = seedShipments(core.db, [
      { status: 'RELEASED', invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(15) } },
    ]);
    const locked = await core.call('shipments.updateAddress', {
      shipmentNo: no!,
      address: { country: 'KR', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '' },
    });
    expect(!locked.ok && locked.error.code).toBe('ADDRESS_LOCKED');
    const after = await core.ok('invoices.delete', { shipmentNo: no!, reason: 'order cancelled' });
    expect(after).toMatchObject({
      status: 'AWAITING_INVOICE',
      invoiceNo: null,
      addressLocked: false,
      allowed: { register: true, editAddress: true },
    });
    const moved = await core.ok('shipments.updateAddress', {
      shipmentNo: no!,
      address: { country: 'JP', postalCode: '100-0001', line1: 'Chiyoda 1-1', line2: '' },
    });
    expect(moved).toMatchObject({ region: 'international', address: { country: 'JP' } });
    const history = await core.ok('invoices.history', { shipmentNo: no! });
    expect(history.map((h) => h.action)).toEqual(['address_changed', 'deleted']);
    expect(history[1]).toMatchObject({ before: { invoiceNo: lotteNumber(15) }, reason: 'order cancelled' });
  });

  it('a failure in the middle of a modify leaves the database as it was', async () => {
    const [no] = seedShipments(core.db, [
      { status: 'RELEASED', invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(16) } },
    ]);
    // The history write comes after the old invoice is ended and the new one inserted.
    core.db.exec(`CREATE TRIGGER fail_history BEFORE INSERT ON history WHEN new.action = 'modified'
                  BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    const before = snapshot();
    const res = await core.call('invoices.modify', {
      shipmentNo: no!,
      carrierId: 'kr.lotte',
      invoiceNo: lotteNumber(17),
    });
    expect(!res.ok && res.error.code).toBe('INTERNAL');
    expect(!res.ok && res.error.message).toMatch(/nothing was saved/);
    expect(snapshot()).toEqual(before);
  });
});
