// A number's errors and warnings (codes with parameters, shared/numberIssues.ts) in the screen's
// language; carriers are named the screen's way.
import type { CarrierId } from '../../../../shared/carriers';
import type { InvoiceWarning, NumberError } from '../../../../shared/numberIssues';
import type { Translate } from '../../i18n';

export interface Wording {
  t: Translate;
  carrierName(id: CarrierId | null): string;
}

/** [12] -> "12", [10, 12] -> "10 or 12", [9, 10, …, 16] -> "9 to 16" (Korean: "10 또는 12", "9~16"). */
function lengthsText(lengths: readonly number[], t: Translate): string {
  const first = lengths[0];
  const last = lengths[lengths.length - 1];
  if (first === undefined || last === undefined) return '';
  if (lengths.length > 2 && last - first === lengths.length - 1)
    return t('number.lengths.range', { first: String(first), last: String(last) });
  if (lengths.length === 1) return String(first);
  return t('number.lengths.or', { list: lengths.slice(0, -1).join(', '), last: String(last) });
}

/** "a Lotte number" / "an EMS number"; in Korean "롯데택배 송장번호". */
function aNumber(carrier: string, t: Translate): string {
  return t(/^[AEIO]/.test(carrier) ? 'number.anNumber' : 'number.aNumber', { carrier });
}

const where = (p: { position: number; last: boolean }, t: Translate): string =>
  p.last ? t('number.where.last') : t('number.where.position', { position: String(p.position) });

export function numberErrorText(e: NumberError, w: Wording): string {
  const { t } = w;
  switch (e.code) {
    case 'NUMBER_EMPTY':
      return t('number.NUMBER_EMPTY');
    case 'NUMBER_BAD_CHARACTER': {
      const character = e.params.character;
      if (e.params.carrierId === null) return t('number.NUMBER_BAD_CHARACTER.any', { character });
      const carrier = w.carrierName(e.params.carrierId);
      return t(`number.NUMBER_BAD_CHARACTER.${e.params.allowed}`, { carrier, character });
    }
    case 'NUMBER_TOO_SHORT':
    case 'NUMBER_TOO_LONG':
      return t(`number.${e.code}`, {
        aNumber: aNumber(w.carrierName(e.params.carrierId), t),
        length: String(e.params.length),
      });
    case 'NUMBER_WRONG_LENGTH':
      return t('number.NUMBER_WRONG_LENGTH', {
        carrier: w.carrierName(e.params.carrierId),
        lengths: lengthsText(e.params.lengths, t),
        length: String(e.params.length),
      });
    case 'NUMBER_WRONG_SHAPE':
      return t('number.NUMBER_WRONG_SHAPE', {
        aNumber: aNumber(w.carrierName(e.params.carrierId), t),
        shape: e.params.shape,
      });
    case 'CHECK_DIGIT_MISMATCH':
      return t('number.CHECK_DIGIT_MISMATCH', {
        where: where(e.params, t),
        expected: String(e.params.expected),
        aNumber: aNumber(w.carrierName(e.params.carrierId), t),
      });
    case 'UNKNOWN_COUNTRY_CODE':
      return t('number.UNKNOWN_COUNTRY_CODE', {
        carrier: w.carrierName(e.params.carrierId),
        country: e.params.country,
      });
    case 'NO_CARRIER_FITS':
      return t('number.NO_CARRIER_FITS');
    case 'UNKNOWN_CARRIER':
      return t('number.UNKNOWN_CARRIER', { carrier: e.params.carrierId });
  }
}

export function warningText(warning: InvoiceWarning, w: Wording): string {
  const { t } = w;
  switch (warning.code) {
    case 'CHECK_DIGIT_UNCONFIRMED':
      return t('warning.CHECK_DIGIT_UNCONFIRMED', {
        carrier: w.carrierName(warning.params.carrierId),
        where: where(warning.params, t),
        expected: String(warning.params.expected),
      });
    case 'NUMBER_LENGTH_UNUSUAL':
      return t('warning.NUMBER_LENGTH_UNUSUAL', {
        carrier: w.carrierName(warning.params.carrierId),
        lengths: lengthsText(warning.params.lengths, t),
        length: String(warning.params.length),
      });
    case 'NUMBER_SHAPE_UNUSUAL':
      return t('warning.NUMBER_SHAPE_UNUSUAL', {
        carrier: w.carrierName(warning.params.carrierId),
        shape: warning.params.shape,
      });
    case 'SEVERAL_CARRIERS': {
      const names = warning.params.carrierIds.map((c) => w.carrierName(c));
      const carriers =
        names.length > 3
          ? t('invoice.andMore', { names: names.slice(0, 3).join(', '), n: names.length - 3 })
          : names.join(', ');
      return t('warning.SEVERAL_CARRIERS', { carriers });
    }
    case 'COMBINED_PACKING':
      return t('warning.COMBINED_PACKING', {
        invoiceNo: warning.params.invoiceNo,
        shipmentNo: warning.params.shipmentNo,
      });
  }
}
