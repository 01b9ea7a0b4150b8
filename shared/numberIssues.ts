// What is wrong with a tracking number (errors: it cannot be saved) and what should be confirmed
// (warnings: it can), as closed lists of codes with parameters, like the error codes of
// shared/errors.ts: a screen says them in its own language; `message` is the same in plain English
// for scripts and the command line. Carriers travel as ids, so each screen names them its own way.
import { z } from 'zod';
import { CARRIER_IDS } from './carriers';

const carrier = z.enum(CARRIER_IDS);
/** Where the check digit is: `position` counts from 1; `last` when it is the last character. */
const checkDigit = { carrierId: carrier, position: z.number().int(), last: z.boolean(), expected: z.number().int() };

/** One code with its parameters and the English sentence. */
const issue = <C extends string, P extends z.ZodType>(code: C, params: P) =>
  z.strictObject({ code: z.literal(code), params, message: z.string() });
const lengths = z.array(z.number().int());

export const NumberErrorSchema = z.discriminatedUnion('code', [
  /** Nothing was typed. */
  issue('NUMBER_EMPTY', z.strictObject({})),
  /** A character no number of this carrier (or of any carrier, when carrierId is null) contains. */
  issue(
    'NUMBER_BAD_CHARACTER',
    z.strictObject({ carrierId: carrier.nullable(), character: z.string(), allowed: z.enum(['digits', 'alnum']) }),
  ),
  issue('NUMBER_TOO_SHORT', z.strictObject({ carrierId: carrier, length: z.number().int(), digitsOnly: z.boolean() })),
  issue('NUMBER_TOO_LONG', z.strictObject({ carrierId: carrier, length: z.number().int(), digitsOnly: z.boolean() })),
  /** The carrier's numbers have one of `lengths` digits. */
  issue('NUMBER_WRONG_LENGTH', z.strictObject({ carrierId: carrier, lengths, length: z.number().int() })),
  /** Not the carrier's format; `shape` describes the format (in English). */
  issue('NUMBER_WRONG_SHAPE', z.strictObject({ carrierId: carrier, shape: z.string() })),
  issue('CHECK_DIGIT_MISMATCH', z.strictObject(checkDigit)),
  /** The number ends in a country code the carrier does not use. */
  issue('UNKNOWN_COUNTRY_CODE', z.strictObject({ carrierId: carrier, country: z.string() })),
  /** Without a carrier: the number fits no carrier Shipdesk knows. */
  issue('NO_CARRIER_FITS', z.strictObject({})),
  issue('UNKNOWN_CARRIER', z.strictObject({ carrierId: z.string() })),
]);

export const InvoiceWarningSchema = z.discriminatedUnion('code', [
  /** The check digit does not match the carrier's usual rule, which is not sure enough to refuse the number. */
  issue('CHECK_DIGIT_UNCONFIRMED', z.strictObject(checkDigit)),
  /** The carrier's numbers usually have one of `lengths` digits. */
  issue('NUMBER_LENGTH_UNUSUAL', z.strictObject({ carrierId: carrier, lengths, length: z.number().int() })),
  issue('NUMBER_SHAPE_UNUSUAL', z.strictObject({ carrierId: carrier, shape: z.string() })),
  /** Without a carrier: several carriers use numbers like this (best first). */
  issue('SEVERAL_CARRIERS', z.strictObject({ carrierIds: z.array(carrier) })),
  /** The same number is on another shipment for the same recipient (combined packing). */
  issue('COMBINED_PACKING', z.strictObject({ shipmentNo: z.string(), invoiceNo: z.string() })),
]);

export type NumberError = z.infer<typeof NumberErrorSchema>;
export type InvoiceWarning = z.infer<typeof InvoiceWarningSchema>;
export type NumberErrorCode = NumberError['code'];
export type WarningCode = InvoiceWarning['code'];
export const NUMBER_ERROR_CODES: readonly NumberErrorCode[] = NumberErrorSchema.options.map((o) => o.shape.code.value);
export const WARNING_CODES: readonly WarningCode[] = InvoiceWarningSchema.options.map((o) => o.shape.code.value);
