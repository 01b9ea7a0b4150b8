// Header words, carrier names, cells by type, CSV encodings and the formula escape.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { carrierFromText, carrierLabel } from '../../main/core/sheets/carrierNames';
import { escapeCell, unescapeCell } from '../../main/core/sheets/escape';
import { fieldValue } from '../../main/core/sheets/fieldValues';
import { matchHeader, templateHeader } from '../../main/core/sheets/headers';
import { csvRecords, decodeText, readCsv } from '../../main/core/sheets/readCsv';
import { CARRIERS } from '../../shared/carriers';

describe('header matching', () => {
  it('takes Korean, English and the bilingual template words, ignoring case, spacing and punctuation', () => {
    for (const header of [
      ['Shipment No.', 'Carrier', 'Invoice No.'],
      ['배송번호', '택배사', '송장번호'],
      ['SHIPMENT  NO', ' carrier ', 'invoice_no'],
      ['배송 번호', '택배사명', '운송장 번호'],
      [templateHeader('shipmentNo'), templateHeader('carrier'), templateHeader('invoiceNo')],
      ['Tracking Number', 'Shipment Number', 'Courier'],
    ]) {
      const m = matchHeader(header);
      expect(m.ok, header.join('|')).toBe(true);
    }
  });

  it('finds columns in any order and ignores columns it does not know', () => {
    const m = matchHeader(['메모', '송장번호', 'Failure reason', '배송번호', '', '택배사']);
    expect(m.ok && m.columns.map((c) => [c.field, c.column])).toEqual([
      ['invoiceNo', 2],
      ['shipmentNo', 4],
      ['carrier', 6],
    ]);
  });

  it('names what is missing, and refuses a column given twice', () => {
    const m = matchHeader(['Shipment No.', 'Carrier']);
    expect(!m.ok && m.missing).toEqual(['invoiceNo']);
    const twice = matchHeader(['Shipment No.', 'Carrier', 'Invoice No.', '송장번호']);
    expect(!twice.ok && twice.twice).toEqual(['invoiceNo']);
  });
});

describe('carrier names', () => {
  it('accepts the drop-down label, ids, Korean and English names of every carrier', () => {
    for (const c of CARRIERS) {
      for (const text of [carrierLabel(c), c.id, c.nameKo, c.nameEn, c.nameEn.toUpperCase()])
        expect(carrierFromText(text), text).toBe(c.id);
    }
  });
  it('knows common short names and refuses the unknown', () => {
    expect(carrierFromText('CJ')).toBe('kr.cjlogistics');
    expect(carrierFromText('우체국')).toBe('kr.epost');
    expect(carrierFromText('롯데')).toBe('kr.lotte');
    expect(carrierFromText('Pigeon Express')).toBeUndefined();
  });
});

describe('cells by type', () => {
  it('accepts an integer of up to 15 digits stored as a number', () => {
    expect(fieldValue('invoiceNo', { kind: 'number', value: 353563075655 })).toEqual({
      ok: true,
      text: '353563075655',
      fromNumber: true,
    });
    expect(fieldValue('invoiceNo', { kind: 'number', value: 999_999_999_999_999 })).toMatchObject({ ok: true });
  });
  it('refuses a number that lost digits, saying what Excel shows', () => {
    expect(fieldValue('invoiceNo', { kind: 'number', value: 9.4e21 })).toMatchObject({
      ok: false,
      code: 'NUMBER_CORRUPTED',
      message: expect.stringContaining('9.40E+21'),
    });
    expect(fieldValue('invoiceNo', { kind: 'number', value: 1234567890123456 })).toMatchObject({
      ok: false,
      code: 'NUMBER_CORRUPTED',
    });
    expect(fieldValue('invoiceNo', { kind: 'text', text: '3.53563E+11' })).toMatchObject({
      ok: false,
      code: 'NUMBER_CORRUPTED',
    });
    expect(fieldValue('invoiceNo', { kind: 'number', value: 12.5 })).toMatchObject({ ok: false, code: 'NOT_TEXT' });
  });
  it('refuses formulas, error cells, dates, booleans and merged cells', () => {
    expect(fieldValue('invoiceNo', { kind: 'formula', formula: 'A1&B1' })).toMatchObject({
      code: 'FORMULA_CELL',
      message: expect.stringContaining('=A1&B1'),
    });
    expect(fieldValue('invoiceNo', { kind: 'text', text: '=HYPERLINK("x")' })).toMatchObject({ code: 'FORMULA_CELL' });
    expect(fieldValue('carrier', { kind: 'error', text: '#N/A' })).toMatchObject({
      code: 'ERROR_CELL',
      message: expect.stringContaining('#N/A'),
    });
    expect(fieldValue('invoiceNo', { kind: 'date' })).toMatchObject({
      code: 'NOT_TEXT',
      message: expect.stringMatching(/date/),
    });
    expect(fieldValue('invoiceNo', { kind: 'boolean', value: true })).toMatchObject({ code: 'NOT_TEXT' });
    expect(fieldValue('shipmentNo', { kind: 'merged' })).toMatchObject({ code: 'MERGED_CELL' });
  });
  it('keeps text as written (normalising is the validator’s job)', () => {
    expect(fieldValue('invoiceNo', { kind: 'text', text: ' 0123-4567 ' })).toEqual({
      ok: true,
      text: '0123-4567',
      fromNumber: false,
    });
  });
});

describe('formula escape', () => {
  it('escapes every trigger and round-trips', () => {
    for (const s of [
      '=1+1',
      '+82',
      '-5',
      '@SUM(A1)',
      '\tx',
      '\rx',
      '\n=HYPERLINK("x")',
      '＝1+1',
      '＋82',
      '－5',
      '＠SUM(A1)',
    ]) {
      expect(escapeCell(s)).toBe(`'${s}`);
      expect(unescapeCell(escapeCell(s))).toBe(s);
    }
    expect(escapeCell('SD0000000001')).toBe('SD0000000001');
    expect(unescapeCell("'quoted")).toBe("'quoted");
  });
});

describe('CSV', () => {
  const text = '배송번호,택배사,송장번호\r\nSD0000000001,CJ대한통운,353563075655\r\n';
  it('decodes UTF-8 with and without BOM, CP949 and UTF-16', () => {
    const forms: [Buffer, string][] = [
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8'],
      [Buffer.from(text), 'utf-8'],
      [iconv.encode(text, 'cp949'), 'cp949'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le'],
    ];
    for (const [bytes, encoding] of forms) expect(decodeText(bytes)).toEqual({ text, encoding });
  });
  it('refuses binary that is not text in any of them', () => {
    expect(decodeText(Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x80]))).toBeNull();
  });
  it('parses quotes, embedded delimiters and line breaks', () => {
    const records = [...csvRecords('a,"b,c","say ""hi""\nthere"\r\nx,,z\n', ',')];
    expect(records).toEqual([
      ['a', 'b,c', 'say "hi"\nthere'],
      ['x', '', 'z'],
    ]);
  });
  it('reads tab-separated text and skips blank lines', () => {
    const out = readCsv(Buffer.from('Shipment No.\tCarrier\tInvoice No.\n\nSD0000000001\tkr.lotte\t241743423084\n\n'));
    expect(out.ok && out.sheet.rows).toEqual([
      {
        row: 3,
        cells: {
          shipmentNo: { kind: 'text', text: 'SD0000000001' },
          carrier: { kind: 'text', text: 'kr.lotte' },
          invoiceNo: { kind: 'text', text: '241743423084' },
        },
      },
    ]);
  });
  it('refuses a CSV without the template header, naming what is missing', () => {
    const out = readCsv(Buffer.from('name,phone\nkim,010\n'));
    expect(!out.ok && out.refusal).toMatchObject({
      code: 'HEADER_MISMATCH',
      message: expect.stringMatching(/Shipment No\..*missing.*name, phone/s),
    });
  });
});
