// Files Shipdesk writes for other systems (docs/ORDERS.md): each channel's bulk-invoice upload, the
// grid as filtered on screen, a shipment's history, and a day's numbers per carrier for the driver.
import { z } from 'zod';
import type { CarrierId } from '../carriers';
import { carrierId, method, shipmentNo, ymd } from './common';
import type { FileDownload } from './imports';
import { ShipmentListInput } from './shipments';
import { EXPORT_FORMATS, INVOICE_LAYOUTS } from '../orders';

export { EXPORT_FORMATS, INVOICE_LAYOUTS, MAX_EXPORT_ROWS, type ExportFormat, type InvoiceLayout } from '../orders';

export const InvoiceExportInput = z
  .strictObject({
    channel: z.enum(INVOICE_LAYOUTS, { error: `use one of: ${INVOICE_LAYOUTS.join(', ')}` }),
    /** The day the numbers were registered, in the home time zone. */
    date: ymd.optional(),
    /** Or these shipments. */
    shipmentNos: z.array(shipmentNo).min(1).max(10_000).optional(),
  })
  .refine((v) => Boolean(v.date) !== Boolean(v.shipmentNos), 'give either a date or a list of shipments');

export const GridExportInput = z.strictObject({
  query: ShipmentListInput.omit({ limit: true, cursor: true }).default({
    claim: 'all',
    sort: { key: 'orderDate', dir: 'desc' },
  }),
  format: z.enum(EXPORT_FORMATS).default('xlsx'),
});

/** Why a line was left out of a channel's upload file: the channel would refuse its row. */
export const LEFT_OUT_CODES = ['NO_CHANNEL_LINE_ID', 'NO_BUNDLE_NO'] as const;
export type LeftOutCode = (typeof LEFT_OUT_CODES)[number];

export interface InvoiceExportResult extends FileDownload {
  /** Rows written: one per channel line (per shipment when a line's quantity was split). */
  rows: number;
  /** Shipments in scope without a registered number, left out. */
  withoutNumber: number;
  /** Lines with a number left out because the channel would refuse their row, counted per reason. */
  leftOut: { code: LeftOutCode; count: number }[];
  /** Things to check before uploading (e.g. a carrier name the channel's list may spell differently). */
  warnings: string[];
}

export const exportMethods = {
  'exports.invoices': method<InvoiceExportResult>('read')(InvoiceExportInput),
  'exports.grid': method<FileDownload & { rows: number; truncated: boolean }>('read')(GridExportInput),
  'exports.history': method<FileDownload & { rows: number }>('read')(
    z.strictObject({ shipmentNo, format: z.enum(EXPORT_FORMATS).default('xlsx') }),
  ),
  'exports.driverList': method<FileDownload & { rows: number; carriers: { carrierId: CarrierId; count: number }[] }>(
    'read',
  )(z.strictObject({ date: ymd, carrierId: carrierId.optional(), format: z.enum(EXPORT_FORMATS).default('xlsx') })),
} as const;
