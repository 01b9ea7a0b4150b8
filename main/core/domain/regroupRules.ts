// When a parcel may be split into several, or several merged into one (docs/ORDERS.md): only while
// none has an invoice, lines move whole or by quantity, at least one piece stays, and only one
// order's parcels to one recipient merge. Facts in, a verdict out: the station and the hub ask here.
import type { ShipmentStatus } from '../../../shared/domain';
import { canRegisterInvoice } from './status';
import { allowed, locked, refuse, type Locking, type Verdict } from './verdict';

export interface RegroupShipment {
  shipmentNo: string;
  status: ShipmentStatus;
  hasInvoice: boolean;
}

export interface Line {
  lineId: string;
  quantity: number;
}

/** A shipment with an invoice (or past the point of taking one) keeps its lines as they are. */
export function mayRegroup(s: RegroupShipment, what: 'split' | 'merged'): Locking {
  if (!s.hasInvoice && canRegisterInvoice(s.status)) return allowed;
  return locked(
    s.hasInvoice ? 'hasInvoice' : 'notAwaiting',
    refuse(
      'INVALID_STATE',
      `${s.shipmentNo} already has an invoice, so it cannot be ${what}. Delete its invoice first (if its status allows), then try again.`,
      { shipmentNo: s.shipmentNo },
    ),
  );
}

/**
 * New lines of an order (a later sheet) join one of its shipments only while it has no invoice: a
 * parcel with a number is packed and labelled (docs/ORDERS.md). The station's sheet check and the
 * hub's import both ask here.
 */
export const takesNewLines = (s: { hasInvoice: boolean }): boolean => !s.hasInvoice;

/** Whether the dialog offers a split at all: regrouping is open and there is more than one piece to part. */
export function mayOfferSplit(s: RegroupShipment, pieces: number): Locking {
  const regroup = mayRegroup(s, 'split');
  if (!regroup.ok || pieces > 1) return regroup;
  return locked(
    'onePiece',
    refuse('INVALID_INPUT', `${s.shipmentNo} holds one piece; a split leaves at least one piece on it.`),
  );
}

/** `items` are the shipment's lines now, `moving` the lines (and pieces) asked to move to a new parcel. */
export function maySplit(s: RegroupShipment, items: readonly Line[], moving: readonly Line[]): Verdict {
  const regroup = mayRegroup(s, 'split');
  if (!regroup.ok) return regroup;
  const byLine = new Map(items.map((i) => [i.lineId, i]));
  const seen = new Set<string>();
  for (const want of moving) {
    const item = byLine.get(want.lineId);
    if (!item)
      return refuse(
        'INVALID_INPUT',
        `Line ${want.lineId} is not on ${s.shipmentNo}. Its lines are: ${items.map((i) => i.lineId).join(', ')}.`,
      );
    if (seen.has(want.lineId)) return refuse('INVALID_INPUT', `Line ${want.lineId} is named twice.`);
    seen.add(want.lineId);
    if (want.quantity > item.quantity)
      return refuse(
        'INVALID_INPUT',
        `Line ${want.lineId} has ${item.quantity} piece${item.quantity > 1 ? 's' : ''} on ${s.shipmentNo}; ${want.quantity} cannot move.`,
      );
  }
  const count = (lines: readonly Line[]) => lines.reduce((n, l) => n + l.quantity, 0);
  if (count(moving) >= count(items))
    return refuse(
      'INVALID_INPUT',
      `That moves everything on ${s.shipmentNo}; a split leaves at least one piece on it. Move fewer lines or pieces.`,
    );
  return allowed;
}

export interface MergeShipment extends RegroupShipment {
  /** The order it belongs to (any stable id of it). */
  order: string;
  recipientKey: string;
  /** Release or withdrawal still queued for the carrier (the station's outbox; the hub has none). */
  carrierWorkWaiting: boolean;
}

/** Two or more different shipments may merge: the number of them, before any is looked up. */
export function mayMergeCount(distinct: number): Verdict {
  return distinct < 2 ? refuse('INVALID_INPUT', 'Choose at least two different shipments to merge.') : allowed;
}

/** `shipments[0]` is the one that stays; the others' lines move onto it and their numbers retire. */
export function mayMerge(shipments: readonly MergeShipment[]): Verdict {
  const count = mayMergeCount(new Set(shipments.map((s) => s.shipmentNo)).size);
  if (!count.ok) return count;
  for (const s of shipments) {
    const regroup = mayRegroup(s, 'merged');
    if (!regroup.ok) return regroup;
  }
  if (new Set(shipments.map((s) => s.order)).size > 1)
    return refuse(
      'INVALID_INPUT',
      `${shipments.map((s) => s.shipmentNo).join(', ')} belong to different orders; only the parcels of one order merge.`,
    );
  if (new Set(shipments.map((s) => s.recipientKey)).size > 1)
    return refuse(
      'INVALID_INPUT',
      'These parcels now go to different recipients or addresses. Make the addresses the same first, or keep them apart.',
    );
  const waiting = shipments.slice(1).find((s) => s.carrierWorkWaiting);
  if (waiting)
    return refuse(
      'INVALID_STATE',
      `${waiting.shipmentNo} still has work waiting to reach the carrier. Wait for the sync to finish, then merge.`,
    );
  return allowed;
}
