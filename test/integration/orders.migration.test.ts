// A desk's database from before order imports opens with its orders, shipments and history intact:
// each order gets the channel of its sales channel's name, and an order no. becomes unique per
// channel rather than everywhere.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { MIGRATIONS } from '../../main/core/db/migrations';
import { openDatabase } from '../../main/core/db/open';
import { tempDir } from '../support/core';
import fs from 'node:fs';

let dir = '';
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

it('migrates orders, items and history of an older desk', () => {
  dir = tempDir('shipdesk-migrate-');
  const file = path.join(dir, 'old.db');
  const old = new Database(file);
  const before = MIGRATIONS.findIndex((m) => m.includes('CREATE TABLE orders_v6'));
  expect(before).toBeGreaterThan(0);
  for (const sql of MIGRATIONS.slice(0, before)) old.exec(sql);
  old.pragma(`user_version = ${before}`);
  old.exec(`
    INSERT INTO warehouses VALUES (1, 'WH', 'W'); INSERT INTO delivery_policies VALUES (1, 'STD', 'S');
    INSERT INTO shipping_options VALUES (1, 'PARCEL', 'P');
    INSERT INTO orders VALUES (1, 'N-1', 0, '네이버 스마트스토어', 'Kim', 'general', NULL);
    INSERT INTO orders VALUES (2, 'Q-1', 0, 'Qoo10', 'Lee', 'exchange', 1);
    INSERT INTO shipments (id, shipment_no, order_id, ordered_at, order_day, claim, recipient_name, recipient_phone, country,
      postal_code, address_line1, warehouse_id, policy_id, option_id, region, status, tab, updated_at)
      VALUES (7, 'SD0000000007', 1, 0, '1970-01-01', 'general', 'Kim', '010', 'KR', '06236', 'Seoul', 1, 1, 1, 'domestic',
              'AWAITING_INVOICE', 'preparing', 0);
    INSERT INTO order_items (order_id, shipment_id, product_id, product_name, quantity) VALUES (1, 7, 'P', 'Tee', 2);
    INSERT INTO history (shipment_id, action, operator, via, at) VALUES (7, 'address_changed', 'kim', 'manual', 0);
  `);
  old.close();

  const db = openDatabase(file);
  try {
    expect(db.prepare('SELECT id, channel, order_no, original_order_id FROM orders ORDER BY id').all()).toEqual([
      { id: 1, channel: 'naver', order_no: 'N-1', original_order_id: null },
      { id: 2, channel: 'other', order_no: 'Q-1', original_order_id: 1 },
    ]);
    expect(db.prepare('SELECT action FROM history').all()).toEqual([{ action: 'address_changed' }]);
    expect(db.prepare('SELECT line_id, quantity FROM order_items').all()).toEqual([{ line_id: null, quantity: 2 }]);
    expect(db.prepare("SELECT last FROM serials WHERE name = 'shipment'").get()).toEqual({ last: 7 });
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // The same order no. in another channel is another order; twice in one channel is refused.
    db.prepare(
      "INSERT INTO orders (channel, order_no, ordered_at, sales_channel, buyer_name, claim) VALUES ('coupang', 'N-1', 0, '쿠팡', 'B', 'general')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO orders (channel, order_no, ordered_at, sales_channel, buyer_name, claim) VALUES ('naver', 'N-1', 0, 'x', 'B', 'general')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
  } finally {
    db.close();
  }
});
