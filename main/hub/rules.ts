// What each operation does to the pool, decided inside the caller's transaction with the shipment's
// row locked: applied, same (already so: merged, no error), conflict (someone came first: not applied,
// and who won with what), or rejected (the operation can never apply, e.g. an invalid number).
import { isDeepStrictEqual } from 'node:util';
import { findCarrier } from '../../shared/carriers';
import { isShipmentNo, SERIALS_PER_STATION } from '../../shared/shipmentNo';
import type {
  Operation,
  OperationOf,
  PoolAddress,
  PoolShipment,
  PoolState,
  VerdictKind,
  Winner,
} from '../../shared/hub';
import { mayChangeAddress, mayChangeInvoice, mayRegister, type InvoiceFacts } from '../core/domain/invoiceRules';
import { checkInvoiceNumber, validNumberFor } from '../core/domain/numberCheck';
import { judgeNumberHolders } from '../core/domain/numberHolders';
import { mayRegroup } from '../core/domain/regroupRules';
import type { Refusal } from '../core/domain/verdict';
import type { HubClient } from './db/pool';
import {
  bump,
  bumpWithNewNumber,
  endInvoice,
  insertInvoice,
  insertShipment,
  invoiceWinner,
  keyOf,
  lastWinner,
  lockNumbers,
  lockShipment,
  readFacts,
  refreshStatus,
  replaceFacts,
  touchFeed,
  type HeldNumber,
  type LockedShipment,
} from './poolRows';

export interface Decision {
  verdict: VerdictKind;
  winner: Winner | null;
  reason: string | null;
  code: string | null;
  /** The shipment as the decision left it, when its last write returned it (the answer needs no read). */
  state?: PoolState | null;
}

const applied: Decision = { verdict: 'applied', winner: null, reason: null, code: null };
const same = (reason: string | null = null): Decision => ({ verdict: 'same', winner: null, reason, code: null });
const conflict = (winner: Winner, reason: string): Decision => ({ verdict: 'conflict', winner, reason, code: null });
const numberTaken = (winner: Winner, reason: string): Decision => ({
  verdict: 'conflict',
  winner,
  reason,
  code: 'SHIPMENT_NO_TAKEN',
});
const rejected = (code: string, reason: string): Decision => ({ verdict: 'rejected', winner: null, reason, code });
/** A rule of main/core/domain refused: the same code and words the station gives. */
const refused = (r: Refusal): Decision => rejected(r.code, r.message);
/** Refused by a rule because another station's change stands in the way: the rule's words, and who. */
const refusedFor = (winner: Winner, r: Refusal): Decision => ({
  verdict: 'conflict',
  winner,
  reason: r.message,
  code: r.code,
});

/** The facts the invoice rules decide on, as the pool has them. */
const invoiceFacts = (s: LockedShipment): InvoiceFacts => ({
  shipmentNo: s.shipmentNo,
  status: s.status,
  hasInvoice: s.invoice !== null,
});

export interface Who {
  station: string;
  /** The station's code: the range its new shipment numbers must be in. */
  stationCode: number;
  opId: string;
  /** Writes the batch's verdicts so far: due before the operations table is read (a conflict's other side). */
  settle: () => Promise<void>;
  /** The number lock the caller took after the shipment's (`numberLockOf`), if any. */
  heldNumber?: string | null;
}

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

/** Who made the shipment what it is now, with this batch's earlier verdicts counted. */
async function winnerOf(c: HubClient, who: Who, s: LockedShipment): Promise<Winner> {
  await who.settle();
  return lastWinner(c, s);
}

/**
 * A new shipment number in another station's range (docs/HUB.md, "Shipment numbers"): only that
 * station mints it. Code 000 is a stand-alone desk's, minted before joining: taken (a collision
 * with it is settled as SHIPMENT_NO_TAKEN). Numbers that are not Shipdesk's own format name no range.
 */
function outOfRange(who: Who, shipmentNo: string): Decision | null {
  if (!isShipmentNo(shipmentNo)) return null;
  const code = Math.floor(Number(shipmentNo.slice(2)) / SERIALS_PER_STATION);
  if (code === 0 || code === who.stationCode) return null;
  return rejected(
    'SHIPMENT_NO_RANGE',
    `Shipment No. ${shipmentNo} is in station code ${String(code).padStart(3, '0')}'s range; this station (code ${String(who.stationCode).padStart(3, '0')}) mints only its own. Nothing of this change was taken; check the station's file was not copied from another station.`,
  );
}

const notFound = (no: string) =>
  rejected('NOT_FOUND', `The pool has no shipment ${no}; it may have been split or merged at another station.`);

function describe(w: Winner): string {
  const what = w.invoice ? `${w.invoice.carrierId} ${w.invoice.invoiceNo}` : 'no invoice';
  return `station ${w.station} (${w.operator || 'unknown operator'}) made it ${what} at ${new Date(w.at).toISOString()}`;
}

/** Format, check digit and region (main/core/domain/numberCheck.ts): the hub never trusts a station's check. */
function checkNumber(s: LockedShipment, carrierId: string, raw: string): { invoiceNo: string } | Decision {
  const v = checkInvoiceNumber({ shipmentNo: s.shipmentNo, region: s.region, carrierId, invoiceNo: raw });
  return v.ok ? { invoiceNo: v.invoiceNo } : refused(v);
}

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
  const r = rows.find((h) => h.shipment_no === verdict.details?.['shipmentNo']) ?? rows[0];
  if (!r) return refused(verdict);
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
  const checked = checkNumber(s, p.carrierId, p.invoiceNo);
  if ('verdict' in checked) return checked;
  if (s.invoice) {
    if (s.invoice.carrierId === p.carrierId && s.invoice.invoiceNo === checked.invoiceNo) return same();
    const w = invoiceWinner(s)!;
    return conflict(w, `${s.shipmentNo} already has a number: ${describe(w)}.`);
  }
  const may = mayRegister(invoiceFacts(s));
  if (!may.ok) return refused(may);
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
  const checked = checkNumber(s, p.carrierId, p.invoiceNo);
  if ('verdict' in checked) return checked;
  if (s.invoice?.carrierId === p.carrierId && s.invoice.invoiceNo === checked.invoiceNo) return same();
  if (!s.invoice || op.baseVersion !== s.version) {
    const w = await winnerOf(c, who, s);
    return conflict(w, `${s.shipmentNo} changed before this modification reached the pool: ${describe(w)}.`);
  }
  const may = mayChangeInvoice(invoiceFacts(s), 'modify');
  if (!may.ok) return refused(may);
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

/** Who put a shipment number into the pool first: the other side of a number collision. */
function numberWinner(h: HeldNumber): Winner {
  return {
    station: h.createdBy || 'the pool',
    operator: '',
    at: h.createdAt,
    scanAt: null,
    invoice: null,
    address: null,
    shipmentNo: h.shipmentNo,
  };
}

/**
 * A number the pool already has for another order: two stations minted the same Shipment No. (numbers
 * made before they joined, or a station file copied to another machine). Never overwritten.
 */
function collision(h: HeldNumber, orderNo: string): Decision {
  return numberTaken(
    numberWinner(h),
    `Shipment No. ${h.shipmentNo} is already in the pool for order ${h.orderNo} (station ${h.createdBy || 'unknown'}); ` +
      `this station's order ${orderNo} has the same number. Nothing of this change was shared; ` +
      `give this station's parcel a new number (split it off) and ask the other station to check its parcel.`,
  );
}

const sameFacts = (pool: unknown, s: PoolShipment) => {
  const { shipmentNo: _no, address: _address, region: _region, ...facts } = s;
  return isDeepStrictEqual(pool, JSON.parse(JSON.stringify(facts)));
};

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
 * New shipments from an order sheet, all or none. A shipment the pool has for the same order is the
 * same parcel: lines the sheet added to it (while it has no invoice) are taken; one the pool has for
 * another order is a collision and refuses the whole import.
 */
async function importOrders(c: HubClient, who: Who, op: OperationOf<'importOrders'>): Promise<Decision> {
  const held = await lockNumbers(
    c,
    op.payload.shipments.map((s) => s.shipmentNo),
  );
  for (const s of op.payload.shipments) {
    const h = held.get(s.shipmentNo);
    if (h && (h.orderNo !== s.orderNo || h.retired)) return collision(h, s.orderNo);
    const foreign = h ? null : outOfRange(who, s.shipmentNo);
    if (foreign) return foreign;
  }
  let changed = 0;
  for (const s of op.payload.shipments) {
    const h = held.get(s.shipmentNo);
    if (!h) {
      if (await insertShipment(c, s, who.station)) changed++;
    } else if (!h.hasInvoice && !sameFacts(await readFacts(c, s.shipmentNo), s)) {
      await replaceFacts(c, s);
      await bump(c, s.shipmentNo, true);
      changed++;
    }
  }
  return changed ? applied : same('Every shipment of this import was already in the pool.');
}

/**
 * A split or merge: `retire` lists every shipment the station regrouped, with the version it saw;
 * `add` the shipments they became. A retired one that is also added stays (its lines change), the
 * others leave the pool; the added ones that are new must be new to the pool. Refused if any retired
 * shipment changed or got an invoice meanwhile; then the station reads them again from the feed.
 */
async function regroup(c: HubClient, who: Who, op: OperationOf<'regroup'>): Promise<Decision> {
  const retire = [...op.payload.retire].sort((a, b) => a.shipmentNo.localeCompare(b.shipmentNo));
  const kept = new Set(retire.map((r) => r.shipmentNo));
  const lost = async (d: Decision) => {
    await touchFeed(c, [...kept]);
    return d;
  };
  const mine = await lockNumbers(
    c,
    retire.map((r) => r.shipmentNo),
  );
  const locked: LockedShipment[] = [];
  for (const r of retire) {
    const s = mine.has(r.shipmentNo) ? await lockShipment(c, r.shipmentNo, true) : null;
    if (!s || s.retired) return lost(notFound(r.shipmentNo));
    // Version 0: the station never heard back about a shipment it imported itself; as it was made.
    const base = r.version === 0 && mine.get(r.shipmentNo)?.createdBy === who.station ? 1 : r.version;
    if (s.version !== base) {
      const w = await winnerOf(c, who, s);
      return lost(conflict(w, `${s.shipmentNo} changed before this split or merge reached the pool: ${describe(w)}.`));
    }
    // The station's own view already had the invoice (it would have refused): the rule's words.
    const may = mayRegroup(invoiceFacts(s), retire.length > 1 ? 'merged' : 'split');
    if (!may.ok) return lost(refusedFor(await winnerOf(c, who, s), may));
    locked.push(s);
  }
  const fresh = op.payload.add.filter((a) => !kept.has(a.shipmentNo));
  const held = await lockNumbers(
    c,
    fresh.map((a) => a.shipmentNo),
  );
  for (const a of fresh) {
    const h = held.get(a.shipmentNo);
    if (h) return lost(collision(h, a.orderNo));
    const foreign = outOfRange(who, a.shipmentNo);
    if (foreign) return foreign;
  }
  const staying = new Map(op.payload.add.filter((a) => kept.has(a.shipmentNo)).map((a) => [a.shipmentNo, a]));
  for (const s of locked) {
    const now = staying.get(s.shipmentNo);
    if (now) await replaceFacts(c, now);
    else await c.query('UPDATE shipments SET retired = true WHERE shipment_no = $1', [s.shipmentNo]);
    await bump(c, s.shipmentNo, true);
  }
  for (const a of fresh) await insertShipment(c, a, who.station);
  return applied;
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
