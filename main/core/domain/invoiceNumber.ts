// Tracking ("invoice") numbers: normalise what was typed or scanned, validate it against one
// carrier's rules or all of them (auto-detect), and build valid sample numbers for demo data.
// The rules themselves are data in carrierRules.ts; this file only interprets them.
import { findCarrier, type CarrierId } from '../../../shared/carriers';
import type { ValidationResult } from '../../../shared/contract';
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
  errors: string[];
  warnings: string[];
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

function nameOf(rule: CarrierRule): string {
  return findCarrier(rule.id)?.nameEn ?? rule.id;
}

/** "a Lotte number", "an EMS number" (UPS/USPS start with a consonant sound). */
function aNumber(name: string): string {
  return `${/^[AEIO]/.test(name) ? 'an' : 'a'} ${name} number`;
}

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

function issue(level: Level, message: string, fits: boolean): Verdict {
  return level === 'block'
    ? { errors: [message], warnings: [], fits, checked: false }
    : { errors: [], warnings: [message], fits, checked: false };
}

function checkMessage(name: string, n: string, o: { expected: number; index: number; level: Level }): string {
  const where = o.index === n.length - 1 ? 'the last digit' : `character ${o.index + 1}`;
  return o.level === 'block'
    ? `The check digit does not match: ${where} should be ${o.expected} for ${aNumber(name)}.`
    : `The check digit does not match the usual ${name} rule (${where} would be ${o.expected}); the first lookup will confirm the number.`;
}

/** [12] -> "12", [10, 12] -> "10 or 12", [9, 10, …, 16] -> "9 to 16". */
function lengthsText(lengths: readonly number[]): string {
  const first = lengths[0];
  const last = lengths[lengths.length - 1];
  if (first === undefined || last === undefined) return '';
  if (lengths.length > 2 && last - first === lengths.length - 1) return `${first} to ${last}`;
  return lengths.length === 1 ? `${first}` : `${lengths.slice(0, -1).join(', ')} or ${last}`;
}

function shapeMessage(rule: CarrierRule, name: string, n: string): string {
  const usually = rule.formatLevel === 'warn' ? 'usually ' : '';
  if (rule.charset === 'digits' && rule.lengths && !rule.lengths.includes(n.length)) {
    return `${name} numbers are ${usually}${lengthsText(rule.lengths)} digits; this one has ${n.length}.`;
  }
  const what = usually ? `a usual ${name} number` : aNumber(name);
  return `This does not look like ${what} (expected ${rule.shape}).`;
}

/** Problems that block for every carrier: nothing typed, impossible characters or lengths. */
function basicProblem(n: string, charset: 'digits' | 'alnum', name: string): string | null {
  if (n === '') return 'Enter a tracking number.';
  const bad = charset === 'digits' ? /[^0-9]/.exec(n) : /[^0-9A-Z]/.exec(n);
  if (bad) {
    const allowed = charset === 'digits' ? 'digits only' : 'only letters and digits';
    return `${name} numbers contain ${allowed}; this one contains "${bad[0]}".`;
  }
  const unit = /^\d+$/.test(n) ? 'digits' : 'characters';
  if (n.length < MIN_NUMBER_LENGTH) return `This is too short to be ${aNumber(name)} (${n.length} ${unit}).`;
  if (n.length > MAX_NUMBER_LENGTH) return `This is too long to be ${aNumber(name)} (${n.length} ${unit}).`;
  return null;
}

function judge(rule: CarrierRule, n: string): Verdict {
  const name = nameOf(rule);
  const basic = basicProblem(n, rule.charset, name);
  if (basic) return issue('block', basic, false);

  const outcomes = rule.formats.map((f) => tryFormat(f, n));
  const pass = outcomes.find((o) => o.kind === 'pass');
  if (pass) return { errors: [], warnings: [], fits: true, checked: pass.checked };
  // Closest miss first: right shape but wrong check digit, then an unknown country code.
  for (const o of outcomes) {
    if (o.kind === 'check') return issue(o.level, checkMessage(name, n, o), true);
  }
  for (const o of outcomes) {
    if (o.kind === 'country') {
      return issue('block', `${name} numbers end in a country code; "${o.country}" is not a known one.`, true);
    }
  }
  return issue(rule.formatLevel, shapeMessage(rule, name, n), false);
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
function overall(n: string, judged: Judged[], fitting: Judged[]): { errors: string[]; warnings: string[] } {
  const [first, second] = fitting;
  if (first && !second) return { errors: [], warnings: first.verdict.warnings };
  if (first) {
    const names = fitting.map((j) => nameOf(j.rule));
    const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
    return { errors: [], warnings: [`Several carriers use numbers like this (${shown}); confirm the carrier.`] };
  }
  if (n === '') return { errors: ['Enter a tracking number.'], warnings: [] };
  const bad = /[^0-9A-Z]/.exec(n);
  if (bad) {
    return {
      errors: [`Tracking numbers contain only letters and digits; this one contains "${bad[0]}".`],
      warnings: [],
    };
  }
  // Near misses (right shape, wrong check digit or country) say the most.
  const near = [...new Set(judged.filter((j) => j.verdict.fits).flatMap((j) => j.verdict.errors))];
  return {
    errors: near.length > 0 ? near : ['This does not match the number format of any carrier we know.'],
    warnings: [],
  };
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
  if (!own)
    return { valid: false, normalized, errors: [`Unknown carrier "${String(carrierId)}".`], warnings: [], candidates };
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
): { valid: boolean; normalized: string; errors: string[]; warnings: string[] } {
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
