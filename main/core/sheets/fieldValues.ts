// One cell of a known column to text, or the reason it cannot be trusted. Tracking numbers are
// text: a number cell is accepted only while Excel cannot have changed it (an integer of at most
// 15 digits); anything that lost digits is a row error, never silently repaired (docs/ARCHITECTURE.md "Excel import and export").
import type { ImportRowCode } from '../../../shared/api/contract';
import { cleanText, textProblemMessage } from '../../../shared/textRule';
import { unescapeCell } from './escape';
import type { ImportField, RawCell } from './types';

export type FieldValue =
  { ok: true; text: string; fromNumber: boolean } | { ok: false; code: ImportRowCode; message: string };

/** Excel keeps 15 significant digits; past that the last digits are already zeros. */
const MAX_EXACT = 999_999_999_999_999;
// What Excel shows for a long number squeezed into a cell, e.g. 9.41E+21 (also found in CSVs).
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?E[+-]?\d+$/i;

const WORDS: Record<ImportField, string> = {
  shipmentNo: 'shipment number',
  carrier: 'carrier',
  invoiceNo: 'invoice number',
  orderNo: 'order number',
  action: 'action',
  reason: 'reason',
};

function label(field: ImportField): string {
  return WORDS[field];
}

function corrupted(what: string, shown: string): FieldValue {
  return {
    ok: false,
    code: 'NUMBER_CORRUPTED',
    message: `Excel stored this ${what} as a number and lost digits (it now reads ${shown}). Format the column as Text, type the number again, and upload.`,
  };
}

function excelShows(n: number): string {
  return n.toExponential(2).toUpperCase();
}

export function fieldValue(field: ImportField, cell: RawCell | undefined): FieldValue {
  return cellValue(label(field), cell, field === 'invoiceNo' || field === 'orderNo');
}

/**
 * Any column's cell as text, named `what` in messages. `idLike`: an id or number column, where a
 * value in scientific notation means Excel already dropped digits, and "=…" is a formula typed as text.
 */
export function cellValue(what: string, cell: RawCell | undefined, idLike: boolean): FieldValue {
  if (!cell) return { ok: true, text: '', fromNumber: false };
  switch (cell.kind) {
    case 'empty':
      return { ok: true, text: '', fromNumber: false };
    case 'text': {
      // docs/ORDERS.md, "Text as the customer wrote it": one rule for every sheet and the API.
      const clean = cleanText(unescapeCell(cell.text.trim()));
      if (!clean.ok) return { ok: false, code: 'CONTROL_CHARACTER', message: textProblemMessage(what, clean.problem) };
      const text = clean.text.trim();
      // A customer's "==부재시 경비실==" is what they typed; only an id or number typed as "=…" is a
      // formula pasted as text (the spreadsheet's own formula cells are refused below, whatever the column).
      if (idLike && text.startsWith('=')) {
        return {
          ok: false,
          code: 'FORMULA_CELL',
          message: `The ${what} is a formula (${text.slice(0, 40)}). Type the value itself, or paste it as values.`,
        };
      }
      if (idLike && SCIENTIFIC.test(text)) return corrupted(what, text.toUpperCase());
      return { ok: true, text, fromNumber: false };
    }
    case 'number':
      if (!Number.isInteger(cell.value)) {
        return Math.abs(cell.value) > MAX_EXACT
          ? corrupted(what, excelShows(cell.value))
          : {
              ok: false,
              code: 'NOT_TEXT',
              message: `The ${what} is a decimal number (${cell.value}). Type it as text, digits only.`,
            };
      }
      if (Math.abs(cell.value) > MAX_EXACT) return corrupted(what, excelShows(cell.value));
      return { ok: true, text: String(cell.value), fromNumber: true };
    case 'formula':
      return {
        ok: false,
        code: 'FORMULA_CELL',
        message: `The ${what} is a formula (=${cell.formula.slice(0, 40)}). Shipdesk reads values only: copy the column and paste it back with Paste Special > Values.`,
      };
    case 'error':
      return {
        ok: false,
        code: 'ERROR_CELL',
        message: `The ${what} cell shows an Excel error (${cell.text}). Type the value again.`,
      };
    case 'date':
      return {
        ok: false,
        code: 'NOT_TEXT',
        message: `Excel turned the ${what} into a date. Format the column as Text and type it again.`,
      };
    case 'boolean':
      return {
        ok: false,
        code: 'NOT_TEXT',
        message: `The ${what} is ${cell.value ? 'TRUE' : 'FALSE'}, not text. Type the value again.`,
      };
    case 'merged':
      return {
        ok: false,
        code: 'MERGED_CELL',
        message: `The ${what} cell is part of merged cells. Unmerge them and fill in every row.`,
      };
  }
}

/** How the cell looked, for the failed-rows file: the operator fixes what they wrote. */
export function cellAsWritten(cell: RawCell | undefined): string {
  if (!cell) return '';
  switch (cell.kind) {
    case 'text':
      return unescapeCell(cell.text);
    case 'number':
      return Math.abs(cell.value) > MAX_EXACT ? excelShows(cell.value) : String(cell.value);
    case 'formula':
      return `=${cell.formula}`;
    case 'error':
      return cell.text;
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    default:
      return '';
  }
}
