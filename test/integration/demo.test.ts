// Demo data: deterministic, realistic, consistent with the status machine and the counters.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../main/core/db/open';
import { generateDemo, type DemoSummary } from '../../main/core/demo/generate';
import { SampleNumbers } from '../../main/core/demo/sampleNumbers';
import { sampleInvoiceNumber, validateInvoiceNumber } from '../../main/core/domain/invoiceNumber';
import { deriveStatus } from '../../main/core/domain/status';
import { dayOf } from '../../main/core/domain/time';
import { CARRIER_IDS, findCarrier, type CarrierId } from '../../shared/carriers';
import { SHIPMENT_STATUSES, TAB_OF_STATUS, type ShipmentStatus, type TrackingCode } from '../../shared/domain';

const N = 2_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipdesk-demo-'));
const open: Db[] = [];

function demoDb(name: string, seed: number): { db: Db; summary: DemoSummary } {
  const db = openDatabase(path.join(dir, name));
  open.push(db);
  return { db, summary: generateDemo(db, { shipments: N, seed }) };
}

const TABLES = [
  'orders',
  'shipments',
  'order_items',
  'invoices',
  'tracking_events',
  'history',
  'warehouses',
  'delivery_policies',
  'shipping_options',
];

function contentHash(db: Db): string {
  const h = createHash('sha256');
  for (const t of TABLES)
    for (const row of db.prepare(`SELECT * FROM ${t} ORDER BY id`).raw().iterate()) h.update(JSON.stringify(row));
  return h.digest('hex');
}

const count = (db: Db, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;

let db: Db;
let summary: DemoSummary;

beforeAll(() => {
  ({ db, summary } = demoDb('a.db', 42));
});

afterAll(() => {
  for (const d of open) d.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('demo data', () => {
  it('is the same for the same seed, on one thread or two, and different for another seed', () => {
    const again = demoDb('a2.db', 42).db;
    const single = openDatabase(path.join(dir, 'a1.db'));
    open.push(single);
    expect(generateDemo(single, { shipments: N, seed: 42, parallel: false }).threads).toBe(1);
    expect(summary.threads).toBe(2);
    const other = demoDb('b.db', 43).db;
    expect(contentHash(again)).toBe(contentHash(db));
    expect(contentHash(single)).toBe(contentHash(db));
    expect(contentHash(other)).not.toBe(contentHash(db));
    expect(fs.readdirSync(dir).filter((f) => f.includes('demo-load'))).toEqual([]);
  });

  it('reports what it wrote', () => {
    expect(summary.shipments).toBe(N);
    expect(count(db, 'SELECT count(*) AS n FROM shipments')).toBe(N);
    expect(count(db, 'SELECT count(*) AS n FROM orders')).toBe(summary.orders);
    expect(count(db, 'SELECT count(*) AS n FROM order_items')).toBe(summary.orderItems);
    expect(count(db, 'SELECT count(*) AS n FROM invoices')).toBe(summary.invoices);
    expect(count(db, 'SELECT count(*) AS n FROM invoices WHERE active = 1')).toBe(summary.activeInvoices);
    expect(count(db, 'SELECT count(*) AS n FROM tracking_events')).toBe(summary.events);
    expect(count(db, 'SELECT count(*) AS n FROM history')).toBe(summary.history);
    for (const s of SHIPMENT_STATUSES)
      expect(count(db, 'SELECT count(*) AS n FROM shipments WHERE status = ?', s)).toBe(summary.byStatus[s]);
  });

  it('covers every status, both regions, every tab, split orders and facets', () => {
    for (const s of SHIPMENT_STATUSES) expect(summary.byStatus[s], s).toBeGreaterThan(0);
    expect(summary.byStatus.DELIVERED).toBeGreaterThan(N / 2);
    expect(summary.byRegion.domestic).toBeGreaterThan(summary.byRegion.international);
    expect(summary.byRegion.international).toBeGreaterThan(N / 20);
    expect(count(db, "SELECT count(*) AS n FROM shipments WHERE (country = 'KR') <> (region = 'domestic')")).toBe(0);
    expect(
      count(db, 'SELECT count(*) AS n FROM (SELECT order_id FROM shipments GROUP BY order_id HAVING count(*) > 1)'),
    ).toBeGreaterThan(N / 50);
    for (const col of ['warehouse_id', 'policy_id', 'option_id']) {
      expect(count(db, `SELECT count(DISTINCT ${col}) AS n FROM shipments`), col).toBeGreaterThanOrEqual(3);
    }
    const wrongTab = (
      db.prepare('SELECT status, tab FROM shipments GROUP BY status, tab').all() as {
        status: ShipmentStatus;
        tab: string;
      }[]
    ).filter((r) => TAB_OF_STATUS[r.status] !== r.tab);
    expect(wrongTab).toEqual([]);
  });

  it('links each exchange to an earlier general order and copies the order into its shipments', () => {
    const exchanges = count(db, "SELECT count(*) AS n FROM orders WHERE claim = 'exchange'");
    expect(exchanges).toBeGreaterThan(0);
    expect(
      count(
        db,
        `SELECT count(*) AS n FROM orders e LEFT JOIN orders o ON o.id = e.original_order_id
         WHERE e.claim = 'exchange' AND (o.id IS NULL OR o.claim <> 'general' OR o.ordered_at >= e.ordered_at)`,
      ),
    ).toBe(0);
    expect(
      count(
        db,
        'SELECT count(*) AS n FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.claim <> o.claim OR s.ordered_at <> o.ordered_at',
      ),
    ).toBe(0);
    const days = db.prepare('SELECT ordered_at, order_day FROM shipments').all() as {
      ordered_at: number;
      order_day: string;
    }[];
    expect(days.filter((d) => dayOf(d.ordered_at, 'Asia/Seoul') !== d.order_day)).toEqual([]);
    const orderNos = db.prepare('SELECT order_no, ordered_at FROM orders').all() as {
      order_no: string;
      ordered_at: number;
    }[];
    expect(
      orderNos.filter(
        (o) =>
          !/^\d{8}-\d{7}$/.test(o.order_no) ||
          o.order_no.slice(0, 8) !== dayOf(o.ordered_at, 'Asia/Seoul').replaceAll('-', ''),
      ),
    ).toEqual([]);
  });

  it('gives every active invoice a valid number of a carrier of the shipment region', () => {
    const rows = db
      .prepare(
        'SELECT i.carrier_id, i.invoice_no, s.region, i.registered_at, s.ordered_at FROM invoices i JOIN shipments s ON s.id = i.shipment_id WHERE i.active = 1',
      )
      .all() as {
      carrier_id: CarrierId;
      invoice_no: string;
      region: string;
      registered_at: number;
      ordered_at: number;
    }[];
    expect(rows.length).toBe(N - summary.byStatus.AWAITING_INVOICE);
    const problems = rows.flatMap((r) => {
      const v = validateInvoiceNumber(r.invoice_no, r.carrier_id);
      const issues = [...v.errors];
      if (v.normalized !== r.invoice_no) issues.push('not normalised');
      if (findCarrier(r.carrier_id)?.region !== r.region) issues.push(`carrier region differs from ${r.region}`);
      if (r.registered_at <= r.ordered_at) issues.push('registered before the order');
      return issues.length ? [`${r.carrier_id} ${r.invoice_no}: ${issues.join('; ')}`] : [];
    });
    expect(problems).toEqual([]);
    expect(
      count(
        db,
        'SELECT count(*) AS n FROM shipments s LEFT JOIN invoices i ON i.id = s.invoice_id WHERE (s.invoice_id IS NULL) <> (s.status = ?) OR (i.id IS NOT NULL AND (i.active <> 1 OR i.shipment_id <> s.id))',
        'AWAITING_INVOICE',
      ),
    ).toBe(0);
    expect(
      count(
        db,
        'SELECT count(*) AS n FROM (SELECT 1 FROM invoices WHERE active = 1 GROUP BY carrier_id, invoice_no HAVING count(*) > 1)',
      ),
    ).toBe(0);
  });

  it('stores the status the events imply, and the last event time', () => {
    const shipments = db
      .prepare(
        `SELECT s.status, s.last_event_at, i.carrier_id, i.invoice_no, i.released_at FROM shipments s JOIN invoices i ON i.id = s.invoice_id`,
      )
      .all() as {
      status: ShipmentStatus;
      last_event_at: number | null;
      carrier_id: string;
      invoice_no: string;
      released_at: number | null;
    }[];
    const events = db.prepare('SELECT at, code FROM tracking_events WHERE carrier_id = ? AND invoice_no = ?');
    const wrong: string[] = [];
    for (const s of shipments) {
      const ev = events.all(s.carrier_id, s.invoice_no) as { at: number; code: TrackingCode }[];
      const last = ev.length ? Math.max(...ev.map((e) => e.at)) : null;
      if (last !== s.last_event_at) wrong.push(`${s.invoice_no}: last_event_at ${s.last_event_at} <> ${last}`);
      if (s.status === 'PREPARING_TO_SHIP') {
        if (s.released_at !== null || ev.length > 0) wrong.push(`${s.invoice_no}: preparing but released or scanned`);
        continue;
      }
      const derived = deriveStatus({ released: s.released_at !== null, events: ev });
      if (derived.kind !== 'status' || derived.status !== s.status)
        wrong.push(`${s.invoice_no}: ${s.status} <> ${JSON.stringify(derived)}`);
    }
    expect(wrong).toEqual([]);
    const now = Date.parse(summary.now);
    expect(
      count(db, 'SELECT count(*) AS n FROM tracking_events WHERE at > ? OR stored_at > ? OR stored_at < at', now, now),
    ).toBe(0);
    expect(count(db, "SELECT count(*) AS n FROM tracking_events WHERE zone NOT GLOB '[+-][0-9][0-9]:[0-9][0-9]'")).toBe(
      0,
    );
  });

  it('keeps a history: a registration per invoice, some modifications and deletions', () => {
    const registered = db
      .prepare(
        "SELECT h.after_json, i.carrier_id, i.invoice_no, h.at, i.registered_at FROM history h JOIN invoices i ON i.shipment_id = h.shipment_id AND i.registered_at = h.at WHERE h.action = 'registered'",
      )
      .all() as { after_json: string; carrier_id: string; invoice_no: string }[];
    expect(registered.length).toBeGreaterThan(N / 2);
    for (const r of registered)
      expect(JSON.parse(r.after_json)).toEqual({ carrierId: r.carrier_id, invoiceNo: r.invoice_no });
    expect(count(db, "SELECT count(*) AS n FROM history WHERE action = 'modified'")).toBe(
      count(db, "SELECT count(*) AS n FROM invoices WHERE ended_reason = 'modified'"),
    );
    expect(count(db, "SELECT count(*) AS n FROM history WHERE action = 'deleted'")).toBe(
      count(db, "SELECT count(*) AS n FROM invoices WHERE ended_reason = 'deleted'"),
    );
    expect(count(db, "SELECT count(*) AS n FROM history WHERE action = 'modified'")).toBeGreaterThan(0);
    // Per shipment, ids follow time: the registration of a replaced number comes before its modification.
    expect(
      count(
        db,
        'SELECT count(*) AS n FROM history a JOIN history b ON a.shipment_id = b.shipment_id AND a.id < b.id AND a.at > b.at',
      ),
    ).toBe(0);
  });

  it('keeps the per-status counters true and the counter triggers in place', () => {
    const byStatus = db.prepare('SELECT status, count(*) AS n FROM shipments GROUP BY status ORDER BY status').all();
    expect(db.prepare('SELECT status, sum(n) AS n FROM count_by_facet GROUP BY status ORDER BY status').all()).toEqual(
      byStatus,
    );
    expect(db.prepare('SELECT status, sum(n) AS n FROM count_by_day GROUP BY status ORDER BY status').all()).toEqual(
      byStatus,
    );
    const facets = 'region, claim, warehouse_id, policy_id, option_id, status';
    expect(db.prepare(`SELECT ${facets}, n FROM count_by_facet ORDER BY ${facets}`).all()).toEqual(
      db.prepare(`SELECT ${facets}, count(*) AS n FROM shipments GROUP BY ${facets} ORDER BY ${facets}`).all(),
    );
    const days = 'order_day, region, claim, status';
    expect(db.prepare(`SELECT ${days}, n FROM count_by_day ORDER BY ${days}`).all()).toEqual(
      db.prepare(`SELECT ${days}, count(*) AS n FROM shipments GROUP BY ${days} ORDER BY ${days}`).all(),
    );
    // The bulk load put back exactly the triggers the migrations create.
    const triggers = (d: Db) =>
      d.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();
    const fresh = openDatabase(path.join(dir, 'fresh-triggers.db'));
    open.push(fresh);
    expect(triggers(db)).toEqual(triggers(fresh));
    expect(triggers(db).length).toBeGreaterThanOrEqual(3);
    const delivered = () => count(db, "SELECT sum(n) AS n FROM count_by_facet WHERE status = 'DELIVERED'");
    const before = delivered();
    db.exec('SAVEPOINT probe');
    db.prepare(
      "UPDATE shipments SET status = 'DELIVERED', tab = 'delivered' WHERE id = (SELECT min(id) FROM shipments WHERE tab = 'preparing')",
    ).run();
    const after = delivered();
    db.exec('ROLLBACK TO probe; RELEASE probe');
    expect(after).toBe(before + 1);
  });

  it('leaves a sound database with its indexes and durable settings back', () => {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok'); // includes the CHECK constraints
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const fresh = openDatabase(path.join(dir, 'fresh.db'));
    open.push(fresh);
    const indexes = (d: Db) =>
      d.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
    expect(indexes(db)).toEqual(indexes(fresh));
  });

  it('refuses a database that already has data', () => {
    expect(() => generateDemo(db, { shipments: 10, seed: 1 })).toThrow(
      /already has 2,000 shipments.*never mixes with real data/,
    );
    expect(count(db, 'SELECT count(*) AS n FROM shipments')).toBe(N);
    const ordersOnly = openDatabase(path.join(dir, 'orders-only.db'));
    open.push(ordersOnly);
    ordersOnly
      .prepare(
        "INSERT INTO orders (order_no, ordered_at, sales_channel, buyer_name, claim) VALUES ('X-1', 0, 'web', 'Kim', 'general')",
      )
      .run();
    expect(() => generateDemo(ordersOnly, { shipments: 10, seed: 1 })).toThrow(
      /already has orders, invoices or tracking events/,
    );
    expect(count(ordersOnly, 'SELECT count(*) AS n FROM orders')).toBe(1);
    expect(count(ordersOnly, 'SELECT count(*) AS n FROM warehouses')).toBe(0);
  });

  it('builds the same numbers as sampleInvoiceNumber, faster', () => {
    const numbers = new SampleNumbers();
    for (const carrier of CARRIER_IDS) {
      for (const serial of [0, 1, 6, 7, 999, 4096, 123_456, 1_000_001, 9_999_999]) {
        expect(numbers.number(carrier, serial), `${carrier} ${serial}`).toBe(sampleInvoiceNumber(carrier, serial));
      }
    }
  });
});
