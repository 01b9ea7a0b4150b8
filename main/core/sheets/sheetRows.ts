// From rows of any source (worksheet or CSV) to the import's rows: find the header, keep the
// template's columns, skip blank rows, and count data rows beyond the limit without keeping them.
import { COLUMN_SPECS, describeField, matchHeader, type HeaderMatch } from './headers';
import { IMPORT_LIMITS, formatCount, type ImportLimits } from './limits';
import { refuse, type FileRefusal, type MatchedColumn, type ParsedRow, type RawCell } from './types';

export interface SourceRow {
  /** The row number the operator sees in Excel (1-based). */
  row: number;
  /** Every cell as text, column 1 first: for finding the header. */
  texts(): string[];
  cell(column: number): RawCell;
}

export type SheetRows =
  | { ok: true; headerRow: number; columns: MatchedColumn[]; rows: ParsedRow[]; dataRows: number }
  | { ok: false; match: Extract<HeaderMatch, { ok: false }> | null };

const isBlank = (c: RawCell) => c.kind === 'empty';

export function collectRows(source: Iterable<SourceRow>, limits: ImportLimits = IMPORT_LIMITS): SheetRows {
  let header: { row: number; columns: MatchedColumn[] } | null = null;
  let closest: Extract<HeaderMatch, { ok: false }> | null = null;
  let looked = 0;
  const rows: ParsedRow[] = [];
  let dataRows = 0;
  for (const r of source) {
    if (!header) {
      const texts = r.texts();
      if (texts.every((t) => t.trim() === '')) continue;
      const match = matchHeader(texts);
      if (match.ok) {
        header = { row: r.row, columns: match.columns };
        continue;
      }
      // Keep the attempt that came closest, to say what is missing.
      if (!closest || match.missing.length < closest.missing.length) closest = match;
      if (++looked >= limits.headerSearchRows) return { ok: false, match: closest };
      continue;
    }
    const cells: ParsedRow['cells'] = {};
    for (const c of header.columns) cells[c.field] = r.cell(c.column);
    if (Object.values(cells).every(isBlank)) continue;
    dataRows++;
    if (rows.length < limits.maxDataRows) rows.push({ row: r.row, cells });
  }
  if (!header) return { ok: false, match: closest };
  return { ok: true, headerRow: header.row, columns: header.columns, rows, dataRows };
}

export function headerRefusal(match: Extract<HeaderMatch, { ok: false }> | null): FileRefusal {
  if (!match) {
    return refuse('HEADER_MISMATCH', 'This file has no rows. Fill in the Shipdesk template and upload it again.', {
      found: [],
    }).refusal;
  }
  const parts: string[] = [];
  if (match.missing.length)
    parts.push(
      `the column${match.missing.length > 1 ? 's' : ''} ${match.missing.map(describeField).join(', ')} ${match.missing.length > 1 ? 'are' : 'is'} missing`,
    );
  if (match.twice.length)
    parts.push(`${match.twice.map(describeField).join(', ')} appear${match.twice.length > 1 ? '' : 's'} twice`);
  const found = match.found.length
    ? ` The first row reads: ${match.found.slice(0, 8).join(', ')}${match.found.length > 8 ? ', …' : ''}.`
    : '';
  return refuse(
    'HEADER_MISMATCH',
    `The header row does not match the Shipdesk template: ${parts.join('; ')}.${found} Download the template and copy your rows into it, or rename the columns.`,
    {
      missing: match.missing.map((f) => COLUMN_SPECS[f].en),
      twice: match.twice.map((f) => COLUMN_SPECS[f].en),
      found: match.found,
    },
  ).refusal;
}

export function tooManyRows(dataRows: number, limits: ImportLimits = IMPORT_LIMITS): FileRefusal {
  return refuse(
    'TOO_MANY_ROWS',
    `This file has ${formatCount(dataRows)} data rows; Shipdesk takes at most ${formatCount(limits.maxDataRows)} per upload. ` +
      `Split it into files of ${formatCount(limits.maxDataRows)} rows or fewer and upload each one.`,
    { rows: dataRows, limit: limits.maxDataRows },
  ).refusal;
}
