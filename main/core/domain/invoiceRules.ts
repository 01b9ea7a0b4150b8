// When an invoice may be registered, modified or deleted, and when the address may change
// (docs/ARCHITECTURE.md "Shipments, invoices and statuses"). Facts in, a verdict out: the station's
// services, its Excel import and the hub all ask here.
import type { CarrierId } from '../../../shared/carriers';
import { findCarrier } from '../../../shared/carriers';
import type { ShipmentStatus } from '../../../shared/domain';
import type { NumberVerdict } from './numberCheck';
import { canEditAddress, canEditInvoice, canRegisterInvoice, invoiceLockOf, whyInvoiceLocked } from './status';
import { allowed, locked, refuse, type Locking, type Verdict } from './verdict';

export interface InvoiceFacts {
  shipmentNo: string;
  status: ShipmentStatus;
  hasInvoice: boolean;
  /** The registered carrier and number in words ("Lotte 123"), when the caller has them at hand to name. */
  number?: string;
}

export type InvoiceChange = 'modify' | 'delete';

const carrierName = (id: string) => findCarrier(id)?.nameEn ?? id;

/** Why the registered invoice cannot be changed now, in the operator's words; empty when it can. */
export const lockReason = (s: InvoiceFacts): string => (s.hasInvoice ? (whyInvoiceLocked(s.status) ?? '') : '');

export function mayRegister(s: InvoiceFacts): Locking {
  if (s.hasInvoice)
    return locked(
      'hasInvoice',
      refuse('INVALID_STATE', `${s.shipmentNo} already has an invoice. Use modify to change it.`, { status: s.status }),
    );
  if (!canRegisterInvoice(s.status))
    return locked(
      'notAwaiting',
      refuse('INVALID_STATE', `${s.shipmentNo} cannot take an invoice in status ${s.status}.`, { status: s.status }),
    );
  return allowed;
}

export function mayChangeInvoice(s: InvoiceFacts, change: InvoiceChange): Locking {
  if (!s.hasInvoice)
    return locked(
      'noInvoice',
      refuse('INVALID_STATE', `${s.shipmentNo} has no invoice to ${change}.`, { status: s.status }),
    );
  const lock = invoiceLockOf(s.status);
  if (lock) {
    const done = change === 'modify' ? 'modified' : 'deleted';
    const which = s.number ? ` (${s.number})` : '';
    return locked(
      lock,
      refuse('INVALID_STATE', `The invoice of ${s.shipmentNo}${which} cannot be ${done} now. ${lockReason(s)}`.trim(), {
        status: s.status,
      }),
    );
  }
  return allowed;
}

/** A modification must change something: the same carrier and number again is refused. */
export function mayReplaceNumber(
  s: { shipmentNo: string; current: { carrierId: string; invoiceNo: string } | null },
  next: { carrierId: CarrierId; invoiceNo: string },
): Verdict {
  if (s.current && s.current.carrierId === next.carrierId && s.current.invoiceNo === next.invoiceNo)
    return refuse(
      'INVALID_INPUT',
      `${s.shipmentNo} already has ${carrierName(next.carrierId)} ${next.invoiceNo}; nothing to change.`,
    );
  return allowed;
}

/**
 * A number to register: the shipment's state first, then the number's own check (checkInvoiceNumber's
 * verdict). The order lives here so the station, its Excel import and the hub refuse a change with two
 * faults (an invoiced parcel and a bad number) with the same code and words.
 */
export function mayRegisterNumber(s: InvoiceFacts, number: NumberVerdict): NumberVerdict {
  const state = mayRegister(s);
  return state.ok ? number : state;
}

/** A new number for a registered one: the state, then the number, then that it changes something. */
export function mayModifyNumber(
  s: InvoiceFacts,
  number: NumberVerdict,
  current: { carrierId: string; invoiceNo: string } | null,
): NumberVerdict {
  const state = mayChangeInvoice(s, 'modify');
  if (!state.ok) return state;
  if (!number.ok) return number;
  const change = mayReplaceNumber({ shipmentNo: s.shipmentNo, current }, number);
  return change.ok ? number : change;
}

export function mayChangeAddress(s: InvoiceFacts): Locking {
  if (canEditAddress(s.hasInvoice)) return allowed;
  // The way out depends on the status: an invoice can be deleted only while the parcel is not delivered or failed.
  const wayOut = canEditInvoice(s.status)
    ? 'Delete the invoice first (the wastebasket beside the number), change the address, then register the number again.'
    : `The parcel is already ${s.status === 'DELIVERED' ? 'delivered' : 'with the carrier as failed'}, so its invoice cannot be deleted here; ask the carrier to redirect it.`;
  return locked(
    'hasInvoice',
    refuse('ADDRESS_LOCKED', `The address of ${s.shipmentNo} is locked because an invoice is registered. ${wayOut}`, {
      shipmentNo: s.shipmentNo,
      status: s.status,
    }),
  );
}
