// Order-number and product-id searches read search_keys: every page in grid order and every count
// must equal plain SQL over the shipments, through cursors, capping, and after statuses change.
import { silentLogger } from '../../main/core/log/logger';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/createCore';
import { REBUILD_SEARCH_KEYS, suspendTriggers } from '../../main/core/db/derived';
import { openDatabase } from '../../main/core/db/open';
import { generateDemo } from '../../main/core/demo/generate';
import type { ShipmentListResult } from '../../shared/api/contract';
import { countsBySql } from '../support/counts';
import { tempDir } from '../support/core';
import { lotteNumber } from '../support/seed';

const dir = tempDir('shipdesk-keyed-');
let core: Core;
const call = { operator: 'kim', via: 'manual' as const };

beforeAll(() => {
  const file = path.join(dir, 'demo.db');
  const db = openDatabase(file);
  generateDemo(db, { shipments: 30_000, seed: 11 });
  db.close();
  core = createCore({ dbPath: file, autoRelease: false, log: silentLogger });
});
afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function list(input: object): Promise<ShipmentListResult> {
  const env = await core.dispatch('shipments.list', input, call);
  if (!env.ok) throw new Error(`${env.error.code} ${env.error.message}`);
  return env.value as ShipmentListResult;
}

interface Case {
  name: string;
  input: Record<string, unknown>;
  /** The same filter over `shipments s JOIN orders o`, without the tab. */
  where: string;
  params: unknown[];
}

const HIGH = '\u{10FFFF}';
const product = (op: string) => `s.id IN (SELECT oi.shipment_id FROM order_items oi WHERE oi.product_id ${op})`;

function cases(): Case[] {
  const q = <T>(sql: string, ...params: unknown[]) =>
    core.db
      .prepare(sql)
      .pluck()
      .get(...params) as T;
  // A product in about 2 % of shipments, the most common one, and an order number of the last day.
  const mid = q<string>(
    `SELECT product_id FROM order_items GROUP BY product_id ORDER BY abs(count(DISTINCT shipment_id) - 600) LIMIT 1`,
  );
  const top = q<string>(`SELECT product_id FROM order_items GROUP BY product_id ORDER BY count(*) DESC LIMIT 1`);
  const orderNo = q<string>(`SELECT order_no FROM orders ORDER BY id DESC LIMIT 1`);
  const day = q<string>('SELECT max(order_day) FROM shipments');
  const from = q<string>("SELECT date(?, '-30 days')", day);
  const wh = "s.warehouse_id = (SELECT id FROM warehouses WHERE code = 'WH-ICN')";
  return [
    {
      name: 'product exact',
      input: { search: { field: 'productId', text: mid } },
      where: product('= ?'),
      params: [mid],
    },
    {
      name: 'product exact, domestic, general',
      input: { region: 'domestic', claim: 'general', search: { field: 'productId', text: mid } },
      where: `s.region = 'domestic' AND s.claim = 'general' AND ${product('= ?')}`,
      params: [mid],
    },
    {
      name: 'product exact + dates + warehouse',
      input: { orderDate: { from, to: day }, warehouses: ['WH-ICN'], search: { field: 'productId', text: mid } },
      where: `s.order_day BETWEEN ? AND ? AND ${wh} AND ${product('= ?')}`,
      params: [from, day, mid],
    },
    {
      name: 'most common product',
      input: { region: 'domestic', search: { field: 'productId', text: top } },
      where: `s.region = 'domestic' AND ${product('= ?')}`,
      params: [top],
    },
    {
      name: 'product prefix (5)',
      input: { region: 'domestic', search: { field: 'productId', text: mid.slice(0, 5), mode: 'prefix' } },
      where: `s.region = 'domestic' AND ${product('>= ? AND oi.product_id < ?')}`,
      params: [mid.slice(0, 5), mid.slice(0, 5) + HIGH],
    },
    {
      name: 'product prefix matching every product',
      input: { region: 'international', search: { field: 'productId', text: 'P', mode: 'prefix' } },
      where: `s.region = 'international' AND ${product('>= ? AND oi.product_id < ?')}`,
      params: ['P', 'P' + HIGH],
    },
    {
      name: 'product that does not exist',
      input: { search: { field: 'productId', text: 'NO-SUCH' } },
      where: product('= ?'),
      params: ['NO-SUCH'],
    },
    {
      name: 'order exact',
      input: { search: { field: 'orderNo', text: orderNo } },
      where: 'o.order_no = ?',
      params: [orderNo],
    },
    {
      name: 'order prefix (12)',
      input: { region: 'domestic', search: { field: 'orderNo', text: orderNo.slice(0, 12), mode: 'prefix' } },
      where: "s.region = 'domestic' AND o.order_no >= ? AND o.order_no < ?",
      params: [orderNo.slice(0, 12), orderNo.slice(0, 12) + HIGH],
    },
    {
      name: 'order prefix (8) + exchange',
      input: { claim: 'exchange', search: { field: 'orderNo', text: orderNo.slice(0, 8), mode: 'prefix' } },
      where: "s.claim = 'exchange' AND o.order_no >= ? AND o.order_no < ?",
      params: [orderNo.slice(0, 8), orderNo.slice(0, 8) + HIGH],
    },
    {
      name: 'order prefix matching every order',
      input: { region: 'domestic', search: { field: 'orderNo', text: '2', mode: 'prefix' } },
      where: "s.region = 'domestic' AND o.order_no >= ? AND o.order_no < ?",
      params: ['2', '2' + HIGH],
    },
  ];
}

const TAB_STATUSES: Record<string, string> = {
  preparing: "('AWAITING_INVOICE','PREPARING_TO_SHIP','RELEASED')",
  inDelivery: "('PROCESSED','SHIPPING')",
  failed: "('FAILED')",
  delivered: "('DELIVERED')",
};

/** Pages through up to `pages` pages and compares them, in order, with SQL; then the counts. */
async function expectEqualToSql(c: Case, tab: string | undefined, dir: 'asc' | 'desc', pages: number) {
  const where = tab ? `${c.where} AND s.status IN ${TAB_STATUSES[tab]}` : c.where;
  const expected = core.db
    .prepare(
      `SELECT s.shipment_no FROM shipments s JOIN orders o ON o.id = s.order_id WHERE ${where}
       ORDER BY s.ordered_at ${dir}, s.id ${dir} LIMIT ?`,
    )
    .pluck()
    .all(...c.params, pages * 40) as string[];
  const seen: string[] = [];
  let cursor: string | null = null;
  let first: ShipmentListResult | null = null;
  for (let i = 0; i < pages; i++) {
    const res = await list({
      ...c.input,
      ...(tab ? { tab } : {}),
      sort: { key: 'orderDate', dir },
      limit: 40,
      ...(cursor ? { cursor } : {}),
    });
    first ??= res;
    seen.push(...res.rows.map((r) => r.shipmentNo));
    cursor = res.nextCursor;
    if (!cursor) break;
  }
  expect({ case: c.name, tab, dir, rows: seen }).toEqual({ case: c.name, tab, dir, rows: expected });
  const sql = countsBySql(core.db, c.where, ...c.params);
  const res = first!;
  const all = Object.values(sql.statusCounts).reduce((a, b) => a + b, 0);
  if (res.countsCapped) {
    // Only a search matching more than 10,000 shipments is capped, and then every count is a lower bound.
    expect(all).toBeGreaterThan(10_000);
    for (const [s, n] of Object.entries(res.statusCounts))
      expect(n).toBeLessThanOrEqual(sql.statusCounts[s as keyof typeof sql.statusCounts]);
    for (const [t, n] of Object.entries(res.counts))
      expect(n).toBeLessThanOrEqual(sql.counts[t as keyof typeof sql.counts]);
    expect(Object.values(res.statusCounts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  } else {
    expect({ case: c.name, counts: res.counts, statusCounts: res.statusCounts }).toEqual({ case: c.name, ...sql });
  }
}

async function expectAllEqualToSql(): Promise<void> {
  for (const c of cases()) {
    for (const tab of [undefined, 'preparing', 'failed']) await expectEqualToSql(c, tab, 'desc', 3);
    await expectEqualToSql(c, 'inDelivery', 'asc', 2);
  }
}

describe('order-number and product-id searches', () => {
  it('give the rows, in grid order through every page, and the counts that plain SQL gives', async () => {
    await expectAllEqualToSql();
    // The capping path is exercised: the broadest searches match more than 10,000 shipments.
    expect(
      (await list({ region: 'domestic', search: { field: 'orderNo', text: '2', mode: 'prefix' } })).countsCapped,
    ).toBe(true);
  });

  it('sorted by shipment number, give the same rows as SQL', async () => {
    const c = cases()[0]!;
    const res = await list({ ...c.input, sort: { key: 'shipmentNo', dir: 'asc' }, limit: 30 });
    const expected = core.db
      .prepare(
        `SELECT s.shipment_no FROM shipments s JOIN orders o ON o.id = s.order_id WHERE ${c.where} ORDER BY s.shipment_no LIMIT 30`,
      )
      .pluck()
      .all(...c.params);
    expect(res.rows.map((r) => r.shipmentNo)).toEqual(expected);
  });

  it('stay equal to SQL as statuses, addresses and items change, and the keys equal a rebuild', async () => {
    const nos = (sql: string) => core.db.prepare(sql).pluck().all() as string[];
    let serial = 700;
    for (const no of nos(
      "SELECT shipment_no FROM shipments WHERE status = 'AWAITING_INVOICE' AND region = 'domestic' ORDER BY id DESC LIMIT 4",
    )) {
      const env = await core.dispatch(
        'invoices.register',
        { shipmentNo: no, carrierId: 'kr.lotte', invoiceNo: lotteNumber(serial++) },
        call,
      );
      expect(env.ok).toBe(true);
    }
    for (const no of nos("SELECT shipment_no FROM shipments WHERE status = 'SHIPPING' ORDER BY id DESC LIMIT 2")) {
      expect((await core.dispatch('invoices.delete', { shipmentNo: no }, call)).ok).toBe(true);
    }
    const [moving] = nos(
      "SELECT shipment_no FROM shipments WHERE status = 'AWAITING_INVOICE' AND region = 'domestic' ORDER BY id LIMIT 1",
    );
    const moved = await core.dispatch(
      'shipments.updateAddress',
      { shipmentNo: moving!, address: { country: 'JP', postalCode: '100-0001', line1: 'Chiyoda 1-1', line2: '' } },
      call,
    );
    expect(moved.ok).toBe(true);
    // Items added to and taken from a shipment (an order edited upstream) move its product keys.
    core.db.transaction(() => {
      const s = core.db.prepare('SELECT id, order_id FROM shipments ORDER BY id DESC LIMIT 1').get() as {
        id: number;
        order_id: number;
      };
      core.db
        .prepare(
          "INSERT INTO order_items (order_id, shipment_id, product_id, product_name, quantity) VALUES (?, ?, 'P-NEW-1', 'New', 1)",
        )
        .run(s.order_id, s.id);
      core.db
        .prepare('DELETE FROM order_items WHERE id = (SELECT min(id) FROM order_items WHERE shipment_id = ?)')
        .run(s.id - 1);
    })();
    await expectAllEqualToSql();

    const table = () => ({
      keys: core.db.prepare('SELECT * FROM search_keys ORDER BY field, key, ordered_at, shipment_id').all(),
      counters: core.db
        .prepare('SELECT * FROM count_by_product WHERE n > 0 ORDER BY product_id, region, claim, status')
        .all(),
    });
    const kept = table();
    core.db.exec('SAVEPOINT rebuild');
    const restore = suspendTriggers(core.db, ['search_keys']); // a rebuild runs with the triggers off
    core.db.exec(REBUILD_SEARCH_KEYS);
    restore();
    const rebuilt = table();
    core.db.exec('ROLLBACK TO rebuild; RELEASE rebuild');
    expect(kept.counters).toEqual(rebuilt.counters);
    expect(kept.keys.length).toBe(rebuilt.keys.length);
    expect(kept.keys).toEqual(rebuilt.keys);
  });
});
