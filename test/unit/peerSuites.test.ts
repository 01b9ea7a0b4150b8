// The public tracking_number_data suites (MIT, test/fixtures/tracking_number_data): every `valid`
// sample must pass for our carrier, every `invalid` one must be rejected (docs/CARRIERS.md).
//
// A file lists several specs (USPS has four number types). Their `invalid` lists are per spec, so an
// invalid sample of one spec could be a genuine number of a sibling spec of the same carrier; the
// carrier must then accept it. So an invalid sample that the suite also lists as valid for a sibling
// spec is not required to be rejected (the valid loop already requires it to pass); every other
// invalid sample must be rejected whichever spec it belongs to. At the fixture commit no sample is
// in that situation: the look-alikes (USPS 20 vs USPS Legacy, both 20 digits; IMpb C's invalid
// 61299998820821171811, which has the shape of USPS 20 and Legacy) fail the check digit of every
// sibling too, so they are rejected for USPS as a whole.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CarrierId } from '../../shared/carriers';
import { normalizeInvoiceNumber, validateInvoiceNumber } from '../../main/core/domain/invoiceNumber';

const DIR = fileURLToPath(new URL('../fixtures/tracking_number_data/', import.meta.url));
const RESTORE = `It is part of the repository: restore it with git checkout -- test/fixtures/tracking_number_data`;

interface Spec {
  name: string;
  test_numbers: { valid: string[]; invalid: string[] };
}

function loadSpecs(file: string): Spec[] {
  const path = join(DIR, file);
  if (!existsSync(path)) throw new Error(`Peer suite fixture ${path} is missing. ${RESTORE}`);
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { tracking_numbers?: Spec[] };
  if (!parsed.tracking_numbers?.length) throw new Error(`${path} has no tracking_numbers. ${RESTORE}`);
  return parsed.tracking_numbers;
}

const SUITES: ReadonlyArray<readonly [string, readonly CarrierId[]]> = [
  ['ups.json', ['us.ups']],
  ['fedex.json', ['us.fedex']],
  ['usps.json', ['us.usps']],
  ['dhl.json', ['de.dhl']],
  ['s10.json', ['un.upu.ems', 'kr.epost.ems']],
];

describe('peer suites (tracking_number_data)', () => {
  it('has the fixture folder with its licence', () => {
    expect(existsSync(DIR), `The fixture folder ${DIR} is missing. ${RESTORE}`).toBe(true);
    expect(existsSync(join(DIR, 'LICENSE')), `LICENSE is missing in ${DIR}. ${RESTORE}`).toBe(true);
  });

  it.each(SUITES)('%s: valid samples pass, invalid samples are rejected', (file, carriers) => {
    const specs = loadSpecs(file);
    const validAnywhere = new Set(specs.flatMap((s) => s.test_numbers.valid.map(normalizeInvoiceNumber)));
    const failures: string[] = [];
    const exemptions: string[] = [];
    let checked = 0;

    for (const spec of specs) {
      for (const carrier of carriers) {
        for (const raw of spec.test_numbers.valid) {
          const r = validateInvoiceNumber(raw, carrier);
          checked++;
          if (!r.valid)
            failures.push(
              `valid ${JSON.stringify(raw)} (${spec.name}) rejected for ${carrier}: ${r.errors.map((e) => e.message).join(' ')}`,
            );
        }
        for (const raw of spec.test_numbers.invalid) {
          if (validAnywhere.has(normalizeInvoiceNumber(raw))) {
            exemptions.push(`${raw} (${spec.name})`);
            continue;
          }
          const r = validateInvoiceNumber(raw, carrier);
          checked++;
          if (r.valid) failures.push(`invalid ${JSON.stringify(raw)} (${spec.name}) accepted for ${carrier}`);
        }
      }
    }

    expect(checked).toBeGreaterThan(0);
    expect(failures, `Samples that failed:\n${failures.join('\n')}`).toEqual([]);
    // Visible in the report if the data ever gains such a sample.
    if (exemptions.length > 0)
      console.info(`${file}: invalid for one spec, valid for a sibling: ${exemptions.join(', ')}`);
  });
});
