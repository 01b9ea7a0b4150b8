// The grid as filtered on screen, every matching row (up to MAX_EXPORT_ROWS), to .xlsx or .csv.
// Rows are read page by page and written through exceljs's streaming writer (or line by line for
// CSV), so memory holds one page, never a workbook of 100,000 row objects. A caller with a
// destination (the CLI's --out) gets the file streamed there; otherwise the answer carries its bytes.
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { MAX_EXPORT_ROWS, type FileDownload, type MethodParsed, type ShipmentRow } from '../../../shared/api/contract';
import { findCarrier } from '../../../shared/carriers';
import type { ServiceContext } from '../services/context';
import { readSettings } from '../services/settings';
import { shipmentIdsInOrder, shipmentRowsByIds } from '../services/shipmentList';
import { escapeCell } from '../sheets/escape';
import { dayOf, zoneOffsetMinutes } from '../domain/time';
import { CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, csvLine } from './tableFiles';

export interface GridColumn {
  header: string;
  width: number;
  value: (r: ShipmentRow, timeZone: string) => string;
}

/** "2026-11-26 10:05" in the home time zone, as the grid shows it. */
export function localTime(isoText: string, timeZone: string): string {
  const ms = Date.parse(isoText);
  const shifted = new Date(ms + zoneOffsetMinutes(timeZone, ms) * 60_000).toISOString();
  return `${dayOf(ms, timeZone)} ${shifted.slice(11, 16)}`;
}

export const GRID_COLUMNS: readonly GridColumn[] = [
  { header: '배송번호 Shipment No.', width: 16, value: (r) => r.shipmentNo },
  { header: '주문번호 Order No.', width: 22, value: (r) => r.orderNo },
  { header: '주문일시 Order date', width: 18, value: (r, z) => localTime(r.orderedAt, z) },
  { header: '구분 Claim', width: 10, value: (r) => r.claim },
  { header: '상태 Status', width: 18, value: (r) => r.status },
  { header: '지역 Region', width: 13, value: (r) => r.region },
  { header: '국가 Country', width: 8, value: (r) => r.country },
  { header: '수취인 Recipient', width: 14, value: (r) => r.recipientName },
  { header: '상품 Product', width: 32, value: (r) => r.productSummary },
  { header: '품목 수 Items', width: 8, value: (r) => String(r.itemCount) },
  { header: '출고지 Warehouse', width: 12, value: (r) => r.warehouse },
  { header: '배송정책 Policy', width: 10, value: (r) => r.policy },
  { header: '배송옵션 Option', width: 10, value: (r) => r.option },
  {
    header: '택배사 Carrier',
    width: 16,
    value: (r) => (r.carrierId ? (findCarrier(r.carrierId)?.nameKo ?? r.carrierId) : ''),
  },
  { header: '송장번호 Invoice No.', width: 20, value: (r) => r.invoiceNo ?? '' },
  { header: '최근 추적 Last event', width: 18, value: (r, z) => (r.lastEventAt ? localTime(r.lastEventAt, z) : '') },
];

type Query = MethodParsed<'exports.grid'>['query'];

/**
 * Every row of the query in the grid's order, up to `max`: the matching ids in one sorted pass, then
 * the rows a chunk at a time, letting other work run between chunks. Returns whether rows were left out.
 */
export async function* gridRows(
  ctx: ServiceContext,
  query: Query,
  max: number,
): AsyncGenerator<ShipmentRow[], boolean> {
  const ids = shipmentIdsInOrder(ctx, query, max);
  const truncated = ids.length > max;
  const wanted = ids.slice(0, max);
  for (let at = 0; at < wanted.length; at += CHUNK) {
    yield shipmentRowsByIds(ctx, wanted.slice(at, at + CHUNK));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return truncated;
}

const CHUNK = 1_000;

/** The stream's bytes as base64, encoded as they arrive, so the file is never held twice. */
function collectBase64(stream: PassThrough): Promise<string> {
  const parts: string[] = [];
  let carry = Buffer.alloc(0);
  stream.on('data', (chunk: Buffer) => {
    const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    const whole = bytes.length - (bytes.length % 3);
    parts.push(bytes.subarray(0, whole).toString('base64'));
    carry = Buffer.from(bytes.subarray(whole));
  });
  return new Promise((resolve, reject) => {
    stream.on('end', () => resolve(parts.join('') + carry.toString('base64')));
    stream.on('error', reject);
  });
}

/**
 * How many bytes of sheet XML wait in front of the zip's compressor. exceljs 4.4's streaming writer
 * hands each sheet to its zip through a PassThrough whose writes ignore backpressure, so rows made
 * faster than deflate compresses them pile up there (80 MB for 100,000 rows); reading its buffered
 * length lets the export wait instead. 0 when the shape is not the one known (then it cannot pace).
 */
function zipBacklog(ws: unknown): number {
  const stream: unknown = ws && typeof ws === 'object' ? Reflect.get(ws, 'stream') : undefined;
  const pipes: unknown = stream && typeof stream === 'object' ? Reflect.get(stream, 'pipes') : undefined;
  const pipe: unknown = Array.isArray(pipes) ? pipes[0] : undefined;
  const length = (state: unknown) => {
    const n: unknown = state && typeof state === 'object' ? Reflect.get(state, 'length') : 0;
    return typeof n === 'number' ? n : 0;
  };
  if (!pipe || typeof pipe !== 'object') return 0;
  return length(Reflect.get(pipe, '_writableState')) + length(Reflect.get(pipe, '_readableState'));
}

const BACKLOG_BYTES = 1024 * 1024;

/** Writes the rows to `sink` as .xlsx; resolves with the row count and whether rows were left out. */
export async function writeGridXlsx(
  rows: AsyncGenerator<ShipmentRow[], boolean>,
  sink: Writable,
  timeZone: string,
): Promise<{ rows: number; truncated: boolean }> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('Shipments', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = GRID_COLUMNS.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width, style: { numFmt: '@' } }));
  let count = 0;
  let next = await rows.next();
  while (!next.done) {
    for (const r of next.value) {
      ws.addRow(GRID_COLUMNS.map((c) => escapeCell(c.value(r, timeZone)))).commit();
      count++;
    }
    while (zipBacklog(ws) > BACKLOG_BYTES) await new Promise((resolve) => setTimeout(resolve, 1));
    next = await rows.next();
  }
  ws.commit();
  await wb.commit();
  return { rows: count, truncated: next.value };
}

export async function writeGridCsv(
  rows: AsyncGenerator<ShipmentRow[], boolean>,
  sink: Writable,
  timeZone: string,
): Promise<{ rows: number; truncated: boolean }> {
  sink.write('\uFEFF' + csvLine(GRID_COLUMNS.map((c) => c.header)));
  let count = 0;
  let next = await rows.next();
  while (!next.done) {
    const text = next.value.map((r) => csvLine(GRID_COLUMNS.map((c) => c.value(r, timeZone)))).join('');
    // A slow disk must not make the rows pile up in memory.
    if (!sink.write(text)) await once(sink, 'drain');
    count += next.value.length;
    next = await rows.next();
  }
  sink.end();
  return { rows: count, truncated: next.value };
}

type GridExport = FileDownload & { rows: number; truncated: boolean };

/**
 * The grid export. With a `sink` (the CLI's --out file) the file is streamed there and `bytesBase64`
 * stays empty, so the process never holds it; without one the answer carries the bytes.
 */
export async function exportGrid(
  ctx: ServiceContext,
  input: MethodParsed<'exports.grid'>,
  sink?: Writable,
  max = MAX_EXPORT_ROWS,
): Promise<GridExport> {
  const stamp = new Date(ctx.clock()).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  const file = {
    fileName: `shipdesk-shipments-${stamp}.${input.format}`,
    contentType: input.format === 'csv' ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE,
  };
  if (sink) return { ...file, bytesBase64: '', ...(await writeGrid(ctx, input, sink, max)) };
  const stream = new PassThrough();
  const collected = collectBase64(stream);
  const written = await writeGrid(ctx, input, stream, max);
  return { ...file, bytesBase64: await collected, ...written };
}

/** Resolves once the sink has every byte (a file: flushed to it). */
async function writeGrid(
  ctx: ServiceContext,
  input: MethodParsed<'exports.grid'>,
  sink: Writable,
  max: number,
): Promise<{ rows: number; truncated: boolean }> {
  const timeZone = readSettings(ctx).homeTimeZone;
  const write = input.format === 'csv' ? writeGridCsv : writeGridXlsx;
  const [written] = await Promise.all([write(gridRows(ctx, input.query, max), sink, timeZone), finished(sink)]);
  return written;
}
