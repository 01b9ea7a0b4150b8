// Shipments: the grid's query, its rows and counts, one shipment's detail, the filter facets.
import { z } from 'zod';
import type { CarrierId } from '../carriers';
import type { ChannelId } from '../channels';
import {
  CLAIM_TYPES,
  REGIONS,
  SEARCH_FIELDS,
  SORT_DIRECTIONS,
  SORT_KEYS,
  TABS,
  type ClaimType,
  type Region,
  type ShipmentStatus,
  type Tab,
  type TrackingCode,
  type Via,
} from '../domain';
import { method, reason, scanned, shipmentNo, text, via, ymd } from './common';

export const AddressSchema = z.strictObject({
  country: z.string().regex(/^[A-Z]{2}$/, 'a two-letter ISO country code, e.g. KR'),
  postalCode: text(20),
  line1: text(200).min(1, 'the first address line is required'),
  line2: text(200).default(''),
});
export type Address = z.infer<typeof AddressSchema>;

/** The grid query's limits, for the screen as for the core: search text, page size, facet codes. */
export const SEARCH_TEXT_MAX = 200;
export const LIST_LIMIT_MAX = 500;
export const FACET_CODE_MAX = 40;
export const FACET_CODES_MAX = 100;

const codeList = z.array(text(FACET_CODE_MAX)).max(FACET_CODES_MAX).optional();

export const ShipmentListInput = z.strictObject({
  tab: z.enum(TABS).optional(),
  region: z.enum(REGIONS).optional(),
  search: z
    .strictObject({
      field: z.enum(SEARCH_FIELDS),
      text: scanned(SEARCH_TEXT_MAX),
      mode: z.enum(['exact', 'prefix']).default('exact'),
    })
    .optional(),
  orderDate: z.strictObject({ from: ymd.optional(), to: ymd.optional() }).optional(),
  claim: z.enum(['all', ...CLAIM_TYPES]).default('all'),
  warehouses: codeList,
  policies: codeList,
  options: codeList,
  /** Only shipments the status bar counts as "not moving" (main/core/sync/notMoving.ts). */
  notMoving: z.boolean().optional(),
  sort: z
    .strictObject({ key: z.enum(SORT_KEYS), dir: z.enum(SORT_DIRECTIONS).default('desc') })
    .default({ key: 'orderDate', dir: 'desc' }),
  limit: z.number().int().min(1).max(LIST_LIMIT_MAX).default(50),
  cursor: text(200).optional(),
});
export type ShipmentListQuery = z.infer<typeof ShipmentListInput>;

export interface TabCounts {
  preparing: number;
  inDelivery: number;
  failed: number;
  delivered: number;
}

/** Rows per status; every status is present (zero included). */
export type StatusCounts = Record<ShipmentStatus, number>;

/**
 * Why an action on a shipment is closed now, as a code the screen words in the operator's language
 * (renderer i18n `lock.*`): an invoice is already registered, there is none, the parcel was
 * delivered, its delivery failed, its status takes no invoice, or it holds a single piece (nothing
 * to split off).
 */
export const ACTION_LOCKS = ['hasInvoice', 'noInvoice', 'delivered', 'failed', 'notAwaiting', 'onePiece'] as const;
export type ActionLock = (typeof ACTION_LOCKS)[number];

/** The invoice and address actions of a grid row, and the line actions the dialog adds (split, merge). */
export type RowAction = 'register' | 'modify' | 'delete' | 'editAddress';
export type LineAction = 'split' | 'merge';

/**
 * What the operator may do now: for each action, whether it is open, and why not when it is closed
 * (null when open). Decided in the core (main/core/services/shipmentActions.ts); the screen shows it.
 */
export type Allowed<A extends string> = Record<A, boolean> & { why: Record<A, ActionLock | null> };

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
  allowed: Allowed<RowAction>;
}

export interface ShipmentListResult {
  rows: ShipmentRow[];
  /** Rows matching every filter including the tab. */
  total: number;
  /** Rows per tab for every filter but the tab. */
  counts: TabCounts;
  /**
   * Rows per status for every filter but the tab (a tab's count is the sum of its statuses): the
   * screen's sub-status counts (Awaiting invoice, Registered, Released; Processed, Shipping).
   */
  statusCounts: StatusCounts;
  /** A broad search (more than 10,000 matches) was not counted in full: counts and statusCounts are lower bounds ("+"). */
  countsCapped: boolean;
  /**
   * Which tabs' counts (and their statuses' counts) are lower bounds; empty unless countsCapped. A
   * shipment-number prefix is capped per tab, other broad searches in all tabs at once.
   */
  cappedTabs: Tab[];
  nextCursor: string | null;
}

export interface ShipmentItem {
  /** The sales channel's id of this line (Naver 상품주문번호, Amazon order-item-id, ...). */
  lineId: string;
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
  /** The sales channel's id (shared/channels.ts). */
  channel: ChannelId;
  /** The other shipments of this order (a split order), by number. */
  siblingShipmentNos: string[];
  /** An exchange: the original order's shipments. */
  originalShipmentNos: string[];
  /** An original order: the shipments of its exchange orders. */
  exchangeShipments: { orderNo: string; shipmentNo: string }[];
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
  /**
   * What the operator may do now, and why not; `reason` says the invoice's or the address's lock in
   * English for the command line and scripts (the screen words the codes in `why`).
   */
  allowed: Allowed<RowAction | LineAction> & { reason: string | null };
  /** This shipment as a grid row, built as the list builds it: the screen stores it after a change. */
  row: ShipmentRow;
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

export const shipmentMethods = {
  'shipments.list': method<ShipmentListResult>('read')(ShipmentListInput),
  'shipments.get': method<ShipmentDetail>('read')(z.strictObject({ shipmentNo })),
  'shipments.updateAddress': method<ShipmentDetail>('write')(
    z.strictObject({ shipmentNo, address: AddressSchema, reason, via }),
  ),
  'shipments.facets': method<Facets>('read')(z.strictObject({})),
} as const;
