// CSV as Korean desks save it: UTF-8 with or without a BOM, CP949/EUC-KR (what Korean Excel
// writes for "CSV"), or UTF-16 (Excel's "Unicode text", tab-separated). Every cell is text.
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import { collectRows, headerRefusal, tooManyRows, type SourceRow } from './sheetRows';
import { mixedEncodingRefusal } from './mixedEncoding';
import { notSpreadsheet } from './sniff';
import { refuse, type FileRefusal, type ParseOutcome, type RawCell } from './types';

type ParseRefusal = { ok: false; refusal: FileRefusal };

// Control characters never found in a spreadsheet's text (tab, CR, LF are fine).
const BINARY = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function decodeText(bytes: Uint8Array): { text: string; encoding: string } | null {
  const attempt = (encoding: string, from: number) => {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(from));
    } catch {
      return null;
    }
  };
  const candidates: [string, number][] =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? [['utf-8', 3]]
      : bytes[0] === 0xff && bytes[1] === 0xfe
        ? [['utf-16le', 2]]
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? [['utf-16be', 2]]
          : [
              ['utf-8', 0],
              ['euc-kr', 0],
            ];
  for (const [encoding, from] of candidates) {
    const text = attempt(encoding, from);
    if (text !== null && !BINARY.test(text)) return { text, encoding: encoding === 'euc-kr' ? 'cp949' : encoding };
  }
  return null;
}

function delimiterOf(text: string): string {
  const firstLine = text.slice(0, Math.min(text.length, 4096)).split(/\r\n|\n|\r/, 1)[0] ?? '';
  // Excel's own hint, written by some exports (eBay's) as the first line.
  const hinted = /^sep=(.)$/i.exec(firstLine.trim());
  if (hinted?.[1]) return hinted[1];
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const count = (d: string) => unquoted.split(d).length - 1;
  const best = [',', '\t', ';'].map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ',';
}

/** RFC 4180 records: quoted fields may hold delimiters, quotes ("") and line breaks. */
export function* csvRecords(text: string, delimiter: string): Generator<string[]> {
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      record.push(field);
      yield record;
      record = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else field += ch;
    i++;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    yield record;
  }
}

function textCell(value: string | undefined): RawCell {
  if (value === undefined || value.trim() === '') return { kind: 'empty' };
  return { kind: 'text', text: value };
}

function* sourceRows(text: string, delimiter: string): Generator<SourceRow> {
  let row = 0;
  for (const fields of csvRecords(text, delimiter)) {
    row++;
    yield { row, texts: () => fields, cell: (column) => textCell(fields[column - 1]) };
  }
}

/** The decoded text's rows, or why the bytes are not a text table. */
export function csvSource(bytes: Uint8Array): { ok: true; rows: Iterable<SourceRow>; encoding: string } | ParseRefusal {
  const decoded = decodeText(bytes);
  if (!decoded) return { ok: false, refusal: mixedEncodingRefusal(bytes) ?? notSpreadsheet() };
  const text = decoded.text;
  if (text.trim() === '')
    return refuse('HEADER_MISMATCH', 'This file has no rows. Fill in the Shipdesk template and upload it again.');
  return { ok: true, rows: sourceRows(text, delimiterOf(text)), encoding: decoded.encoding };
}

export function readCsv(bytes: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): ParseOutcome {
  const source = csvSource(bytes);
  if (!source.ok) return source;
  const decoded = source;
  const collected = collectRows(source.rows, limits);
  if (!collected.ok) return { ok: false, refusal: headerRefusal(collected.match) };
  if (collected.dataRows > limits.maxDataRows) return { ok: false, refusal: tooManyRows(collected.dataRows, limits) };
  return {
    ok: true,
    sheet: {
      format: 'csv',
      sheetName: null,
      encoding: decoded.encoding,
      headerRow: collected.headerRow,
      columns: collected.columns,
      rows: collected.rows,
    },
  };
}
