// The grid's query: every filter narrows to exactly the expected rows; counts equal the database's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShipmentListResult } from '../../shared/api/contract';
import { BASE_TIME, lotteNumber, seedFacets, seedShipments, type SeedShipment } from '../support/seed';
import { startTestCore, type TestCore } from '../support/core';

let core: TestCore;
const DAY = 86_400_000;
const nos: Record<string, string> = {};

beforeAll(() => {
  core = startTestCore();
  seedFacets(core.db);
  const specs: [string, SeedShipment][] = [
    ['awaiting', { orderedAt: BASE_TIME, productId: 'P200001', memo: '문 앞에 놓아주세요' }],
    [
      'released',
      {
        status: 'RELEASED',
        orderedAt: BASE_TIME - DAY,
        invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(1) },
        warehouse: 'WH-PUS',
      },
    ],
    [
      'shipping',
      {
        status: 'SHIPPING',
        orderedAt: BASE_TIME - 2 * DAY,
        invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(2), events: [{ at: BASE_TIME, code: 'IN_TRANSIT' }] },
        policy: 'FREE',
      },
    ],
    [
      'failed',
      {
        status: 'FAILED',
        orderedAt: BASE_TIME - 3 * DAY,
        invoice: {
          carrierId: 'kr.lotte',
          invoiceNo: lotteNumber(3),
          events: [{ at: BASE_TIME, code: 'ATTEMPT_FAIL' }],
        },
        option: 'QUICK',
      },
    ],
    [
      'delivered',
      {
        status: 'DELIVERED',
        orderedAt: BASE_TIME - 40 * DAY,
        invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(4), events: [{ at: BASE_TIME, code: 'DELIVERED' }] },
      },
    ],
    ['intl', { country: 'US', orderedAt: BASE_TIME - DAY, warehouse: 'WH-OVS', recipient: 'John Smith' }],
    ['exchange', { claim: 'exchange', orderedAt: BASE_TIME - 5 * DAY, productId: 'P200001' }],
  ];
  seedShipments(
    core.db,
    specs.map(([, s]) => s),
  ).forEach((no, i) => (nos[specs[i]![0]] = no));
  // 120 more awaiting shipments to page through
  seedShipments(
    core.db,
    Array.from({ length: 120 }, (_, i) => ({ orderedAt: BASE_TIME - 10 * DAY - i * 60_000 })),
  );
});
afterAll(() => core.cleanup());

const list = (input: Parameters<TestCore['ok']>[1] & object) =>
  core.ok('shipments.list', input as never) as Promise<ShipmentListResult>;
const shipmentNos = (r: ShipmentListResult) => r.rows.map((x) => x.shipmentNo);

describe('shipments.list', () => {
  it('counts per tab equal the database, and the tab narrows the rows', async () => {
    const res = await list({ region: 'domestic', tab: 'failed' });
    const db = core.db
      .prepare("SELECT tab, count(*) AS n FROM shipments WHERE region = 'domestic' GROUP BY tab")
      .all() as { tab: string; n: number }[];
    expect(res.counts).toEqual(
      Object.fromEntries(
        ['preparing', 'inDelivery', 'failed', 'delivered'].map((t) => [t, db.find((d) => d.tab === t)?.n ?? 0]),
      ),
    );
    expect(shipmentNos(res)).toEqual([nos.failed]);
    expect(res.total).toBe(1);
    expect(res.rows[0]).toMatchObject({
      status: 'FAILED',
      carrierId: 'kr.lotte',
      invoiceNo: lotteNumber(3),
      option: 'QUICK',
    });
  });

  it('splits domestic from international', async () => {
    const intl = await list({ region: 'international', tab: 'preparing' });
    expect(shipmentNos(intl)).toEqual([nos.intl]);
    expect(intl.counts).toEqual({ preparing: 1, inDelivery: 0, failed: 0, delivered: 0 });
  });

  it('searches each field, exact and by prefix, and treats odd text as plain text', async () => {
    const by = async (
      field: 'shipmentNo' | 'orderNo' | 'invoiceNo' | 'productId',
      text: string,
      mode: 'exact' | 'prefix' = 'exact',
    ) => shipmentNos(await list({ search: { field, text, mode } }));
    expect(await by('shipmentNo', nos.shipping!.toLowerCase().replace('sd', 'sd-'))).toEqual([nos.shipping]);
    expect(await by('invoiceNo', lotteNumber(2).replace(/(\d{4})/g, '$1 '))).toEqual([nos.shipping]);
    expect((await by('productId', 'P200001')).sort()).toEqual([nos.awaiting, nos.exchange].sort());
    const order = core.db
      .prepare('SELECT order_no FROM orders o JOIN shipments s ON s.order_id = o.id WHERE s.shipment_no = ?')
      .get(nos.delivered) as { order_no: string };
    expect(await by('orderNo', order.order_no)).toEqual([nos.delivered]);
    expect(await by('shipmentNo', nos.awaiting!.slice(0, 11), 'prefix')).toContain(nos.awaiting);
    for (const odd of ["'; DROP TABLE shipments; --", '%', '_', '😀📦', '\u0007\u0000', 'x'.repeat(200)]) {
      expect(await by('orderNo', odd)).toEqual([]);
    }
    expect((core.db.prepare('SELECT count(*) AS n FROM shipments').get() as { n: number }).n).toBe(127);
  });

  it('filters by order date (home time zone days), claim and the optional facets', async () => {
    const day = (ms: number) => new Date(ms + 9 * 3600_000).toISOString().slice(0, 10);
    const recent = await list({ orderDate: { from: day(BASE_TIME - 3 * DAY), to: day(BASE_TIME) } });
    expect(shipmentNos(recent).sort()).toEqual([nos.awaiting, nos.released, nos.shipping, nos.failed, nos.intl].sort());
    expect(recent.counts).toEqual({ preparing: 3, inDelivery: 1, failed: 1, delivered: 0 });
    expect(shipmentNos(await list({ claim: 'exchange' }))).toEqual([nos.exchange]);
    expect(shipmentNos(await list({ warehouses: ['WH-PUS'] }))).toEqual([nos.released]);
    expect(shipmentNos(await list({ policies: ['FREE'] }))).toEqual([nos.shipping]);
    expect(shipmentNos(await list({ options: ['QUICK'], tab: 'failed' }))).toEqual([nos.failed]);
    expect(shipmentNos(await list({ warehouses: ['NO-SUCH'] }))).toEqual([]);
    const backwards = await core.call('shipments.list', { orderDate: { from: '2026-11-20', to: '2026-11-01' } });
    expect(!backwards.ok && backwards.error.code).toBe('INVALID_INPUT');
  });

  it('pages with a keyset cursor: every row exactly once, newest first', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list({ region: 'domestic', tab: 'preparing', limit: 25, ...(cursor ? { cursor } : {}) });
      seen.push(...shipmentNos(page));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(123);
    const times = seen.map(
      (no) =>
        (core.db.prepare('SELECT ordered_at AS t FROM shipments WHERE shipment_no = ?').get(no) as { t: number }).t,
    );
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const bad = await core.call('shipments.list', { cursor: 'not-a-cursor' });
    expect(!bad.ok && bad.error.message).toMatch(/reload the list/);
  });

  it('sorts by shipment number both ways', async () => {
    const asc = await list({ region: 'domestic', tab: 'preparing', sort: { key: 'shipmentNo', dir: 'asc' }, limit: 3 });
    expect(shipmentNos(asc)).toEqual([...shipmentNos(asc)].sort());
    const next = await list({
      region: 'domestic',
      tab: 'preparing',
      sort: { key: 'shipmentNo', dir: 'asc' },
      limit: 3,
      cursor: asc.nextCursor!,
    });
    expect(next.rows[0]!.shipmentNo > asc.rows[2]!.shipmentNo).toBe(true);
  });

  it('keeps the counters true as invoices come and go', async () => {
    const before = (await list({ region: 'domestic' })).counts;
    await core.ok('invoices.delete', { shipmentNo: nos.shipping! });
    const after = (await list({ region: 'domestic' })).counts;
    expect(after).toEqual({ ...before, preparing: before.preparing + 1, inDelivery: before.inDelivery - 1 });
    const counted = core.db
      .prepare("SELECT count(*) AS n FROM shipments WHERE region='domestic' AND tab='preparing'")
      .get() as { n: number };
    expect(after.preparing).toBe(counted.n);
  });
});
