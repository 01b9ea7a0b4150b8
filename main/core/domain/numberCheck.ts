// May this carrier and number go on this shipment (docs/ARCHITECTURE.md "Shipments, invoices and
// statuses"): the carrier is known, serves the shipment's region, and the number passes the
// carrier's format and check digit. The station and the hub both ask here, so both refuse alike.
import { findCarrier, type CarrierId } from '../../../shared/carriers';
import type { Region } from '../../../shared/domain';
import type { InvoiceWarning } from '../../../shared/numberIssues';
import { checkNumberFor, validateInvoiceNumber } from './invoiceNumber';
import { refuse, type Refusal, type Verdict } from './verdict';

export interface NumberFacts {
  shipmentNo: string;
  region: Region;
  /** As sent: scripts and other stations may send any text. */
  carrierId: string;
  /** As typed or scanned. */
  invoiceNo: string;
}

/** A carrier Shipdesk has no rules for, as named (an id sent by a script, a name typed in a sheet). */
export function unknownCarrier(named: string): Refusal & { code: 'UNKNOWN_CARRIER' } {
  return { ok: false, code: 'UNKNOWN_CARRIER', message: `Shipdesk does not know the carrier "${named}".` };
}

export type NumberVerdict = Verdict<{ carrierId: CarrierId; invoiceNo: string; warnings: InvoiceWarning[] }>;

/** Format, check digit and region: an invalid number saves nothing. Allowed: the normalised number and warnings. */
export function checkInvoiceNumber(f: NumberFacts): NumberVerdict {
  const carrier = findCarrier(f.carrierId);
  if (!carrier) return unknownCarrier(f.carrierId);
  if (carrier.region !== f.region) {
    return refuse(
      'CARRIER_NOT_FOR_REGION',
      `${carrier.nameEn} is not a ${f.region} carrier, and ${f.shipmentNo} is a ${f.region} shipment. Choose a ${f.region} carrier.`,
      { carrierId: carrier.id, region: f.region },
    );
  }
  const checked = checkNumberFor(f.invoiceNo, carrier.id);
  if (checked.valid)
    return { ok: true, carrierId: carrier.id, invoiceNo: checked.normalized, warnings: checked.warnings };
  // Refused: now the candidates (which carriers the number does fit) are worth their cost.
  const v = validateInvoiceNumber(f.invoiceNo, carrier.id);
  return refuse(
    'INVALID_INVOICE_NUMBER',
    v.errors.map((e) => e.message).join(' ') || `This is not a valid ${carrier.nameEn} number.`,
    { normalized: v.normalized, errors: v.errors, candidates: v.candidates },
  );
}

/** The number as it would be stored, when it is valid for the carrier (whatever the shipment); else null. */
export function validNumberFor(carrierId: string, raw: string): string | null {
  const carrier = findCarrier(carrierId);
  if (!carrier) return null;
  const checked = checkNumberFor(raw, carrier.id);
  return checked.valid ? checked.normalized : null;
}
