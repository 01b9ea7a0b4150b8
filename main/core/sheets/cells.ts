// exceljs cell values to plain RawCells, by type. Runs in the parse worker only.
import type { Cell } from 'exceljs';
import type { RawCell } from './types';

const EMPTY: RawCell = { kind: 'empty' };

function textCell(text: string): RawCell {
  return text.trim() === '' ? EMPTY : { kind: 'text', text };
}

/** Rich text runs joined; anything that is not a run contributes nothing. */
function joinRuns(runs: unknown[]): string {
  return runs
    .map((run) => (run && typeof run === 'object' && 'text' in run && typeof run.text === 'string' ? run.text : ''))
    .join('');
}

export function rawValue(value: unknown): RawCell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'number')
    return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'error', text: String(value) };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? { kind: 'date' } : { kind: 'date', ms: value.getTime() };
  if (typeof value !== 'object') return EMPTY;
  if ('formula' in value || 'sharedFormula' in value) {
    const f = 'formula' in value ? value.formula : 'sharedFormula' in value ? value.sharedFormula : '';
    return { kind: 'formula', formula: typeof f === 'string' ? f : '' };
  }
  if ('error' in value) return { kind: 'error', text: typeof value.error === 'string' ? value.error : '#ERROR' };
  if ('richText' in value && Array.isArray(value.richText)) return textCell(joinRuns(value.richText));
  // A hyperlink: its shown text (itself plain or rich) is the value.
  if ('text' in value) return rawValue(value.text);
  return EMPTY;
}

export function rawCellOf(cell: Cell): RawCell {
  // Only the top-left cell of a merged range holds the value; the others echo it.
  if (cell.isMerged && cell.master.address !== cell.address) return { kind: 'merged' };
  return rawValue(cell.value);
}

/** A cell as header text. */
export function cellText(raw: RawCell): string {
  if (raw.kind === 'text') return raw.text;
  if (raw.kind === 'number') return String(raw.value);
  return '';
}
