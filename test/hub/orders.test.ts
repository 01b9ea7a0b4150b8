// Orders reach the pool: an order sheet imported at one station appears at every station, a split or
// merge at one station is seen at the others, and stations importing offline never mint the same
// Shipment No. A number minted twice anyway (before two desks joined) is a conflict, never overwritten.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stationRange } from '../../shared/shipmentNo';
import { koreanLines, naverSheet } from '../fixtures/orders/channelSheets';
import { importOrders } from '../fixtures/orders/desk';
import type { TestCore } from '../support/core';
import { startTestPool, validNumber, type TestPool } from '../support/hubEnv';
import { seedFacets } from '../support/seed';
import { expectAgreement, startStation, type TestStation } from '../support/stations';

let env: TestPool;
let A: TestStation;
let B: TestStation;

beforeAll(async () => {
  env = await startTestPool('orders');
  const [hub1, hub2] = [await env.startHub(), await env.startHub()];
  A = await startStation(env, hub1, 'A', { beforeJoin: (c) => seedFacets(c.db) });
  B = await startStation(env, hub2, 'B', { beforeJoin: (c) => seedFacets(c.db) });
});
afterAll(async () => {
  for (const s of [A, B]) s?.close();
  await env.close();
});

type Line = { product_id: string; quantity: number };
const linesOf = (core: TestCore, shipmentNo: string): Line[] =>
  core.db
    .prepare(
      `SELECT oi.product_id, oi.quantity FROM order_items oi JOIN shipments s ON s.id = oi.shipment_id
       WHERE s.shipment_no = ? ORDER BY oi.product_id, oi.quantity`,
    )
    .all(shipmentNo) as Line[];
const orderOf = (core: TestCore, shipmentNo: string) =>
  (
    core.db
      .prepare('SELECT o.order_no FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.shipment_no = ?')
      .get(shipmentNo) as { order_no: string } | undefined
  )?.order_no;
const addressOf = (core: TestCore, shipmentNo: string) =>
  (
    core.db.prepare('SELECT address_line1 FROM shipments WHERE shipment_no = ?').get(shipmentNo) as
      { address_line1: string } | undefined
  )?.address_line1;
const localInvoice = (core: TestCore, shipmentNo: string) =>
  core.db.prepare('SELECT invoice_id FROM shipments WHERE shipment_no = ? AND invoice_id IS NOT NULL').get(shipmentNo);
const stationCodeOf = async (name: string) =>
  (await env.pool.query<{ code: number }>('SELECT code FROM stations WHERE name = $1', [name])).rows[0]!.code;
const inRange = (no: string, code: number) => {
  const r = stationRange(code);
  return no >= r.first && no <= r.last;
};

describe('order sheets in a pool', () => {
  it('shows orders imported at station A at station B, lines and all, numbered in A’s own range', async () => {
    const result = await importOrders(A.core, await naverSheet(koreanLines(3, '2026112710')));
    expect(result.shipmentNos).toHaveLength(3);
    const codeA = await stationCodeOf('A');
    expect(result.shipmentNos.every((no) => inRange(no, codeA))).toBe(true);
    // The import waits in A's queue until it reaches the pool.
    expect((await A.core.ok('pool.state', {})).pending).toBeGreaterThan(0);
    await expectAgreement(env, [A, B]);
    for (const no of result.shipmentNos) {
      expect(orderOf(B.core, no)).toBe(orderOf(A.core, no));
      expect(linesOf(B.core, no)).toEqual(linesOf(A.core, no));
      expect(linesOf(B.core, no).length).toBeGreaterThan(0);
    }
    // Station B can register on A's parcel like on its own.
    const detail = await B.core.ok('shipments.get', { shipmentNo: result.shipmentNos[0]! });
    expect(detail.status).toBe('AWAITING_INVOICE');
  });

  it('shows a split at station A at station B, and a merge at station B at station A', async () => {
    // Order 3 of koreanLines has three lines: a parcel worth splitting.
    const result = await importOrders(A.core, await naverSheet(koreanLines(3, '2026112720')));
    const parcel = result.shipmentNos[2]!;
    await expectAgreement(env, [A, B]);
    const before = linesOf(A.core, parcel);
    const detail = await A.core.ok('shipments.get', { shipmentNo: parcel });
    const moving = detail.items[0];
    if (!moving) throw new Error(`${parcel} has no lines to split`);
    const split = await A.core.ok('shipments.split', {
      shipmentNo: parcel,
      lines: [{ lineId: moving.lineId, quantity: moving.quantity }],
    });
    const rows = await expectAgreement(env, [A, B]);
    expect(rows.map((r) => r.shipment_no)).toContain(split.shipmentNo);
    expect(linesOf(B.core, split.shipmentNo)).toEqual(linesOf(A.core, split.shipmentNo));
    expect(linesOf(B.core, parcel)).toEqual(linesOf(A.core, parcel));
    expect(linesOf(B.core, parcel).length + linesOf(B.core, split.shipmentNo).length).toBe(before.length);

    await B.core.ok('shipments.merge', { shipmentNos: [parcel, split.shipmentNo] });
    const after = await expectAgreement(env, [A, B]);
    expect(after.map((r) => r.shipment_no)).not.toContain(split.shipmentNo);
    expect(A.core.db.prepare('SELECT 1 FROM shipments WHERE shipment_no = ?').get(split.shipmentNo)).toBeUndefined();
    expect(linesOf(A.core, parcel)).toEqual(before);
    expect(linesOf(B.core, parcel)).toEqual(before);
  });

  it('never mints the same Shipment No. at two stations importing offline, and both imports reach everyone', async () => {
    A.net.cut = true;
    B.net.cut = true;
    const atA = await importOrders(A.core, await naverSheet(koreanLines(4, '2026112730')));
    const atB = await importOrders(B.core, await naverSheet(koreanLines(4, '2026112740')));
    expect(atA.shipmentNos.filter((no) => atB.shipmentNos.includes(no))).toEqual([]);
    const codeB = await stationCodeOf('B');
    expect(atB.shipmentNos.every((no) => inRange(no, codeB))).toBe(true);
    A.net.cut = false;
    B.net.cut = false;
    const rows = await expectAgreement(env, [A, B]);
    const pooled = rows.map((r) => r.shipment_no);
    for (const no of [...atA.shipmentNos, ...atB.shipmentNos]) expect(pooled).toContain(no);
    for (const no of atB.shipmentNos) expect(orderOf(A.core, no)).toBe(orderOf(B.core, no));
    expect((await A.core.ok('conflicts.list', {})).length).toBe(0);
    expect((await B.core.ok('conflicts.list', {})).length).toBe(0);
  });

  it('splits offline a parcel imported offline, and the pool takes both in order', async () => {
    A.net.cut = true;
    const result = await importOrders(A.core, await naverSheet(koreanLines(3, '2026112750')));
    const parcel = result.shipmentNos[2]!;
    const detail = await A.core.ok('shipments.get', { shipmentNo: parcel });
    const moving = detail.items[0];
    if (!moving) throw new Error(`${parcel} has no lines to split`);
    const split = await A.core.ok('shipments.split', {
      shipmentNo: parcel,
      lines: [{ lineId: moving.lineId, quantity: moving.quantity }],
    });
    A.net.cut = false;
    await expectAgreement(env, [A, B]);
    expect(linesOf(B.core, split.shipmentNo)).toEqual(linesOf(A.core, split.shipmentNo));
    expect(linesOf(B.core, parcel)).toEqual(linesOf(A.core, parcel));
    expect((await A.core.ok('conflicts.list', {})).length).toBe(0);
  });

  it('refuses a split that lost to a registration elsewhere and gives the parcel its lines back', async () => {
    const result = await importOrders(A.core, await naverSheet(koreanLines(3, '2026112760')));
    const parcel = result.shipmentNos[2]!;
    await expectAgreement(env, [A, B]);
    const before = linesOf(A.core, parcel);
    A.net.cut = true;
    const detail = await A.core.ok('shipments.get', { shipmentNo: parcel });
    const moving = detail.items[0];
    if (!moving) throw new Error(`${parcel} has no lines to split`);
    const split = await A.core.ok('shipments.split', {
      shipmentNo: parcel,
      lines: [{ lineId: moving.lineId, quantity: moving.quantity }],
    });
    await B.core.ok('invoices.register', {
      shipmentNo: parcel,
      carrierId: 'kr.cjlogistics',
      invoiceNo: validNumber(9001),
    });
    await B.sync();
    A.net.cut = false;
    const rows = await expectAgreement(env, [A, B]);
    expect(rows.map((r) => r.shipment_no)).not.toContain(split.shipmentNo);
    expect(linesOf(A.core, parcel)).toEqual(before);
    const conflicts = await A.core.ok('conflicts.list', {});
    expect(conflicts).toEqual([
      expect.objectContaining({ shipmentNo: parcel, kind: 'regroup', verdict: 'conflict', station: 'B' }),
    ]);
  });
});

describe('a Shipment No. minted twice', () => {
  it('is a conflict at the second station, never written over the first station’s parcel', async () => {
    const hub = env.hubs[0]!;
    // Two stand-alone desks import different orders, so both mint the first numbers; then they join.
    const C = await startStation(env, hub, 'C', {
      async beforeJoin(core) {
        seedFacets(core.db);
        await importOrders(core, await naverSheet(koreanLines(2, '2026112800')));
      },
    });
    const D = await startStation(env, hub, 'D', {
      async beforeJoin(core) {
        seedFacets(core.db);
        // Other recipients' addresses than C's parcels under the same numbers.
        const lines = koreanLines(2, '2026112900').map((l) => ({ ...l, address1: `${l.address1} D동` }));
        await importOrders(core, await naverSheet(lines));
      },
    });
    try {
      const taken = 'SD0000000001';
      expect(orderOf(C.core, taken)).toBe('20261128000001');
      expect(orderOf(D.core, taken)).toBe('20261129000001');
      const dLines = linesOf(D.core, taken);
      const dAddress = addressOf(D.core, taken);
      await C.sync();
      const r = await D.sync();
      expect(r.conflicts).toBe(2);
      // D keeps its own parcel under the number; the pool keeps C's.
      expect(orderOf(D.core, taken)).toBe('20261129000001');
      const pool = await env.pool.query<{ order_no: string; created_by: string }>(
        'SELECT order_no, created_by FROM shipments WHERE shipment_no = $1',
        [taken],
      );
      expect(pool.rows).toEqual([{ order_no: '20261128000001', created_by: 'C' }]);
      const conflicts = await D.core.ok('conflicts.list', {});
      expect(conflicts.map((c) => c.shipmentNo).sort()).toEqual(['SD0000000001', 'SD0000000002']);
      expect(conflicts[0]).toMatchObject({ verdict: 'conflict', station: 'C', code: 'SHIPMENT_NO_TAKEN' });
      expect(conflicts[0]?.reason).toMatch(/already in the pool for order 2026112800000\d \(station C\)/);
      // D's parcel is its own still: the pool's shipment under the number did not write over it.
      expect(linesOf(D.core, taken)).toEqual(dLines);
      expect(addressOf(D.core, taken)).toBe(dAddress);
      expect(dAddress).not.toBe(addressOf(C.core, taken));
      // Nothing done to it may reach the pool: it would land on C's parcel.
      const refused = await D.core.call('invoices.register', {
        shipmentNo: taken,
        carrierId: 'kr.cjlogistics',
        invoiceNo: validNumber(9101),
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'SHIPMENT_NO_TAKEN' } });
      expect(localInvoice(D.core, taken)).toBeUndefined();

      // "Use mine": D's parcel gets a number of D's own range and goes to the pool; C's comes in.
      const codeD = await stationCodeOf('D');
      const item = conflicts.find((c) => c.shipmentNo === taken)!;
      await D.core.ok('conflicts.resolve', { id: item.id, action: 'useMine' });
      const renumbered = D.core.db
        .prepare(
          `SELECT s.shipment_no FROM shipments s JOIN orders o ON o.id = s.order_id WHERE o.order_no = '20261129000001'`,
        )
        .get() as { shipment_no: string };
      expect(inRange(renumbered.shipment_no, codeD)).toBe(true);
      expect(addressOf(D.core, renumbered.shipment_no)).toBe(dAddress);
      expect(orderOf(D.core, taken)).toBe('20261128000001');
      expect((await D.core.ok('conflicts.list', {})).map((c) => c.shipmentNo)).toEqual(['SD0000000002']);
      await D.sync();
      await C.sync();
      expect(orderOf(C.core, renumbered.shipment_no)).toBe('20261129000001');
      expect(addressOf(C.core, renumbered.shipment_no)).toBe(dAddress);

      // New imports at D are numbered in D's own range and reach C.
      const fresh = await importOrders(D.core, await naverSheet(koreanLines(1, '2026113000')));
      expect(inRange(fresh.shipmentNos[0]!, codeD)).toBe(true);
      await D.sync();
      await C.sync();
      expect(orderOf(C.core, fresh.shipmentNos[0]!)).toBe('20261130000001');
    } finally {
      C.close();
      D.close();
    }
  });
});
