// A CSV whose lines are in two encodings (rows pasted from a CP949 file into a UTF-8 one, or the
// other way round) decodes as neither. Rather than "not a spreadsheet", name the encoding most lines
// use and the first line that breaks it, so the operator knows what to re-save (docs/ORDERS.md,
// "One pipeline").
import { refuse, type FileRefusal } from './types';

type LineEncoding = 'ascii' | 'utf-8' | 'cp949' | 'neither';

const NAMES: Record<Exclude<LineEncoding, 'ascii'>, string> = {
  'utf-8': 'UTF-8',
  cp949: 'CP949 (EUC-KR, what Korean Excel saves as "CSV")',
  neither: 'neither UTF-8 nor CP949',
};

function decodes(encoding: string, bytes: Uint8Array): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function encodingOf(line: Uint8Array): LineEncoding {
  if (line.every((b) => b < 0x80)) return 'ascii';
  if (decodes('utf-8', line)) return 'utf-8';
  if (decodes('euc-kr', line)) return 'cp949';
  return 'neither';
}

/** The lines of a text file as bytes, numbered from 1 (LF ends a line; a CR before it stays). */
function* linesOf(bytes: Uint8Array): Generator<[number, Uint8Array]> {
  let start = 0;
  let n = 1;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      if (i > start) yield [n, bytes.subarray(start, i)];
      start = i + 1;
      n++;
    }
  }
}

/**
 * Why bytes that decode as neither UTF-8 nor CP949 as a whole are still text: the encoding most
 * lines use and the first line in another one; null when the lines do not mix two encodings.
 */
export function mixedEncodingRefusal(bytes: Uint8Array): FileRefusal | null {
  const lines: [number, LineEncoding][] = [];
  for (const [n, line] of linesOf(bytes)) {
    const encoding = encodingOf(line);
    if (encoding !== 'ascii') lines.push([n, encoding]);
  }
  const count = (e: LineEncoding) => lines.filter(([, x]) => x === e).length;
  const utf8 = count('utf-8');
  const cp949 = count('cp949');
  if (utf8 === 0 && cp949 === 0) return null;
  const main: 'utf-8' | 'cp949' = utf8 >= cp949 ? 'utf-8' : 'cp949';
  const odd = lines.find(([, e]) => e !== main);
  if (!odd) return null;
  const [line, other] = odd;
  if (other === 'ascii') return null;
  const others = lines.filter(([, e]) => e !== main).length;
  const saveAs = main === 'utf-8' ? 'CSV UTF-8' : 'CSV';
  return refuse(
    'FILE_NOT_SPREADSHEET',
    `This CSV mixes text encodings: most lines are ${NAMES[main]}, but line ${line} is ${NAMES[other]}` +
      `${others > 1 ? ` (${others} lines in all)` : ''}. Open the file in Excel, check that line, and save it again as "${saveAs}", then upload it.`,
    { encoding: main === 'utf-8' ? 'utf-8' : 'cp949', line, lineEncoding: other, lines: others },
  ).refusal;
}
