// The channel lines whose shipments carry a registered number: for a day (the numbers registered
// that day, home time zone) or for chosen shipments. One row per line and shipment, so a split
// order gives each of its lines its own number.
import { rowReader, type RowOf } from '../db/rows';
import { RECIPIENT_COLUMNS } from '../db/recipientColumns';
import { z } from 'zod';
import type { ChannelId } from '../../../shared/channels';
import { ShipdeskError } from '../../../shared/errors';
import { normalizeShipmentNo } from '../../../shared/shipmentNo';
import { dayStartMs, nextDay } from '../domain/time';
import type { ServiceContext } from '../services/context';
import { readSettings } from '../services/settings';
import { LINE_ID_SQL } from '../services/links';
import type { SourceRow } from '../orders/readLines';

export interface InvoiceLine {
  channel: ChannelId | string;
  orderNo: string;
  lineId: string;
  /** The line id came from the channel's sheet (NULL line_id: a line entered before imports, docs/ORDERS.md). */
  lineIdFromChannel: boolean;
  keys: Record<string, string>;
  /** The line's row as downloaded ([header, cell] in order), when its channel's upload echoes it. */
  source: SourceRow | null;
  /** The same cells by header; for lines kept before whole rows were, the non-blank cells they kept. */
  sourceCells: Record<string, string>;
  productId: string;
  productName: string;
  optionName: string;
  quantity: number;
  shipmentNo: string;
  orderedAt: number;
  buyerName: string;
  recipientName: string;
  recipientPhone: string;
  country: string;
  postalCode: string;
  addressLine1: string;
  addressLine2: string;
  memo: string;
  carrierId: string;
  invoiceNo: string;
  registeredAt: number;
}

const invoiceLine = rowReader(
  'invoice line',
  z.object({
    channel: z.string(),
    order_no: z.string(),
    line_id: z.string(),
    line_id_from_channel: z.number(),
    line_keys: z.string(),
    source_json: z.string().nullable(),
    product_id: z.string(),
    product_name: z.string(),
    option_name: z.string(),
    quantity: z.number(),
    shipment_no: z.string(),
    ordered_at: z.number(),
    buyer_name: z.string(),
    ...RECIPIENT_COLUMNS,
    memo: z.string(),
    carrier_id: z.string(),
    invoice_no: z.string(),
    registered_at: z.number(),
  }),
);
type LineRecord = RowOf<typeof invoiceLine>;

const SELECT = `
  SELECT o.channel, o.order_no, ${LINE_ID_SQL} AS line_id, (oi.line_id IS NOT NULL) AS line_id_from_channel, oi.line_keys, oi.source_json, oi.product_id,
         oi.product_name, oi.option_name, oi.quantity, s.shipment_no, o.ordered_at, o.buyer_name, s.recipient_name,
         s.recipient_phone, s.country, s.postal_code, s.address_line1, s.address_line2, s.memo,
         i.carrier_id, i.invoice_no, i.registered_at
  FROM invoices i
  JOIN shipments s ON s.id = i.shipment_id AND s.invoice_id = i.id
  JOIN orders o ON o.id = s.order_id
  JOIN order_items oi ON oi.shipment_id = s.id`;

const stringMap = z.record(z.string(), z.union([z.string(), z.number()]).transform(String)).catch({});

function parseMap(json: string | null): Record<string, string> {
  if (!json) return {};
  try {
    return stringMap.parse(JSON.parse(json));
  } catch {
    return {};
  }
}

const sourceRow = z.array(z.tuple([z.string(), z.string()]));

/**
 * The download's row: [header, cell] pairs. Lines imported before whole rows were kept hold a
 * header -> cell map without the blank cells: not a row to echo, but cells to fill columns from.
 */
function parseSource(json: string | null): { row: SourceRow | null; cells: Record<string, string> } {
  if (!json) return { row: null, cells: {} };
  try {
    const value: unknown = JSON.parse(json);
    const row = sourceRow.safeParse(value);
    if (row.success) return { row: row.data, cells: Object.fromEntries(row.data.filter(([h]) => h)) };
    return { row: null, cells: stringMap.parse(value) };
  } catch {
    return { row: null, cells: {} };
  }
}

function toLine(r: LineRecord): InvoiceLine {
  const source = parseSource(r.source_json);
  return {
    channel: r.channel,
    orderNo: r.order_no,
    lineId: r.line_id,
    lineIdFromChannel: r.line_id_from_channel === 1,
    keys: parseMap(r.line_keys),
    source: source.row,
    sourceCells: source.cells,
    productId: r.product_id,
    productName: r.product_name,
    optionName: r.option_name,
    quantity: r.quantity,
    shipmentNo: r.shipment_no,
    orderedAt: r.ordered_at,
    buyerName: r.buyer_name,
    recipientName: r.recipient_name,
    recipientPhone: r.recipient_phone,
    country: r.country,
    postalCode: r.postal_code,
    addressLine1: r.address_line1,
    addressLine2: r.address_line2,
    memo: r.memo,
    carrierId: r.carrier_id,
    invoiceNo: r.invoice_no,
    registeredAt: r.registered_at,
  };
}

/** channel null: every channel (our generic layout). */
export function linesOfDay(ctx: ServiceContext, channel: ChannelId | null, day: string): InvoiceLine[] {
  const zone = readSettings(ctx).homeTimeZone;
  const from = dayStartMs(day, zone);
  const to = dayStartMs(nextDay(day), zone);
  const rows = invoiceLine.all(
    ctx
      .prepare(
        `${SELECT} WHERE i.active = 1 AND i.registered_at >= ? AND i.registered_at < ?
       AND (? IS NULL OR o.channel = ?) ORDER BY i.registered_at, s.id, oi.id`,
      )
      .all(from, to, channel, channel),
  );
  return rows.map(toLine);
}

const askedShipment = rowReader(
  'asked-for shipment',
  z.object({ shipment_no: z.string(), invoice_id: z.number().nullable() }),
);

export function linesOfShipments(
  ctx: ServiceContext,
  channel: ChannelId | null,
  shipmentNos: readonly string[],
): { lines: InvoiceLine[]; withoutNumber: string[] } {
  const nos = [...new Set(shipmentNos.map(normalizeShipmentNo))];
  const known = askedShipment.all(
    ctx
      .prepare('SELECT shipment_no, invoice_id FROM shipments WHERE shipment_no IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(nos)),
  );
  const missing = nos.filter((no) => !known.some((k) => k.shipment_no === no));
  if (missing.length) {
    throw new ShipdeskError('NOT_FOUND', `There is no shipment ${missing.slice(0, 5).join(', ')}. Check the numbers.`, {
      shipmentNos: missing.slice(0, 50),
    });
  }
  const rows = invoiceLine.all(
    ctx
      .prepare(
        `${SELECT} WHERE i.active = 1 AND s.shipment_no IN (SELECT value FROM json_each(?))
       AND (? IS NULL OR o.channel = ?) ORDER BY s.id, oi.id`,
      )
      .all(JSON.stringify(nos), channel, channel),
  );
  return {
    lines: rows.map(toLine),
    withoutNumber: known.filter((k) => k.invoice_id === null).map((k) => k.shipment_no),
  };
}
