// What the operator may do with a shipment now, and why not: the one answer the grid's rows and the
// invoice dialog's detail both carry, so the screen shows the core's verdict instead of restating the
// rules (docs/ARCHITECTURE.md "Shipments, invoices and statuses"). The rules themselves are
// main/core/domain/status.ts; this only asks them, from facts the row or detail query already read.
import type { ActionLock, Allowed, LineAction, RowAction } from '../../../shared/api/shipments';
import type { ShipmentStatus } from '../../../shared/domain';
import { canEditAddress, canRegisterInvoice, invoiceLockOf, whyInvoiceLocked } from '../domain/status';

export interface ShipmentFacts {
  status: ShipmentStatus;
  /** An invoice is active on it. */
  hasInvoice: boolean;
}

const ADDRESS_LOCKED_WORDS = 'The address is locked while an invoice is registered.';

/** Why a shipment cannot take an invoice (nor be split or merged): the same state for all three. */
function notAwaiting(f: ShipmentFacts): ActionLock | null {
  if (f.hasInvoice) return 'hasInvoice';
  return canRegisterInvoice(f.status) ? null : 'notAwaiting';
}

/** The actions of a grid row: register, modify, delete, edit the address. Cheap: per row of a page. */
export function rowActions(f: ShipmentFacts): Allowed<RowAction> {
  const register = notAwaiting(f);
  const invoice = f.hasInvoice ? invoiceLockOf(f.status) : 'noInvoice';
  const address = canEditAddress(f.hasInvoice) ? null : 'hasInvoice';
  return {
    register: register === null,
    modify: invoice === null,
    delete: invoice === null,
    editAddress: address === null,
    why: { register, modify: invoice, delete: invoice, editAddress: address },
  };
}

/**
 * The actions of the invoice dialog: the row's, and splitting off lines (a split leaves at least one
 * piece behind) or merging with the order's other parcels, both only before an invoice.
 */
export function shipmentActions(
  f: ShipmentFacts & { pieces: number },
): Allowed<RowAction | LineAction> & { reason: string | null } {
  const row = rowActions(f);
  const merge = notAwaiting(f);
  const split = merge ?? (f.pieces > 1 ? null : 'onePiece');
  return {
    ...row,
    split: split === null,
    merge: merge === null,
    why: { ...row.why, split, merge },
    reason: f.hasInvoice ? (whyInvoiceLocked(f.status) ?? ADDRESS_LOCKED_WORDS) : null,
  };
}
