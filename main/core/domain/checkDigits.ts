// Check-digit algorithms as small pure functions. Each returns the EXPECTED check digit for a
// serial, so the validator can both compare and tell the operator what the digit should be.
// Definitions follow docs/CARRIERS.md "Number rules" and the checksum fields of the tracking_number_data specs.

/** How the checksum is computed; the data table names one of these per number format. */
export type ChecksumSpec =
  | { algorithm: 'mod7' }
  | {
      algorithm: 'mod10';
      /** Multiplier for positions 0, 2, 4… (after the optional reversal). */
      evens: number;
      odds: number;
      reverse?: boolean;
      /** Some USPS serials are checked as if an application identifier were printed. */
      prependUnlessStartsWith?: string;
    }
  | { algorithm: 'weightedMod'; weights: readonly number[]; modulo1: number; modulo2: number }
  | { algorithm: 's10' };

/** Digit value; letters (UPS serials) map to (char code - 3) mod 10, i.e. A=2 … H=9, I=0 …. */
function charValue(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  return (code - 3) % 10;
}

/** "mod 7": the whole serial as an integer, modulo 7. BigInt because serials reach 30+ digits. */
export function mod7(serial: string): number {
  if (!/^\d+$/.test(serial)) return -1;
  return Number(BigInt(serial) % 7n);
}

/** Weighted sum with alternating multipliers, check = (10 - sum mod 10) mod 10. */
export function mod10(serial: string, evens: number, odds: number, reverse = false): number {
  const chars = reverse ? [...serial].reverse() : [...serial];
  let sum = 0;
  chars.forEach((ch, i) => {
    sum += charValue(ch) * (i % 2 === 0 ? evens : odds);
  });
  return (10 - (sum % 10)) % 10;
}

/** FedEx: sum of digit × weight (weights aligned from the left), then mod modulo1, then mod modulo2. */
export function weightedMod(serial: string, weights: readonly number[], modulo1: number, modulo2: number): number {
  let sum = 0;
  [...serial].forEach((ch, i) => {
    sum += charValue(ch) * (weights[i] ?? 0);
  });
  return (sum % modulo1) % modulo2;
}

const S10_WEIGHTS = [8, 6, 4, 2, 3, 5, 9, 7] as const;

/** UPU S10 over the 8 serial digits: r = sum mod 11, check = 11 - r, but 0 when r = 1, 5 when r = 0. */
export function s10(serial: string): number {
  let sum = 0;
  [...serial].forEach((ch, i) => {
    sum += charValue(ch) * (S10_WEIGHTS[i] ?? 0);
  });
  const check = 11 - (sum % 11);
  if (check === 10) return 0;
  if (check === 11) return 5;
  return check;
}

/** Expected check digit for `serial` under `spec`, or -1 when the serial cannot be checked. */
export function expectedCheckDigit(spec: ChecksumSpec, serial: string): number {
  switch (spec.algorithm) {
    case 'mod7':
      return mod7(serial);
    case 'mod10': {
      const prefix = spec.prependUnlessStartsWith;
      const input = prefix !== undefined && !serial.startsWith(prefix) ? prefix + serial : serial;
      return mod10(input, spec.evens, spec.odds, spec.reverse ?? false);
    }
    case 'weightedMod':
      return weightedMod(serial, spec.weights, spec.modulo1, spec.modulo2);
    case 's10':
      return s10(serial);
  }
}
