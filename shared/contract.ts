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
  'invoices.register': method<InvoiceChangeResult>()(
    z.strictObject({ shipmentNo, carrierId, invoiceNo, via }),
  ),
  'invoices.modify': method<InvoiceChangeResult>()(
    z.strictObject({ shipmentNo, carrierId, invoiceNo, reason, via }),
  ),
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
      homeCountry: z.string().regex(/^[A-Z]{2}$/, 'a two-letter ISO country code, e.g. KR').optional(),
      language: z.enum(['ko', 'en', 'system']).optional(),
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
  | { type: 'sync.state'; online: boolean; queued: number; lastSyncAt: string | null };
