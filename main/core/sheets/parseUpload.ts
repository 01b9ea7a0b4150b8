// The parse worker's whole job as one function: preflight, then read the rows as plain data.
// Kept apart from the worker wrapper so tests (and the property test) can call it directly.
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import { preflight } from './preflight';
import { readCsv } from './readCsv';
import { refuse, type ParseOutcome } from './types';

export async function parseUpload(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Promise<ParseOutcome> {
  try {
    const checked = await preflight(bytes, limits);
    if (!checked.ok) return checked;
    if (checked.kind === 'csv') return readCsv(bytes, limits);
    // exceljs loads on the first workbook only: CSVs and refused files never pay for it.
    const { readXlsx } = await import('./readXlsx');
    return await readXlsx(bytes, limits);
  } catch (err) {
    // A parser bug must still answer in words, never crash the worker silently.
    return refuse(
      'FILE_DAMAGED',
      'Shipdesk could not read this file. Open it in Excel, save it again as .xlsx, and upload it again.',
      {
        detail: err instanceof Error ? err.message.slice(0, 200) : String(err).slice(0, 200),
      },
    );
  }
}
