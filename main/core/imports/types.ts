// Plain data that crosses from the parse worker to the main process: no exceljs objects, no
// classes, nothing that cannot be structured-cloned.
import type { ErrorCode } from '../../../shared/errors';

/** One cell as it was stored, by type; the row rules decide what each type means for a column. */
export type RawCell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'formula'; formula: string }
  | { kind: 'error'; text: string }
  | { kind: 'date' }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'merged' };

/** The template's columns, in the template's order. */
export const IMPORT_FIELDS = ['shipmentNo', 'carrier', 'invoiceNo', 'orderNo', 'action', 'reason'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const REQUIRED_FIELDS: readonly ImportField[] = ['shipmentNo', 'carrier', 'invoiceNo'];

/** A data row: its row number as the operator sees it in Excel, and the cells of known columns. */
export interface ParsedRow {
  row: number;
  cells: Partial<Record<ImportField, RawCell>>;
}

export interface MatchedColumn {
  field: ImportField;
  /** The header text as written in the file. */
  header: string;
  /** 1-based column number. */
  column: number;
}

export interface ParsedSheet {
  format: 'xlsx' | 'csv';
  /** The worksheet the rows came from (null for CSV). */
  sheetName: string | null;
  /** For CSV: the encoding it was read in. */
  encoding: string | null;
  headerRow: number;
  columns: MatchedColumn[];
  rows: ParsedRow[];
}

/** Why a whole file was refused, in words an operator can act on. */
export interface FileRefusal {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type ParseOutcome = { ok: true; sheet: ParsedSheet } | { ok: false; refusal: FileRefusal };

export function refuse(
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): { ok: false; refusal: FileRefusal } {
  return { ok: false, refusal: details ? { code, message, details } : { code, message } };
}
