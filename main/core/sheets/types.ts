// Plain data that crosses from the parse worker to the main process: no exceljs objects, no
// classes, nothing that cannot be structured-cloned.
import type { ErrorCode } from '../../../shared/errors';
import type { FileRefusal } from '../files/operatorFile';

/** One cell as it was stored, by type; the row rules decide what each type means for a column. */
export type RawCell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'formula'; formula: string }
  | { kind: 'error'; text: string }
  /** ms: the wall-clock time Excel shows, written as if it were UTC (exceljs reads serials that way). */
  | { kind: 'date'; ms?: number }
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

// Why a whole file was refused: defined with the operator's file (files/operatorFile.ts), which refuses
// files for every purpose, not only imports.
export type { FileRefusal };

export type ParseOutcome = { ok: true; sheet: ParsedSheet } | { ok: false; refusal: FileRefusal };

/**
 * A cell of a sheet read whole (order sheets): text as a string, an empty cell as null, anything
 * else as its RawCell. Plain strings keep 10,000 rows of 30 columns cheap to send and check.
 */
export type GridCell = string | null | Exclude<RawCell, { kind: 'text' } | { kind: 'empty' }>;

export function rawOfGridCell(cell: GridCell | undefined): RawCell {
  if (cell === null || cell === undefined) return { kind: 'empty' };
  return typeof cell === 'string' ? { kind: 'text', text: cell } : cell;
}

export function gridCellOf(raw: RawCell): GridCell {
  if (raw.kind === 'empty') return null;
  return raw.kind === 'text' ? raw.text : raw;
}

/** A sheet read whole, under the row that looks most like a header; the caller decides what the columns mean. */
export interface ParsedGrid {
  format: 'xlsx' | 'csv';
  sheetName: string | null;
  encoding: string | null;
  /** The file was password-protected and opened with the password given. */
  decrypted: boolean;
  headerRow: number;
  /** The header row's texts, column 1 first. */
  headers: string[];
  /** Non-blank rows below the header, up to the row limit. */
  rows: { row: number; cells: GridCell[] }[];
  /** Non-blank rows below the header in the file (may exceed rows.length). */
  dataRows: number;
}

export type GridOutcome = { ok: true; grid: ParsedGrid } | { ok: false; refusal: FileRefusal };

/** What the parse worker is asked to do with a file. */
export type ParseRequest =
  | { kind: 'invoices' }
  | {
      kind: 'grid';
      /** Opens a password-protected workbook. */
      password?: string;
      /** Header words (normalised, see headerKey) that mark the header row. */
      headerWords: string[];
    };

export function refuse(
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): { ok: false; refusal: FileRefusal } {
  return { ok: false, refusal: details ? { code, message, details } : { code, message } };
}
