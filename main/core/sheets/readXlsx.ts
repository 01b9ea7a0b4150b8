// Reads a workbook that passed preflight with exceljs, in the parse worker: the first sheet whose
// header matches the template, real rows only (never 1..rowCount: one stray cell at XFD1048576
// would make that a million).
import ExcelJS from 'exceljs';
import { cellText, rawCellOf } from './cells';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import { collectRows, headerRefusal, tooManyRows, type SheetRows, type SourceRow } from './sheetRows';
import { DAMAGED_MESSAGE } from './zipDirectory';
import { refuse, type FileRefusal, type ParseOutcome } from './types';

/** Header words beyond this column are not looked for. */
const HEADER_COLUMNS = 256;

export function sourceRows(ws: ExcelJS.Worksheet): SourceRow[] {
  const rows: SourceRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    rows.push({
      row: rowNumber,
      texts() {
        const texts: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          if (col <= HEADER_COLUMNS) texts[col - 1] = cellText(rawCellOf(cell));
        });
        return Array.from(texts, (t) => t ?? '');
      },
      cell: (column) => rawCellOf(row.getCell(column)),
    });
  });
  return rows;
}

/** The workbook's sheets, visible ones first (a hidden sheet is rarely the one the operator filled in). */
export async function loadSheets(
  bytes: Uint8Array,
): Promise<{ ok: true; sheets: ExcelJS.Worksheet[] } | { ok: false; refusal: FileRefusal }> {
  const workbook = new ExcelJS.Workbook();
  try {
    // Parts the importer never reads are skipped: less work, less surface.
    await workbook.xlsx.load(bytes.slice().buffer, {
      ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'drawing', 'legacyDrawing', 'picture'],
    });
  } catch (err) {
    return refuse('FILE_DAMAGED', DAMAGED_MESSAGE, {
      detail: err instanceof Error ? err.message.slice(0, 200) : 'unreadable',
    });
  }
  const sheets = [...workbook.worksheets].sort((a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'));
  return { ok: true, sheets };
}

export const NO_WORKSHEETS = 'This workbook has no worksheets. Fill in the Shipdesk template and upload it again.';

export async function readXlsx(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Promise<ParseOutcome> {
  const loaded = await loadSheets(bytes);
  if (!loaded.ok) return loaded;
  const { sheets } = loaded;
  let first: Extract<SheetRows, { ok: false }> | null = null;
  for (const ws of sheets) {
    const collected = collectRows(sourceRows(ws), limits);
    if (!collected.ok) {
      first ??= collected;
      continue;
    }
    if (collected.dataRows > limits.maxDataRows) return { ok: false, refusal: tooManyRows(collected.dataRows, limits) };
    return {
      ok: true,
      sheet: {
        format: 'xlsx',
        sheetName: ws.name,
        encoding: null,
        headerRow: collected.headerRow,
        columns: collected.columns,
        rows: collected.rows,
      },
    };
  }
  if (sheets.length === 0) return refuse('FILE_NOT_SPREADSHEET', NO_WORKSHEETS);
  return { ok: false, refusal: headerRefusal(first?.match ?? null) };
}
