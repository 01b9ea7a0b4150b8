// The one registry of methods: name -> zod input schema -> result type.
// Handlers and clients are typed from it, so a method without a handler does not compile.
import { z } from 'zod';
import { CARRIER_IDS, type CarrierId } from './carriers';
import {
  CLAIM_TYPES,
  REGIONS,
  SEARCH_FIELDS,
  SORT_KEYS,
  TABS,
  VIAS,
  type ClaimType,
  type HistoryAction,
  type Region,
  type ShipmentStatus,
  type Tab,
  type TrackingCode,
  type Via,
} from './domain';

const ymd = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a calendar date');

/** Free text an operator typed or scanned; bounded so a stuck scanner cannot flood a query. */
const text = (max: number) => z.string().max(max, `at most ${max} characters`);

const shipmentNo = text(40).min(1, 'a shipment number is required');
const carrierId = z.enum(CARRIER_IDS, { error: 'unknown carrier id' });
const invoiceNo = text(64).min(1, 'an invoice number is required');
const reason = text(500).optional();

export const AddressSchema = z.strictObject({
  country: z.string().regex(/^[A-Z]{2}$/, 'a two-letter ISO country code, e.g. KR'),
  postalCode: text(20),
  line1: text(200).min(1, 'the first address line is required'),
  line2: text(200).default(''),
});
export type Address = z.infer<typeof AddressSchema>;

const codeList = z.array(text(40)).max(100).optional();

export const ShipmentListInput = z.strictObject({
  tab: z.enum(TABS).optional(),
  region: z.enum(REGIONS).optional(),
  search: z
    .strictObject({
      field: z.enum(SEARCH_FIELDS),
      text: text(200),
      mode: z.enum(['exact', 'prefix']).default('exact'),
    })
    .optional(),
  orderDate: z.strictObject({ from: ymd.optional(), to: ymd.optional() }).optional(),
  claim: z.enum(['all', ...CLAIM_TYPES]).default('all'),
  warehouses: codeList,
  policies: codeList,
  options: codeList,
  sort: z
    .strictObject({ key: z.enum(SORT_KEYS), dir: z.enum(['asc', 'desc']).default('desc') })
    .default({ key: 'orderDate', dir: 'desc' }),
  limit: z.number().int().min(1).max(500).default(50),
  cursor: text(200).optional(),
});
export type ShipmentListQuery = z.infer<typeof ShipmentListInput>;

export interface TabCounts {
  preparing: number;
  inDelivery: number;
  failed: number;
  delivered: number;
}

export interface ShipmentRow {
  shipmentNo: string;
  orderNo: string;
  orderedAt: string;
  claim: ClaimType;
  status: ShipmentStatus;
  tab: Tab;
  region: Region;
  country: string;
  recipientName: string;
  productSummary: string;
  itemCount: number;
  warehouse: string;
  policy: string;
  option: string;
  hasMemo: boolean;
  carrierId: CarrierId | null;
  invoiceNo: string | null;
  lastEventAt: string | null;
}

export interface ShipmentListResult {
  rows: ShipmentRow[];
  /** Rows matching every filter including the tab. */
  total: number;
  /** Rows per tab for every filter but the tab. */
  counts: TabCounts;
  /** A broad search was counted only up to 10,000 rows: the counts are lower bounds ("10,000+"). */
  countsCapped: boolean;
  nextCursor: string | null;
}

export interface ShipmentItem {
  productId: string;
  productName: string;
  optionName: string;
  quantity: number;
}

export interface InvoiceInfo {
  carrierId: CarrierId;
  invoiceNo: string;
  registeredAt: string;
  registeredBy: string;
  via: Via;
}

export interface TrackingEventView {
  at: string;
  zone: string;
  code: TrackingCode;
  rawCode: string;
  rawText: string;
  location: string;
}

export interface ShipmentDetail {
  shipmentNo: string;
  orderNo: string;
  orderedAt: string;
  claim: ClaimType;
  originalOrderNo: string | null;
  salesChannel: string;
  buyerName: string;
  status: ShipmentStatus;
  tab: Tab;
  region: Region;
  recipient: { name: string; phone: string };
  address: Address;
  addressLocked: boolean;
  warehouse: string;
  warehouseName: string;
  policy: string;
  policyName: string;
  option: string;
  optionName: string;
  memo: string;
  items: ShipmentItem[];
  carrierId: CarrierId | null;
  invoiceNo: string | null;
  invoice: InvoiceInfo | null;
  events: TrackingEventView[];
  /** What the operator may do now, with the reason when not. */
  allowed: {
    register: boolean;
    modify: boolean;
    delete: boolean;
    editAddress: boolean;
    reason: string | null;
  };
}

export interface HistoryEntry {
  id: number;
  shipmentNo: string;
  action: HistoryAction;
  before: { carrierId?: string; invoiceNo?: string; address?: Address } | null;
  after: { carrierId?: string; invoiceNo?: string; address?: Address } | null;
  operator: string;
  via: Via;
  at: string;
  reason: string | null;
}

export interface InvoiceChangeResult {
  shipment: ShipmentDetail;
  /** e.g. combined packing with another shipment for the same recipient. */
  warnings: string[];
}

export interface CarrierView {
  id: CarrierId;
  nameKo: string;
  nameEn: string;
  region: Region;
}

export interface ValidationResult {
  valid: boolean;
  normalized: string;
  errors: string[];
  warnings: string[];
  /** Carriers whose rules this number fits, best first. */
  candidates: CarrierId[];
}

export interface Facet {
  code: string;
  name: string;
}

export interface Facets {
  warehouses: Facet[];
  policies: Facet[];
  options: Facet[];
}

export interface Settings {
  operatorName: string;
  homeCountry: string;
  language: 'ko' | 'en' | 'system';
}

// Excel import and export (DESIGN.md §4). Files travel as base64 so both transports carry them as JSON.

/** A 10 MB file is 13,981,016 base64 characters; the importer itself refuses files over 10 MB in words. */
export const MAX_UPLOAD_BASE64 = 14_000_000;
const bytesBase64 = z
  .string()
  .max(MAX_UPLOAD_BASE64, 'the file is larger than 10 MB; split it into files of 1,000 rows or fewer')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the file must be sent as base64');
const importId = text(64).min(1, 'an import id is required');

/** Why a row cannot be saved (verdict error) or will be skipped or saved with a note (verdict warning). */
export const IMPORT_ROW_CODES = [
  'MISSING_VALUE',
  'FORMULA_CELL',
  'ERROR_CELL',
  'NOT_TEXT',
  'MERGED_CELL',
  'NUMBER_CORRUPTED',
  'NOT_FOUND',
  'ORDER_MISMATCH',
  'UNKNOWN_ACTION',
  'UNKNOWN_CARRIER',
  'CARRIER_NOT_FOR_REGION',
  'INVALID_INVOICE_NUMBER',
  'INVALID_STATE',
  'DUPLICATE_INVOICE',
  'DUPLICATE_IN_FILE',
  // warnings: the row is saved with a note, or skipped because there is nothing to do
  'NUMBER_WARNING',
  'COMBINED_PACKING',
  'ALREADY_REGISTERED',
  'ALREADY_IMPORTED',
  'REPEATED_ROW',
  'NOT_FILLED',
] as const;
export type ImportRowCode = (typeof IMPORT_ROW_CODES)[number];

export interface ImportRowVerdict {
  /** The row number as Excel shows it. */
  row: number;
  /** Normalised when it could be read; as written otherwise. */
  shipmentNo: string;
  carrierId?: CarrierId;
  /** Normalised (no spaces or hyphens, ASCII digits). */
  invoiceNo?: string;
  /** What the file asks for (the Action column; register when blank). */
  action: 'register' | 'modify';
  /** What commit does with the row. */
  outcome: 'register' | 'modify' | 'skip' | 'reject';
  verdict: 'ok' | 'warning' | 'error';
  code?: ImportRowCode;
  message?: string;
}

export interface ImportTotals {
  rows: number;
  ok: number;
  warning: number;
  error: number;
  toRegister: number;
  toModify: number;
  toSkip: number;
}

export interface ImportPreview {
  importId: string;
  fileName: string;
  /** sha256 of the file's bytes, hex. */
  fileHash: string;
  format: 'xlsx' | 'csv';
  sheetName: string | null;
  encoding: string | null;
  headerRow: number;
  columns: { field: string; header: string; column: number }[];
  totals: ImportTotals;
  rows: ImportRowVerdict[];
  /** Earlier commits of this very file, newest first. */
  previousBatches: { batchId: number; committedAt: string; operator: string; registered: number; modified: number }[];
}

export interface ImportCommitResult {
  batchId: number;
  importId: string;
  fileName: string;
  registered: number;
  modified: number;
  /** Rows already on the shipment, or already committed from this same file. */
  skippedAlreadyRegistered: number;
  /** Other skipped rows: blank carrier and number, repeated rows. */
  skipped: number;
  failed: number;
  /** Rows whose verdict changed between preview and commit (someone else changed the shipment). */
  changedSincePreview: number;
  totals: ImportTotals;
  /** The final verdict of every row, as committed. */
  rows: ImportRowVerdict[];
}

export interface FileDownload {
  fileName: string;
  contentType: string;
  bytesBase64: string;
}

/** The grid's filters for the Preparing to Release tab (the tab itself is implied). */
export const PreparingExportInput = ShipmentListInput.omit({ tab: true, limit: true, cursor: true });

// Tracking sync and offline work (DESIGN.md §5).

/** What one sync cycle did; errorsByCode counts numbers and outbox items per failure code. */
export interface SyncCycleSummary {
  released: number;
  polled: number;
  eventsStored: number;
  statusChanges: number;
  errorsByCode: Record<string, number>;
}

export interface CarrierSyncView {
  carrierId: string;
  breaker: 'closed' | 'open' | 'half-open';
  /** While the breaker is open: when the next trial request may go. */
  retryAt: string | null;
  /** The carrier asked us to wait (Retry-After) until then. */
  pausedUntil: string | null;
}

export interface SyncStateView {
  online: boolean;
  /** Outbox work not yet confirmed upstream (releases, withdrawals). */
  queued: number;
  lastSyncAt: string | null;
  /** Tracking talks to the local demo carrier: the screen must say so. */
  demo: boolean;
  /** A tracking provider is configured (an endpoint and a key, or the demo carrier). */
  tracking: boolean;
  trackerLabel: string | null;
  /** A cycle is running now. */
  syncing: boolean;
  /** Outbox work refused for good (see sync.deadLetters). */
  deadLetters: number;
  /** Numbers still unknown to the carrier N days after release. */
  notMoving: number;
  /** Kinds of unreadable carrier input seen (see sync.problems). */
  problems: number;
  carriers: CarrierSyncView[];
}

export type ShipmentSyncPhase = 'none' | 'queued' | 'sending' | 'retrying' | 'refused' | 'tracking' | 'finished';

export interface ShipmentSyncView {
  shipmentNo: string;
  phase: ShipmentSyncPhase;
  /** Why work is retrying or was refused, in words. */
  reason: string | null;
  lastPolledAt: string | null;
  nextPollAt: string | null;
  /** Unknown to the carrier N days after release (3 domestic, 7 international). */
  notMoving: boolean;
  lastError: { code: string; message: string } | null;
  /** For FAILED shipments: what happened, and what the carrier will do next. */
  failure: {
    code: TrackingCode;
    text: string;
    at: string;
    nextStep: 'redeliver' | 'return' | 'redeliver_or_cancel';
  } | null;
}

export interface DeadLetterView {
  id: number;
  shipmentNo: string;
  kind: 'release' | 'withdraw';
  carrierId: string;
  invoiceNo: string;
  reason: string;
  code: string | null;
  attempts: number;
  failedAt: string | null;
  createdAt: string;
}

export interface SyncProblemView {
  kind: string;
  carrierId: string;
  subject: string;
  detail: string;
  count: number;
  firstAt: string;
  lastAt: string;
}

/** The key itself is never returned: only whether one is set and where it comes from. */
export interface SyncSettingsView {
  trackerUrl: string | null;
  trackerUrlFrom: 'env' | 'settings' | 'app' | null;
  hasKey: boolean;
  keyFrom: 'env' | 'store' | 'app' | null;
  /** Where a key entered here is kept: 'encrypted' (desktop) or 'file' (0600, web host). */
  keyStore: string;
  releaseUrl: string | null;
  releaseUrlFrom: 'env' | 'settings' | 'app' | null;
}

/** An endpoint is https, or http to this computer only, and carries no credentials in its address. */
export function isSafeEndpoint(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

const endpoint = text(500)
  .refine(isSafeEndpoint, 'use an https:// address (http:// only to this computer), without a user name or password')
  .nullable()
  .optional();
const syncShipmentNos = z
  .array(shipmentNo)
  .min(1, 'name at least one shipment')
  .max(500, 'at most 500 shipments at a time');
const listLimit = z.number().int().min(1).max(500).default(100);

// Phantom marker carrying a result type through the registry; the input type is inferred from the schema.
function method<R>() {
  return <I extends z.ZodType>(input: I): { input: I; result?: R } => ({ input });
}

const via = z.enum(VIAS).optional();

export const contract = {
  'shipments.list': method<ShipmentListResult>()(ShipmentListInput),
  'shipments.get': method<ShipmentDetail>()(z.strictObject({ shipmentNo })),
  'shipments.updateAddress': method<ShipmentDetail>()(
    z.strictObject({ shipmentNo, address: AddressSchema, reason, via }),
  ),
  'shipments.facets': method<Facets>()(z.strictObject({})),
  'invoices.register': method<InvoiceChangeResult>()(z.strictObject({ shipmentNo, carrierId, invoiceNo, via })),
  'invoices.modify': method<InvoiceChangeResult>()(z.strictObject({ shipmentNo, carrierId, invoiceNo, reason, via })),
  'invoices.delete': method<ShipmentDetail>()(z.strictObject({ shipmentNo, reason, via })),
  'invoices.history': method<HistoryEntry[]>()(z.strictObject({ shipmentNo })),
  'carriers.list': method<CarrierView[]>()(z.strictObject({ region: z.enum(REGIONS).optional() })),
  'carriers.validate': method<ValidationResult>()(
    z.strictObject({ carrierId: carrierId.optional(), invoiceNo: text(200) }),
  ),
  'settings.get': method<Settings>()(z.strictObject({})),
  'settings.update': method<Settings>()(
    z.strictObject({
      operatorName: text(80).min(1, 'the operator name cannot be empty').optional(),
      homeCountry: z
        .string()
        .regex(/^[A-Z]{2}$/, 'a two-letter ISO country code, e.g. KR')
        .optional(),
      language: z.enum(['ko', 'en', 'system']).optional(),
    }),
  ),
  'imports.template': method<FileDownload>()(z.strictObject({})),
  'imports.preview': method<ImportPreview>()(
    z.strictObject({ fileName: text(255).default('upload'), bytesBase64, uploadRef: text(64).optional() }),
  ),
  'imports.commit': method<ImportCommitResult>()(z.strictObject({ importId })),
  'imports.failedRows': method<FileDownload & { rows: number }>()(z.strictObject({ importId })),
  'exports.preparingTemplate': method<FileDownload & { rows: number; truncated: boolean }>()(PreparingExportInput),
  'sync.state': method<SyncStateView>()(z.strictObject({})),
  /** Poll these shipments' numbers now (the row's or the view's "refresh now"); results arrive as pushes. */
  'sync.refresh': method<{ scheduled: number }>()(z.strictObject({ shipmentNos: syncShipmentNos })),
  /** Per-row sync state for the rows on screen. */
  'sync.shipments': method<ShipmentSyncView[]>()(z.strictObject({ shipmentNos: syncShipmentNos })),
  'sync.deadLetters': method<DeadLetterView[]>()(z.strictObject({ limit: listLimit })),
  'sync.retryDeadLetter': method<{ queued: number }>()(z.strictObject({ id: z.number().int().positive() })),
  'sync.problems': method<SyncProblemView[]>()(z.strictObject({ limit: listLimit })),
  'sync.settings': method<SyncSettingsView>()(z.strictObject({})),
  'sync.updateSettings': method<SyncSettingsView>()(
    z.strictObject({
      trackerUrl: endpoint,
      trackerKey: text(500)
        .regex(/^[^\s:]+:\S+$/, 'the key has the form clientId:clientSecret')
        .nullable()
        .optional(),
      releaseUrl: endpoint,
    }),
  ),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsed<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodResult<M extends MethodName> = NonNullable<Contract[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Pushes from the core to every screen. */
export type PushEvent =
  | { type: 'shipments.changed'; shipmentNos: string[] }
  | { type: 'sync.state'; online: boolean; queued: number; lastSyncAt: string | null }
  | {
      type: 'imports.progress';
      /** Echoes imports.preview's uploadRef, so a screen knows which upload this is. */
      uploadRef: string | null;
      phase: 'reading' | 'checking' | 'saving' | 'done';
      done: number;
      total: number;
    };
