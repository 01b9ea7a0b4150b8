// What each operation on one shipment does to the pool, decided inside the caller's transaction with
// the shipment's row locked (docs/HUB.md, "Operations"); the answers are decision.ts's, and an order
// sheet or a split or merge is orderOps.ts's. The rules themselves are main/core/domain's.
import { findCarrier } from '../../shared/carriers';
import type { Operation, OperationOf, PoolAddress, Winner } from '../../shared/hub';
import { mayChangeAddress, mayChangeInvoice, mayModifyNumber, mayRegisterNumber } from '../core/domain/invoiceRules';
import { checkInvoiceNumber, validNumberFor, type NumberVerdict } from '../core/domain/numberCheck';
import { judgeNumberHolders } from '../core/domain/numberHolders';
import type { HubClient } from './db/pool';
import {
  applied,
  collision,
  conflict,
  describe,
  invoiceFacts,
  notFound,
  refused,
  refusedFor,
  same,
  winnerOf,
  type Decision,
  type Who,
} from './decision';
import { importOrders, regroup } from './orderOps';
import {
  bump,
  bumpWithNewNumber,
  endInvoice,
  insertInvoice,
  insertShipment,
  invoiceWinner,
  keyOf,
  lockNumbers,
  lockShipment,
  refreshStatus,
  type LockedShipment,
} from './poolRows';

const numberKey = (carrierId: string, invoiceNo: string) => `invoice:${carrierId}:${invoiceNo}`;

/**
 * The number lock a registration will take before it looks for the number on another recipient's
 * shipment (`duplicateHolder`), when its number is valid: the caller may take it right after the
 * shipment's lock, in the same statement (one round trip less; docs/HUB.md, "Operations").
 */
export function numberLockOf(op: Operation): string | null {
  if (op.kind !== 'register') return null;
  const invoiceNo = validNumberFor(op.payload.carrierId, op.payload.invoiceNo);
  return invoiceNo === null ? null : numberKey(op.payload.carrierId, invoiceNo);
}

/** Format, check digit and region (main/core/domain/numberCheck.ts): the hub never trusts a station's check. */
const checkNumber = (s: LockedShipment, carrierId: string, raw: string): NumberVerdict =>
  checkInvoiceNumber({ shipmentNo: s.shipmentNo, region: s.region, carrierId, invoiceNo: raw });

/**
 * The same number active on another recipient's shipment (main/core/domain/numberHolders.ts). The
 * number is locked for the rest of the transaction, so two stations registering it on two shipments
 * at once cannot both pass. The SQL only gathers who holds the number (a handful at most: combined
 * packing); whether that refuses is the domain rule's, so station and hub cannot drift apart.
 */
async function duplicateHolder(
  c: HubClient,
  s: LockedShipment,
  carrierId: string,
  invoiceNo: string,
  heldNumber: string | null | undefined,
): Promise<Decision | null> {
  // Taken in a statement of its own (or the caller's earlier one): the read below must see every
  // transaction that held the lock before (its snapshot is taken after the lock).
  const key = numberKey(carrierId, invoiceNo);
  if (key !== heldNumber)
    await c.query({ name: 'hub.lockNumber', text: 'SELECT pg_advisory_xact_lock(hashtext($1))', values: [key] });
  const { rows } = await c.query<{
    shipment_no: string;
    recipient_key: string;
    station: string;
    registered_by: string;
    registered_at: Date;
    scan_at: string;
  }>({
    name: 'hub.numberHolders',
    text: `SELECT i.shipment_no, s.recipient_key, i.station, i.registered_by, i.registered_at, i.scan_at::text
     FROM invoices i JOIN shipments s ON s.shipment_no = i.shipment_no
     WHERE i.active AND i.carrier_id = $1 AND i.invoice_no = $2 AND i.shipment_no <> $3`,
    values: [carrierId, invoiceNo, s.shipmentNo],
  });
  const verdict = judgeNumberHolders({
    shipment: { shipmentNo: s.shipmentNo, recipientKey: s.recipientKey },
    carrierId,
    invoiceNo,
    holders: rows.map((r) => ({ shipmentNo: r.shipment_no, recipientKey: r.recipient_key })),
  });
  if (verdict.ok) return null;
  // The verdict names one of these rows: the holder it found among them.
  const r = rows.find((h) => h.shipment_no === verdict.holder.shipmentNo)!;
  const carrier = findCarrier(carrierId);
  const holder: Winner = {
    station: r.station,
    operator: r.registered_by,
    at: r.registered_at.getTime(),
    scanAt: Number(r.scan_at),
    invoice: carrier ? { carrierId: carrier.id, invoiceNo } : null,
    address: null,
    shipmentNo: r.shipment_no,
  };
  return refusedFor(holder, verdict);
}

async function schedulePoll(c: HubClient, carrierId: string, invoiceNo: string, warehouse: string): Promise<void> {
  await c.query(
    `INSERT INTO poll_schedule (carrier_id, invoice_no, warehouse, next_poll_at) VALUES ($1, $2, $3, clock_timestamp())
     ON CONFLICT (carrier_id, invoice_no) DO UPDATE SET warehouse = excluded.warehouse, next_poll_at = clock_timestamp()`,
    [carrierId, invoiceNo, warehouse],
  );
}

async function register(
  c: HubClient,
  s: LockedShipment,
  who: Who,
  p: { carrierId: string; invoiceNo: string; operator: string; via: OperationOf<'register'>['payload']['via'] },
  scanAt: number,
  released: boolean,
): Promise<Decision> {
  const number = checkNumber(s, p.carrierId, p.invoiceNo);
  // Pool answers first, for a valid number only: already so (a replay), or another station came first.
  if (s.invoice && number.ok) {
    if (s.invoice.carrierId === p.carrierId && s.invoice.invoiceNo === number.invoiceNo) return same();
    const w = invoiceWinner(s)!;
    return conflict(w, `${s.shipmentNo} already has a number: ${describe(w)}.`);
  }
  // Else the rule book's order (state, then number), as at the station.
  const checked = mayRegisterNumber(invoiceFacts(s), number);
  if (!checked.ok) return refused(checked);
  const duplicate = await duplicateHolder(c, s, p.carrierId, checked.invoiceNo, who.heldNumber);
  if (duplicate) return duplicate;
  const events = await insertInvoice(c, {
    shipmentNo: s.shipmentNo,
    carrierId: p.carrierId,
    invoiceNo: checked.invoiceNo,
    scanAt,
    registeredBy: p.operator,
    station: who.station,
    via: p.via,
    opId: who.opId,
    released,
  });
  if (released) await schedulePoll(c, p.carrierId, checked.invoiceNo, s.warehouse);
  const state = await bumpWithNewNumber(c, s.shipmentNo, released, events);
  return state === undefined ? applied : { ...applied, state };
}

async function modify(c: HubClient, s: LockedShipment, who: Who, op: OperationOf<'modify'>): Promise<Decision> {
  const p = op.payload;
  const number = checkNumber(s, p.carrierId, p.invoiceNo);
  // Pool answers first, for a valid number only: already so (a replay), or based on an older version.
  if (number.ok) {
    if (s.invoice?.carrierId === p.carrierId && s.invoice.invoiceNo === number.invoiceNo) return same();
    if (!s.invoice || op.baseVersion !== s.version) {
      const w = await winnerOf(c, who, s);
      return conflict(w, `${s.shipmentNo} changed before this modification reached the pool: ${describe(w)}.`);
    }
  }
  // Else the rule book's order (state, then number, then a change at all), as at the station.
  const checked = mayModifyNumber(invoiceFacts(s), number, s.invoice);
  if (!checked.ok) return refused(checked);
  if (!s.invoice) throw new Error(`The rules allowed a modification of ${s.shipmentNo}, which has no invoice`);
  const duplicate = await duplicateHolder(c, s, p.carrierId, checked.invoiceNo, who.heldNumber);
  if (duplicate) return duplicate;
  await endInvoice(c, s.invoice.id, 'modified', who.station);
  const events = await insertInvoice(c, {
    shipmentNo: s.shipmentNo,
    carrierId: p.carrierId,
    invoiceNo: checked.invoiceNo,
    scanAt: op.scanAt,
    registeredBy: p.operator,
    station: who.station,
    via: p.via,
    opId: who.opId,
    released: false,
  });
  const state = await bumpWithNewNumber(c, s.shipmentNo, false, events);
  return state === undefined ? applied : { ...applied, state };
}

async function remove(c: HubClient, s: LockedShipment, who: Who, op: OperationOf<'delete'>): Promise<Decision> {
  if (!s.invoice) return same('The invoice was already deleted.');
  if (op.baseVersion !== s.version) {
    const w = await winnerOf(c, who, s);
    return conflict(w, `${s.shipmentNo} changed before this deletion reached the pool: ${describe(w)}.`);
  }
  const may = mayChangeInvoice(invoiceFacts(s), 'delete');
  if (!may.ok) return refused(may);
  await endInvoice(c, s.invoice.id, 'deleted', who.station);
  await refreshStatus(c, s.shipmentNo, true);
  await bump(c, s.shipmentNo, true);
  return applied;
}

const sameAddress = (a: PoolAddress, b: PoolAddress) =>
  a.country === b.country && a.postalCode === b.postalCode && a.line1 === b.line1 && a.line2 === b.line2;

async function address(c: HubClient, s: LockedShipment, who: Who, op: OperationOf<'address'>): Promise<Decision> {
  const p = op.payload;
  if (sameAddress(s.address, p.address)) return same();
  if (op.baseVersion !== s.version) {
    const w = await winnerOf(c, who, s);
    return conflict(w, `${s.shipmentNo}'s address changed before this edit reached the pool: ${describe(w)}.`);
  }
  const may = mayChangeAddress(invoiceFacts(s));
  if (!may.ok) return refused(may);
  const { rows } = await c.query<{ recipient: { name: string; phone: string } }>(
    `SELECT facts->'recipient' AS recipient FROM shipments WHERE shipment_no = $1`,
    [s.shipmentNo],
  );
  const recipient = rows[0]?.recipient ?? { name: '', phone: '' };
  await c.query(`UPDATE shipments SET address = $2, region = $3, recipient_key = $4 WHERE shipment_no = $1`, [
    s.shipmentNo,
    p.address,
    p.region,
    keyOf({ recipient, address: p.address }),
  ]);
  await bump(c, s.shipmentNo, true);
  return applied;
}

async function released(c: HubClient, s: LockedShipment, op: OperationOf<'released'>): Promise<Decision> {
  const i = s.invoice;
  if (!i || i.carrierId !== op.payload.carrierId || i.invoiceNo !== op.payload.invoiceNo || i.released) return same();
  await c.query('UPDATE invoices SET released_at = clock_timestamp() WHERE id = $1', [i.id]);
  await refreshStatus(c, s.shipmentNo, true);
  await schedulePoll(c, i.carrierId, i.invoiceNo, s.warehouse);
  await bump(c, s.shipmentNo, false);
  return applied;
}

async function offer(c: HubClient, who: Who, op: OperationOf<'offer'>): Promise<Decision> {
  const { shipment, invoice } = op.payload;
  const held = (await lockNumbers(c, [shipment.shipmentNo])).get(shipment.shipmentNo);
  if (held && (held.orderNo !== shipment.orderNo || held.retired)) return collision(held, shipment.orderNo);
  const inserted = await insertShipment(c, shipment, who.station);
  const s = await lockShipment(c, shipment.shipmentNo);
  if (!s) return notFound(shipment.shipmentNo);
  if (!invoice) return inserted ? applied : same();
  const d = await register(c, s, who, { ...invoice, operator: invoice.registeredBy }, invoice.scanAt, invoice.released);
  return inserted && d.verdict === 'same' ? applied : d;
}

/**
 * Whether deciding this operation starts by locking its own shipment: then the caller may take that
 * lock in the statement that records the op id (one round trip less; docs/HUB.md, "Operations").
 */
export const locksOwnShipment = (op: Operation): boolean =>
  op.kind !== 'offer' && op.kind !== 'importOrders' && op.kind !== 'regroup';

/**
 * Decides one operation. The caller has recorded the op id in this transaction and, if `locked`, has
 * locked the operation's shipment since (`locksOwnShipment`).
 */
export async function decide(c: HubClient, who: Who, op: Operation, locked = false): Promise<Decision> {
  switch (op.kind) {
    case 'offer':
      return offer(c, who, op);
    case 'importOrders':
      return importOrders(c, who, op);
    case 'regroup':
      return regroup(c, who, op);
    default:
  }
  const s = await lockShipment(c, op.shipmentNo, locked);
  if (!s || s.retired) return notFound(op.shipmentNo);
  switch (op.kind) {
    case 'register':
      return register(c, s, who, op.payload, op.scanAt, false);
    case 'modify':
      return modify(c, s, who, op);
    case 'delete':
      return remove(c, s, who, op);
    case 'address':
      return address(c, s, who, op);
    case 'released':
      return released(c, s, op);
  }
}
