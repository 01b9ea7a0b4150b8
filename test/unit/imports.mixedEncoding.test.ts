// A CSV with UTF-8 and CP949 lines mixed is refused with a message naming the encoding most lines use
// and the first line in the other, for the invoice import (readCsv) and the order import (csvSource).
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvSource, readCsv } from '../../main/core/sheets/readCsv';

const header = 'Shipment No.,Carrier,Invoice No.\n';
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const cp949 = (text: string) => iconv.encode(text, 'cp949');

function refusalOf(bytes: Buffer) {
  const outcome = readCsv(bytes);
  if (outcome.ok) throw new Error('expected a refusal');
  return outcome.refusal;
}

describe('a CSV mixing UTF-8 and CP949', () => {
  it('names UTF-8 and the first CP949 line', () => {
    const bytes = Buffer.concat([
      utf8(header),
      utf8('SD-1,CJ대한통운,123456789012\n'),
      cp949('SD-2,CJ대한통운,123456789013\n'),
      utf8('SD-3,한진택배,123456789014\n'),
    ]);
    const refusal = refusalOf(bytes);
    expect(refusal.message).toMatch(/most lines are UTF-8, but line 3 is CP949/);
    expect(refusal.details).toMatchObject({ encoding: 'utf-8', line: 3, lineEncoding: 'cp949' });
  });

  it('names CP949 and the first UTF-8 line when most lines are CP949, for the order import too', () => {
    const bytes = Buffer.concat([
      cp949('주문번호,수취인명,주소\n'),
      cp949('1001,김철수,서울시 강남구\n'),
      cp949('1002,이영희,부산시 해운대구\n'),
      utf8('1003,박민수,대구시 중구\n'),
    ]);
    const source = csvSource(bytes);
    if (source.ok) throw new Error('expected a refusal');
    expect(source.refusal.message).toMatch(/most lines are CP949 .*, but line 4 is UTF-8/);
    expect(source.refusal.details).toMatchObject({ encoding: 'cp949', line: 4 });
  });

  it('still reads a file in one encoding', () => {
    for (const bytes of [utf8(header + 'SD-1,CJ대한통운,123\n'), cp949(header + 'SD-1,CJ대한통운,123\n')]) {
      const source = csvSource(bytes);
      expect(source.ok).toBe(true);
    }
  });
});
