// Shapes of the carrier rule table (carrierRules.ts). Kept apart so the domestic and international
// tables can both use them without importing each other.
import type { CarrierId } from '../../../shared/carriers';
import type { ChecksumSpec } from './checkDigits';

/** What a failed rule does at entry: reject the number, or only tell the operator. */
export type Level = 'block' | 'warn';
export type Confidence = 'high' | 'medium' | 'low';

export interface NumberFormat {
  /** Short label, e.g. 'UPS 1Z'; for tests and debugging. */
  name: string;
  /**
   * Anchored pattern on the normalised number (see `anchored`). Named groups: `serial` and `check`
   * feed the checksum; `country` is looked up in `countries`.
   */
  pattern: RegExp;
  checksum?: ChecksumSpec;
  /** What a wrong check digit does; 'block' unless said otherwise. */
  checkLevel?: Level;
  countries?: ReadonlySet<string>;
}

export interface CarrierRule {
  id: CarrierId;
  confidence: Confidence;
  /** Characters a number may contain at all; anything else always blocks. */
  charset: 'digits' | 'alnum';
  /** Lengths the formats allow, ascending, for "are 12 digits; this one has 11" (digit-only carriers). */
  lengths?: readonly number[];
  /** What a number looks like, for "does not look like a X number (expected …)" when the length fits. */
  shape: string;
  /** Tried in order; the first one that fits fully wins. */
  formats: readonly NumberFormat[];
  /** A number matching no format: rejected, or (low confidence) only warned. */
  formatLevel: Level;
  /** sampleInvoiceNumber builds head + zero-padded serial (width digits) + check digit + tail. */
  sample: { head: string; width: number; tail?: string };
}

/** Wraps a pattern so it must match the whole number; 'd' gives group positions for messages. */
export function anchored(re: RegExp): RegExp {
  return new RegExp(`^(?:${re.source})$`, 'd');
}

/** Inclusive list of lengths, for ranges like "9 to 16 digits". */
export function lengthRange(min: number, max: number): number[] {
  return Array.from({ length: max - min + 1 }, (_, i) => min + i);
}
