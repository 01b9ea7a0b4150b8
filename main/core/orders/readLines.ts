// The sheet's rows through a column plan: each field's text (or why a cell cannot be trusted), the
// line's other channel keys, and its cells as downloaded when the channel's upload reuses them.
import { ORDER_FIELDS, ORDER_ROW_CODES, type OrderField, type OrderRowCode } from '../../../shared/contract';
import { cellValue } from '../imports/fieldValues';
import { rawOfGridCell, type GridCell, type ParsedGrid, type RawCell } from '../imports/types';
import { FIELD_SPECS } from './fields';
import type { ColumnPlan, PlannedSource } from './plan';

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
  source: Record<string, string> | null;
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
): FieldRead {
  let fromNumber = false;
  for (const s of sources) {
    const parts: string[] = [];
    for (const c of s.columns) {
      const read = readCell(what, rawOfGridCell(cells[c]), idLike);
      if (!read.ok) return read;
      if (read.text) parts.push(read.text);
      fromNumber ||= read.fromNumber;
    }
    if (parts.length) return { ok: true, text: parts.join(s.sep), fromNumber };
  }
  return { ok: true, text: '', fromNumber: false };
}

function isFooter(cells: readonly GridCell[], footers: readonly RegExp[]): boolean {
  if (!footers.length) return false;
  const filled = cells.filter((c) => c !== null);
  const first = filled[0];
  return filled.length <= 2 && typeof first === 'string' && footers.some((f) => f.test(first.trim()));
}

export function readLines(grid: ParsedGrid, plan: ColumnPlan): DraftLine[] {
  const lines: DraftLine[] = [];
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
        line.dateCell =
          sources
            .flatMap((s) => s.columns)
            .map((c) => rawOfGridCell(r.cells[c]))
            .find((c) => c.kind !== 'empty') ?? null;
        continue;
      }
      const read = readSources(sources, r.cells, FIELD_SPECS[field].en.toLowerCase(), ID_FIELDS.has(field));
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
      const read = readSources(sources, r.cells, name, true);
      if (read.ok && read.text) line.keys[name] = read.text.trim();
    }
    if (plan.keepSource) {
      const source: Record<string, string> = {};
      plan.headers.forEach((h, i) => {
        const cell = rawOfGridCell(r.cells[i]);
        if (h && (cell.kind === 'text' || cell.kind === 'number'))
          source[h] = cell.kind === 'text' ? cell.text : String(cell.value);
      });
      line.source = source;
    }
    lines.push(line);
  }
  return lines;
}
