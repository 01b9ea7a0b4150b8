// Tracking ("invoice") numbers: normalise what was typed or scanned, validate it against one
// carrier's rules or all of them (auto-detect), and build valid sample numbers for demo data.
// The rules themselves are data in carrierRules.ts; this file only interprets them.
import type { CarrierId } from '../../../shared/carriers';
import type { ValidationResult } from '../../../shared/api/contract';
import type { InvoiceWarning, NumberError } from '../../../shared/numberIssues';
import {
  CARRIER_RULES,
  MAX_NUMBER_LENGTH,
  MIN_NUMBER_LENGTH,
  carrierRule,
  type CarrierRule,
  type Confidence,
  type Level,
  type NumberFormat,
} from './carrierRules';
import { expectedCheckDigit } from './checkDigits';
import { numberError, numberWarning } from './numberIssueText';

// Scanners may send an AIM symbology identifier ("]" + code letter + modifier, e.g. ]C1, ]E0, ]Q3)
// and control characters (GS separators, CR/LF suffixes) around the data.
const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
// Dash punctuation, minus signs, and the long-vowel marks an IME produces for "-".
const DASHES = /[\p{Pd}\u2212\u30FC\uFF70]/gu;

export function normalizeInvoiceNumber(raw: string): string {
  const visible = raw.normalize('NFKC').replace(INVISIBLE, '').trim();
  return visible.replace(AIM_PREFIX, '').replace(/\s+/g, '').replace(DASHES, '').toUpperCase();
}

interface Verdict {
  errors: NumberError[];
  warnings: InvoiceWarning[];
  /** The number has the shape of one of the carrier's formats (its check digit may still be wrong). */
  fits: boolean;
  /** A check digit was verified. */
  checked: boolean;
}

type Outcome =
  | { kind: 'pass'; checked: boolean }
  | { kind: 'shape' }
  | { kind: 'country'; country: string }
  | { kind: 'check'; expected: number; index: number; level: Level };

function tryFormat(format: NumberFormat, n: string): Outcome {
  const m = format.pattern.exec(n);
  if (!m) return { kind: 'shape' };
  const country = m.groups?.['country'];
  if (format.countries && country !== undefined && !format.countries.has(country)) {
    return { kind: 'country', country };
  }
  if (!format.checksum) return { kind: 'pass', checked: false };
  const serial = m.groups?.['serial'];
  const check = m.groups?.['check'];
  if (serial === undefined || check === undefined) return { kind: 'shape' };
  const expected = expectedCheckDigit(format.checksum, serial);
  if (String(expected) === check) return { kind: 'pass', checked: true };
  const index = m.indices?.groups?.['check']?.[0] ?? n.length - 1;
  return { kind: 'check', expected, index, level: format.checkLevel ?? 'block' };
}

const blocked = (error: NumberError, fits: boolean): Verdict => ({
  errors: [error],
  warnings: [],
  fits,
  checked: false,
});
const warned = (warning: InvoiceWarning, fits: boolean): Verdict => ({
  errors: [],
  warnings: [warning],
  fits,
  checked: false,
});

function checkDigitVerdict(
  rule: CarrierRule,
  n: string,
  o: { expected: number; index: number; level: Level },
): Verdict {
  const p = { carrierId: rule.id, position: o.index + 1, last: o.index === n.length - 1, expected: o.expected };
  return o.level === 'block' ? blocked(numberError.checkDigit(p), true) : warned(numberWarning.checkDigit(p), true);
}

function shapeVerdict(rule: CarrierRule, n: string): Verdict {
  const carrierId = rule.id;
  if (rule.charset === 'digits' && rule.lengths && !rule.lengths.includes(n.length)) {
    const p = { carrierId, lengths: [...rule.lengths], length: n.length };
    return rule.formatLevel === 'warn'
      ? warned(numberWarning.unusualLength(p), false)
      : blocked(numberError.wrongLength(p), false);
  }
  const p = { carrierId, shape: rule.shape };
  return rule.formatLevel === 'warn'
    ? warned(numberWarning.unusualShape(p), false)
    : blocked(numberError.wrongShape(p), false);
}

/** Problems that block for every carrier: nothing typed, impossible characters or lengths. */
function basicProblem(n: string, rule: CarrierRule): NumberError | null {
  if (n === '') return numberError.empty();
  const bad = rule.charset === 'digits' ? /[^0-9]/.exec(n) : /[^0-9A-Z]/.exec(n);
  if (bad) return numberError.badCharacter({ carrierId: rule.id, character: bad[0], allowed: rule.charset });
  const digitsOnly = /^\d+$/.test(n);
  if (n.length < MIN_NUMBER_LENGTH) return numberError.tooShort({ carrierId: rule.id, length: n.length, digitsOnly });
  if (n.length > MAX_NUMBER_LENGTH) return numberError.tooLong({ carrierId: rule.id, length: n.length, digitsOnly });
  return null;
}

function judge(rule: CarrierRule, n: string): Verdict {
  const basic = basicProblem(n, rule);
  if (basic) return blocked(basic, false);

  const outcomes = rule.formats.map((f) => tryFormat(f, n));
  const pass = outcomes.find((o) => o.kind === 'pass');
  if (pass) return { errors: [], warnings: [], fits: true, checked: pass.checked };
  // Closest miss first: right shape but wrong check digit, then an unknown country code.
  for (const o of outcomes) {
    if (o.kind === 'check') return checkDigitVerdict(rule, n, o);
  }
  for (const o of outcomes) {
    if (o.kind === 'country')
      return blocked(numberError.unknownCountry({ carrierId: rule.id, country: o.country }), true);
  }
  return shapeVerdict(rule, n);
}

const CONFIDENCE_RANK: Record<Confidence, number> = { high: 0, medium: 1, low: 2 };

interface Judged {
  rule: CarrierRule;
  order: number;
  verdict: Verdict;
}

/** Best first: a verified check digit, then fewer warnings, then confidence, then registry order. */
function compareCandidates(a: Judged, b: Judged): number {
  return (
    Number(b.verdict.checked) - Number(a.verdict.checked) ||
    a.verdict.warnings.length - b.verdict.warnings.length ||
    CONFIDENCE_RANK[a.rule.confidence] - CONFIDENCE_RANK[b.rule.confidence] ||
    a.order - b.order
  );
}

/** Without a carrier: why nothing fits, or what the operator should still confirm. */
function overall(
  n: string,
  judged: Judged[],
  fitting: Judged[],
): { errors: NumberError[]; warnings: InvoiceWarning[] } {
  const [first, second] = fitting;
  if (first && !second) return { errors: [], warnings: first.verdict.warnings };
  if (first) return { errors: [], warnings: [numberWarning.severalCarriers(fitting.map((j) => j.rule.id))] };
  if (n === '') return { errors: [numberError.empty()], warnings: [] };
  const bad = /[^0-9A-Z]/.exec(n);
  if (bad) {
    return {
      errors: [numberError.badCharacter({ carrierId: null, character: bad[0], allowed: 'alnum' })],
      warnings: [],
    };
  }
  // Near misses (right shape, wrong check digit or country) say the most; the same sentence once.
  const near = new Map<string, NumberError>();
  for (const j of judged)
    if (j.verdict.fits) for (const e of j.verdict.errors) if (!near.has(e.message)) near.set(e.message, e);
  return { errors: near.size > 0 ? [...near.values()] : [numberError.noCarrierFits()], warnings: [] };
}

export function validateInvoiceNumber(raw: string, carrierId?: CarrierId): ValidationResult {
  const normalized = normalizeInvoiceNumber(raw);
  const judged: Judged[] = CARRIER_RULES.map((rule, order) => ({ rule, order, verdict: judge(rule, normalized) }));
  const fitting = judged.filter((j) => j.verdict.fits && j.verdict.errors.length === 0).sort(compareCandidates);
  const candidates = fitting.map((j) => j.rule.id);

  if (carrierId === undefined) {
    const { errors, warnings } = overall(normalized, judged, fitting);
    return { valid: candidates.length > 0, normalized, errors, warnings, candidates };
  }
  const own = judged.find((j) => j.rule.id === carrierId);
  // Callers outside TypeScript (IPC, Excel import) may pass any string.
  if (!own) {
    const errors = [numberError.unknownCarrier(String(carrierId))];
    return { valid: false, normalized, errors, warnings: [], candidates };
  }
  const { errors, warnings } = own.verdict;
  return { valid: errors.length === 0, normalized, errors: [...errors], warnings: [...warnings], candidates };
}

/**
 * The chosen carrier's verdict alone, without auto-detection across every carrier: the same valid,
 * errors and warnings validateInvoiceNumber gives for `carrierId`, at a fraction of the cost (a
 * registration checks one carrier; the candidates matter only when the number is refused).
 */
export function checkNumberFor(
  raw: string,
  carrierId: CarrierId,
): { valid: boolean; normalized: string; errors: NumberError[]; warnings: InvoiceWarning[] } {
  const normalized = normalizeInvoiceNumber(raw);
  const { errors, warnings } = judge(carrierRule(carrierId), normalized);
  return { valid: errors.length === 0, normalized, errors: [...errors], warnings: [...warnings] };
}

/**
 * A valid number (no errors, no warnings) for `carrierId`, made from `serial` (0 up to the
 * carrier's sample width, at least 10^8 - 1). Distinct serials give distinct numbers.
 */
export function sampleInvoiceNumber(carrierId: CarrierId, serial: number): string {
  const rule = carrierRule(carrierId);
  const { head, width, tail = '' } = rule.sample;
  const digits = Number.isSafeInteger(serial) && serial >= 0 ? String(serial).padStart(width, '0') : '';
  if (digits === '' || digits.length > width) {
    throw new RangeError(`Sample serial must be an integer from 0 to ${10 ** width - 1} for ${carrierId}`);
  }
  // With a check digit slot when a checksummed format takes it; the slot is then filled in.
  const slotted = `${head}${digits}0${tail}`;
  let result = `${head}${digits}${tail}`;
  for (const format of rule.formats) {
    if (!format.checksum) continue;
    const o = tryFormat(format, slotted);
    if (o.kind === 'pass') result = slotted;
    if (o.kind === 'check') result = slotted.slice(0, o.index) + String(o.expected) + slotted.slice(o.index + 1);
    if (o.kind === 'pass' || o.kind === 'check') break;
  }
  const verdict = judge(rule, result);
  if (verdict.errors.length > 0 || verdict.warnings.length > 0) {
    throw new Error(`The sample rule of ${carrierId} makes an invalid number ${result}: fix carrierRules.ts`);
  }
  return result;
}
