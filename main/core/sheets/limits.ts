// The importer's limits in one place. A packing desk uploads at most 1,000 rows; everything else is
// sized so that a hostile or broken file is refused long before it costs real memory or time.
const MiB = 1024 * 1024;

export const IMPORT_LIMITS: ImportLimits = {
  /** Bytes of the uploaded file. */
  maxFileBytes: 10 * MiB,
  /** Data rows (header and blank rows not counted). */
  maxDataRows: 1_000,
  /** Zip entries in a workbook; a real .xlsx has a dozen or two. */
  maxZipEntries: 1_000,
  /** Inflated bytes of one entry, counted while inflating (declared sizes can lie). */
  maxEntryInflatedBytes: 32 * MiB,
  /** Inflated bytes of all entries together. */
  maxTotalInflatedBytes: 64 * MiB,
  /** Inflated / compressed ratio allowed for entries above ratioFloorBytes (XML rarely beats 30:1). */
  maxRatio: 100,
  ratioFloorBytes: 1 * MiB,
  /** Rows holding a value in one sheet, counted before exceljs sees the file: the fast refusal. */
  maxSheetValueRows: 5_000,
  /** Row elements in one sheet, empty or not (formatted rows cost exceljs memory too). */
  maxSheetRowElements: 50_000,
  /** Cells in one sheet. */
  maxSheetCells: 250_000,
  /** The header may sit under a title: look at this many non-blank rows for it. */
  headerSearchRows: 10,
  /** Wall time for preflight and parse in the worker. */
  parseTimeoutMs: 20_000,
  /** The worker's heap cap: the last line of defence if a file slips past the limits above. */
  workerHeapMb: 512,
};

export interface ImportLimits {
  maxFileBytes: number;
  maxDataRows: number;
  maxZipEntries: number;
  maxEntryInflatedBytes: number;
  maxTotalInflatedBytes: number;
  maxRatio: number;
  ratioFloorBytes: number;
  maxSheetValueRows: number;
  maxSheetRowElements: number;
  maxSheetCells: number;
  headerSearchRows: number;
  parseTimeoutMs: number;
  workerHeapMb: number;
}

/**
 * Order sheets: a day of a busy store is up to 10,000 order lines, and channel sheets are wide
 * (Naver's older layout has about 70 columns), so the sheet limits grow with them; the file-size
 * limit and the zip-bomb ratio stay those of the invoice import.
 */
export const ORDER_LIMITS: ImportLimits = {
  ...IMPORT_LIMITS,
  maxDataRows: 10_000,
  maxSheetValueRows: 12_000,
  maxSheetRowElements: 60_000,
  maxSheetCells: 1_000_000,
  maxEntryInflatedBytes: 96 * MiB,
  maxTotalInflatedBytes: 160 * MiB,
  headerSearchRows: 10,
  parseTimeoutMs: 60_000,
  workerHeapMb: 1_024,
};

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / MiB).toFixed(bytes < 10 * MiB ? 1 : 0)} MB`;
}
