// A pool state (from the change feed or a verdict) written into this station's SQLite file: the
// shipment created or updated, its invoice replaced when the pool's differs (with a history entry that
// names the station that changed it), and the pool's version kept for the next operation's base.
import { z } from 'zod';
import { idRow, rowReader, type RowOf } from '../db/rows';
import type { PoolEvent, PoolShipment, PoolState } from '../../../shared/hub';
import { tabOf } from '../domain/status';
import { dayOf } from '../domain/time';
import type { ServiceContext } from '../services/context';
import { writeHistory } from '../services/historyEntries';
import { readSettings } from '../services/settings';

type FacetTable = 'warehouses' | 'delivery_policies' | 'shipping_options';

function facetId(ctx: ServiceContext, table: FacetTable, f: { code: string; name: string }): number {
  const found = idRow.one(ctx.prepare(`SELECT id FROM ${table} WHERE code = ?`).get(f.code));
  if (found) return found.id;
  return Number(ctx.prepare(`INSERT INTO ${table} (code, name) VALUES (?, ?)`).run(f.code, f.name).lastInsertRowid);
}

function orderId(ctx: ServiceContext, s: PoolShipment): number {
  const found = idRow.one(ctx.prepare('SELECT id FROM orders WHERE order_no = ?').get(s.orderNo));
  if (found) return found.id;
  let original: number | null = null;
  if (s.claim === 'exchange' && s.originalOrderNo) {
    const o = idRow.one(ctx.prepare('SELECT id FROM orders WHERE order_no = ?').get(s.originalOrderNo));
    // The original order's shipments may arrive later in the feed: its order row comes first.
    original =
      o?.id ??
      Number(
        ctx
          .prepare(
            `INSERT INTO orders (order_no, ordered_at, sales_channel, buyer_name, claim) VALUES (?, ?, ?, ?, 'general')`,
          )
          .run(s.originalOrderNo, s.orderedAt, s.salesChannel, s.buyerName).lastInsertRowid,
      );
  }
  return Number(
    ctx
      .prepare(
        `INSERT INTO orders (order_no, ordered_at, sales_channel, buyer_name, claim, original_order_id) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(s.orderNo, s.orderedAt, s.salesChannel, s.buyerName, original === null ? 'general' : 'exchange', original)
      .lastInsertRowid,
  );
}

const orderClaim = rowReader('order claim', z.object({ claim: z.string() }));

function insertShipment(ctx: ServiceContext, s: PoolState, zone: string): number {
  const oid = orderId(ctx, s);
  const claim = orderClaim.single(ctx.prepare('SELECT claim FROM orders WHERE id = ?').get(oid)).claim;
  const id = Number(
    ctx
      .prepare(
        `INSERT INTO shipments (shipment_no, order_id, ordered_at, order_day, claim, recipient_name, recipient_phone, country,
           postal_code, address_line1, address_line2, memo, warehouse_id, policy_id, option_id, region, status, tab, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'AWAITING_INVOICE', 'preparing', ?)`,
      )
      .run(
        s.shipmentNo,
        oid,
        s.orderedAt,
        dayOf(s.orderedAt, zone),
        claim,
        s.recipient.name,
        s.recipient.phone,
        s.address.country,
        s.address.postalCode,
        s.address.line1,
        s.address.line2,
        s.memo,
        facetId(ctx, 'warehouses', s.warehouse),
        facetId(ctx, 'delivery_policies', s.policy),
        facetId(ctx, 'shipping_options', s.option),
        s.region,
        ctx.clock(),
      ).lastInsertRowid,
  );
  const item = ctx.prepare(
    'INSERT INTO order_items (order_id, shipment_id, product_id, product_name, option_name, quantity) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const i of s.items) item.run(oid, id, i.productId, i.productName, i.optionName, i.quantity);
  return id;
}

export function retireLocal(ctx: ServiceContext, id: number): void {
  // A split or merge retired it in the pool; it never had an invoice (the pool refuses that).
  for (const sql of [
    'DELETE FROM order_items WHERE shipment_id = ?',
    'DELETE FROM history WHERE shipment_id = ?',
    'DELETE FROM outbox WHERE shipment_id = ?',
    'DELETE FROM invoices WHERE shipment_id = ?',
    'DELETE FROM shipments WHERE id = ?',
  ])
    ctx.prepare(sql).run(id);
}

type Item = PoolShipment['items'][number];
const itemKey = (i: Item) => JSON.stringify([i.productId, i.productName, i.optionName, i.quantity]);

const localLine = rowReader(
  'order line',
  z.object({ productId: z.string(), productName: z.string(), optionName: z.string(), quantity: z.number() }),
);

const shipmentOrder = rowReader('order of a shipment', z.object({ order_id: z.number() }));

/**
 * The shipment's lines as the pool has them, when they differ (another station added lines from an
 * order sheet, or split or merged the order). Lines that are already so are left alone: they keep the
 * channel line ids this station knows them by.
 */
function syncItems(ctx: ServiceContext, shipmentId: number, s: PoolState): void {
  const local = localLine.all(
    ctx
      .prepare(
        'SELECT product_id AS productId, product_name AS productName, option_name AS optionName, quantity FROM order_items WHERE shipment_id = ?',
      )
      .all(shipmentId),
  );
  const sorted = (items: readonly Item[]) => items.map(itemKey).sort().join('\n');
  if (sorted(local) === sorted(s.items)) return;
  const order = shipmentOrder.single(ctx.prepare('SELECT order_id FROM shipments WHERE id = ?').get(shipmentId));
  ctx.prepare('DELETE FROM order_items WHERE shipment_id = ?').run(shipmentId);
  const item = ctx.prepare(
    'INSERT INTO order_items (order_id, shipment_id, product_id, product_name, option_name, quantity) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const i of s.items) item.run(order.order_id, shipmentId, i.productId, i.productName, i.optionName, i.quantity);
}

const localShipment = rowReader(
  'shipment as this station has it',
  z.object({
    id: z.number(),
    pool_revision: z.number(),
    invoice_id: z.number().nullable(),
    carrier_id: z.string().nullable(),
    invoice_no: z.string().nullable(),
    country: z.string(),
    postal_code: z.string(),
    address_line1: z.string(),
    address_line2: z.string(),
  }),
);
type LocalRow = RowOf<typeof localShipment>;

/** Whose change it was, as the history shows it. */
const byStation = (operator: string, station: string) =>
  station ? `${operator || 'operator'} @ ${station}` : operator;

function replaceInvoice(ctx: ServiceContext, local: LocalRow, s: PoolState, reason: string | null): void {
  const now = ctx.clock();
  const before =
    local.carrier_id && local.invoice_no ? { carrierId: local.carrier_id, invoiceNo: local.invoice_no } : null;
  if (local.invoice_id !== null) {
    ctx
      .prepare(`UPDATE invoices SET active = 0, ended_at = ?, ended_reason = 'replaced_by_pool' WHERE id = ?`)
      .run(now, local.invoice_id);
  }
  let invoiceId: number | null = null;
  const i = s.invoice;
  if (i) {
    invoiceId = Number(
      ctx
        .prepare(
          `INSERT INTO invoices (shipment_id, carrier_id, invoice_no, active, registered_at, registered_by, via, released_at)
           VALUES (?, ?, ?, 1, ?, ?, ?, ?)`,
        )
        .run(
          local.id,
          i.carrierId,
          i.invoiceNo,
          i.scanAt,
          byStation(i.registeredBy, i.station),
          i.via,
          i.released ? i.registeredAt : null,
        ).lastInsertRowid,
    );
  }
  ctx.prepare('UPDATE shipments SET invoice_id = ? WHERE id = ?').run(invoiceId, local.id);
  writeHistory(ctx, {
    shipmentId: local.id,
    action: !i ? 'deleted' : before ? 'modified' : 'registered',
    before,
    after: i ? { carrierId: i.carrierId, invoiceNo: i.invoiceNo } : null,
    operator: i ? byStation(i.registeredBy, i.station) : 'pool',
    via: i?.via ?? 'api',
    at: i?.scanAt ?? now,
    reason,
  });
}

/**
 * Brings the local shipment to the pool's state, unless this station already has that revision.
 * Call inside a transaction. Returns true when the row changed (the screen should refresh it).
 */
export function applyPoolState(
  ctx: ServiceContext,
  s: PoolState,
  reason: string | null = null,
  /** A verdict's state stands even at a revision this station has seen: its own change lost. */
  force = false,
): boolean {
  let local = localShipment.one(
    ctx
      .prepare(
        `SELECT s.id, s.pool_revision, s.invoice_id, i.carrier_id, i.invoice_no, s.country, s.postal_code,
              s.address_line1, s.address_line2
       FROM shipments s LEFT JOIN invoices i ON i.id = s.invoice_id WHERE s.shipment_no = ?`,
      )
      .get(s.shipmentNo),
  );
  if (local && local.pool_revision >= s.revision && !force) return false;
  if (s.retired) {
    if (local) retireLocal(ctx, local.id);
    return local !== undefined;
  }
  if (local) syncItems(ctx, local.id, s);
  else {
    const id = insertShipment(ctx, s, readSettings(ctx).homeTimeZone);
    local = {
      id,
      pool_revision: 0,
      invoice_id: null,
      carrier_id: null,
      invoice_no: null,
      country: s.address.country,
      postal_code: s.address.postalCode,
      address_line1: s.address.line1,
      address_line2: s.address.line2,
    };
  }
  const a = s.address;
  if (
    local.country !== a.country ||
    local.postal_code !== a.postalCode ||
    local.address_line1 !== a.line1 ||
    local.address_line2 !== a.line2
  ) {
    ctx
      .prepare(
        `UPDATE shipments SET country = ?, postal_code = ?, address_line1 = ?, address_line2 = ?, region = ? WHERE id = ?`,
      )
      .run(a.country, a.postalCode, a.line1, a.line2, s.region, local.id);
  }
  const sameInvoice = s.invoice
    ? local.carrier_id === s.invoice.carrierId && local.invoice_no === s.invoice.invoiceNo
    : local.invoice_id === null;
  if (!sameInvoice) replaceInvoice(ctx, local, s, reason);
  else if (s.invoice?.released && local.invoice_id !== null) {
    ctx
      .prepare('UPDATE invoices SET released_at = ? WHERE id = ? AND released_at IS NULL')
      .run(s.invoice.registeredAt, local.invoice_id);
  }
  ctx
    .prepare(
      `UPDATE shipments SET status = ?, tab = ?, last_event_at = ?, pool_version = ?, pool_revision = ?, updated_at = ?
       WHERE id = ?`,
    )
    .run(s.status, tabOf(s.status), s.lastEventAt, s.version, s.revision, ctx.clock(), local.id);
  return true;
}

/** A carrier event the hub stored: kept here too, once, by the same fingerprint. */
export function applyPoolEvent(ctx: ServiceContext, e: PoolEvent): boolean {
  return (
    ctx
      .prepare(
        `INSERT INTO tracking_events (carrier_id, invoice_no, at, zone, code, raw_code, raw_text, location, fingerprint, stored_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING`,
      )
      .run(e.carrierId, e.invoiceNo, e.at, e.zone, e.code, e.rawCode, e.rawText, e.location, e.fingerprint, ctx.clock())
      .changes > 0
  );
}
