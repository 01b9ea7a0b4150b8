// The status machine (docs/CARRIERS.md "Tracking statuses") as pure functions. Status is always recomputed from the
// stored event set, never incremented, so stale and out-of-order polls cannot move it backwards.
import {
  INVOICE_EDITABLE_STATUSES,
  TAB_OF_STATUS,
  type ShipmentStatus,
  type Tab,
  type TrackingCode,
} from '../../../shared/domain';
import type { ActionLock } from '../../../shared/api/shipments';

export interface StatusEvent {
  /** epoch ms */
  at: number;
  code: TrackingCode;
}

export interface InvoiceState {
  /** The release to the carrier side has been confirmed. */
  released: boolean;
  events: readonly StatusEvent[];
}

/** What the stored events say: a status, or that the carrier cancelled the invoice. */
export type Derived = { kind: 'status'; status: ShipmentStatus } | { kind: 'cancelled' };

const STATUS_OF_CODE: Record<TrackingCode, ShipmentStatus | 'CANCELLED' | null> = {
  UNKNOWN: null,
  INFO_RECEIVED: null,
  AT_PICKUP: 'PROCESSED',
  IN_TRANSIT: 'SHIPPING',
  OUT_FOR_DELIVERY: 'SHIPPING',
  AVAILABLE_FOR_PICKUP: 'SHIPPING',
  ATTEMPT_FAIL: 'FAILED',
  RETURNING: 'FAILED',
  RETURNED: 'FAILED',
  EXCEPTION: 'FAILED',
  DELIVERED: 'DELIVERED',
  CANCELLED: 'CANCELLED',
};

/** Order of events that share a timestamp: the later stage of a parcel's life wins the tie. */
const STAGE: Record<TrackingCode, number> = {
  UNKNOWN: 0,
  INFO_RECEIVED: 1,
  AT_PICKUP: 2,
  IN_TRANSIT: 3,
  OUT_FOR_DELIVERY: 4,
  AVAILABLE_FOR_PICKUP: 4,
  ATTEMPT_FAIL: 5,
  EXCEPTION: 5,
  RETURNING: 6,
  RETURNED: 7,
  CANCELLED: 8,
  DELIVERED: 9,
};

/** The latest event that says something about the parcel (UNKNOWN/INFO_RECEIVED say nothing new). */
function latestMeaningful(events: readonly StatusEvent[]): StatusEvent | undefined {
  let best: StatusEvent | undefined;
  for (const e of events) {
    if (STATUS_OF_CODE[e.code] === null) continue;
    if (!best || e.at > best.at || (e.at === best.at && STAGE[e.code] > STAGE[best.code])) best = e;
  }
  return best;
}

/** The status of a shipment with an active invoice, from its release state and its whole event set. */
export function deriveStatus(state: InvoiceState): Derived {
  // Delivered wins: once a delivered event exists, later noise is kept but does not move it.
  if (state.events.some((e) => e.code === 'DELIVERED')) return { kind: 'status', status: 'DELIVERED' };
  const latest = latestMeaningful(state.events);
  if (!latest) return { kind: 'status', status: state.released ? 'RELEASED' : 'PREPARING_TO_SHIP' };
  const mapped = STATUS_OF_CODE[latest.code];
  if (mapped === 'CANCELLED') return { kind: 'cancelled' };
  return { kind: 'status', status: mapped ?? (state.released ? 'RELEASED' : 'PREPARING_TO_SHIP') };
}

export function tabOf(status: ShipmentStatus): Tab {
  return TAB_OF_STATUS[status];
}

export function canRegisterInvoice(status: ShipmentStatus): boolean {
  return status === 'AWAITING_INVOICE';
}

export function canEditInvoice(status: ShipmentStatus): boolean {
  return INVOICE_EDITABLE_STATUSES.includes(status);
}

/** Why an invoice cannot be modified or deleted in a status. */
export type InvoiceLock = Extract<ActionLock, 'noInvoice' | 'delivered' | 'failed'>;

/** Why an invoice cannot be modified or deleted now, as a code the screen words; null when it can. */
export function invoiceLockOf(status: ShipmentStatus): InvoiceLock | null {
  if (canEditInvoice(status)) return null;
  if (status === 'DELIVERED') return 'delivered';
  if (status === 'FAILED') return 'failed';
  return 'noInvoice';
}

const INVOICE_LOCK_WORDS: Record<InvoiceLock, string> = {
  noInvoice: 'This shipment has no invoice yet.',
  delivered: 'The parcel was delivered; its invoice can no longer be changed.',
  failed: 'Delivery failed; wait for the carrier to redeliver or cancel before changing the invoice.',
};

/** Why an invoice cannot be modified or deleted now, in words for the operator; null when it can. */
export function whyInvoiceLocked(status: ShipmentStatus): string | null {
  const lock = invoiceLockOf(status);
  return lock && INVOICE_LOCK_WORDS[lock];
}

/** The address is editable only while no invoice is active. */
export function canEditAddress(hasActiveInvoice: boolean): boolean {
  return !hasActiveInvoice;
}
