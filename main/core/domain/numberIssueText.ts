// The number problems of shared/numberIssues.ts, each with its plain English sentence (what scripts,
// the command line and the Excel import's reasons show; screens translate the code instead).
import { findCarrier, type CarrierId } from '../../../shared/carriers';
import type { InvoiceWarning, NumberError } from '../../../shared/numberIssues';

function nameOf(id: CarrierId): string {
  return findCarrier(id)?.nameEn ?? id;
}

/** "a Lotte number", "an EMS number" (UPS/USPS start with a consonant sound). */
function aNumber(name: string): string {
  return `${/^[AEIO]/.test(name) ? 'an' : 'a'} ${name} number`;
}

/** [12] -> "12", [10, 12] -> "10 or 12", [9, 10, …, 16] -> "9 to 16". */
export function lengthsText(lengths: readonly number[]): string {
  const first = lengths[0];
  const last = lengths[lengths.length - 1];
  if (first === undefined || last === undefined) return '';
  if (lengths.length > 2 && last - first === lengths.length - 1) return `${first} to ${last}`;
  return lengths.length === 1 ? `${first}` : `${lengths.slice(0, -1).join(', ')} or ${last}`;
}

const where = (p: { position: number; last: boolean }) => (p.last ? 'the last digit' : `character ${p.position}`);

type Params<C extends NumberError['code']> = Extract<NumberError, { code: C }>['params'];
type WarningParams<C extends InvoiceWarning['code']> = Extract<InvoiceWarning, { code: C }>['params'];

export const numberError = {
  empty: (): NumberError => ({ code: 'NUMBER_EMPTY', params: {}, message: 'Enter a tracking number.' }),
  badCharacter: (p: Params<'NUMBER_BAD_CHARACTER'>): NumberError => {
    const allowed = p.allowed === 'digits' ? 'digits only' : 'only letters and digits';
    const who = p.carrierId ? `${nameOf(p.carrierId)} numbers` : 'Tracking numbers';
    return {
      code: 'NUMBER_BAD_CHARACTER',
      params: p,
      message: `${who} contain ${allowed}; this one contains "${p.character}".`,
    };
  },
  tooShort: (p: Params<'NUMBER_TOO_SHORT'>): NumberError => ({
    code: 'NUMBER_TOO_SHORT',
    params: p,
    message: `This is too short to be ${aNumber(nameOf(p.carrierId))} (${p.length} ${p.digitsOnly ? 'digits' : 'characters'}).`,
  }),
  tooLong: (p: Params<'NUMBER_TOO_LONG'>): NumberError => ({
    code: 'NUMBER_TOO_LONG',
    params: p,
    message: `This is too long to be ${aNumber(nameOf(p.carrierId))} (${p.length} ${p.digitsOnly ? 'digits' : 'characters'}).`,
  }),
  wrongLength: (p: Params<'NUMBER_WRONG_LENGTH'>): NumberError => ({
    code: 'NUMBER_WRONG_LENGTH',
    params: p,
    message: `${nameOf(p.carrierId)} numbers are ${lengthsText(p.lengths)} digits; this one has ${p.length}.`,
  }),
  wrongShape: (p: Params<'NUMBER_WRONG_SHAPE'>): NumberError => ({
    code: 'NUMBER_WRONG_SHAPE',
    params: p,
    message: `This does not look like ${aNumber(nameOf(p.carrierId))} (expected ${p.shape}).`,
  }),
  checkDigit: (p: Params<'CHECK_DIGIT_MISMATCH'>): NumberError => ({
    code: 'CHECK_DIGIT_MISMATCH',
    params: p,
    message: `The check digit does not match: ${where(p)} should be ${p.expected} for ${aNumber(nameOf(p.carrierId))}.`,
  }),
  unknownCountry: (p: Params<'UNKNOWN_COUNTRY_CODE'>): NumberError => ({
    code: 'UNKNOWN_COUNTRY_CODE',
    params: p,
    message: `${nameOf(p.carrierId)} numbers end in a country code; "${p.country}" is not a known one.`,
  }),
  noCarrierFits: (): NumberError => ({
    code: 'NO_CARRIER_FITS',
    params: {},
    message: 'This does not match the number format of any carrier we know.',
  }),
  unknownCarrier: (carrierId: string): NumberError => ({
    code: 'UNKNOWN_CARRIER',
    params: { carrierId },
    message: `Unknown carrier "${carrierId}".`,
  }),
};

export const numberWarning = {
  checkDigit: (p: WarningParams<'CHECK_DIGIT_UNCONFIRMED'>): InvoiceWarning => {
    const name = nameOf(p.carrierId);
    return {
      code: 'CHECK_DIGIT_UNCONFIRMED',
      params: p,
      message: `The check digit does not match the usual ${name} rule (${where(p)} would be ${p.expected}); the first lookup will confirm the number.`,
    };
  },
  unusualLength: (p: WarningParams<'NUMBER_LENGTH_UNUSUAL'>): InvoiceWarning => ({
    code: 'NUMBER_LENGTH_UNUSUAL',
    params: p,
    message: `${nameOf(p.carrierId)} numbers are usually ${lengthsText(p.lengths)} digits; this one has ${p.length}.`,
  }),
  unusualShape: (p: WarningParams<'NUMBER_SHAPE_UNUSUAL'>): InvoiceWarning => ({
    code: 'NUMBER_SHAPE_UNUSUAL',
    params: p,
    message: `This does not look like a usual ${nameOf(p.carrierId)} number (expected ${p.shape}).`,
  }),
  severalCarriers: (carrierIds: CarrierId[]): InvoiceWarning => {
    const names = carrierIds.map(nameOf);
    const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
    return {
      code: 'SEVERAL_CARRIERS',
      params: { carrierIds },
      message: `Several carriers use numbers like this (${shown}); confirm the carrier.`,
    };
  },
  combinedPacking: (p: WarningParams<'COMBINED_PACKING'>): InvoiceWarning => ({
    code: 'COMBINED_PACKING',
    params: p,
    message: `${p.invoiceNo} is also registered on ${p.shipmentNo} for the same recipient (combined packing).`,
  }),
};
