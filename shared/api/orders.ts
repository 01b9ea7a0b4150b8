// Orders from the sales channels' order sheets (docs/ORDERS.md): preview, commit, profiles and the
// column mapping for unknown layouts; splitting and merging the shipments made from them.
import { z } from 'zod';
import { CHANNEL_IDS, type ChannelId } from '../channels';
import { method, shipmentNo, text } from './common';
import type { FileDownload } from './imports';
import { MAX_UPLOAD_BASE64 } from './imports';
import type { ShipmentDetail } from './shipments';
import { ORDER_FIELDS, type OrderField } from '../orders';
import { isTimeZone } from '../days';

export { MAX_ORDER_LINES, ORDER_FIELDS, REQUIRED_ORDER_FIELDS, type OrderField } from '../orders';

const bytesBase64 = z
  .string()
  .max(MAX_UPLOAD_BASE64, 'the file is larger than 10 MB; split it into files of 10,000 order lines or fewer')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the file must be sent as base64');

const profileName = text(80).min(1, 'a profile name is required');

/** A header as the file writes it -> our field. Headers left out are not read. */
export const ColumnMapping = z
  .record(text(200), z.enum(ORDER_FIELDS, { error: `use one of: ${ORDER_FIELDS.join(', ')}` }))
  .refine((m) => Object.keys(m).length <= 300, 'at most 300 mapped headers');
export type ColumnMapping = z.infer<typeof ColumnMapping>;

const facetCode = text(40).min(1);
export const OrderDefaults = z.strictObject({
  warehouse: facetCode.optional(),
  policy: facetCode.optional(),
  option: facetCode.optional(),
});
export type OrderDefaults = z.infer<typeof OrderDefaults>;

export const OrdersPreviewInput = z.strictObject({
  fileName: text(255).default('orders'),
  bytesBase64,
  /** The password the seller chose when downloading (Naver encrypts its order sheets). */
  password: text(255).optional(),
  /** A built-in profile id (naver, coupang, shopify, amazon, ebay, shipdesk) or a saved profile's name. */
  profile: text(80).optional(),
  /** For a layout no profile knows: header -> field. */
  mapping: ColumnMapping.optional(),
  /** The channel of a mapped layout without a channel column (default other). */
  channel: z.enum(CHANNEL_IDS).optional(),
  /** Save the mapping under this name when the preview is committed. */
  saveAs: profileName.optional(),
  /** Warehouse, delivery policy and shipping option codes for lines whose layout has none. */
  defaults: OrderDefaults.optional(),
  /**
   * The time zone of the sheet's dates, for profiles whose dates are the seller's local time (eBay);
   * by default the computer's. An IANA name such as America/Los_Angeles.
   */
  dateZone: text(64).refine(isTimeZone, 'use a time zone name such as America/Los_Angeles or Asia/Seoul').optional(),
  uploadRef: text(64).optional(),
});

/** Why a line cannot be imported (error) or is imported or skipped with a note (warning). */
export const ORDER_ROW_CODES = [
  'MISSING_VALUE',
  'FORMULA_CELL',
  'ERROR_CELL',
  'NOT_TEXT',
  'MERGED_CELL',
  'NUMBER_CORRUPTED',
  'CONTROL_CHARACTER',
  'INVALID_QUANTITY',
  'INVALID_DATE',
  'UNKNOWN_COUNTRY',
  'UNKNOWN_CHANNEL',
  'UNKNOWN_FACET',
  'UNKNOWN_CLAIM',
  'ORIGINAL_NOT_FOUND',
  'FIELD_CONFLICT',
  'DUPLICATE_IN_FILE',
  'ALREADY_SHIPPED',
  'ORDER_HAS_ERRORS',
  // warnings
  'ALREADY_PRESENT',
  'ADDED_TO_SHIPMENT',
  'POSTAL_CODE_PADDED',
] as const;
export type OrderRowCode = (typeof ORDER_ROW_CODES)[number];

export interface OrderLineVerdict {
  /** The row number as Excel shows it. */
  row: number;
  channel: ChannelId;
  orderNo: string;
  lineId: string;
  /** What commit does: create the line (a new shipment or an unshipped one of its order), skip it, or refuse it. */
  outcome: 'create' | 'skip' | 'reject';
  verdict: 'ok' | 'warning' | 'error';
  code?: OrderRowCode;
  message?: string;
  /** The shipment the line is (or will be) on, when it already exists. */
  shipmentNo?: string;
  /** What the sheet says, as read through the mapping, so a wrong mapping shows in the preview ('' when blank). */
  recipient: string;
  address: string;
  product: string;
}

export interface OrderImportTotals {
  lines: number;
  ok: number;
  warning: number;
  error: number;
  toCreate: number;
  toSkip: number;
  /** New orders and new shipments the commit makes. */
  orders: number;
  shipments: number;
}

export interface OrderProfileView {
  /** Built-in: naver, coupang, shopify, amazon, ebay, shipdesk; saved: the name the operator gave. */
  name: string;
  kind: 'builtin' | 'saved';
  channel: ChannelId;
  label: { ko: string; en: string };
  /** Saved profiles: the headers they were made for, and their mapping. */
  headers?: string[];
  mapping?: ColumnMapping;
  defaults?: OrderDefaults;
}

export interface OrdersPreview {
  importId: string;
  fileName: string;
  fileHash: string;
  format: 'xlsx' | 'csv';
  sheetName: string | null;
  encoding: string | null;
  /** The file was password-protected and opened with the password given. */
  decrypted: boolean;
  headerRow: number;
  profile: { name: string; kind: 'builtin' | 'saved' | 'mapping'; channel: ChannelId };
  /** Which header feeds which field. */
  columns: { field: OrderField; headers: string[] }[];
  defaults: { warehouse: string; policy: string; option: string };
  /** What the preview wants the operator to know about the whole file (e.g. no order date: the import time is used). */
  notes: string[];
  /** The zone the dates were read in, for a profile whose dates are the seller's local time (eBay); else null. */
  dateZone: string | null;
  totals: OrderImportTotals;
  rows: OrderLineVerdict[];
  previousBatches: { batchId: number; committedAt: string; operator: string; created: number }[];
}

export interface OrdersCommitResult {
  batchId: number;
  importId: string;
  fileName: string;
  profile: string;
  /** Lines, orders and shipments created. */
  created: { lines: number; orders: number; shipments: number };
  /** Lines already in Shipdesk (from this file or another), left as they are. */
  alreadyPresent: number;
  failed: number;
  changedSincePreview: number;
  totals: OrderImportTotals;
  rows: OrderLineVerdict[];
  /** The new shipments, in file order. */
  shipmentNos: string[];
  /** Set when the mapping was saved as a profile. */
  savedProfile: string | null;
}

/** PROFILE_UNKNOWN's details: what the mapping step shows. */
export const MappingNeeded = z.object({
  headerRow: z.number().int(),
  sheetName: z.string().nullable(),
  headers: z.array(
    z.object({
      column: z.number().int(),
      header: z.string(),
      suggestion: z.enum(ORDER_FIELDS).nullable(),
      samples: z.array(z.string()),
    }),
  ),
});
export type MappingNeeded = z.infer<typeof MappingNeeded>;

const lineId = text(120).min(1, 'a line id is required');

export const orderMethods = {
  'orders.preview': method<OrdersPreview>('read')(OrdersPreviewInput),
  'orders.commit': method<OrdersCommitResult>('queuesItself')(
    z.strictObject({ importId: text(64).min(1, 'an import id is required') }),
  ),
  'orders.profiles': method<OrderProfileView[]>('read')(z.strictObject({})),
  'orders.deleteProfile': method<{ deleted: boolean }>('queued')(z.strictObject({ name: profileName })),
  'orders.template': method<FileDownload>('read')(z.strictObject({})),
  /** Moves lines (or part of a line's quantity) to a new shipment; answers the new shipment. */
  'shipments.split': method<ShipmentDetail>('write')(
    z.strictObject({
      shipmentNo,
      lines: z
        .array(z.strictObject({ lineId, quantity: z.number().int().min(1, 'a quantity of at least 1') }))
        .min(1, 'choose at least one line')
        .max(500),
    }),
  ),
  /** Merges shipments of one order back into the first (lowest) number while none has an invoice. */
  'shipments.merge': method<ShipmentDetail>('write')(
    z.strictObject({ shipmentNos: z.array(shipmentNo).min(2, 'choose at least two shipments').max(50) }),
  ),
} as const;
