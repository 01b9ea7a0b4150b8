// Excel import and export (docs/ARCHITECTURE.md). Files travel as base64 so both transports carry them as JSON.
import { z } from 'zod';
import type { CarrierId } from '../carriers';
import { method, text } from './common';
import { ShipmentListInput } from './shipments';

/** A 10 MB file is 13,981,016 base64 characters; the importer itself refuses files over 10 MB in words. */
export const MAX_UPLOAD_BASE64 = 14_000_000;
const bytesBase64 = z
  .string()
  .max(MAX_UPLOAD_BASE64, 'the file is larger than 10 MB; split it into files of 1,000 rows or fewer')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the file must be sent as base64');
const importId = text(64).min(1, 'an import id is required');

/** How much of a typed cell a verdict repeats (the failed-rows file keeps it whole). */
export const WRITTEN_MAX = 100;

/** Why a row cannot be saved (verdict error) or will be skipped or saved with a note (verdict warning). */
export const IMPORT_ROW_CODES = [
  'MISSING_VALUE',
  'FORMULA_CELL',
  'ERROR_CELL',
  'NOT_TEXT',
  'MERGED_CELL',
  'NUMBER_CORRUPTED',
  'CONTROL_CHARACTER',
  'NOT_FOUND',
  'ORDER_MISMATCH',
  'UNKNOWN_ACTION',
  'UNKNOWN_CARRIER',
  'CARRIER_NOT_FOR_REGION',
  'INVALID_INVOICE_NUMBER',
  'INVALID_STATE',
  'DUPLICATE_INVOICE',
  'DUPLICATE_IN_FILE',
  // warnings: the row is saved with a note, or skipped because there is nothing to do
  'NUMBER_WARNING',
  'COMBINED_PACKING',
  'ALREADY_REGISTERED',
  'ALREADY_IMPORTED',
  'REPEATED_ROW',
  'NOT_FILLED',
] as const;
export type ImportRowCode = (typeof IMPORT_ROW_CODES)[number];

export interface ImportRowVerdict {
  /** The row number as Excel shows it. */
  row: number;
  /** Normalised when it could be read; as written otherwise. */
  shipmentNo: string;
  carrierId?: CarrierId;
  /** Normalised (no spaces or hyphens, ASCII digits). */
  invoiceNo?: string;
  /**
   * The carrier and invoice-number cells as the operator typed them (a number cell as Excel shows it),
   * cut at WRITTEN_MAX characters: a rejected row shows what was wrong, not an empty cell.
   */
  written: { carrier: string; invoiceNo: string };
  /** What the file asks for (the Action column; register when blank). */
  action: 'register' | 'modify';
  /** What commit does with the row. */
  outcome: 'register' | 'modify' | 'skip' | 'reject';
  verdict: 'ok' | 'warning' | 'error';
  code?: ImportRowCode;
  message?: string;
}

export interface ImportTotals {
  rows: number;
  ok: number;
  warning: number;
  error: number;
  toRegister: number;
  toModify: number;
  toSkip: number;
}

export interface ImportPreview {
  importId: string;
  fileName: string;
  /** sha256 of the file's bytes, hex. */
  fileHash: string;
  format: 'xlsx' | 'csv';
  sheetName: string | null;
  encoding: string | null;
  headerRow: number;
  columns: { field: string; header: string; column: number }[];
  totals: ImportTotals;
  rows: ImportRowVerdict[];
  /** Earlier commits of this very file, newest first. */
  previousBatches: { batchId: number; committedAt: string; operator: string; registered: number; modified: number }[];
}

export interface ImportCommitResult {
  batchId: number;
  importId: string;
  fileName: string;
  registered: number;
  modified: number;
  /** Rows already on the shipment, or already committed from this same file. */
  skippedAlreadyRegistered: number;
  /** Other skipped rows: blank carrier and number, repeated rows. */
  skipped: number;
  failed: number;
  /** Rows whose verdict changed between preview and commit (someone else changed the shipment). */
  changedSincePreview: number;
  totals: ImportTotals;
  /** The final verdict of every row, as committed. */
  rows: ImportRowVerdict[];
}

export interface FileDownload {
  fileName: string;
  contentType: string;
  bytesBase64: string;
}

/** The grid's filters for the Preparing to Release tab (the tab itself is implied). */
export const PreparingExportInput = ShipmentListInput.omit({ tab: true, limit: true, cursor: true });

export const importMethods = {
  'imports.template': method<FileDownload>('read')(z.strictObject({})),
  'imports.preview': method<ImportPreview>('read')(
    z.strictObject({ fileName: text(255).default('upload'), bytesBase64, uploadRef: text(64).optional() }),
  ),
  'imports.commit': method<ImportCommitResult>('queuesItself')(z.strictObject({ importId })),
  'imports.failedRows': method<FileDownload & { rows: number }>('read')(z.strictObject({ importId })),
  'exports.preparingTemplate': method<FileDownload & { rows: number; truncated: boolean }>('read')(
    PreparingExportInput,
  ),
} as const;
