// Which carrier the invoice form registers with. A station ships with one contract carrier per
// warehouse (Settings), and almost any 12-digit number fits nine to fourteen Korean carriers, so
// the preselected carrier stands unless the number fits exactly one carrier of the shipment's
// region, or the preselected carrier's own rules refuse the number (format or check digit): then
// the only carrier that fits replaces it, or, when several fit, the operator chooses.
import type { CarrierView, Settings, ValidationResult } from '../../../../shared/api/contract';
import type { CarrierId } from '../../../../shared/carriers';
import type { Region } from '../../../../shared/domain';

export interface CarrierDecision {
  /** The carrier the form will register with; null when the operator must choose one. */
  carrier: CarrierId | null;
  /** The number checked against `carrier` (when null: against the preselected carrier, or no carrier). */
  result: ValidationResult;
  /** The preselected carrier whose rules refuse this number, with their verdict. */
  ruledOut: { carrierId: CarrierId; result: ValidationResult } | null;
  /** Chosen because it is the only carrier of this region the number fits. */
  detected: boolean;
  /** The carriers of this region the number fits, in the choice list's order. */
  fits: CarrierId[];
}

/** The carriers of this region the number fits, in the list's order (the big carriers first, as in the choice list). */
export function regionCandidates(result: ValidationResult, carriers: readonly CarrierView[]): CarrierId[] {
  const fits = new Set(result.candidates);
  return carriers.filter((c) => fits.has(c.id)).map((c) => c.id);
}

/**
 * The carrier to preselect before any number is typed: when modifying, the registered one; else the
 * last one this station used (if it remembers), else the warehouse's default, if it serves the region.
 */
export function preselectedCarrier(
  settings: Pick<Settings, 'defaultCarriers' | 'rememberLastCarrier'> | null,
  shipment: { warehouse: string; region: Region },
  carriers: readonly CarrierView[],
  lastUsed: CarrierId | null,
): CarrierId | null {
  const serves = (id: CarrierId | null | undefined): id is CarrierId =>
    id !== null && id !== undefined && carriers.some((c) => c.id === id && c.region === shipment.region);
  if (settings?.rememberLastCarrier && serves(lastUsed)) return lastUsed;
  const fallback = settings?.defaultCarriers[shipment.warehouse];
  return serves(fallback) ? fallback : null;
}

/** Given the number checked against `base` (the preselected carrier, or none), the carrier to use. */
export function chooseCarrier(
  checked: ValidationResult,
  fits: readonly CarrierId[],
  base: CarrierId | null,
): { carrier: CarrierId | null; baseRuledOut: boolean } {
  const [only, second] = fits;
  if (only !== undefined && second === undefined)
    return { carrier: only, baseRuledOut: base !== null && base !== only };
  if (base !== null && !checked.valid && fits.length > 1) return { carrier: null, baseRuledOut: true };
  // Several fit and the base is one of them, or nothing fits (the base's own verdict says why).
  return { carrier: base, baseRuledOut: false };
}

export type Validate = (invoiceNo: string, carrierId: CarrierId | null) => Promise<ValidationResult>;

/** Checks the number against the base carrier and, when another one takes over, against that one too. */
export async function decideCarrier(
  validate: Validate,
  q: { invoiceNo: string; base: CarrierId | null; byHand: boolean; carriers: readonly CarrierView[] },
): Promise<CarrierDecision> {
  const first = await validate(q.invoiceNo, q.base);
  const fits = regionCandidates(first, q.carriers);
  const kept: CarrierDecision = { carrier: q.base, result: first, ruledOut: null, detected: false, fits };
  if (q.byHand) return kept; // the operator's choice stands; the panel says what the number fits
  const choice = chooseCarrier(first, fits, q.base);
  if (choice.carrier === q.base) return kept;
  const ruledOut = choice.baseRuledOut && q.base !== null ? { carrierId: q.base, result: first } : null;
  if (choice.carrier === null) return { ...kept, carrier: null, ruledOut };
  const result = await validate(q.invoiceNo, choice.carrier);
  return { carrier: choice.carrier, result, ruledOut, detected: true, fits };
}
