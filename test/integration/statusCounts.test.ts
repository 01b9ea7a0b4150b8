// Counts per status beside the counts per tab, for every filter but the tab, equal plain SQL; and a
// database written by an older Shipdesk gets the new counters and triggers when it is opened.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/createCore';
import { openDatabase, SCHEMA_VERSION, type Db } from '../../main/core/db/open';
import { generateDemo } from '../../main/core/demo/generate';
import { createStationContext } from '../../main/core/poolLink/record';
import { ingestEvents } from '../../main/core/sync/ingest';
import type { ShipmentListResult } from '../../shared/api/contract';
import { formatTime } from '../../main/demoCarrier/graphql';
import { silentLogger } from '../../main/core/log/logger';
import { countsBySql } from '../support/counts';
import { startTestCore, tempDir, type TestCore } from '../support/core';
import { createLegacyDatabase, LEGACY_SCHEMA_VERSION } from '../support/legacySchema';
import { BASE_TIME, lotteNumber, seedFacets, seedShipments } from '../support/seed';

const HOUR = 3_600_000;

async function list(core: Core, input: unknown): Promise<ShipmentListResult> {
  const env = await core.dispatch('shipments.list', input, { operator: 'kim', via: 'manual' });
  if (!env.ok) throw new Error(`${env.error.code} ${env.error.message}`);
  return env.value as ShipmentListResult;
}

/** The carrier reports scans for a number, stored through the sync's own ingest path. */
function carrierSays(core: TestCore, carrierId: string, invoiceNo: string, scans: [number, string][]): void {
  const ctx = createStationContext(core.db, () => core.now.value, core.events);
  const events = scans.map(([at, code]) => ({
    time: formatTime(at, 540),
    statusCode: code,
    statusName: code,
    description: null,
    location: '곤지암Hub',
  }));
  core.db.transaction(() => ingestEvents(ctx, { carrierId, invoiceNo }, events, { record: () => {} }))();
}

const triggers = (db: Db) =>
  db.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();

describe('a database written by schema 5', () => {
  const dir = tempDir('shipdesk-upgrade-');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gets the per-status counters and the triggers of the migrations when opened, and they stay true', async () => {
    const file = path.join(dir, 'old.db');
    const nos: string[] = [];
    createLegacyDatabase(file, (db) => {
      seedFacets(db);
      nos.push(
        ...seedShipments(db, [
          {},
          {},
          { status: 'RELEASED', invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(1) } },
          {
            status: 'SHIPPING',
            invoice: {
              carrierId: 'kr.lotte',
              invoiceNo: lotteNumber(2),
              events: [{ at: BASE_TIME, code: 'IN_TRANSIT' }],
            },
          },
          { country: 'US', warehouse: 'WH-OVS' },
        ]),
      );
    });
    const fresh = openDatabase(path.join(dir, 'fresh.db'));
    const expectedTriggers = triggers(fresh);
    fresh.close();
    const core = startTestCore({ dbPath: file });
    try {
      // The triggers are the migrations' own, not the ones the old version left behind.
      const update = core.db
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'shipments_count_update'")
        .pluck()
        .get();
      expect(update).toMatch(/AFTER UPDATE OF status\b/);
      expect(triggers(core.db)).toEqual(expectedTriggers);
      expect(core.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(SCHEMA_VERSION).toBeGreaterThan(LEGACY_SCHEMA_VERSION);

      const check = async () => {
        for (const [input, where] of [
          [{}, '1'],
          [{ region: 'domestic' }, "s.region = 'domestic'"],
          [{ region: 'international', tab: 'preparing' }, "s.region = 'international'"],
        ] as const) {
          const res = await list(core, input);
          const sql = countsBySql(core.db, where);
          expect(res.counts).toEqual(sql.counts);
          expect(res.statusCounts).toEqual(sql.statusCounts);
        }
      };
      await check();
      expect((await list(core, { region: 'domestic' })).statusCounts).toMatchObject({
        AWAITING_INVOICE: 2,
        RELEASED: 1,
        SHIPPING: 1,
      });

      // register, release, the carrier scans, modify, delete, an address that changes the region
      core.now.value = BASE_TIME + 2 * HOUR;
      await core.ok('invoices.register', { shipmentNo: nos[0]!, carrierId: 'kr.lotte', invoiceNo: lotteNumber(10) });
      await check();
      expect((await list(core, { region: 'domestic' })).statusCounts.PREPARING_TO_SHIP).toBe(1);
      await core.runOutbox();
      await check();
      carrierSays(core, 'kr.lotte', lotteNumber(10), [[BASE_TIME + HOUR, 'AT_PICKUP']]);
      await check();
      expect((await list(core, { region: 'domestic' })).statusCounts.PROCESSED).toBe(1);
      carrierSays(core, 'kr.lotte', lotteNumber(2), [[BASE_TIME + HOUR, 'DELIVERED']]);
      await check();
      await core.ok('invoices.modify', { shipmentNo: nos[2]!, carrierId: 'kr.lotte', invoiceNo: lotteNumber(11) });
      await check();
      await core.ok('invoices.delete', { shipmentNo: nos[0]! });
      await check();
      await core.ok('shipments.updateAddress', {
        shipmentNo: nos[1]!,
        address: { country: 'JP', postalCode: '100-0001', line1: 'Chiyoda 1-1', line2: '' },
      });
      await check();
      expect((await list(core, { region: 'international' })).statusCounts.AWAITING_INVOICE).toBe(2);
      // The search keys were built from the old rows and follow the changes: the seed's product is on all five.
      const byProduct = await list(core, { search: { field: 'productId', text: 'P100001' }, tab: 'delivered' });
      expect(byProduct.rows.map((r) => r.shipmentNo)).toEqual([nos[3]]);
      expect(byProduct.statusCounts).toEqual(countsBySql(core.db, '1').statusCounts);
    } finally {
      core.cleanup();
    }
  });
});

describe('statusCounts on demo data', () => {
  const dir = tempDir('shipdesk-status-counts-');
  let core: Core;
  beforeAll(() => {
    const file = path.join(dir, 'demo.db');
    const db = openDatabase(file);
    generateDemo(db, { shipments: 3_000, seed: 5 });
    db.close();
    core = createCore({ dbPath: file, autoRelease: false, log: silentLogger });
  });
  afterAll(() => {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Every filter path: counters, day counters, and counted from the matching rows. */
  function cases(): [string, object, string, ...unknown[]][] {
    const sample = core.db
      .prepare(
        `SELECT o.order_no, i.invoice_no, s.shipment_no, (SELECT product_id FROM order_items WHERE shipment_id = s.id LIMIT 1) AS product_id
         FROM shipments s JOIN orders o ON o.id = s.order_id JOIN invoices i ON i.id = s.invoice_id
         WHERE s.region = 'domestic' ORDER BY s.id DESC LIMIT 1`,
      )
      .get() as { order_no: string; invoice_no: string; shipment_no: string; product_id: string };
    const day = (core.db.prepare('SELECT max(order_day) AS d FROM shipments').get() as { d: string }).d;
    const from = (core.db.prepare("SELECT date(?, '-20 days') AS d").get(day) as { d: string }).d;
    const wh = "s.warehouse_id = (SELECT id FROM warehouses WHERE code = 'WH-ICN')";
    const product = 'EXISTS (SELECT 1 FROM order_items oi WHERE oi.shipment_id = s.id AND oi.product_id = ?)';
    return [
      ['everything', {}, '1'],
      ['region', { region: 'domestic' }, "s.region = 'domestic'"],
      [
        'region + claim',
        { region: 'international', claim: 'general' },
        "s.region = 'international' AND s.claim = 'general'",
      ],
      [
        'facets',
        { warehouses: ['WH-ICN'], policies: ['STD'] },
        `${wh} AND s.policy_id = (SELECT id FROM delivery_policies WHERE code = 'STD')`,
      ],
      [
        'date range',
        { region: 'domestic', orderDate: { from, to: day } },
        "s.region = 'domestic' AND s.order_day BETWEEN ? AND ?",
        from,
        day,
      ],
      ['date + facet', { orderDate: { from }, warehouses: ['WH-ICN'] }, `s.order_day >= ? AND ${wh}`, from],
      [
        'product exact',
        { region: 'domestic', search: { field: 'productId', text: sample.product_id } },
        `s.region = 'domestic' AND ${product}`,
        sample.product_id,
      ],
      [
        'product + date',
        { search: { field: 'productId', text: sample.product_id }, orderDate: { from } },
        `${product} AND s.order_day >= ?`,
        sample.product_id,
        from,
      ],
      [
        'order prefix',
        { region: 'domestic', search: { field: 'orderNo', text: sample.order_no.slice(0, 10), mode: 'prefix' } },
        "s.region = 'domestic' AND o.order_no >= ? AND o.order_no < ?",
        sample.order_no.slice(0, 10),
        sample.order_no.slice(0, 10) + '\u{10FFFF}',
      ],
      [
        'invoice exact',
        { search: { field: 'invoiceNo', text: sample.invoice_no } },
        's.invoice_id IN (SELECT id FROM invoices WHERE active = 1 AND invoice_no = ?)',
        sample.invoice_no,
      ],
      [
        'shipment prefix',
        { region: 'domestic', search: { field: 'shipmentNo', text: sample.shipment_no.slice(0, 9), mode: 'prefix' } },
        "s.region = 'domestic' AND s.shipment_no LIKE ? || '%'",
        sample.shipment_no.slice(0, 9),
      ],
    ];
  }

  async function expectAllEqualSql(): Promise<void> {
    for (const [name, input, where, ...params] of cases()) {
      for (const tab of [undefined, 'preparing', 'inDelivery'] as const) {
        const res = await list(core, { ...input, ...(tab ? { tab } : {}) });
        const sql = countsBySql(core.db, where, ...params);
        expect({ name, tab, counts: res.counts, statusCounts: res.statusCounts }).toEqual({ name, tab, ...sql });
        expect(res.countsCapped).toBe(false);
        expect(res.total).toBe(tab ? sql.counts[tab] : Object.values(sql.counts).reduce((a, b) => a + b, 0));
      }
    }
  }

  it('equal a GROUP BY for every kind of filter', async () => {
    await expectAllEqualSql();
    const all = await list(core, {});
    expect(all.statusCounts.AWAITING_INVOICE).toBeGreaterThan(0);
    expect(Object.keys(all.statusCounts).sort()).toEqual([
      'AWAITING_INVOICE',
      'DELIVERED',
      'FAILED',
      'PREPARING_TO_SHIP',
      'PROCESSED',
      'RELEASED',
      'SHIPPING',
    ]);
  });

  it('stay equal to a GROUP BY after statuses change', async () => {
    const ctx = { operator: 'kim', via: 'manual' as const };
    const awaiting = core.db
      .prepare(
        "SELECT shipment_no FROM shipments WHERE status = 'AWAITING_INVOICE' AND region = 'domestic' ORDER BY id DESC LIMIT 3",
      )
      .pluck()
      .all() as string[];
    let serial = 500;
    for (const no of awaiting) {
      const env = await core.dispatch(
        'invoices.register',
        { shipmentNo: no, carrierId: 'kr.lotte', invoiceNo: lotteNumber(serial++) },
        ctx,
      );
      expect(env.ok).toBe(true);
    }
    const shipping = core.db
      .prepare("SELECT shipment_no FROM shipments WHERE status = 'SHIPPING' ORDER BY id DESC LIMIT 1")
      .pluck()
      .get() as string;
    const deleted = await core.dispatch('invoices.delete', { shipmentNo: shipping }, ctx);
    expect(deleted.ok).toBe(true);
    await core.runOutbox();
    await expectAllEqualSql();
  });
});
