// The insert statements of the bulk load. Binding a parameter costs more than SQLite's own work
// for a row, so columns with few values (status, carrier, scan words) are SQL literals in one
// prepared variant per value instead of parameters.
import { channelOfName, type ChannelId } from '../../../shared/channels';
import { SHIPMENT_STATUSES, TAB_OF_STATUS } from '../../../shared/domain';
import type { Db } from '../db/open';
import { CARRIER_LIST } from './catalog';
import { scanWords } from './scanWords';

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Where the rows of one statement go: a prepared statement here, or the load worker. */
export interface RowWriter {
  run(values: readonly unknown[]): unknown;
}

/** Prepares `sql`, an INSERT into `table`. */
export type Prepare = (table: string, sql: string) => RowWriter;

/** Prepared on first use, then reused. */
class Variants {
  private readonly cache: (RowWriter | undefined)[] = [];
  constructor(
    private readonly prepare: Prepare,
    private readonly table: string,
    private readonly sql: (key: number) => string,
  ) {}
  get(key: number): RowWriter {
    return (this.cache[key] ??= this.prepare(this.table, this.sql(key)));
  }
}

export class DemoStatements {
  private readonly ordersSql: Variants;
  private readonly shipmentsSql: Variants;
  private readonly itemsSql: RowWriter;
  private readonly invoicesSql: Variants;
  private readonly eventsSql: Variants;
  private readonly historySql: Variants;
  private readonly pending: HistoryRow[] = [];
  private readonly skip: number[] = [];
  /** Sales channel name -> channel id, looked up once per name. */
  private readonly channelIds: Record<string, ChannelId> = {};

  constructor(
    private readonly db: Db,
    prepare: Prepare,
  ) {
    this.ordersSql = new Variants(
      prepare,
      'orders',
      (
        exchange,
      ) => `INSERT INTO orders (id, order_no, ordered_at, sales_channel, buyer_name, channel, claim, original_order_id)
        VALUES (?, ?, ?, ?, ?, ?, ${exchange ? "'exchange', ?" : "'general', NULL"})`,
    );
    // key = (status * 2 + international) * 2 + exchange
    this.shipmentsSql = new Variants(prepare, 'shipments', (key) => {
      const status = SHIPMENT_STATUSES[key >> 2] ?? 'AWAITING_INVOICE';
      const region = key & 2 ? 'international' : 'domestic';
      const claim = key & 1 ? 'exchange' : 'general';
      return `INSERT INTO shipments (id, shipment_no, order_id, ordered_at, order_day, recipient_name, recipient_phone, country,
          postal_code, address_line1, address_line2, memo, warehouse_id, policy_id, option_id, invoice_id, last_event_at, updated_at,
          claim, region, status, tab)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '${claim}', '${region}', '${status}', '${TAB_OF_STATUS[status]}')`;
    });
    this.itemsSql = prepare(
      'order_items',
      'INSERT INTO order_items (order_id, shipment_id, product_id, product_name, option_name, quantity) VALUES (?, ?, ?, ?, ?, ?)',
    );
    // key = carrier * 2 + active
    this.invoicesSql = new Variants(prepare, 'invoices', (key) => {
      const carrier = CARRIER_LIST[key >> 1] ?? 'kr.cjlogistics';
      return `INSERT INTO invoices (id, shipment_id, invoice_no, registered_at, registered_by, via, released_at, ended_at, ended_reason, carrier_id, active)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '${carrier}', ${key & 1})`;
    });
    // key = carrier * 8 + scan kind; the carrier's region picks Korean or English words
    this.eventsSql = new Variants(prepare, 'tracking_events', (key) => {
      const carrier = CARRIER_LIST[key >> 3] ?? 'kr.cjlogistics';
      const w = scanWords(key >> 3)[key & 7];
      if (!w) throw new Error(`no scan words for ${key}`);
      // The fingerprint is built here from the bound values: unique and deterministic (a number's
      // scans have distinct times), short and ASCII. CAST: numbers are bound as REAL.
      return `INSERT INTO tracking_events (invoice_no, at, zone, location, stored_at, fingerprint, carrier_id, code, raw_code, raw_text)
        SELECT no, at, zone, location, stored, '${carrier}|' || no || '|' || CAST(at AS INTEGER) || '|${w.code}',
               '${carrier}', '${w.code}', '${w.rawCode}', ${quote(w.text)}
        FROM (SELECT ? AS no, ? AS at, ? AS zone, ? AS location, ? AS stored)`;
    });
    this.historySql = new Variants(
      prepare,
      'history',
      (action) => `INSERT INTO history (shipment_id, before_json, after_json, operator, via, at, reason, action)
        VALUES (?, ?, ?, ?, ?, ?, ?, '${HISTORY_ACTIONS[action]}')`,
    );
  }

  order(
    exchange: boolean,
    id: number,
    orderNo: string,
    at: number,
    channel: string,
    buyer: string,
    original: number,
  ): void {
    const code = (this.channelIds[channel] ??= channelOfName(channel) ?? 'other');
    if (exchange) this.ordersSql.get(1).run([id, orderNo, at, channel, buyer, code, original]);
    else this.ordersSql.get(0).run([id, orderNo, at, channel, buyer, code]);
  }

  shipment(
    status: number,
    intl: boolean,
    exchange: boolean,
    ...row: [
      id: number,
      shipmentNo: string,
      orderId: number,
      orderedAt: number,
      orderDay: string,
      name: string,
      phone: string,
      country: string,
      postalCode: string,
      line1: string,
      line2: string,
      memo: string,
      warehouseId: number,
      policyId: number,
      optionId: number,
      invoiceId: number | null,
      lastEventAt: number | null,
      updatedAt: number,
    ]
  ): void {
    this.shipmentsSql.get((status * 2 + (intl ? 1 : 0)) * 2 + (exchange ? 1 : 0)).run(row);
  }

  item(
    orderId: number,
    shipmentId: number,
    productId: string,
    productName: string,
    option: string,
    quantity: number,
  ): void {
    this.itemsSql.run([orderId, shipmentId, productId, productName, option, quantity]);
  }

  invoice(
    carrier: number,
    active: boolean,
    ...row: [
      id: number,
      shipmentId: number,
      invoiceNo: string,
      registeredAt: number,
      by: string,
      via: string,
      releasedAt: number | null,
      endedAt: number | null,
      endedReason: string | null,
    ]
  ): void {
    this.invoicesSql.get(carrier * 2 + (active ? 1 : 0)).run(row);
  }

  event(
    carrier: number,
    kind: number,
    invoiceNo: string,
    at: number,
    zone: string,
    location: string,
    storedAt: number,
  ): void {
    this.eventsSql.get(carrier * 8 + kind).run([invoiceNo, at, zone, location, storedAt]);
  }

  /** A modification or deletion: written by finishHistory, after the registrations. */
  history(
    action: number,
    shipmentId: number,
    before: string | null,
    after: string | null,
    operator: string,
    via: string,
    at: number,
    reason: string | null,
  ): void {
    this.pending.push([action, shipmentId, before, after, operator, via, at, reason]);
  }

  /** An invoice registered by a modification: it gets the 'modified' row, not a 'registered' one. */
  notRegistered(invoiceId: number): void {
    this.skip.push(invoiceId);
  }

  /**
   * The history: a 'registered' row per invoice, derived in SQL from the invoice rows (a third of
   * the cost of binding them one by one), then the modifications and deletions, which come later
   * in time on their shipments so their ids must be higher. Returns the number of rows.
   */
  finishHistory(): number {
    const registered = this.db
      .prepare(
        `INSERT INTO history (shipment_id, action, before_json, after_json, operator, via, at, reason)
         SELECT shipment_id, 'registered', NULL, json_object('carrierId', carrier_id, 'invoiceNo', invoice_no), registered_by, via, registered_at, NULL
         FROM invoices WHERE id NOT IN (SELECT value FROM json_each(?)) ORDER BY id`,
      )
      .run(JSON.stringify(this.skip)).changes;
    for (const [action, ...row] of this.pending) this.historySql.get(action).run(row);
    return registered + this.pending.length;
  }
}

type HistoryRow = [
  action: number,
  shipmentId: number,
  before: string | null,
  after: string | null,
  operator: string,
  via: string,
  at: number,
  reason: string | null,
];

/** History actions the load writes itself (registrations come from finishHistory's SQL). */
export const HISTORY_ACTIONS = ['registered', 'modified', 'deleted'] as const;
export const H_MODIFIED = 1;
export const H_DELETED = 2;
