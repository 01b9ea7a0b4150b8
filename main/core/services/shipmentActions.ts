// What the operator may do with a shipment now, and why not: the one answer the grid's rows and the
// invoice dialog's detail both carry, so the screen shows the core's verdict instead of restating the
// rules (docs/ARCHITECTURE.md "Shipments, invoices and statuses"). It asks the same decisions the
// register, modify, delete, address, split and merge calls obey (main/core/domain/), from facts the
// row or detail query already read, and keeps only their `lock` codes.
import type { ActionLock, Allowed, LineAction, RowAction } from '../../../shared/api/shipments';
import type { ShipmentStatus } from '../../../shared/domain';
import { mayChangeAddress, mayChangeInvoice, mayRegister } from '../domain/invoiceRules';
import { mayOfferSplit, mayRegroup } from '../domain/regroupRules';
import { whyInvoiceLocked } from '../domain/status';
import type { Locking } from '../domain/verdict';

export interface ShipmentFacts {
  status: ShipmentStatus;
  /** An invoice is active on it. */
  hasInvoice: boolean;
}

const lockOf = (v: Locking): ActionLock | null => (v.ok ? null : v.lock);

/** The actions of a grid row: register, modify, delete, edit the address. Cheap: per row of a page. */
export function rowActions(f: ShipmentFacts): Allowed<RowAction> {
  // The row's number is not needed for a code; the decisions' sentences are not sent to the grid.
  const facts = { shipmentNo: '', ...f };
  const register = lockOf(mayRegister(facts));
  const invoice = lockOf(mayChangeInvoice(facts, 'modify'));
  const address = lockOf(mayChangeAddress(facts));
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
  f: ShipmentFacts & { shipmentNo: string; pieces: number },
): Allowed<RowAction | LineAction> & { reason: string | null } {
  const row = rowActions(f);
  const split = lockOf(mayOfferSplit(f, f.pieces));
  const merge = lockOf(mayRegroup(f, 'merged'));
  // The command line's one sentence: why the invoice is locked, or else why the address is.
  const address = mayChangeAddress(f);
  return {
    ...row,
    split: split === null,
    merge: merge === null,
    why: { ...row.why, split, merge },
    reason: f.hasInvoice ? (whyInvoiceLocked(f.status) ?? (address.ok ? null : address.message)) : null,
  };
}
