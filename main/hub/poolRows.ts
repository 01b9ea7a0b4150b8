// Reading and writing the pool's shipments and invoices. Every function runs on a client inside the
// caller's transaction; the rules that decide live in rules.ts.
import { z } from 'zod';
import { PoolShipmentSchema, type PoolAddress, type PoolShipment, type PoolState, type Winner } from '../../shared/hub';
import type { Region, ShipmentStatus, TrackingCode, Via } from '../../shared/domain';
import { REGIONS, SHIPMENT_STATUSES, VIAS } from '../../shared/domain';
import { CARRIER_IDS } from '../../shared/carriers';
import { deriveStatus } from '../core/domain/status';
import { recipientKey } from '../core/domain/recipient';
import { CHANGES_CHANNEL, type HubClient } from './db/pool';

const FactsSchema = PoolShipmentSchema.omit({ shipmentNo: true, address: true, region: true });
const AddressSchema = PoolShipmentSchema.shape.address;

export function keyOf(s: Pick<PoolShipment, 'recipient' | 'address'>): string {
  return recipientKey({
    recipient_name: s.recipient.name,
    recipient_phone: s.recipient.phone,
    country: s.address.country,
    postal_code: s.address.postalCode,
    address_line1: s.address.line1,
    address_line2: s.address.line2,
  });
}

/** Inserts a shipment the pool does not have yet (with its feed entry); false when it was already there. */
export async function insertShipment(c: HubClient, s: PoolShipment, station: string): Promise<boolean> {
  const { shipmentNo, address, region, ...facts } = s;
  const r = await c.query<{ n: number }>(
    `WITH s AS (
       INSERT INTO shipments (shipment_no, order_no, facts, address, region, warehouse, recipient_key, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $9) ON CONFLICT (shipment_no) DO NOTHING RETURNING shipment_no),
     f AS (INSERT INTO changes (shipment_no) SELECT shipment_no FROM s)
     SELECT (SELECT count(*)::int FROM s) AS n, pg_notify($8, '')`,
    [shipmentNo, s.orderNo, facts, address, region, s.warehouse.code, keyOf(s), CHANGES_CHANNEL, station],
  );
  return (r.rows[0]?.n ?? 0) > 0;
}

/** A shipment's lines and facts as a station now has them (lines added by an import, a split or merge). */
export async function replaceFacts(c: HubClient, s: PoolShipment): Promise<void> {
  const { shipmentNo, address: _address, region: _region, ...facts } = s;
  await c.query('UPDATE shipments SET facts = $2 WHERE shipment_no = $1', [shipmentNo, facts]);
}

/** The facts the pool keeps for a shipment, compared with a station's. */
export async function readFacts(c: HubClient, shipmentNo: string): Promise<unknown> {
  const { rows } = await c.query<{ facts: unknown }>('SELECT facts FROM shipments WHERE shipment_no = $1', [
    shipmentNo,
  ]);
  return rows[0]?.facts ?? null;
}

export interface HeldNumber {
  shipmentNo: string;
  orderNo: string;
  retired: boolean;
  hasInvoice: boolean;
  createdBy: string;
  createdAt: number;
}

/** The pool's shipments among these numbers, locked, in number order (two imports lock alike). */
export async function lockNumbers(c: HubClient, shipmentNos: readonly string[]): Promise<Map<string, HeldNumber>> {
  const { rows } = await c.query<{
    shipment_no: string;
    order_no: string;
    retired: boolean;
    has_invoice: boolean;
    created_by: string;
    created_at: Date;
  }>(
    `SELECT s.shipment_no, s.order_no, s.retired, s.created_by, s.created_at,
            EXISTS (SELECT 1 FROM invoices i WHERE i.shipment_no = s.shipment_no AND i.active) AS has_invoice
     FROM shipments s WHERE s.shipment_no = ANY($1) ORDER BY s.shipment_no FOR UPDATE OF s`,
    [shipmentNos],
  );
  return new Map(
    rows.map((r) => [
      r.shipment_no,
      {
        shipmentNo: r.shipment_no,
        orderNo: r.order_no,
        retired: r.retired,
        hasInvoice: r.has_invoice,
        createdBy: r.created_by,
        createdAt: r.created_at.getTime(),
      },
    ]),
  );
}

/** Feed entries without a change: stations that lost a split or merge read these shipments again. */
export async function touchFeed(c: HubClient, shipmentNos: readonly string[]): Promise<void> {
  await c.query(`WITH f AS (INSERT INTO changes (shipment_no) SELECT unnest($1::text[])) SELECT pg_notify($2, '')`, [
    shipmentNos,
    CHANGES_CHANNEL,
  ]);
}

const StateRow = z.object({
  shipment_no: z.string(),
  facts: z.unknown(),
  address: z.unknown(),
  region: z.enum(REGIONS),
  version: z.number(),
  revision: z.number(),
  status: z.enum(SHIPMENT_STATUSES),
  last_event_at: z.string().nullable(),
  retired: z.boolean(),
  carrier_id: z.string().nullable(),
  invoice_no: z.string().nullable(),
  scan_at: z.string().nullable(),
  registered_at: z.date().nullable(),
  registered_by: z.string().nullable(),
  station: z.string().nullable(),
  via: z.enum(VIAS).nullable(),
  released: z.boolean().nullable(),
});

/** A shipment's state: `s` a shipments row (or one an UPDATE returned), `i` its active invoice. */
const STATE_COLUMNS = `s.shipment_no, s.facts, s.address, s.region, s.version, s.revision, s.status, s.last_event_at::text,
         s.retired, i.carrier_id, i.invoice_no, i.scan_at::text, i.registered_at, i.registered_by, i.station, i.via,
         i.released_at IS NOT NULL AS released`;

const STATE_SQL = `
  SELECT ${STATE_COLUMNS}
  FROM shipments s LEFT JOIN invoices i ON i.shipment_no = s.shipment_no AND i.active
  WHERE s.shipment_no = ANY($1)`;

function toState(raw: unknown): PoolState {
  const r = StateRow.parse(raw);
  const facts = FactsSchema.parse(r.facts);
  const invoice =
    r.carrier_id && r.invoice_no && r.registered_at && r.scan_at !== null
      ? {
          carrierId: parseCarrier(r.carrier_id),
          invoiceNo: r.invoice_no,
          scanAt: Number(r.scan_at),
          registeredAt: r.registered_at.getTime(),
          registeredBy: r.registered_by ?? '',
          station: r.station ?? '',
          via: r.via ?? 'manual',
          released: r.released ?? false,
        }
      : null;
  return {
    ...facts,
    shipmentNo: r.shipment_no,
    address: AddressSchema.parse(r.address),
    region: r.region,
    version: r.version,
    revision: r.revision,
    status: r.status,
    lastEventAt: r.last_event_at === null ? null : Number(r.last_event_at),
    invoice,
    retired: r.retired,
  };
}

const CarrierIdSchema = z.enum(CARRIER_IDS);
const parseCarrier = (id: string) => CarrierIdSchema.parse(id);

/** Current states, in no particular order; unknown numbers are left out. */
export async function readStates(c: Pick<HubClient, 'query'>, shipmentNos: readonly string[]): Promise<PoolState[]> {
  if (!shipmentNos.length) return [];
  const { rows } = await c.query({ name: 'hub.readStates', text: STATE_SQL, values: [shipmentNos] });
  return rows.map(toState);
}

export async function readState(c: Pick<HubClient, 'query'>, shipmentNo: string): Promise<PoolState | null> {
  return (await readStates(c, [shipmentNo]))[0] ?? null;
}

export interface LockedShipment {
  shipmentNo: string;
  version: number;
  status: ShipmentStatus;
  retired: boolean;
  warehouse: string;
  region: Region;
  recipientKey: string;
  address: PoolAddress;
  invoice: {
    id: string;
    carrierId: string;
    invoiceNo: string;
    station: string;
    registeredBy: string;
    registeredAt: number;
    scanAt: number;
    released: boolean;
  } | null;
}

const LockedRow = z.object({
  shipment_no: z.string(),
  version: z.number(),
  status: z.enum(SHIPMENT_STATUSES),
  retired: z.boolean(),
  warehouse: z.string(),
  region: z.enum(REGIONS),
  recipient_key: z.string(),
  address: z.unknown(),
  invoice_id: z.string().nullable(),
  carrier_id: z.string().nullable(),
  invoice_no: z.string().nullable(),
  station: z.string().nullable(),
  registered_by: z.string().nullable(),
  registered_at: z.date().nullable(),
  scan_at: z.string().nullable(),
  released: z.boolean().nullable(),
});

/**
 * The shipment's row, locked until the transaction ends: whoever locks second sees the first's result.
 * The lock comes first, alone: a join read in the same statement would keep the invoice as it was
 * before the wait (READ COMMITTED re-reads only the locked row), so the invoice is read after it.
 */
export async function lockShipment(
  c: HubClient,
  shipmentNo: string,
  /** This transaction holds the lock already: only read. */
  held = false,
): Promise<LockedShipment | null> {
  if (!held) {
    const locked = await c.query({
      name: 'hub.lockShipment',
      text: 'SELECT 1 FROM shipments WHERE shipment_no = $1 FOR UPDATE',
      values: [shipmentNo],
    });
    if (!locked.rowCount) return null;
  }
  const { rows } = await c.query({
    name: 'hub.readLockedShipment',
    text: `SELECT s.shipment_no, s.version, s.status, s.retired, s.warehouse, s.region, s.recipient_key, s.address,
            i.id::text AS invoice_id, i.carrier_id, i.invoice_no, i.station, i.registered_by, i.registered_at,
            i.scan_at::text, i.released_at IS NOT NULL AS released
     FROM shipments s LEFT JOIN invoices i ON i.shipment_no = s.shipment_no AND i.active
     WHERE s.shipment_no = $1`,
    values: [shipmentNo],
  });
  if (!rows[0]) return null;
  const r = LockedRow.parse(rows[0]);
  return {
    shipmentNo: r.shipment_no,
    version: r.version,
    status: r.status,
    retired: r.retired,
    warehouse: r.warehouse,
    region: r.region,
    recipientKey: r.recipient_key,
    address: AddressSchema.parse(r.address),
    invoice:
      r.invoice_id && r.carrier_id && r.invoice_no && r.registered_at
        ? {
            id: r.invoice_id,
            carrierId: r.carrier_id,
            invoiceNo: r.invoice_no,
            station: r.station ?? '',
            registeredBy: r.registered_by ?? '',
            registeredAt: r.registered_at.getTime(),
            scanAt: Number(r.scan_at ?? 0),
            released: r.released ?? false,
          }
        : null,
  };
}

export interface NewInvoice {
  shipmentNo: string;
  carrierId: string;
  invoiceNo: string;
  scanAt: number;
  registeredBy: string;
  station: string;
  via: Via;
  opId: string;
  released: boolean;
}

/** A carrier event the pool stores for a number (tracking.ts writes them). */
export interface NumberEvent {
  at: number;
  code: TrackingCode;
}

/**
 * Puts the number on the shipment and returns the carrier events the pool already has for it (the
 * new status comes from them: `bumpWithNewNumber`), in one round trip (docs/HUB.md, "Operations").
 */
export async function insertInvoice(c: HubClient, i: NewInvoice): Promise<NumberEvent[]> {
  const { rows } = await c.query<{ at: string; code: TrackingCode }>({
    name: 'hub.insertInvoice',
    text: `WITH i AS (
       INSERT INTO invoices (shipment_no, carrier_id, invoice_no, active, scan_at, registered_by, station, via, op_id, released_at)
       VALUES ($1, $2, $3, true, $4, $5, $6, $7, $8, CASE WHEN $9 THEN clock_timestamp() END))
     SELECT at::text, code FROM tracking_events WHERE carrier_id = $2 AND invoice_no = $3`,
    values: [i.shipmentNo, i.carrierId, i.invoiceNo, i.scanAt, i.registeredBy, i.station, i.via, i.opId, i.released],
  });
  return rows.map((e) => ({ at: Number(e.at), code: e.code }));
}

export async function endInvoice(c: HubClient, id: string, reason: string, by: string): Promise<void> {
  await c.query(
    `UPDATE invoices SET active = false, ended_at = clock_timestamp(), ended_reason = $2, ended_by = $3 WHERE id = $1`,
    [id, reason, by],
  );
}

/**
 * Marks the shipment changed: a new revision (and version, for an operation), a feed entry, and a
 * wake-up for every hub's listeners (delivered at commit). One round trip.
 */
export async function bump(c: HubClient, shipmentNo: string, edit: boolean): Promise<void> {
  await c.query({
    name: 'hub.bump',
    text: `WITH b AS (
       UPDATE shipments SET version = version + $2, revision = revision + 1, updated_at = clock_timestamp()
       WHERE shipment_no = $1 RETURNING shipment_no),
     f AS (INSERT INTO changes (shipment_no) SELECT shipment_no FROM b)
     SELECT pg_notify($3, '')`,
    values: [shipmentNo, edit ? 1 : 0, CHANGES_CHANNEL],
  });
}

/**
 * After a number was put on a shipment: its status from that number's stored events (as
 * `insertInvoice` returned them), and the bump of `bump`, in one round trip instead of a re-read, an
 * update and a bump (docs/HUB.md, "Operations": one batch's operations are short). Returns the
 * shipment's new state; undefined when a number the carrier already cancelled took the long way.
 */
export async function bumpWithNewNumber(
  c: HubClient,
  shipmentNo: string,
  released: boolean,
  events: readonly NumberEvent[],
): Promise<PoolState | null | undefined> {
  const derived = deriveStatus({ released, events });
  if (derived.kind === 'cancelled') {
    await refreshStatus(c, shipmentNo, true);
    await bump(c, shipmentNo, true);
    return undefined;
  }
  const lastEventAt = events.reduce<number | null>((m, e) => (m === null || e.at > m ? e.at : m), null);
  // The shipment as the update left it, with the invoice an earlier statement of this transaction
  // put on it: the operation's answer needs no read of its own.
  const { rows } = await c.query({
    name: 'hub.bumpWithNewNumber',
    text: `WITH b AS (
       UPDATE shipments SET status = $2, last_event_at = $3, version = version + 1, revision = revision + 1,
         updated_at = clock_timestamp()
       WHERE shipment_no = $1 RETURNING *),
     f AS (INSERT INTO changes (shipment_no) SELECT shipment_no FROM b),
     n AS (SELECT pg_notify($4, ''))
     SELECT ${STATE_COLUMNS}
     FROM n, b s LEFT JOIN invoices i ON i.shipment_no = s.shipment_no AND i.active`,
    values: [shipmentNo, derived.status, lastEventAt, CHANGES_CHANNEL],
  });
  return rows[0] ? toState(rows[0]) : null;
}

/** Recomputes the status from the active invoice and the stored events (docs/ARCHITECTURE.md "Shipments, invoices and statuses"). Returns true if it moved. */
export async function refreshStatus(c: HubClient, shipmentNo: string, held = false): Promise<boolean> {
  const s = await lockShipment(c, shipmentNo, held);
  if (!s) return false;
  let status: ShipmentStatus = 'AWAITING_INVOICE';
  let lastEventAt: number | null = null;
  if (s.invoice) {
    const { rows } = await c.query<{ at: string; code: TrackingCode }>(
      'SELECT at::text, code FROM tracking_events WHERE carrier_id = $1 AND invoice_no = $2',
      [s.invoice.carrierId, s.invoice.invoiceNo],
    );
    const events = rows.map((e) => ({ at: Number(e.at), code: e.code }));
    lastEventAt = events.reduce<number | null>((m, e) => (m === null || e.at > m ? e.at : m), null);
    const derived = deriveStatus({ released: s.invoice.released, events });
    if (derived.kind === 'cancelled') {
      await endInvoice(c, s.invoice.id, 'voided_by_carrier', 'carrier');
      lastEventAt = null;
    } else status = derived.status;
  }
  const r = await c.query(
    `UPDATE shipments SET status = $2, last_event_at = $3 WHERE shipment_no = $1
       AND (status IS DISTINCT FROM $2 OR last_event_at IS DISTINCT FROM $3)`,
    [shipmentNo, status, lastEventAt],
  );
  return (r.rowCount ?? 0) > 0;
}

/** Who made the shipment what it is now: the last applied operation, for a conflict's other side. */
export async function lastWinner(c: HubClient, s: LockedShipment): Promise<Winner> {
  const { rows } = await c.query<{ station: string; operator: string | null; at: Date; scan_at: string }>(
    `SELECT station, payload->>'operator' AS operator, received_at AS at, scan_at::text FROM operations
     WHERE shipment_no = $1 AND verdict = 'applied' ORDER BY seq DESC LIMIT 1`,
    [s.shipmentNo],
  );
  const last = rows[0];
  const invoice = s.invoice ? { carrierId: parseCarrier(s.invoice.carrierId), invoiceNo: s.invoice.invoiceNo } : null;
  return {
    station: last?.station ?? s.invoice?.station ?? 'the pool',
    operator: last?.operator ?? s.invoice?.registeredBy ?? '',
    at: last?.at.getTime() ?? s.invoice?.registeredAt ?? 0,
    scanAt: last ? Number(last.scan_at) : (s.invoice?.scanAt ?? null),
    invoice,
    address: s.address,
    shipmentNo: null,
  };
}

export function invoiceWinner(s: LockedShipment): Winner | null {
  if (!s.invoice) return null;
  return {
    station: s.invoice.station,
    operator: s.invoice.registeredBy,
    at: s.invoice.registeredAt,
    scanAt: s.invoice.scanAt,
    invoice: { carrierId: parseCarrier(s.invoice.carrierId), invoiceNo: s.invoice.invoiceNo },
    address: null,
    shipmentNo: null,
  };
}
