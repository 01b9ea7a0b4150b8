// The three workbooks a screen downloads: the empty template, the failed rows of an import (with
// the reason beside each, to fix and upload again), and the Preparing to Release tab pre-filled.
import type { FileDownload, MethodParsed, ShipmentRow } from '../../../shared/api/contract';
import { findCarrier } from '../../../shared/carriers';
import type { ServiceContext } from '../services/context';
import { listShipments } from '../services/shipmentList';
import { carrierLabel } from '../sheets/carrierNames';
import { cellAsWritten } from '../sheets/fieldValues';
import { IMPORT_LIMITS } from '../sheets/limits';
import type { StoredImport } from './store';
import { IMPORT_FIELDS, type ImportField } from '../sheets/types';
import { XLSX_CONTENT_TYPE, writeInvoiceWorkbook, type SheetRowOut } from '../sheets/workbooks';

function download(fileName: string, bytes: Buffer): FileDownload {
  return { fileName, contentType: XLSX_CONTENT_TYPE, bytesBase64: bytes.toString('base64') };
}

/** "orders 11월.xlsx" -> "orders 11월"; names from uploads keep only what is safe in a file name. */
export function baseName(fileName: string): string {
  const last = fileName.split(/[\\/]/).pop() ?? '';
  const stem = last
    .replace(/\.[^.]{1,5}$/, '')
    // Controls and format characters (a right-to-left override turns "‮xslx.exe" into what reads
    // as "exe.xlsx"), and what file systems refuse.
    .replace(/[\p{Cc}\p{Cf}<>:"|?*]/gu, '')
    .trim();
  return stem.slice(0, 80) || 'upload';
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

export async function templateDownload(): Promise<FileDownload> {
  return download('shipdesk-invoice-template.xlsx', await writeInvoiceWorkbook());
}

export async function failedRowsDownload(stored: StoredImport): Promise<FileDownload & { rows: number }> {
  const failed = stored.rows.filter((r) => r.verdict === 'error');
  const cellsByRow = new Map(stored.sheet.rows.map((r) => [r.row, r.cells]));
  const rows: SheetRowOut[] = failed.map((r) => {
    const cells = cellsByRow.get(r.row) ?? {};
    const values: Partial<Record<ImportField, string>> = {};
    for (const f of IMPORT_FIELDS) values[f] = cellAsWritten(cells[f]);
    return { values, extras: [r.message ?? '', String(r.row)] };
  });
  const bytes = await writeInvoiceWorkbook(rows, [
    { header: '실패 사유 Failure reason', width: 70 },
    { header: '원래 행 Original row', width: 12 },
  ]);
  return { ...download(`${baseName(stored.fileName)}-failed-rows.xlsx`, bytes), rows: rows.length };
}

function preparingRow(s: ShipmentRow): SheetRowOut {
  const carrier = s.carrierId ? findCarrier(s.carrierId) : undefined;
  return {
    values: {
      shipmentNo: s.shipmentNo,
      carrier: carrier ? carrierLabel(carrier) : '',
      invoiceNo: s.invoiceNo ?? '',
      orderNo: s.orderNo,
    },
    extras: [
      s.recipientName,
      s.itemCount > 1 ? `${s.productSummary} (+${s.itemCount - 1})` : s.productSummary,
      s.orderedAt.slice(0, 10),
      s.status,
    ],
  };
}

/** The tab as filtered on screen, up to one upload's worth of rows. */
export async function preparingDownload(
  ctx: ServiceContext,
  filters: MethodParsed<'exports.preparingTemplate'>,
): Promise<FileDownload & { rows: number; truncated: boolean }> {
  const max = IMPORT_LIMITS.maxDataRows;
  const rows: ShipmentRow[] = [];
  let cursor: string | undefined;
  let truncated = false;
  for (;;) {
    const page = listShipments(ctx, { ...filters, tab: 'preparing', limit: 500, ...(cursor ? { cursor } : {}) });
    rows.push(...page.rows);
    if (rows.length >= max) {
      truncated = rows.length > max || page.nextCursor !== null;
      break;
    }
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  const bytes = await writeInvoiceWorkbook(rows.slice(0, max).map(preparingRow), [
    { header: '수취인 Recipient', width: 14 },
    { header: '상품 Product', width: 36 },
    { header: '주문일 Order date', width: 14 },
    { header: '상태 Status', width: 20 },
  ]);
  return {
    ...download(`shipdesk-preparing-${stamp(ctx.clock())}.xlsx`, bytes),
    rows: Math.min(rows.length, max),
    truncated,
  };
}
