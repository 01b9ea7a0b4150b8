// Tables of text to the files other systems read: .xlsx (every column Text, so long numbers keep
// their digits), CSV (UTF-8 with a BOM so Excel reads Korean, CRLF) and tab-delimited text. Every
// cell goes through escapeCell first: nothing Shipdesk writes can start a formula.
import { escapeCell } from '../sheets/escape';
import { XLSX_CONTENT_TYPE } from '../sheets/workbooks';

export interface Table {
  sheetName: string;
  /** Lines above the header (Amazon's TemplateType line). */
  preamble?: string[][];
  headers: string[];
  rows: string[][];
  widths?: number[];
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';
export { XLSX_CONTENT_TYPE };

const BOM = '\uFEFF';

export function csvField(value: string): string {
  const v = escapeCell(value);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',') + '\r\n';
}

export function writeCsv(table: Table): Buffer {
  const lines = [...(table.preamble ?? []), table.headers, ...table.rows].map(csvLine);
  return Buffer.from(BOM + lines.join(''), 'utf8');
}

/** Tab-delimited: a tab or line break inside a value would break the row, so it becomes a space. */
export function writeTabText(table: Table): Buffer {
  const field = (v: string) => escapeCell(v).replace(/[\t\r\n]+/g, ' ');
  const lines = [...(table.preamble ?? []), table.headers, ...table.rows].map((r) => r.map(field).join('\t'));
  return Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
}

/**
 * A name Excel takes for a sheet: at most 31 characters, none of : \\ / ? * [ ], and never
 * "History", which Excel keeps for itself (exceljs refuses it, whatever the case).
 */
export function sheetTitle(name: string): string {
  const plain = name.replace(/[:\\/?*[\]]/g, ' ').trim() || 'Sheet';
  return (plain.toLowerCase() === 'history' ? `${plain} 1` : plain).slice(0, 31);
}

export async function writeXlsx(tables: readonly Table[]): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Shipdesk';
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetTitle(t.sheetName), {
      views: [{ state: 'frozen', ySplit: 1 + (t.preamble?.length ?? 0) }],
    });
    const width = Math.max(t.headers.length, ...(t.preamble ?? []).map((p) => p.length));
    for (let c = 1; c <= width; c++) {
      const col = ws.getColumn(c);
      col.numFmt = '@';
      col.width = t.widths?.[c - 1] ?? Math.min(40, Math.max(10, (t.headers[c - 1] ?? '').length + 4));
    }
    for (const p of t.preamble ?? []) ws.addRow(p.map(escapeCell));
    ws.addRow(t.headers.map(escapeCell)).font = { bold: true };
    for (const r of t.rows) ws.addRow(r.map(escapeCell));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
