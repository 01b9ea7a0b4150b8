// The parse worker's job for order sheets: the same preflight as the invoice import, a password
// for an encrypted workbook, then the whole sheet under its header row as plain data. What the
// columns mean is decided in the main process (profiles, saved mappings), not here.
import { decryptWorkbook, PASSWORD_NEEDED_MESSAGE } from './decrypt';
import { collectGrid, type GridRows } from './gridRows';
import type { ImportLimits } from './limits';
import { preflight, tooLarge } from './preflight';
import { csvSource } from './readCsv';
import { isEncryptedWorkbook } from './sniff';
import { tooManyRows } from './sheetRows';
import { refuse, type GridOutcome, type ParsedGrid } from './types';

const NO_ROWS = 'This file has no rows. Check that it is the order sheet you downloaded, and upload it again.';

function outcome(
  found: GridRows | null,
  base: Omit<ParsedGrid, 'headerRow' | 'headers' | 'rows' | 'dataRows'>,
  limits: ImportLimits,
): GridOutcome {
  if (!found) return refuse('HEADER_MISMATCH', NO_ROWS);
  if (found.dataRows > limits.maxDataRows) return { ok: false, refusal: tooManyRows(found.dataRows, limits) };
  return {
    ok: true,
    grid: { ...base, headerRow: found.headerRow, headers: found.headers, rows: found.rows, dataRows: found.dataRows },
  };
}

export async function parseGridUpload(
  original: Uint8Array,
  request: { password?: string; headerWords: string[] },
  limits: ImportLimits,
): Promise<GridOutcome> {
  try {
    let bytes = original;
    let decrypted = false;
    if (isEncryptedWorkbook(bytes)) {
      if (bytes.length > limits.maxFileBytes) return { ok: false, refusal: tooLarge(bytes.length, limits) };
      if (!request.password) return refuse('FILE_ENCRYPTED', PASSWORD_NEEDED_MESSAGE, { needsPassword: true });
      const opened = await decryptWorkbook(bytes, request.password);
      if (!opened.ok) return opened;
      bytes = opened.bytes;
      decrypted = true;
    }
    const checked = await preflight(bytes, limits);
    if (!checked.ok) return checked;
    const words = new Set(request.headerWords);
    if (checked.kind === 'csv') {
      const source = csvSource(bytes);
      if (!source.ok) return source;
      const base = { format: 'csv' as const, sheetName: null, encoding: source.encoding, decrypted };
      return outcome(collectGrid(source.rows, words, limits), base, limits);
    }
    // exceljs loads on the first workbook only.
    const { loadSheets, sourceRows, NO_WORKSHEETS } = await import('./readXlsx');
    const loaded = await loadSheets(bytes);
    if (!loaded.ok) return loaded;
    if (loaded.sheets.length === 0) return refuse('FILE_NOT_SPREADSHEET', NO_WORKSHEETS);
    // The sheet whose header row holds the most known header words; the first one on a tie.
    let best: { found: GridRows; name: string } | null = null;
    for (const ws of loaded.sheets) {
      const found = collectGrid(sourceRows(ws), words, limits);
      if (found && (!best || found.score > best.found.score)) best = { found, name: ws.name };
    }
    return outcome(
      best?.found ?? null,
      { format: 'xlsx', sheetName: best?.name ?? null, encoding: null, decrypted },
      limits,
    );
  } catch (err) {
    return refuse(
      'FILE_DAMAGED',
      'Shipdesk could not read this file. Open it in Excel, save it again as .xlsx, and upload it again.',
      { detail: err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200) },
    );
  }
}
