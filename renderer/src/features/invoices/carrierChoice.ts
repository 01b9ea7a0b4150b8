// Which carrier a number points to, among the shipment's region's carriers (docs/CARRIERS.md: preselect
// when exactly one fits; 12-digit Korean numbers often fit several, so the operator confirms).
import type { CarrierView, ValidationResult } from '../../../../shared/contract';
import type { CarrierId } from '../../../../shared/carriers';

export function regionCandidates(result: ValidationResult, carriers: readonly CarrierView[]): CarrierId[] {
  const inRegion = new Set(carriers.map((c) => c.id));
  return result.candidates.filter((id) => inRegion.has(id));
}

/** The carrier to preselect: the one that fits when only one does, unless the operator chose by hand. */
export function detectedCarrier(
  result: ValidationResult,
  carriers: readonly CarrierView[],
  current: CarrierId | null,
  chosenByHand: boolean,
): CarrierId | null {
  if (chosenByHand) return current;
  const fits = regionCandidates(result, carriers);
  if (fits.length === 1) return fits[0] ?? current;
  // Several fit: keep the current one if it is among them (the desk's usual carrier).
  return current;
}
