// Errors and warnings cross as codes with parameters: every one the rules produce fits the shared
// schema, and the screen says each in Korean and English with nothing left unfilled.
import { describe, expect, it } from 'vitest';
import { CARRIER_IDS } from '../../shared/carriers';
import {
  InvoiceWarningSchema,
  NUMBER_ERROR_CODES,
  NumberErrorSchema,
  WARNING_CODES,
  type InvoiceWarning,
  type NumberError,
} from '../../shared/numberIssues';
import { validateInvoiceNumber } from '../../main/core/domain/invoiceNumber';
import { numberWarning } from '../../main/core/domain/numberIssueText';
import { carrierName } from '../../renderer/src/i18n/carrierName';
import { translator, type Language } from '../../renderer/src/i18n';
import { numberErrorText, warningText } from '../../renderer/src/features/invoices/issueText';

const SAMPLES = [
  '',
  '241743423084',
  '241743423085',
  '24174342308',
  '2417434230841234567',
  '12/34',
  'AB1',
  '1Z999AA10123456784',
  '1Z999AA10123456785',
  'EE123456785KR',
  'EE123456785ZZ',
  'EE123456784KR',
  '353563075656',
  '9354989915',
  'LP0012345678901',
  'X'.repeat(60),
  '6'.repeat(17),
];

function everyIssue(): { errors: NumberError[]; warnings: InvoiceWarning[] } {
  const errors: NumberError[] = [];
  const warnings: InvoiceWarning[] = [];
  for (const n of SAMPLES) {
    for (const id of [undefined, ...CARRIER_IDS]) {
      const r = validateInvoiceNumber(n, id);
      errors.push(...r.errors);
      warnings.push(...r.warnings);
    }
  }
  warnings.push(numberWarning.combinedPacking({ shipmentNo: 'SD0000000001', invoiceNo: '241743423084' }));
  return { errors, warnings };
}

describe('number errors and warnings as codes', () => {
  const { errors, warnings } = everyIssue();

  it('fit the shared schemas (what a screen parses) and cover every code', () => {
    for (const e of errors) expect(NumberErrorSchema.parse(e)).toEqual(e);
    for (const w of warnings) expect(InvoiceWarningSchema.parse(w)).toEqual(w);
    const seenErrors = new Set(errors.map((e) => e.code));
    const seenWarnings = new Set(warnings.map((w) => w.code));
    // Every code but the unknown carrier (only from callers outside TypeScript) is produced by some sample.
    expect(NUMBER_ERROR_CODES.filter((c) => !seenErrors.has(c))).toEqual(['UNKNOWN_CARRIER']);
    expect(WARNING_CODES.filter((c) => !seenWarnings.has(c))).toEqual([]);
  });

  it.each(['en', 'ko'] as const)('are all said in %s, every parameter filled in', (language: Language) => {
    const w = { t: translator(language), carrierName: (c: string | null) => carrierName(c, language) };
    const said = [...errors.map((e) => numberErrorText(e, w)), ...warnings.map((x) => warningText(x, w))];
    for (const text of said) {
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text.length).toBeGreaterThan(10);
    }
    if (language === 'ko') expect(said.every((text) => /[가-힣]/.test(text))).toBe(true);
  });

  it('the screen says in English what the core says in English', () => {
    const w = { t: translator('en'), carrierName: (c: string | null) => carrierName(c, 'en') };
    for (const e of errors) expect(numberErrorText(e, w)).toBe(e.message);
    for (const x of warnings) expect(warningText(x, w)).toBe(x.message);
  });

  it('a Korean screen names the carrier in Korean', () => {
    const [check] = validateInvoiceNumber('241743423085', 'kr.lotte').errors;
    const w = { t: translator('ko'), carrierName: (c: string | null) => carrierName(c, 'ko') };
    expect(check && numberErrorText(check, w)).toBe(
      '체크 디지트가 맞지 않습니다. 롯데택배 송장번호라면 마지막 자리가 4이어야 합니다.',
    );
  });
});
