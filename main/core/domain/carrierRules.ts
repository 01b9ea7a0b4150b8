// The number rules per carrier, as data (docs/CARRIERS.md "Number rules"). Carriers and their rules
// change: edit this table, not the validator. Low-confidence rules warn, they never block beyond
// impossible characters or lengths.
import { CARRIER_IDS, type CarrierId } from '../../../shared/carriers';
import { INTERNATIONAL_RULES } from './carrierRulesIntl';
import { anchored, lengthRange, type CarrierRule, type NumberFormat } from './carrierRulesTypes';

export type { CarrierRule, Confidence, Level, NumberFormat } from './carrierRulesTypes';

/** Shortest and longest normalised number worth checking at all; outside this it always blocks. */
export const MIN_NUMBER_LENGTH = 6;
export const MAX_NUMBER_LENGTH = 50;

/** N digits, the last being a mod-7 check digit over the rest. */
function mod7Digits(total: number, checkLevel: 'block' | 'warn'): NumberFormat {
  return {
    name: `${total} digits, mod 7`,
    pattern: anchored(new RegExp(`(?<serial>\\d{${total - 1}})(?<check>\\d)`)),
    checksum: { algorithm: 'mod7' },
    checkLevel,
  };
}

/** Digits only, any of the given lengths, no check digit known. */
function plainDigits(lengths: readonly number[]): NumberFormat {
  return {
    name: `${lengths.join('/')} digits`,
    pattern: anchored(new RegExp(`\\d{${Math.min(...lengths)},${Math.max(...lengths)}}`)),
  };
}

// The low-confidence carriers of docs/CARRIERS.md: digits, no check digit known, lengths only typical (warn).
const TYPICAL_OTHER = lengthRange(9, 16);

const DOMESTIC_RULES: readonly CarrierRule[] = [
  {
    id: 'kr.cjlogistics',
    confidence: 'medium',
    charset: 'digits',
    lengths: [10, 12],
    shape: '10 or 12 digits',
    formats: [mod7Digits(12, 'warn'), mod7Digits(10, 'warn')],
    formatLevel: 'block',
    sample: { head: '35', width: 9 },
  },
  {
    id: 'kr.hanjin',
    confidence: 'medium',
    charset: 'digits',
    lengths: [10, 12, 14],
    shape: '10, 12 or 14 digits',
    // Only the 12-digit form has a (likely) check digit.
    formats: [mod7Digits(12, 'warn'), plainDigits([14]), plainDigits([10])],
    formatLevel: 'block',
    sample: { head: '42', width: 9 },
  },
  {
    id: 'kr.lotte',
    confidence: 'high',
    charset: 'digits',
    lengths: [12],
    shape: '12 digits',
    formats: [mod7Digits(12, 'block')],
    formatLevel: 'block',
    sample: { head: '24', width: 9 },
  },
  {
    id: 'kr.epost',
    confidence: 'high',
    charset: 'digits',
    lengths: [13],
    shape: '13 digits',
    formats: [plainDigits([13])],
    formatLevel: 'block',
    sample: { head: '60', width: 11 },
  },
  {
    id: 'kr.logen',
    confidence: 'medium',
    charset: 'digits',
    lengths: [11],
    shape: '11 digits',
    // One public sample only: the length and the check digit warn, letters block.
    formats: [mod7Digits(11, 'warn')],
    formatLevel: 'warn',
    sample: { head: '9', width: 9 },
  },
  {
    id: 'kr.kdexp',
    confidence: 'low',
    charset: 'digits',
    lengths: TYPICAL_OTHER,
    shape: '9 to 16 digits',
    formats: [plainDigits(TYPICAL_OTHER)],
    formatLevel: 'warn',
    sample: { head: '30', width: 11 },
  },
  {
    id: 'kr.cupost',
    confidence: 'medium',
    charset: 'digits',
    lengths: [10, 12],
    shape: '10 or 12 digits',
    // CU parcels travel on CJ's network and numbering.
    formats: [mod7Digits(12, 'warn'), mod7Digits(10, 'warn')],
    formatLevel: 'block',
    sample: { head: '36', width: 9 },
  },
  {
    id: 'kr.cvsnet',
    confidence: 'low',
    // "Up to 13 digits" (docs/CARRIERS.md); the lower bound is a guess, so lengths only warn.
    charset: 'digits',
    lengths: lengthRange(9, 13),
    shape: '9 to 13 digits',
    formats: [plainDigits(lengthRange(9, 13))],
    formatLevel: 'warn',
    sample: { head: '5', width: 11 },
  },
  ...(['kr.daesin', 'kr.ilyanglogis', 'kr.chunilps', 'kr.kunyoung', 'kr.coupangls'] as const).map(
    (id, i): CarrierRule => ({
      id,
      confidence: 'low',
      charset: 'digits',
      lengths: TYPICAL_OTHER,
      shape: '9 to 16 digits',
      formats: [plainDigits(TYPICAL_OTHER)],
      formatLevel: 'warn',
      // Distinct heads so demo numbers of different carriers do not collide.
      sample: { head: `${i + 6}`, width: 11 },
    }),
  ),
];

// Low confidence: format only, never a check digit we are unsure of.
const OTHER_INTERNATIONAL_RULES: readonly CarrierRule[] = [
  {
    id: 'kr.lotte.global',
    confidence: 'low',
    charset: 'alnum',
    shape: '10 to 14 digits',
    formats: [plainDigits(lengthRange(10, 14))],
    formatLevel: 'warn',
    sample: { head: '21', width: 10 },
  },
  {
    id: 'jp.yamato',
    confidence: 'low',
    charset: 'digits',
    lengths: [12],
    shape: '12 digits',
    formats: [plainDigits([12])],
    formatLevel: 'warn',
    sample: { head: '48', width: 10 },
  },
  {
    id: 'jp.sagawa',
    confidence: 'low',
    charset: 'digits',
    lengths: [12],
    shape: '12 digits',
    formats: [plainDigits([12])],
    formatLevel: 'warn',
    sample: { head: '58', width: 10 },
  },
  {
    id: 'cn.cainiao.global',
    confidence: 'low',
    charset: 'alnum',
    shape: 'LP and 14 digits, e.g. LP00123456789012',
    formats: [{ name: 'Cainiao LP', pattern: anchored(/LP\d{14}/) }],
    formatLevel: 'warn',
    sample: { head: 'LP00', width: 12 },
  },
];

const byId = new Map<CarrierId, CarrierRule>(
  [...DOMESTIC_RULES, ...INTERNATIONAL_RULES, ...OTHER_INTERNATIONAL_RULES].map((r) => [r.id, r]),
);

/** Every carrier's rule, in registry order (the order auto-detect falls back on). */
export const CARRIER_RULES: readonly CarrierRule[] = CARRIER_IDS.map((id) => {
  const rule = byId.get(id);
  // A carrier added to the registry without rules must fail loudly at start-up, not validate nothing.
  if (!rule) throw new Error(`No number rules for carrier ${id} (add them to carrierRules.ts)`);
  return rule;
});

export function carrierRule(id: CarrierId): CarrierRule {
  const rule = byId.get(id);
  if (!rule) throw new Error(`No number rules for carrier ${id}`);
  return rule;
}
