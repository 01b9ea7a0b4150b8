// The sheet's rows through a column plan: each field's text (or why a cell cannot be trusted), the
// line's other channel keys, and its cells as downloaded when the channel's upload reuses them.
import { ORDER_FIELDS, ORDER_ROW_CODES, type OrderField, type OrderRowCode } from '../../../shared/api/contract';
import { cleanText, textProblemMessage } from '../../../shared/textRule';
import { cellAsWritten, cellValue } from '../sheets/fieldValues';
import { rawOfGridCell, type GridCell, type ParsedGrid, type RawCell } from '../sheets/types';
import { FIELD_SPECS } from './fields';
import type { ColumnPlan, PlannedSource } from './plan';
import type { Problem } from './values';

/** A line's cells as downloaded: [header, cell] in the sheet's order, blanks and repeated headers kept. */
export type SourceRow = [string, string][];

export type FieldRead =
  { ok: true; text: string; fromNumber: boolean } | { ok: false; code: OrderRowCode; message: string };

export interface DraftLine {
  row: number;
  /** Text of each planned field ('' when blank). The first unreadable cell is the line's problem. */
  values: Partial<Record<OrderField, string>>;
  /** Fields whose text came from a number cell (a postal code that lost its leading zero). */
  fromNumber: Set<OrderField>;
  /** The order date's cell as written, read by the date rules. */
  dateCell: RawCell | null;
  problem: { code: OrderRowCode; message: string } | null;
  keys: Record<string, string>;
  source: SourceRow | null;
}

// Id-like fields: a value Excel turned into 1.23E+15 lost its digits.
const ID_FIELDS: ReadonlySet<OrderField> = new Set([
  'orderNo',
  'lineId',
  'originalOrderNo',
  'productId',
  'postalCode',
  'recipientPhone',
]);

function isOrderCode(code: string): code is OrderRowCode {
  return (ORDER_ROW_CODES as readonly string[]).includes(code);
}

function readCell(what: string, cell: RawCell, idLike: boolean): FieldRead {
  const v = cellValue(what, cell, idLike);
  if (v.ok) return v;
  return { ok: false, code: isOrderCode(v.code) ? v.code : 'NOT_TEXT', message: v.message };
}

/** The first source with a non-blank value; its parts joined, blank parts left out. */
function readSources(
  sources: readonly PlannedSource[],
  cells: readonly GridCell[],
  what: string,
  idLike: boolean,
  headers: readonly string[],
): FieldRead {
  let fromNumber = false;
  for (const s of sources) {
    const parts: string[] = [];
    for (const c of s.columns) {
      // The message names the column as the sheet writes it: the operator finds the cell by it.
      const header = headers[c];
      const read = readCell(header ? `${what} (column "${header}")` : what, rawOfGridCell(cells[c]), idLike);
      if (!read.ok) return read;
      if (read.text) parts.push(read.text);
      fromNumber ||= read.fromNumber;
    }
    if (parts.length) return { ok: true, text: parts.join(s.sep), fromNumber };
  }
  return { ok: true, text: '', fromNumber: false };
}

/** A report's own lines ("5,record(s) downloaded,from … to …", "Seller ID : …"): few cells, one of them a footer's words. */
function isFooter(cells: readonly GridCell[], footers: readonly RegExp[]): boolean {
  if (!footers.length) return false;
  const filled = cells.filter((c) => c !== null);
  return filled.length <= 4 && filled.some((c) => typeof c === 'string' && footers.some((f) => f.test(c.trim())));
}

/** A cell as the download wrote it, for an upload file that echoes the download (docs/ORDERS.md, "Tracking numbers out"). */
function sourceText(cell: RawCell): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'number':
      return String(cell.value);
    case 'date':
      // The wall-clock time the sheet showed, as Coupang writes its dates.
      return cell.ms === undefined ? '' : new Date(cell.ms).toISOString().slice(0, 19).replace('T', ' ');
    default:
      return cellAsWritten(cell);
  }
}

/** Every cell of the row under its header, in the sheet's order, blanks included; the text rule applied. */
function sourceOf(headers: readonly string[], cells: readonly GridCell[]): SourceRow | Problem {
  const row: SourceRow = [];
  for (let i = 0; i < headers.length; i++) {
    const clean = cleanText(sourceText(rawOfGridCell(cells[i])));
    if (!clean.ok) {
      return {
        code: 'CONTROL_CHARACTER',
        message: textProblemMessage(`cell in column "${headers[i] ?? i + 1}"`, clean.problem),
      };
    }
    row.push([headers[i] ?? '', clean.text]);
  }
  return row;
}

// A line's own fields; everything else may come from its order's summary row (eBay).
const LINE_FIELDS: ReadonlySet<OrderField> = new Set(['lineId', 'productId', 'productName', 'optionName', 'quantity']);

/**
 * eBay writes a multi-item order as a summary row (ship-to and totals, no item) above its item rows
 * (no address): the summary row is not a line, and its order and ship-to values are its lines'.
 */
function applySummaries(drafts: readonly DraftLine[], summaries: Map<string, DraftLine>): void {
  for (const d of drafts) {
    const summary = summaries.get(d.values.orderNo ?? '');
    if (!summary) continue;
    for (const [field, value] of Object.entries(summary.values) as [OrderField, string][]) {
      // The summary row is the order's own: its buyer name wins over the item rows' user name.
      if (!LINE_FIELDS.has(field) && value) {
        d.values[field] = value;
        if (summary.fromNumber.has(field)) d.fromNumber.add(field);
      }
    }
    d.dateCell ??= summary.dateCell;
    d.problem ??= summary.problem;
  }
}

function isSummary(line: DraftLine): boolean {
  return !!line.values.orderNo && !line.values.lineId && !line.values.productId && !line.values.productName;
}

export function readLines(grid: ParsedGrid, plan: ColumnPlan): DraftLine[] {
  const lines: DraftLine[] = [];
  const summaries = new Map<string, DraftLine>();
  for (const r of grid.rows) {
    if (isFooter(r.cells, plan.footers)) continue;
    const line: DraftLine = {
      row: r.row,
      values: {},
      fromNumber: new Set(),
      dateCell: null,
      problem: null,
      keys: {},
      source: null,
    };
    for (const field of ORDER_FIELDS) {
      const sources = plan.fields[field];
      if (!sources) continue;
      if (field === 'orderedAt') {
        // The first non-blank cell of the date's sources, kept as a cell: Excel dates are not text.
        const column = sources.flatMap((s) => s.columns).find((c) => rawOfGridCell(r.cells[c]).kind !== 'empty');
        const cell = column === undefined ? null : rawOfGridCell(r.cells[column]);
        // The same text rule as every other cell, before a date message could quote it.
        const clean = cell?.kind === 'text' ? cleanText(cell.text) : null;
        if (clean && !clean.ok) {
          const what = `order date (column "${plan.headers[column ?? -1] ?? ''}")`;
          line.problem ??= { code: 'CONTROL_CHARACTER', message: textProblemMessage(what, clean.problem) };
          continue;
        }
        line.dateCell = clean?.ok ? { kind: 'text', text: clean.text } : cell;
        continue;
      }
      const read = readSources(
        sources,
        r.cells,
        FIELD_SPECS[field].en.toLowerCase(),
        ID_FIELDS.has(field),
        plan.headers,
      );
      if (!read.ok) {
        line.problem ??= { code: read.code, message: read.message };
        continue;
      }
      // Ids and codes may carry the apostrophe a spreadsheet uses to keep them text (Shopify's zips do).
      const text = read.text.trim();
      line.values[field] = ID_FIELDS.has(field) ? text.replace(/^'/, '') : text;
      if (read.fromNumber) line.fromNumber.add(field);
    }
    for (const [name, sources] of Object.entries(plan.keys)) {
      const read = readSources(sources, r.cells, name, true, plan.headers);
      if (read.ok && read.text) line.keys[name] = read.text.trim();
    }
    if (plan.summaryRows && isSummary(line)) {
      summaries.set(line.values.orderNo ?? '', line);
      continue;
    }
    if (plan.keepSource) {
      const source = sourceOf(plan.headers, r.cells);
      if (Array.isArray(source)) line.source = source;
      else line.problem ??= source;
    }
    lines.push(line);
  }
  if (summaries.size) applySummaries(lines, summaries);
  return lines;
}
