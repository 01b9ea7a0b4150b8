// Our own order template (`shipdesk template --orders`): every field as a column, headers in Korean
// and English, id columns formatted as Text so long numbers keep their digits, and a guide sheet.
import type { FileDownload, OrderField } from '../../../shared/api/contract';
import { MAX_ORDER_LINES, ORDER_FIELDS, REQUIRED_ORDER_FIELDS } from '../../../shared/api/contract';
import { formatCount } from '../sheets/limits';
import { XLSX_CONTENT_TYPE } from '../sheets/workbooks';
import { FIELD_SPECS, templateHeaderOf } from './fields';

const TEXT_FIELDS: readonly OrderField[] = [
  'orderNo',
  'lineId',
  'recipientPhone',
  'postalCode',
  'productId',
  'originalOrderNo',
];

const HELP: Partial<Record<OrderField, { ko: string; en: string }>> = {
  orderNo: {
    ko: '판매처의 주문번호. 같은 주문의 줄은 같은 번호.',
    en: "The channel's order number; lines of one order share it.",
  },
  lineId: {
    ko: '주문 안에서 줄을 구별하는 번호. 비우면 주문 안의 순서(1, 2, …)가 됩니다.',
    en: "Tells the lines of an order apart. Blank: the line's position in its order (1, 2, …).",
  },
  orderedAt: {
    ko: '2026-11-26 14:05, 2026.11.26, 11/26/2026 또는 엑셀 날짜. 비우면 가져온 시각.',
    en: '2026-11-26 14:05, 2026.11.26, 11/26/2026 or an Excel date. Blank column: the import time.',
  },
  channel: { ko: '네이버, 쿠팡, 자사몰 등. 비우면 기타.', en: 'Naver, Coupang, own store, … Blank: other.' },
  country: {
    ko: 'KR, US 같은 두 글자 코드나 나라 이름. 열이 없으면 KR.',
    en: 'A two-letter code such as KR or US, or the name. No column: the home country.',
  },
  quantity: { ko: '1 이상의 정수.', en: 'A whole number, 1 or more.' },
  claim: { ko: '일반 또는 교환.', en: 'general or exchange.' },
  originalOrderNo: { ko: '교환 주문일 때 원래 주문번호.', en: 'For an exchange: the original order number.' },
  warehouse: { ko: '출고지 코드. 비우면 기본값.', en: 'Warehouse code. Blank: the default.' },
};

export async function writeOrderTemplate(): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Shipdesk';
  const ws = wb.addWorksheet('Orders', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = ORDER_FIELDS.map((f) => ({ header: templateHeaderOf(f), key: f, width: FIELD_SPECS[f].width }));
  ws.getRow(1).font = { bold: true };
  for (const f of TEXT_FIELDS) ws.getColumn(f).numFmt = '@';

  const guide = wb.addWorksheet('Guide');
  guide.columns = [
    { header: '열 Column', width: 26 },
    { header: '필드 Field', width: 16 },
    { header: '필수 Required', width: 14 },
    { header: '설명', width: 50 },
    { header: 'Description', width: 50 },
    { header: '예 Example', width: 24 },
  ];
  guide.getRow(1).font = { bold: true };
  const required = (f: OrderField) =>
    REQUIRED_ORDER_FIELDS.includes(f)
      ? '필수 Required'
      : f === 'productName' || f === 'productId'
        ? '둘 중 하나 One of the two'
        : '선택 Optional';
  for (const f of ORDER_FIELDS) {
    const help = HELP[f];
    guide.addRow([templateHeaderOf(f), f, required(f), help?.ko ?? '', help?.en ?? '', FIELD_SPECS[f].example]);
  }
  guide.addRow([]);
  guide.addRow([
    '',
    '',
    '',
    `한 파일에 최대 ${formatCount(MAX_ORDER_LINES)}줄, 10 MB.`,
    `At most ${formatCount(MAX_ORDER_LINES)} lines and 10 MB per file.`,
  ]);
  guide.addRow([
    '',
    '',
    '',
    '같은 파일을 다시 가져와도 이미 있는 줄은 그대로 둡니다.',
    'Importing the same sheet again leaves the lines already in Shipdesk as they are.',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function orderTemplateDownload(): Promise<FileDownload> {
  const bytes = await writeOrderTemplate();
  return {
    fileName: 'shipdesk-order-template.xlsx',
    contentType: XLSX_CONTENT_TYPE,
    bytesBase64: bytes.toString('base64'),
  };
}
