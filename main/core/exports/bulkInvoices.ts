// A channel's bulk-invoice upload file for a day or for chosen shipments: one row per channel line,
// in the channel's layout, with the warnings an operator should read before uploading it.
import type { InvoiceExportResult, LeftOutCode, MethodParsed } from '../../../shared/api/contract';
import { findChannel } from '../../../shared/channels';
import { dayOf } from '../domain/time';
import type { ServiceContext } from '../services/context';
import { readSettings } from '../services/settings';
import { linesOfDay, linesOfShipments, type InvoiceLine } from './invoiceLines';
import { LAYOUTS, routeFor, type Layout } from './layouts';
import {
  CSV_CONTENT_TYPE,
  TEXT_CONTENT_TYPE,
  XLSX_CONTENT_TYPE,
  writeCsv,
  writeTabText,
  writeXlsx,
  type Table,
} from './tableFiles';

function warningsOf(layout: Layout, lines: readonly InvoiceLine[], withoutNumber: readonly string[]): string[] {
  const warnings: string[] = [];
  const channelName = layout.channel ? (findChannel(layout.channel)?.nameEn ?? layout.channel) : 'the channel';
  const unconfirmed = new Set<string>();
  for (const l of lines) {
    const route = routeFor(layout, l);
    if (route.kind === 'unconfirmed') unconfirmed.add(route.name);
  }
  for (const name of unconfirmed) {
    warnings.push(
      `${channelName}'s spelling of the carrier "${name}" is not confirmed: if the upload refuses it, change it to the name in the seller center's carrier list.`,
    );
  }
  if (layout.oneNumberPerLine) {
    const shipmentsOfLine = new Map<string, Set<string>>();
    for (const l of lines) {
      const key = `${l.orderNo}\u0001${l.lineId}`;
      shipmentsOfLine.set(key, (shipmentsOfLine.get(key) ?? new Set()).add(l.shipmentNo));
    }
    for (const [key, shipments] of shipmentsOfLine) {
      if (shipments.size < 2) continue;
      const [orderNo, lineId] = key.split('\u0001');
      warnings.push(
        `Line ${lineId} of order ${orderNo} is split across ${[...shipments].join(', ')}; ${channelName} takes one number per line, so it may keep only one of the rows.`,
      );
    }
  }
  if (withoutNumber.length) {
    warnings.push(
      `${withoutNumber.length} chosen shipment${withoutNumber.length > 1 ? 's have' : ' has'} no number yet and ${withoutNumber.length > 1 ? 'are' : 'is'} left out: ${withoutNumber.slice(0, 10).join(', ')}${withoutNumber.length > 10 ? ', …' : ''}.`,
    );
  }
  return warnings;
}

/** The lines the channel takes, and how many it would refuse per reason (Layout.requiredId). */
function acceptedLines(
  layout: Layout,
  lines: readonly InvoiceLine[],
): { kept: InvoiceLine[]; leftOut: { code: LeftOutCode; count: number }[] } {
  const rule = layout.requiredId;
  if (!rule) return { kept: [...lines], leftOut: [] };
  const kept = lines.filter((l) => rule.has(l));
  const refused = lines.length - kept.length;
  return { kept, leftOut: refused ? [{ code: rule.code, count: refused }] : [] };
}

async function fileOf(layout: Layout, tables: readonly Table[]): Promise<{ bytes: Buffer; contentType: string }> {
  // Only an echoing layout (xlsx) can give several tables; text layouts have exactly one.
  const [table] = tables;
  if (layout.file === 'csv' && table) return { bytes: writeCsv(table), contentType: CSV_CONTENT_TYPE };
  if (layout.file === 'txt' && table) return { bytes: writeTabText(table), contentType: TEXT_CONTENT_TYPE };
  return { bytes: await writeXlsx(tables), contentType: XLSX_CONTENT_TYPE };
}

/**
 * The file's tables: one in the layout's columns; for an echoing layout, one per download layout
 * the lines came from (docs/ORDERS.md, "Tracking numbers out"), so every row keeps its own headers.
 */
function tablesOf(layout: Layout, lines: readonly InvoiceLine[], timeZone: string): Table[] {
  const context = (line: InvoiceLine, i: number) => ({ line, route: routeFor(layout, line), index: i + 1, timeZone });
  const standard = (chosen: readonly InvoiceLine[]): Table => ({
    sheetName: layout.sheetName,
    headers: layout.columns.map((c) => c.header),
    rows: chosen.map((line, i) => layout.columns.map((c) => c.value(context(line, i)))),
    widths: layout.columns.map((c) => c.width ?? 14),
    ...(layout.preamble ? { preamble: layout.preamble } : {}),
  });
  const echo = layout.echo;
  if (!echo) return [standard(lines)];
  // Lines by the headers of their download row; lines without a row kept: the layout's own columns.
  const groups = new Map<string, { headers: string[] | null; lines: InvoiceLine[] }>();
  for (const line of lines) {
    const headers = line.source ? line.source.map(([h]) => h) : null;
    const key = headers ? JSON.stringify(headers) : '';
    const group = groups.get(key) ?? { headers, lines: [] };
    group.lines.push(line);
    groups.set(key, group);
  }
  const tables: Table[] = [];
  for (const { headers, lines: chosen } of groups.values()) {
    const sheetName = tables.length ? `${layout.sheetName} (${tables.length + 1})` : layout.sheetName;
    if (!headers) {
      tables.push({ ...standard(chosen), sheetName });
      continue;
    }
    tables.push({
      sheetName,
      headers,
      rows: chosen.map((line, i) =>
        (line.source ?? []).map(([h, cell]) =>
          Object.hasOwn(echo.filled, h) ? (echo.filled[h]?.(context(line, i)) ?? cell) : cell,
        ),
      ),
    });
  }
  return tables.length ? tables : [standard([])];
}

function layoutWarnings(tables: readonly Table[]): string[] {
  if (tables.length < 2) return [];
  return [
    `These lines came from ${tables.length} different download layouts, so the file has one sheet per layout (${tables.map((t) => t.sheetName).join(', ')}): upload each sheet as its own file.`,
  ];
}

export async function exportInvoices(
  ctx: ServiceContext,
  input: MethodParsed<'exports.invoices'>,
): Promise<InvoiceExportResult> {
  const layout = LAYOUTS[input.channel];
  const timeZone = readSettings(ctx).homeTimeZone;
  const picked = input.shipmentNos
    ? linesOfShipments(ctx, layout.channel, input.shipmentNos)
    : { lines: linesOfDay(ctx, layout.channel, input.date ?? dayOf(ctx.clock(), timeZone)), withoutNumber: [] };
  const { kept, leftOut } = acceptedLines(layout, picked.lines);
  const tables = tablesOf(layout, kept, timeZone);
  const rows = tables.reduce((n, t) => n + t.rows.length, 0);
  const { bytes, contentType } = await fileOf(layout, tables);
  const day = input.date ?? dayOf(ctx.clock(), timeZone);
  return {
    fileName: layout.fileName(day),
    contentType,
    bytesBase64: bytes.toString('base64'),
    rows,
    withoutNumber: picked.withoutNumber.length,
    leftOut,
    warnings: [...warningsOf(layout, kept, picked.withoutNumber), ...layoutWarnings(tables)],
  };
}
