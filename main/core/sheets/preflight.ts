// Everything checked before a parser touches the bytes (docs/ARCHITECTURE.md "Excel import and export"): size, magic bytes, the zip
// directory, and every entry inflated once with counting, so a zip bomb, a macro workbook or a
// 100,000-row sheet is refused fast and with bounded memory.
import { inflateCounted } from './inflate';
import { IMPORT_LIMITS, formatCount, formatMegabytes, type ImportLimits } from './limits';
import { createSheetCounter, type SheetCounts } from './sheetCounter';
import { notSpreadsheet, sniff } from './sniff';
import { refuse, type FileRefusal } from './types';
import { DAMAGED_MESSAGE, readZipDirectory, type ZipEntry } from './zipDirectory';

export type PreflightResult = { ok: true; kind: 'xlsx' | 'csv' } | { ok: false; refusal: FileRefusal };

const MACROS_MESSAGE =
  'This workbook contains macros (.xlsm). Shipdesk does not open files with macros. In Excel choose Save As > Excel Workbook (.xlsx), then upload that file.';
const bombMessage = (limits: ImportLimits) =>
  `This file unpacks to far more data than a sheet of ${formatCount(limits.maxDataRows)} rows could hold, so Shipdesk refused it without opening it. Copy your rows into the Shipdesk template and upload that instead.`;

export function tooLarge(size: number, limits: ImportLimits = IMPORT_LIMITS): FileRefusal {
  return refuse(
    'FILE_TOO_LARGE',
    `This file is ${formatMegabytes(size)}; Shipdesk takes files up to ${formatMegabytes(limits.maxFileBytes)}. ` +
      `Remove pictures, unused sheets or columns, or split the rows into files of ${formatCount(limits.maxDataRows)} rows or fewer.`,
    { bytes: size, limit: limits.maxFileBytes },
  ).refusal;
}

/** What a zip that is not a workbook most likely is. */
function whatZipIs(names: Set<string>): string {
  if (names.has('word/document.xml')) return 'a Word document';
  if (names.has('ppt/presentation.xml')) return 'a PowerPoint presentation';
  if (names.has('content.xml') && names.has('mimetype'))
    return 'an OpenDocument file (save it from your office app as .xlsx)';
  return 'a zip archive';
}

function checkNames(entries: ZipEntry[]): FileRefusal | null {
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (entries.some((e) => (e.flags & 1) === 1)) {
    return refuse(
      'FILE_ENCRYPTED',
      'This file is a password-protected zip. Remove the password, save it as .xlsx, and upload it again.',
    ).refusal;
  }
  if ([...names].some((n) => n.endsWith('vbaproject.bin')))
    return refuse('FILE_UNSAFE', MACROS_MESSAGE, { reason: 'macros' }).refusal;
  if (names.has('xl/workbook.bin')) {
    return refuse(
      'FILE_NOT_SPREADSHEET',
      'This is an Excel Binary Workbook (.xlsb). In Excel choose Save As > Excel Workbook (.xlsx), then upload that file.',
    ).refusal;
  }
  if (!names.has('[content_types].xml') || !names.has('xl/workbook.xml')) return notSpreadsheet(whatZipIs(names));
  return null;
}

const isWorksheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

function sheetRefusal(counts: SheetCounts, limits: ImportLimits): FileRefusal | null {
  const dataRows = Math.max(0, counts.valueRows - 1);
  if (counts.valueRows > limits.maxSheetValueRows) {
    return refuse(
      'TOO_MANY_ROWS',
      `This workbook has a sheet with ${formatCount(dataRows)} rows of data; Shipdesk takes at most ${formatCount(limits.maxDataRows)} rows per upload. ` +
        `Split the rows into files of ${formatCount(limits.maxDataRows)} or fewer and upload each one.`,
      { rows: dataRows, limit: limits.maxDataRows },
    ).refusal;
  }
  if (counts.rowElements > limits.maxSheetRowElements) {
    return refuse(
      'TOO_MANY_ROWS',
      `This workbook has a sheet with ${formatCount(counts.rowElements)} rows, most of them empty but formatted. ` +
        'Delete the empty rows below your data (or copy your rows into the Shipdesk template) and upload again.',
      { rowElements: counts.rowElements },
    ).refusal;
  }
  if (counts.cells > limits.maxSheetCells) {
    return refuse(
      'FILE_UNSAFE',
      `This workbook has a sheet with ${formatCount(counts.cells)} cells, too many to read safely. Copy only the needed columns into the Shipdesk template and upload that.`,
      { cells: counts.cells, limit: limits.maxSheetCells },
    ).refusal;
  }
  return null;
}

async function inflateAll(bytes: Uint8Array, entries: ZipEntry[], limits: ImportLimits): Promise<FileRefusal | null> {
  let totalLeft = limits.maxTotalInflatedBytes;
  for (const entry of entries) {
    const byRatio = Math.max(limits.ratioFloorBytes, entry.compressedSize * limits.maxRatio);
    const max = Math.min(limits.maxEntryInflatedBytes, totalLeft, byRatio);
    const counter = isWorksheet(entry.name) ? createSheetCounter() : null;
    const isTypes = entry.name.toLowerCase() === '[content_types].xml';
    const typesChunks: Buffer[] = [];
    let typesBytes = 0;
    const result = await inflateCounted(bytes, entry, max, (chunk) => {
      counter?.push(chunk);
      // The content-type list is a few KB; keep at most 1 MB of it for the macro check.
      if (isTypes && typesBytes < 1024 * 1024) {
        typesChunks.push(Buffer.from(chunk));
        typesBytes += chunk.length;
      }
    });
    if (!result.ok) {
      if (result.reason === 'too-big') {
        const limit = max === byRatio ? 'ratio' : max === totalLeft ? 'total' : 'entry';
        return refuse('FILE_UNSAFE', bombMessage(limits), { reason: 'zip-limits', entry: entry.name, limit }).refusal;
      }
      return refuse('FILE_DAMAGED', DAMAGED_MESSAGE, {
        detail: `${entry.name}: ${result.reason === 'method' ? 'unknown compression' : 'corrupt data'}`,
      }).refusal;
    }
    totalLeft -= result.bytes;
    if (isTypes && /macroEnabled/i.test(Buffer.concat(typesChunks).toString('utf8'))) {
      return refuse('FILE_UNSAFE', MACROS_MESSAGE, { reason: 'macros' }).refusal;
    }
    const tooMany = counter ? sheetRefusal(counter.finish(), limits) : null;
    if (tooMany) return tooMany;
  }
  return null;
}

export async function preflight(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Promise<PreflightResult> {
  if (bytes.length > limits.maxFileBytes) return { ok: false, refusal: tooLarge(bytes.length, limits) };
  const sniffed = sniff(bytes);
  if (sniffed.kind === 'refused') return { ok: false, refusal: sniffed.refusal };
  if (sniffed.kind === 'text') return { ok: true, kind: 'csv' };
  const dir = readZipDirectory(bytes);
  if (!dir.ok) return dir;
  const byName = checkNames(dir.entries);
  if (byName) return { ok: false, refusal: byName };
  const byContent = await inflateAll(bytes, dir.entries, limits);
  if (byContent) return { ok: false, refusal: byContent };
  return { ok: true, kind: 'xlsx' };
}
