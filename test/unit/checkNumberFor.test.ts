// A registration checks only the chosen carrier's rules; it must say exactly what the full
// validation (which also looks for every carrier the number fits) says about that carrier.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNumberFor, sampleInvoiceNumber, validateInvoiceNumber } from '../../main/core/domain/invoiceNumber';
import { CARRIER_IDS } from '../../shared/carriers';

const verdict = (r: { valid: boolean; normalized: string; errors: unknown[]; warnings: unknown[] }) => ({
  valid: r.valid,
  normalized: r.normalized,
  errors: r.errors,
  warnings: r.warnings,
});

describe('checkNumberFor', () => {
  it('gives the full validation verdict for the chosen carrier, on valid, damaged and odd numbers', () => {
    const samples = CARRIER_IDS.flatMap((id) => [0, 7, 123_456].map((serial) => sampleInvoiceNumber(id, serial)));
    fc.assert(
      fc.property(
        fc.constantFrom(...CARRIER_IDS),
        fc.oneof(
          fc.constantFrom(...samples),
          // a sample with one character changed, cut short, or wrapped in scanner noise
          fc
            .tuple(fc.constantFrom(...samples), fc.nat(30), fc.constantFrom('0', '9', 'A', '-', ' '))
            .map(([n, i, c]) => n.slice(0, i % n.length) + c + n.slice((i % n.length) + 1)),
          fc.tuple(fc.constantFrom(...samples), fc.nat(30)).map(([n, i]) => n.slice(0, i % n.length)),
          fc.constantFrom(...samples).map((n) => `]C1 ${n}\r`),
          fc.string({ maxLength: 40 }),
        ),
        (carrierId, raw) => {
          expect(verdict(checkNumberFor(raw, carrierId))).toEqual(verdict(validateInvoiceNumber(raw, carrierId)));
        },
      ),
      { numRuns: 3000, seed: 20261120 },
    );
  });
});
