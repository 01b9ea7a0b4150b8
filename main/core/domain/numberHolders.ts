// The same number on other shipments (docs/ARCHITECTURE.md "Shipments, invoices and statuses"): on
// another recipient's shipment it is refused (a wrong label); on the same recipient's it is combined
// packing, allowed with a warning. The caller gathers who holds the number; this decides.
import { findCarrier } from '../../../shared/carriers';
import type { InvoiceWarning } from '../../../shared/numberIssues';
import { numberWarning } from './numberIssueText';
import { refuse, type Refusal } from './verdict';

export interface NumberHolder {
  shipmentNo: string;
  recipientKey: string;
}

export interface HolderFacts {
  /** The shipment the number is for. */
  shipment: NumberHolder;
  carrierId: string;
  /** Normalised (checkInvoiceNumber's). */
  invoiceNo: string;
  /** Other shipments on which this carrier and number are active. */
  holders: readonly NumberHolder[];
}

/** Refused: the shipment of another recipient that holds the number, for a caller that names who has it. */
export type HolderRefusal = Refusal & { holder: NumberHolder };

export function judgeNumberHolders(f: HolderFacts): { ok: true; warnings: InvoiceWarning[] } | HolderRefusal {
  const others = f.holders.filter((h) => h.shipmentNo !== f.shipment.shipmentNo);
  const foreign = others.find((h) => h.recipientKey !== f.shipment.recipientKey);
  if (foreign) {
    const carrier = findCarrier(f.carrierId)?.nameEn ?? f.carrierId;
    const refusal = refuse(
      'DUPLICATE_INVOICE',
      `${carrier} ${f.invoiceNo} is already registered on ${foreign.shipmentNo} for another recipient. Check the label on the parcel.`,
      { shipmentNo: foreign.shipmentNo },
    );
    return { ...refusal, holder: foreign };
  }
  return {
    ok: true,
    warnings: others.map((h) => numberWarning.combinedPacking({ shipmentNo: h.shipmentNo, invoiceNo: f.invoiceNo })),
  };
}
