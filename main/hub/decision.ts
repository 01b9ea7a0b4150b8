// The answers the hub gives one operation (docs/HUB.md, "Operations"): applied, same (already so:
// merged, no error), conflict (someone came first: not applied, and who won with what), or rejected
// (the operation can never apply). A rule of main/core/domain that refuses gives its own code and words.
import type { VerdictKind, Winner, PoolState } from '../../shared/hub';
import type { InvoiceFacts } from '../core/domain/invoiceRules';
import type { Refusal } from '../core/domain/verdict';
import type { HubClient } from './db/pool';
import { lastWinner, type HeldNumber, type LockedShipment } from './poolRows';

export interface Decision {
  verdict: VerdictKind;
  winner: Winner | null;
  reason: string | null;
  code: string | null;
  /** The shipment as the decision left it, when its last write returned it (the answer needs no read). */
  state?: PoolState | null;
}

export const applied: Decision = { verdict: 'applied', winner: null, reason: null, code: null };
export const same = (reason: string | null = null): Decision => ({ verdict: 'same', winner: null, reason, code: null });
export const conflict = (winner: Winner, reason: string): Decision => ({
  verdict: 'conflict',
  winner,
  reason,
  code: null,
});
export const numberTaken = (winner: Winner, reason: string): Decision => ({
  verdict: 'conflict',
  winner,
  reason,
  code: 'SHIPMENT_NO_TAKEN',
});
export const rejected = (code: string, reason: string): Decision => ({
  verdict: 'rejected',
  winner: null,
  reason,
  code,
});
/** A rule of main/core/domain refused: the same code and words the station gives. */
export const refused = (r: Refusal): Decision => rejected(r.code, r.message);
/** Refused by a rule because another station's change stands in the way: the rule's words, and who. */
export const refusedFor = (winner: Winner, r: Refusal): Decision => ({
  verdict: 'conflict',
  winner,
  reason: r.message,
  code: r.code,
});

/** The facts the invoice rules decide on, as the pool has them. */
export const invoiceFacts = (s: LockedShipment): InvoiceFacts => ({
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

/** Who made the shipment what it is now, with this batch's earlier verdicts counted. */
export async function winnerOf(c: HubClient, who: Who, s: LockedShipment): Promise<Winner> {
  await who.settle();
  return lastWinner(c, s);
}

export const notFound = (no: string) =>
  rejected('NOT_FOUND', `The pool has no shipment ${no}; it may have been split or merged at another station.`);

export function describe(w: Winner): string {
  const what = w.invoice ? `${w.invoice.carrierId} ${w.invoice.invoiceNo}` : 'no invoice';
  return `station ${w.station} (${w.operator || 'unknown operator'}) made it ${what} at ${new Date(w.at).toISOString()}`;
}

/** Who put a shipment number into the pool first: the other side of a number collision. */
export function numberWinner(h: HeldNumber): Winner {
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
export function collision(h: HeldNumber, orderNo: string): Decision {
  return numberTaken(
    numberWinner(h),
    `Shipment No. ${h.shipmentNo} is already in the pool for order ${h.orderNo} (station ${h.createdBy || 'unknown'}); ` +
      `this station's order ${orderNo} has the same number. Nothing of this change was shared; ` +
      `give this station's parcel a new number (split it off) and ask the other station to check its parcel.`,
  );
}
