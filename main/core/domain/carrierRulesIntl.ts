// International number rules: UPU S10 and the UPS, FedEx, USPS and DHL formats, transcribed from the
// tracking_number_data specs (MIT, test/fixtures/tracking_number_data) into JS patterns. Their
// free-spacing `\s*` is dropped because numbers are normalised (no spaces) before matching.
import { anchored, type CarrierRule, type NumberFormat } from './carrierRulesTypes';

// Country codes of the S10 spec's postal operator list. A code outside it makes the number invalid
// (the spec's own sample RB123456785XX is invalid).
const S10_SPEC_COUNTRIES = `
AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG CH
CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FR GA GB GD GE GH GM GN
GQ GR GT GW GY HK HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ LA
LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG NI NL
NO NP NR NZ OM PA PE PG PH PK PL PT PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS
ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TZ UA UG US UY UZ VA VC VE VN VU WS YE ZA ZM ZW`;

// Posts that issue S10 numbers under their own code but are missing from that list (Taiwan, Macao,
// crown dependencies, overseas territories). Blocking them would stop real parcels at the desk.
const S10_EXTRA_COUNTRIES = 'TW MO GG JE IM GI FO GL AW CW SX NC PF BM KY VG FK';

export const S10_COUNTRIES: ReadonlySet<string> = new Set(
  `${S10_SPEC_COUNTRIES} ${S10_EXTRA_COUNTRIES}`.split(/\s+/).filter((c) => c.length === 2),
);

const S10: NumberFormat = {
  name: 'UPU S10',
  pattern: anchored(/[A-Z]{2}(?<serial>\d{8})(?<check>\d)(?<country>[A-Z]{2})/),
  checksum: { algorithm: 's10' },
  countries: S10_COUNTRIES,
};
const S10_SHAPE = 'two letters, nine digits and a two-letter country code, e.g. EE123456785KR';

const UPS_MOD10 = { algorithm: 'mod10', evens: 1, odds: 2 } as const;
const FEDEX_11 = {
  algorithm: 'weightedMod',
  weights: [3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1],
  modulo1: 11,
  modulo2: 10,
} as const;
const FEDEX_13 = {
  algorithm: 'weightedMod',
  weights: [1, 7, 3, 1, 7, 3, 1, 7, 3, 1, 7, 3, 1],
  modulo1: 11,
  modulo2: 10,
} as const;
const MOD10_13 = { algorithm: 'mod10', evens: 1, odds: 3 } as const;
const MOD10_31 = { algorithm: 'mod10', evens: 3, odds: 1 } as const;

// USPS IMpb mailer ids: nine digits starting with 9, or six starting 0-8; the lookahead pins the
// package id length to the mailer id length, as in the spec.
const USPS_N_BODY =
  /94\d{3}(?=9\d{8}(?:\d{15}|\d{11}|\d{7})\d(?!\d)|[0-8]\d{5}(?:\d{14}|\d{10})\d(?!\d))(?:9\d{8}|[0-8]\d{5})(?:\d{15}|\d{14}|\d{11}|\d{10}|\d{7})/
    .source;
const USPS_C_BODY =
  /(?:92(?=\d{3}9)|93(?=\d{3}[0-8])|95)\d{3}(?=9\d{8}(?:\d{11}|\d{7})\d(?!\d)|[0-8]\d{5}(?:\d{14}|\d{10})\d(?!\d))(?:9\d{8}|[0-8]\d{5})(?:\d{14}|\d{11}|\d{10}|\d{7})/
    .source;

export const INTERNATIONAL_RULES: readonly CarrierRule[] = [
  {
    id: 'kr.epost.ems',
    confidence: 'high',
    charset: 'alnum',
    shape: S10_SHAPE,
    formats: [S10],
    formatLevel: 'block',
    sample: { head: 'EE', width: 8, tail: 'KR' },
  },
  {
    id: 'un.upu.ems',
    confidence: 'high',
    charset: 'alnum',
    shape: S10_SHAPE,
    formats: [S10],
    formatLevel: 'block',
    sample: { head: 'EM', width: 8, tail: 'KR' },
  },
  {
    id: 'us.ups',
    confidence: 'high',
    charset: 'alnum',
    shape: '1Z and 16 letters or digits, or a waybill letter (A, H, J, K, T, V) and 10 digits',
    formats: [
      { name: 'UPS 1Z', pattern: anchored(/1Z(?<serial>[A-Z0-9]{15})(?<check>\d)/), checksum: UPS_MOD10 },
      { name: 'UPS waybill', pattern: anchored(/[AHJKTV](?<serial>\d{9})(?<check>\d)/), checksum: UPS_MOD10 },
    ],
    formatLevel: 'block',
    sample: { head: '1ZSHD', width: 12 },
  },
  {
    id: 'us.fedex',
    confidence: 'high',
    charset: 'digits',
    lengths: [12, 15, 18, 22, 32, 34],
    shape: '12 or 15 digits, or a barcode number of 18, 22, 32 or 34 digits',
    formats: [
      { name: 'FedEx Express 12', pattern: anchored(/(?<serial>\d{11})(?<check>\d)/), checksum: FEDEX_11 },
      {
        name: 'FedEx Express 34',
        pattern: anchored(/[0-8]\d{14}\d{5}(?<serial>\d{13})(?<check>\d)/),
        checksum: FEDEX_13,
      },
      {
        name: 'FedEx ASTRA 32',
        pattern: anchored(/3\d{15}(?<serial>\d{11})(?<check>\d)\d{4}/),
        checksum: FEDEX_11,
      },
      { name: 'FedEx Ground 15', pattern: anchored(/(?<serial>\d{14})(?<check>\d)/), checksum: MOD10_13 },
      { name: 'FedEx Ground SSCC-18', pattern: anchored(/\d{2}(?<serial>\d{15})(?<check>\d)/), checksum: MOD10_31 },
      { name: 'FedEx Ground 96', pattern: anchored(/96\d{5}(?<serial>\d{14})(?<check>\d)/), checksum: MOD10_13 },
      {
        name: 'FedEx Ground GSN',
        pattern: anchored(/96\d{2}\d{5}\d{10}\d(?<serial>\d{13})(?<check>\d)/),
        checksum: FEDEX_13,
      },
    ],
    formatLevel: 'block',
    sample: { head: '7', width: 10 },
  },
  {
    id: 'us.usps',
    confidence: 'high',
    charset: 'digits',
    lengths: [20, 22, 26, 28, 30, 32, 34],
    shape: '20 or 22 digits, often starting 91 to 95, optionally after 420 and a ZIP code',
    formats: [
      { name: 'USPS 20', pattern: anchored(/(?<serial>\d{19})(?<check>\d)/), checksum: MOD10_31 },
      {
        name: 'USPS IMpb N',
        pattern: anchored(
          new RegExp(
            `(?:420\\d{5}(?=\\d{22}(?!\\d)|\\d{26}(?!\\d))(?:\\d{4}(?=\\d{22}(?!\\d)))?)?(?<serial>${USPS_N_BODY})(?<check>\\d)`,
          ),
        ),
        checksum: { ...MOD10_31, reverse: true },
      },
      {
        name: 'USPS legacy',
        pattern: anchored(/(?:420\d{5}(?:\d{4})?)?(?<serial>(?:91)?\d{19})(?<check>\d)/),
        // Printed without the 91 application identifier, the digit is still computed over it.
        checksum: { ...MOD10_31, prependUnlessStartsWith: '91' },
      },
      {
        name: 'USPS IMpb C',
        pattern: anchored(
          new RegExp(`(?:420\\d{5}(?:\\d{4}(?=\\d{22}(?!\\d)))?)?(?<serial>${USPS_C_BODY})(?<check>\\d)`),
        ),
        checksum: MOD10_31,
      },
    ],
    formatLevel: 'block',
    sample: { head: '940011', width: 15 },
  },
  {
    id: 'de.dhl',
    confidence: 'high',
    charset: 'alnum',
    shape: '10 or 11 digits, 14 digits, a J piece id, or an eCommerce number such as GM and digits',
    formats: [
      {
        name: 'DHL Express',
        pattern: anchored(/(?<serial>\d{9,10})(?<check>\d)/),
        checksum: { algorithm: 'mod7' },
      },
      { name: 'DHL Express piece id', pattern: anchored(/J[A-Z]{2,3}\d{9,10}/) },
      // The serial must start with a digit, as the spec's lookahead requires.
      { name: 'DHL eCommerce', pattern: anchored(/(?:GM|LX|RX|UV|CN|SG|TH|IN|HK|MY)\d[0-9A-Z]{9,38}/) },
      { name: 'DHL eCommerce 14', pattern: anchored(/\d{14}/) },
    ],
    formatLevel: 'block',
    sample: { head: '1', width: 9 },
  },
];
