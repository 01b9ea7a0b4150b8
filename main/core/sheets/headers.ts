// The template's columns and the header words that name them, in Korean and English. Matching
// ignores case, spacing and punctuation, so "Invoice No.", "invoice no" and "송장 번호" all match.
import { IMPORT_FIELDS, REQUIRED_FIELDS, type ImportField, type MatchedColumn } from './types';

export interface ColumnSpec {
  field: ImportField;
  ko: string;
  en: string;
  /** Other words desks use for the same column, in any case or spacing. */
  aliases: string[];
  width: number;
}

export const COLUMN_SPECS: Record<ImportField, ColumnSpec> = {
  shipmentNo: {
    field: 'shipmentNo',
    ko: '배송번호',
    en: 'Shipment No.',
    aliases: ['출고번호', 'Shipment Number', 'Shipment ID', 'Shipment'],
    width: 18,
  },
  carrier: {
    field: 'carrier',
    ko: '택배사',
    en: 'Carrier',
    aliases: ['택배사명', '배송사', '운송사', '택배회사', 'Carrier Name', 'Carrier ID', 'Courier', 'Delivery Company'],
    width: 26,
  },
  invoiceNo: {
    field: 'invoiceNo',
    ko: '송장번호',
    en: 'Invoice No.',
    aliases: [
      '운송장번호',
      '운송장',
      '송장',
      'Invoice Number',
      'Invoice',
      'Tracking No.',
      'Tracking Number',
      'Waybill No.',
    ],
    width: 22,
  },
  orderNo: { field: 'orderNo', ko: '주문번호', en: 'Order No.', aliases: ['Order Number', 'Order ID'], width: 22 },
  action: { field: 'action', ko: '작업', en: 'Action', aliases: ['처리구분', '등록/수정', 'Mode'], width: 16 },
  reason: {
    field: 'reason',
    ko: '수정 사유',
    en: 'Reason',
    aliases: ['사유', '변경 사유', 'Modify Reason', 'Change Reason'],
    width: 28,
  },
};

/** The header text the template writes: both languages, so either desk reads it. */
export function templateHeader(field: ImportField): string {
  const spec = COLUMN_SPECS[field];
  return `${spec.ko} ${spec.en}`;
}

export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Every key that names a field: each word alone, and Korean + English written together. */
function keysOf(spec: ColumnSpec): Set<string> {
  const words = [spec.ko, spec.en, ...spec.aliases].map(headerKey);
  const keys = new Set(words);
  for (const a of words) for (const b of words) if (a !== b) keys.add(a + b);
  return keys;
}

const FIELD_OF_KEY = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const key of keysOf(COLUMN_SPECS[field])) FIELD_OF_KEY.set(key, field);

export function fieldOfHeader(text: string): ImportField | undefined {
  const key = headerKey(text);
  return key ? FIELD_OF_KEY.get(key) : undefined;
}

export type HeaderMatch =
  { ok: true; columns: MatchedColumn[] } | { ok: false; missing: ImportField[]; twice: ImportField[]; found: string[] };

/** texts[i] is the header of column i + 1. */
export function matchHeader(texts: readonly string[]): HeaderMatch {
  const columns: MatchedColumn[] = [];
  const twice = new Set<ImportField>();
  texts.forEach((header, i) => {
    const field = fieldOfHeader(header);
    if (!field) return;
    if (columns.some((c) => c.field === field)) twice.add(field);
    else columns.push({ field, header: header.trim(), column: i + 1 });
  });
  const missing = REQUIRED_FIELDS.filter((f) => !columns.some((c) => c.field === f));
  if (missing.length === 0 && twice.size === 0) return { ok: true, columns };
  return {
    ok: false,
    missing,
    twice: [...twice],
    found: texts
      .map((t) => t.trim())
      .filter(Boolean)
      .slice(0, 30),
  };
}

export function describeField(field: ImportField): string {
  return `"${COLUMN_SPECS[field].ko} / ${COLUMN_SPECS[field].en}"`;
}
