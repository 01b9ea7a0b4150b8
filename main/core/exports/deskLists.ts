// Two small lists a desk prints or hands on: one shipment's history, and a day's registered numbers
// per carrier (what the carrier's driver checks against the parcels picked up).
import { z } from 'zod';
import { rowReader, type RowOf } from '../db/rows';
import type { FileDownload, HistorySnapshot, MethodParsed } from '../../../shared/api/contract';
import { findCarrier, type CarrierId } from '../../../shared/carriers';
import { dayStartMs, iso, nextDay } from '../domain/time';
import type { ServiceContext } from '../services/context';
import { listHistory } from '../services/history';
import { readSettings } from '../services/settings';
import { localTime } from './gridExport';
import { CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, writeCsv, writeXlsx, type Table } from './tableFiles';

function snapshot(s: HistorySnapshot | null): string {
  if (!s) return '';
  const parts: string[] = [];
  if (s.carrierId || s.invoiceNo)
    parts.push(`${s.carrierId ? (findCarrier(s.carrierId)?.nameKo ?? s.carrierId) : ''} ${s.invoiceNo ?? ''}`.trim());
  if (s.address)
    parts.push([s.address.country, s.address.postalCode, s.address.line1, s.address.line2].filter(Boolean).join(' '));
  if (s.lines?.length) parts.push(s.lines.map((l) => `${l.lineId} ×${l.quantity}`).join(', '));
  if (s.shipmentNos?.length) parts.push(s.shipmentNos.join(', '));
  if (s.source) parts.push(s.source);
  return parts.join(' / ');
}

async function download(table: Table, format: 'xlsx' | 'csv', base: string): Promise<FileDownload> {
  const bytes = format === 'csv' ? writeCsv(table) : await writeXlsx([table]);
  return {
    fileName: `${base}.${format}`,
    contentType: format === 'csv' ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE,
    bytesBase64: bytes.toString('base64'),
  };
}

export async function exportHistory(
  ctx: ServiceContext,
  input: MethodParsed<'exports.history'>,
): Promise<FileDownload & { rows: number }> {
  const zone = readSettings(ctx).homeTimeZone;
  const entries = listHistory(ctx, input.shipmentNo);
  const shipmentNo = entries[0]?.shipmentNo ?? input.shipmentNo;
  const table: Table = {
    sheetName: 'Shipment history', // not "History": Excel keeps that name for itself
    headers: ['시각 When', '작업 Action', '이전 Before', '이후 After', '작업자 Operator', '경로 Via', '사유 Reason'],
    widths: [18, 16, 40, 40, 14, 10, 30],
    rows: entries.map((e) => [
      localTime(e.at, zone),
      e.action,
      snapshot(e.before),
      snapshot(e.after),
      e.operator,
      e.via,
      e.reason ?? '',
    ]),
  };
  return { ...(await download(table, input.format, `shipdesk-history-${shipmentNo}`)), rows: table.rows.length };
}

const driverLine = rowReader(
  'driver list line',
  z.object({
    carrier_id: z.string(),
    invoice_no: z.string(),
    shipment_no: z.string(),
    recipient_name: z.string(),
    recipient_phone: z.string(),
    postal_code: z.string(),
    address_line1: z.string(),
    address_line2: z.string(),
    items: z.number(),
    registered_at: z.number(),
  }),
);
type DriverRecord = RowOf<typeof driverLine>;

export async function exportDriverList(
  ctx: ServiceContext,
  input: MethodParsed<'exports.driverList'>,
): Promise<FileDownload & { rows: number; carriers: { carrierId: CarrierId; count: number }[] }> {
  const zone = readSettings(ctx).homeTimeZone;
  const records = driverLine.all(
    ctx
      .prepare(
        `SELECT i.carrier_id, i.invoice_no, s.shipment_no, s.recipient_name, s.recipient_phone, s.postal_code,
              s.address_line1, s.address_line2, i.registered_at,
              (SELECT coalesce(sum(quantity), 0) FROM order_items WHERE shipment_id = s.id) AS items
       FROM invoices i JOIN shipments s ON s.id = i.shipment_id AND s.invoice_id = i.id
       WHERE i.active = 1 AND i.registered_at >= ? AND i.registered_at < ? AND (? IS NULL OR i.carrier_id = ?)
       ORDER BY i.carrier_id, i.registered_at, s.id`,
      )
      .all(
        dayStartMs(input.date, zone),
        dayStartMs(nextDay(input.date), zone),
        input.carrierId ?? null,
        input.carrierId ?? null,
      ),
  );
  const byCarrier = new Map<string, DriverRecord[]>();
  for (const r of records) byCarrier.set(r.carrier_id, [...(byCarrier.get(r.carrier_id) ?? []), r]);
  const headers = [
    '#',
    '송장번호 Invoice No.',
    '배송번호 Shipment No.',
    '수취인 Recipient',
    '연락처 Phone',
    '우편번호 Postal code',
    '주소 Address',
    '수량 Pieces',
    '등록 Registered',
  ];
  const row = (r: DriverRecord, i: number) => [
    String(i + 1),
    r.invoice_no,
    r.shipment_no,
    r.recipient_name,
    r.recipient_phone,
    r.postal_code,
    [r.address_line1, r.address_line2].filter(Boolean).join(' '),
    String(r.items),
    localTime(iso(r.registered_at), zone),
  ];
  const name = (id: string) => findCarrier(id)?.nameKo ?? id;
  const carriers = [...byCarrier.entries()].map(([id, rows]) => ({ id, rows }));
  let file: FileDownload;
  if (input.format === 'csv') {
    file = await download(
      {
        sheetName: 'Driver list',
        headers: ['택배사 Carrier', ...headers],
        rows: carriers.flatMap((c) => c.rows.map((r, i) => [name(c.id), ...row(r, i)])),
      },
      'csv',
      `shipdesk-driver-list-${input.date}`,
    );
  } else {
    const tables: Table[] = carriers.map((c) => ({
      sheetName: name(c.id).replace(/[\\/?*[\]:]/g, ' '),
      headers,
      widths: [5, 20, 16, 14, 16, 10, 44, 8, 18],
      rows: c.rows.map(row),
    }));
    const bytes = await writeXlsx(tables.length ? tables : [{ sheetName: input.date, headers, rows: [] }]);
    file = {
      fileName: `shipdesk-driver-list-${input.date}.xlsx`,
      contentType: XLSX_CONTENT_TYPE,
      bytesBase64: bytes.toString('base64'),
    };
  }
  return {
    ...file,
    rows: records.length,
    carriers: carriers.flatMap((c) => {
      const known = findCarrier(c.id);
      return known ? [{ carrierId: known.id, count: c.rows.length }] : [];
    }),
  };
}
