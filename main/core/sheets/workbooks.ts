// Workbooks Shipdesk writes: the template, the failed-rows file and the pre-filled export. All share
// the template's shape (same columns, carrier drop-down, Text-formatted number columns, frozen
// header, a bilingual guide), so any of them can be filled in and uploaded again. Every value that
// came from a person or the database is escaped against formula injection. Writing our own data is
// safe in the main process; reading uploads happens only in the parse worker.
import type ExcelJS from 'exceljs';
import { CARRIERS } from '../../../shared/carriers';
import { carrierLabel } from './carrierNames';
import { escapeCell } from './escape';
import { COLUMN_SPECS, templateHeader } from './headers';
import { IMPORT_LIMITS, formatCount } from './limits';
import { IMPORT_FIELDS, type ImportField } from './types';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetRowOut {
  values: Partial<Record<ImportField, string>>;
  /** Values of the extra columns, in their order. */
  extras?: string[];
}

export interface ExtraColumn {
  header: string;
  width: number;
}

const TEXT_FIELDS: readonly ImportField[] = ['shipmentNo', 'invoiceNo', 'orderNo'];
export const ACTION_CHOICES = ['등록 Register', '수정 Modify'] as const;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0E8' } };

const GUIDE: Record<ImportField, { need: string; ko: string; en: string; example: string }> = {
  shipmentNo: {
    need: '필수 Required',
    ko: 'Shipdesk의 배송번호 (포장 전표의 바코드).',
    en: 'The Shipdesk shipment number (the barcode on the packing slip).',
    example: 'SD0000001234',
  },
  carrier: {
    need: '필수 Required',
    ko: '목록에서 택배사를 고르세요. 택배사 ID나 영문 이름도 됩니다.',
    en: 'Choose the carrier from the list. Carrier ids and English names work too.',
    example: 'CJ대한통운 (CJ Logistics)',
  },
  invoiceNo: {
    need: '필수 Required',
    ko: '택배사의 송장번호. 텍스트 형식이라 앞자리 0과 긴 숫자가 그대로 남습니다. 공백과 하이픈은 무시됩니다.',
    en: "The carrier's tracking number. The column is Text, so leading zeros and long numbers stay as typed. Spaces and hyphens are ignored.",
    example: '3535 6307 5655',
  },
  orderNo: {
    need: '선택 Optional',
    ko: '적으면 배송번호의 주문번호와 맞는지 확인합니다.',
    en: "If filled in, it must match the shipment's order number (a cross-check).",
    example: '',
  },
  action: {
    need: '선택 Optional',
    ko: '비우거나 "등록": 새 송장 등록. "수정": 이미 등록된 송장을 바꿉니다.',
    en: 'Blank or "Register": register a new invoice. "Modify": replace the invoice already registered.',
    example: '등록 Register',
  },
  reason: {
    need: '선택 Optional',
    ko: '수정할 때 이력에 남길 사유.',
    en: 'When modifying: the reason kept in the history.',
    example: '송장 재발행 Label reprinted',
  },
};

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = HEADER_FILL;
  });
}

function addInvoiceSheet(wb: ExcelJS.Workbook, rows: readonly SheetRowOut[], extras: readonly ExtraColumn[]): void {
  const ws = wb.addWorksheet('Invoices', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = [
    ...IMPORT_FIELDS.map((f) => ({ header: templateHeader(f), key: f, width: COLUMN_SPECS[f].width })),
    ...extras.map((e, i) => ({ header: e.header, key: `extra${i}`, width: e.width })),
  ];
  styleHeader(ws.getRow(1));
  for (const f of TEXT_FIELDS) ws.getColumn(f).numFmt = '@';
  rows.forEach((r, i) => {
    const row = ws.getRow(i + 2);
    IMPORT_FIELDS.forEach((f, col) => {
      const v = r.values[f];
      if (v) row.getCell(col + 1).value = escapeCell(v);
    });
    (r.extras ?? []).forEach((v, j) => {
      if (v) row.getCell(IMPORT_FIELDS.length + j + 1).value = escapeCell(v);
    });
  });
  // Drop-downs and Text format for every row an upload may hold.
  const last = Math.max(IMPORT_LIMITS.maxDataRows, rows.length) + 1;
  const carrierCol = IMPORT_FIELDS.indexOf('carrier') + 1;
  const actionCol = IMPORT_FIELDS.indexOf('action') + 1;
  const carrierList: ExcelJS.DataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [`Carriers!$A$2:$A$${CARRIERS.length + 1}`],
    showErrorMessage: true,
    errorTitle: '택배사 Carrier',
    error: '목록에서 택배사를 고르세요. Choose a carrier from the list.',
  };
  const actionList: ExcelJS.DataValidation = {
    type: 'list',
    allowBlank: true,
    formulae: [`"${ACTION_CHOICES.join(',')}"`],
  };
  addValidation(ws, `${columnLetter(carrierCol)}2:${columnLetter(carrierCol)}${last}`, carrierList);
  addValidation(ws, `${columnLetter(actionCol)}2:${columnLetter(actionCol)}${last}`, actionList);
}

function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * One validation over a whole range. exceljs supports ranges at run time (worksheet.dataValidations)
 * but does not declare it; per-cell validations would create 1,000 styled rows every reader must parse.
 */
function addValidation(ws: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation): void {
  const list: unknown = Reflect.get(ws, 'dataValidations');
  if (list && typeof list === 'object' && 'add' in list && typeof list.add === 'function') {
    list.add(range, validation);
    return;
  }
  throw new Error('this exceljs version has no worksheet.dataValidations');
}

function addGuideSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Guide');
  ws.columns = [
    { header: '열 Column', width: 22 },
    { header: '필수 Required', width: 14 },
    { header: '설명', width: 60 },
    { header: 'Description', width: 60 },
    { header: '예 Example', width: 26 },
  ];
  styleHeader(ws.getRow(1));
  for (const f of IMPORT_FIELDS) {
    const g = GUIDE[f];
    ws.addRow([templateHeader(f), g.need, g.ko, g.en, g.example]);
  }
  ws.addRow([]);
  const notes = [
    [
      `한 파일에 최대 ${formatCount(IMPORT_LIMITS.maxDataRows)}행, 10 MB까지 올릴 수 있습니다.`,
      `At most ${formatCount(IMPORT_LIMITS.maxDataRows)} rows and 10 MB per file.`,
    ],
    [
      '첫 번째 시트(Invoices)의 1행이 머리글입니다. 열 순서는 바꿔도 됩니다.',
      'Row 1 of the first sheet (Invoices) is the header; columns may be in any order.',
    ],
    [
      '수식, 병합된 셀, 숫자로 바뀐 긴 송장번호는 오류로 표시됩니다.',
      'Formulas, merged cells and long numbers Excel turned into numbers are reported as row errors.',
    ],
    [
      '업로드하면 먼저 미리보기가 나오고, 확인한 뒤에 저장됩니다. 같은 파일을 두 번 올려도 두 번 등록되지 않습니다.',
      'Uploading shows a preview first; nothing is saved until you confirm. The same file uploaded twice registers nothing twice.',
    ],
  ];
  for (const [ko, en] of notes) ws.addRow(['', '', ko, en]);
  ws.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  ws.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
}

function addCarrierSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet('Carriers');
  ws.columns = [
    { header: '택배사 Carrier (목록 list)', width: 34 },
    { header: '한국어', width: 22 },
    { header: 'English', width: 26 },
    { header: 'ID', width: 20 },
    { header: '지역 Region', width: 14 },
  ];
  styleHeader(ws.getRow(1));
  for (const c of CARRIERS)
    ws.addRow([
      carrierLabel(c),
      c.nameKo,
      c.nameEn,
      c.id,
      c.region === 'domestic' ? '국내 domestic' : '해외 international',
    ]);
}

export async function writeInvoiceWorkbook(
  rows: readonly SheetRowOut[] = [],
  extras: readonly ExtraColumn[] = [],
): Promise<Buffer> {
  // Loaded on first use: most runs of the app or the CLI never write a workbook.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Shipdesk';
  addInvoiceSheet(wb, rows, extras);
  addGuideSheet(wb);
  addCarrierSheet(wb);
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out);
}
