// A sheet read whole for the order import: the header is the row, among the first few non-blank
// ones, that holds the most known header words (Naver puts an instruction row above its headers,
// eBay a preamble); every non-blank row below it is data, kept up to the row limit and counted beyond.
import { headerKey } from './headers';
import type { ImportLimits } from './limits';
import type { SourceRow } from './sheetRows';
import { gridCellOf, type GridCell, type ParsedGrid } from './types';

export interface GridRows {
  headerRow: number;
  headers: string[];
  rows: ParsedGrid['rows'];
  dataRows: number;
  /** How many header words the header row holds: the best sheet of a workbook wins. */
  score: number;
}

interface Header {
  row: number;
  texts: string[];
  score: number;
}

function scoreOf(texts: readonly string[], words: ReadonlySet<string>): number {
  let score = 0;
  for (const t of texts) if (words.has(headerKey(t))) score++;
  return score;
}

/** Null when the source has no non-blank row at all. */
export function collectGrid(
  source: Iterable<SourceRow>,
  headerWords: ReadonlySet<string>,
  limits: ImportLimits,
): GridRows | null {
  // The first rows are kept until the header is chosen; then the rest stream through.
  const head: { row: SourceRow; texts: string[] }[] = [];
  let header: Header | null = null;
  const rows: ParsedGrid['rows'] = [];
  let dataRows = 0;
  let width = 0;

  const take = (r: SourceRow) => {
    const cells: GridCell[] = [];
    let blank = true;
    for (let c = 1; c <= width; c++) {
      const cell = gridCellOf(r.cell(c));
      if (cell !== null) blank = false;
      cells.push(cell);
    }
    if (blank) return;
    dataRows++;
    if (rows.length < limits.maxDataRows) rows.push({ row: r.row, cells });
  };

  const choose = (): Header | null => {
    let best: Header | null = null;
    for (const h of head) {
      const score = scoreOf(h.texts, headerWords);
      if (!best || score > best.score) best = { row: h.row.row, texts: h.texts, score };
    }
    if (!best) return null;
    width = best.texts.length;
    for (const h of head) if (h.row.row > best.row) take(h.row);
    return best;
  };

  for (const r of source) {
    if (header) {
      take(r);
      continue;
    }
    const texts = r.texts();
    if (texts.every((t) => t.trim() === '')) continue;
    head.push({ row: r, texts });
    if (head.length >= limits.headerSearchRows) header = choose();
  }
  const chosen = header ?? choose();
  if (!chosen) return null;
  return {
    headerRow: chosen.row,
    headers: chosen.texts.map((t) => t.trim()),
    rows,
    dataRows,
    score: chosen.score,
  };
}
