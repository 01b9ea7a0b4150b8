// A channel's bulk-invoice upload file for a day or for chosen shipments: one row per channel line,
// in the channel's layout, with the warnings an operator should read before uploading it.
import type { InvoiceExportResult, MethodParsed } from '../../../shared/contract';
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

async function fileOf(layout: Layout, table: Table): Promise<{ bytes: Buffer; contentType: string }> {
  if (layout.file === 'csv') return { bytes: writeCsv(table), contentType: CSV_CONTENT_TYPE };
  if (layout.file === 'txt') return { bytes: writeTabText(table), contentType: TEXT_CONTENT_TYPE };
  return { bytes: await writeXlsx([table]), contentType: XLSX_CONTENT_TYPE };
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
  const rows = picked.lines.map((line, i) =>
    layout.columns.map((c) => c.value({ line, route: routeFor(layout, line), index: i + 1, timeZone })),
  );
  const table: Table = {
    sheetName: layout.sheetName,
    headers: layout.columns.map((c) => c.header),
    rows,
    widths: layout.columns.map((c) => c.width ?? 14),
    ...(layout.preamble ? { preamble: layout.preamble } : {}),
  };
  const { bytes, contentType } = await fileOf(layout, table);
  const day = input.date ?? dayOf(ctx.clock(), timeZone);
  return {
    fileName: layout.fileName(day),
    contentType,
    bytesBase64: bytes.toString('base64'),
    rows: rows.length,
    withoutNumber: picked.withoutNumber.length,
    warnings: warningsOf(layout, picked.lines, picked.withoutNumber),
  };
}
