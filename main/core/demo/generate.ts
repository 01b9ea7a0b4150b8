// Deterministic, realistic demo data for an empty database: same seed and options, same rows.
// Fast enough for a million shipments: one bulk transaction (bulk.ts) of rows written in id order
// through reused statements (writer.ts, statements.ts), with the tab counters tallied on the way.
import { countRow, idRow } from '../db/rows';
import { SHIPMENT_STATUSES, type ShipmentStatus } from '../../../shared/domain';
import { ShipdeskError } from '../../../shared/errors';
import type { Db } from '../db/open';
import { bulkLoad } from './bulk';
import { daysBefore } from './calendar';
import { OPTIONS, POLICIES, WAREHOUSES, type CodeName } from './catalog';
import { Random } from './random';
import { writeDemo } from './writer';

export interface DemoOptions {
  shipments: number;
  seed: number;
  /** The demo's "now" (epoch ms); orders span the ~180 days before it. Default DEFAULT_DEMO_NOW. */
  now?: number;
  /** Days (order_day) are counted in this zone. Default Asia/Seoul. */
  homeTimeZone?: string;
  /** Called after each day of orders with the number of shipments written so far. */
  onProgress?: (done: number) => void;
  /** false: write every table on this thread (same rows, slower). Default true. */
  parallel?: boolean;
}

export interface DemoSummary {
  orders: number;
  exchangeOrders: number;
  shipments: number;
  orderItems: number;
  /** Invoice rows, active and ended (modified or deleted). */
  invoices: number;
  activeInvoices: number;
  events: number;
  history: number;
  byStatus: Record<ShipmentStatus, number>;
  byRegion: { domestic: number; international: number };
  /** The "now" the data was generated for (ISO). */
  now: string;
  /** 2 when a worker thread wrote some tables. */
  threads: 1 | 2;
}

/** A fixed instant, so a run without `now` gives the same data tomorrow: 2026-11-20 09:00 in Seoul. */
export const DEFAULT_DEMO_NOW = Date.parse('2026-11-20T09:00:00+09:00');

/** The tables the load fills, and those a second thread writes (the largest, by rows). */
const LOADED = ['orders', 'shipments', 'order_items', 'invoices', 'tracking_events', 'history'];
const OFFLOADED = ['order_items', 'tracking_events'];

function checkOptions(o: DemoOptions): void {
  if (!Number.isSafeInteger(o.shipments) || o.shipments < 1 || o.shipments > 10_000_000) {
    throw new ShipdeskError(
      'INVALID_INPUT',
      `The number of demo shipments must be a whole number from 1 to 10,000,000 (got ${o.shipments}).`,
    );
  }
  if (!Number.isSafeInteger(o.seed)) {
    throw new ShipdeskError('INVALID_INPUT', `The demo seed must be a whole number (got ${o.seed}).`);
  }
  if (o.now !== undefined && !Number.isFinite(o.now)) {
    throw new ShipdeskError('INVALID_INPUT', 'The demo "now" must be a time in epoch milliseconds.');
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: o.homeTimeZone ?? 'Asia/Seoul' });
  } catch {
    throw new ShipdeskError(
      'INVALID_INPUT',
      `"${String(o.homeTimeZone)}" is not a time zone (expected a name like Asia/Seoul).`,
    );
  }
}

/** Demo data never mixes with real data: only an empty database takes it. */
function refuseIfNotEmpty(db: Db): void {
  const shipments = countRow.single(db.prepare('SELECT count(*) AS n FROM shipments').get()).n;
  const other = LOADED.some((t) => db.prepare(`SELECT EXISTS (SELECT 1 FROM ${t}) AS n`).pluck().get() === 1);
  if (shipments > 0 || other) {
    const what =
      shipments > 0 ? `${shipments.toLocaleString('en-US')} shipments` : 'orders, invoices or tracking events';
    throw new ShipdeskError(
      'INVALID_STATE',
      `This database already has ${what}. Demo data is only generated into an empty database, ` +
        'so it never mixes with real data: choose a new file.',
      { shipments },
    );
  }
}

/** Inserts the reference rows that are missing and returns the ids by table order. */
function referenceIds(
  db: Db,
  table: 'warehouses' | 'delivery_policies' | 'shipping_options',
  rows: readonly CodeName[],
): number[] {
  const insert = db.prepare(`INSERT INTO ${table} (code, name) VALUES (?, ?) ON CONFLICT(code) DO NOTHING`);
  const find = db.prepare(`SELECT id FROM ${table} WHERE code = ?`);
  return rows.map((r) => {
    insert.run(r.code, r.name);
    return idRow.single(find.get(r.code)).id;
  });
}

export function generateDemo(db: Db, options: DemoOptions): DemoSummary {
  checkOptions(options);
  refuseIfNotEmpty(db);
  const now = Math.floor(options.now ?? DEFAULT_DEMO_NOW);
  const timeZone = options.homeTimeZone ?? 'Asia/Seoul';
  const days = daysBefore(now, timeZone);
  const rng = new Random(options.seed);
  const onProgress = options.onProgress ?? (() => {});

  const { result: counts, threads } = bulkLoad(
    db,
    LOADED,
    ({ prepare, offloadDone }) => {
      refuseIfNotEmpty(db); // again inside the write lock: another process may have written since
      const ids = {
        warehouses: referenceIds(db, 'warehouses', WAREHOUSES),
        policies: referenceIds(db, 'delivery_policies', POLICIES),
        options: referenceIds(db, 'shipping_options', OPTIONS),
      };
      return writeDemo(db, {
        days,
        total: options.shipments,
        seed: options.seed,
        now,
        rng,
        ids,
        onDay: onProgress,
        prepare,
        offloadDone,
      });
    },
    { counters: 'loaded', offload: options.parallel === false ? [] : OFFLOADED },
  );
  queuePendingReleases(db, options.seed);
  const byStatus = Object.fromEntries(SHIPMENT_STATUSES.map((s, i) => [s, counts.byStatus[i] ?? 0])) as Record<
    ShipmentStatus,
    number
  >;
  const ended = counts.invoices - (counts.shipments - byStatus.AWAITING_INVOICE);
  return {
    orders: counts.orders,
    exchangeOrders: counts.exchangeOrders,
    shipments: counts.shipments,
    orderItems: counts.orderItems,
    invoices: counts.invoices,
    activeInvoices: counts.invoices - ended,
    events: counts.events,
    history: counts.history,
    byStatus,
    byRegion: { domestic: counts.shipments - counts.international, international: counts.international },
    now: new Date(now).toISOString(),
    threads,
  };
}

/**
 * Shipments registered but not yet released wait in the outbox, as they would after a registration
 * made offline: the sync releases them (PREPARING_TO_SHIP -> RELEASED) once it runs.
 * The key names the demo and its seed, so the same seed writes the same file, and no real station's
 * random key (docs/HUB.md, "The station's queue and the carrier") can ever equal it.
 */
function queuePendingReleases(db: Db, seed: number): void {
  db.prepare(
    `INSERT INTO outbox (kind, shipment_id, idempotency_key, payload, due_at, created_at)
     SELECT 'release', s.id, 'release:demo-' || ? || '-' || i.id,
            json_object('shipmentNo', s.shipment_no, 'carrierId', i.carrier_id, 'invoiceNo', i.invoice_no, 'invoiceId', i.id),
            i.registered_at, i.registered_at
     FROM shipments s JOIN invoices i ON i.id = s.invoice_id
     WHERE s.status = 'PREPARING_TO_SHIP' ORDER BY s.id`,
  ).run(seed);
}
