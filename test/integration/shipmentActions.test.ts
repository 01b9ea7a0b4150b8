// What may be done with a shipment, as the core sends it to the screen: the grid's rows and the
// invoice dialog's detail carry the same verdict per action, with a reason code when closed, and
// every change answers the grid row the screen stores, the very row the list shows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShipmentRow } from '../../shared/api/contract';
import type { ShipmentStatus } from '../../shared/domain';
import { startTestCore, type TestCore } from '../support/core';
import { BASE_TIME, lotteNumber, seedFacets, seedShipments, type SeedShipment } from '../support/seed';

let core: TestCore;
beforeEach(() => {
  core = startTestCore();
  seedFacets(core.db);
});
afterEach(() => core.cleanup());

/** The row the grid shows for a shipment, read through the list as the screen reads it. */
async function listedRow(shipmentNo: string): Promise<ShipmentRow> {
  const list = await core.ok('shipments.list', { search: { field: 'shipmentNo', text: shipmentNo } });
  expect(list.rows).toHaveLength(1);
  return list.rows[0]!;
}

const withInvoice = (status: ShipmentStatus, serial: number): SeedShipment => ({
  status,
  invoice: {
    carrierId: 'kr.lotte',
    invoiceNo: lotteNumber(serial),
    released: status !== 'PREPARING_TO_SHIP',
    events:
      status === 'DELIVERED'
        ? [{ at: BASE_TIME, code: 'DELIVERED' }]
        : status === 'FAILED'
          ? [{ at: BASE_TIME, code: 'ATTEMPT_FAIL' }]
          : [],
  },
});

// Per status: [register, modify and delete, address] as the operator finds them: open (null) or closed, and why.
const TABLE: [ShipmentStatus, string | null, string | null, string | null][] = [
  ['AWAITING_INVOICE', null, 'noInvoice', null],
  ['PREPARING_TO_SHIP', 'hasInvoice', null, 'hasInvoice'],
  ['RELEASED', 'hasInvoice', null, 'hasInvoice'],
  ['PROCESSED', 'hasInvoice', null, 'hasInvoice'],
  ['SHIPPING', 'hasInvoice', null, 'hasInvoice'],
  ['FAILED', 'hasInvoice', 'failed', 'hasInvoice'],
  ['DELIVERED', 'hasInvoice', 'delivered', 'hasInvoice'],
];

describe('what may be done with a shipment', () => {
  it('the grid row and the detail say the same for every status, with the reason when closed', async () => {
    const nos = seedShipments(
      core.db,
      TABLE.map(([status], i) => (status === 'AWAITING_INVOICE' ? { status } : withInvoice(status, 40 + i))),
    );
    for (const [i, [status, register, invoice, address]] of TABLE.entries()) {
      const shipmentNo = nos[i]!;
      const why = { register, modify: invoice, delete: invoice, editAddress: address };
      const open = { register: !register, modify: !invoice, delete: !invoice, editAddress: !address };
      const row = await listedRow(shipmentNo);
      expect(row.status).toBe(status);
      expect(row.allowed, status).toEqual({ ...open, why });

      const detail = await core.ok('shipments.get', { shipmentNo });
      expect(detail.allowed, status).toMatchObject({ ...open, why: expect.objectContaining(why) });
      expect(detail.row, status).toEqual(row);
    }
  });

  it('splitting needs a second piece and no invoice; merging needs no invoice', async () => {
    const [single, invoiced] = seedShipments(core.db, [{}, withInvoice('SHIPPING', 50)]);
    const detail = await core.ok('shipments.get', { shipmentNo: single! });
    expect(detail.allowed).toMatchObject({ split: false, merge: true, why: { split: 'onePiece', merge: null } });

    core.db
      .prepare(
        'UPDATE order_items SET quantity = 2 WHERE shipment_id = (SELECT id FROM shipments WHERE shipment_no = ?)',
      )
      .run(single!);
    const twoPieces = await core.ok('shipments.get', { shipmentNo: single! });
    expect(twoPieces.allowed).toMatchObject({ split: true, merge: true, why: { split: null, merge: null } });

    const withNumber = await core.ok('shipments.get', { shipmentNo: invoiced! });
    expect(withNumber.allowed).toMatchObject({
      split: false,
      merge: false,
      why: { split: 'hasInvoice', merge: 'hasInvoice' },
    });
  });

  it('gives the command line the refusal the change itself would meet, in English', async () => {
    const [delivered, shipping] = seedShipments(core.db, [withInvoice('DELIVERED', 60), withInvoice('SHIPPING', 61)]);
    expect((await core.ok('shipments.get', { shipmentNo: delivered! })).allowed.reason).toMatch(/delivered/);
    const refused = await core.call('shipments.updateAddress', {
      shipmentNo: shipping!,
      address: { country: 'KR', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '' },
    });
    expect(refused.ok).toBe(false);
    expect((await core.ok('shipments.get', { shipmentNo: shipping! })).allowed.reason).toBe(
      !refused.ok ? refused.error.message : 'refused',
    );
    expect(!refused.ok && refused.error.message).toMatch(
      /^The address of SD\d{10} is locked because an invoice is registered\./,
    );
  });
});

describe('every change answers the row the grid stores', () => {
  it('register, modify, delete and an address change each return the row the list now shows', async () => {
    const [no] = seedShipments(core.db, [{}]);
    const shipmentNo = no!;

    const registered = await core.ok('invoices.register', {
      shipmentNo,
      carrierId: 'kr.lotte',
      invoiceNo: lotteNumber(70),
    });
    expect(registered.shipment.row).toEqual(await listedRow(shipmentNo));
    expect(registered.shipment.row).toMatchObject({
      status: 'PREPARING_TO_SHIP',
      invoiceNo: lotteNumber(70),
      allowed: { register: false, modify: true, delete: true, editAddress: false },
    });

    const modified = await core.ok('invoices.modify', {
      shipmentNo,
      carrierId: 'kr.lotte',
      invoiceNo: lotteNumber(71),
      reason: 'typo',
    });
    expect(modified.shipment.row).toEqual(await listedRow(shipmentNo));
    expect(modified.shipment.row.invoiceNo).toBe(lotteNumber(71));

    const deleted = await core.ok('invoices.delete', { shipmentNo, reason: 'order cancelled' });
    expect(deleted.row).toEqual(await listedRow(shipmentNo));
    expect(deleted.row).toMatchObject({ invoiceNo: null, allowed: { register: true, editAddress: true } });

    const moved = await core.ok('shipments.updateAddress', {
      shipmentNo,
      address: { country: 'JP', postalCode: '100-0001', line1: 'Chiyoda 1-1', line2: '' },
    });
    expect(moved.row).toEqual(await listedRow(shipmentNo));
    expect(moved.row).toMatchObject({ country: 'JP', region: 'international' });
  });
});
