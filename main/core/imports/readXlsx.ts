// Reads a workbook that passed preflight with exceljs, in the parse worker: the first sheet whose
// header matches the template, real rows only (never 1..rowCount: one stray cell at XFD1048576
// would make that a million).
import ExcelJS from 'exceljs';
import { cellText, rawCellOf } from './cells';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import { collectRows, headerRefusal, tooManyRows, type SheetRows, type SourceRow } from './sheetRows';
import { DAMAGED_MESSAGE } from './zipDirectory';
import { refuse, type ParseOutcome } from './types';

/** Header words beyond this column are not looked for. */
const HEADER_COLUMNS = 256;

function sourceRows(ws: ExcelJS.Worksheet): SourceRow[] {
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

export async function readXlsx(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Promise<ParseOutcome> {
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
  // Visible sheets first: a hidden sheet is rarely the one the operator filled in.
  const sheets = [...workbook.worksheets].sort((a, b) => Number(a.state !== 'visible') - Number(b.state !== 'visible'));
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
  if (sheets.length === 0)
    return refuse(
      'FILE_NOT_SPREADSHEET',
      'This workbook has no worksheets. Fill in the Shipdesk template and upload it again.',
    );
  return { ok: false, refusal: headerRefusal(first?.match ?? null) };
}
