// Domain vocabulary shared by the core and the screen. Pure data, no Node, no DOM.

export const SHIPMENT_STATUSES = [
  'AWAITING_INVOICE',
  'PREPARING_TO_SHIP',
  'RELEASED',
  'PROCESSED',
  'SHIPPING',
  'FAILED',
  'DELIVERED',
] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

export const TABS = ['preparing', 'inDelivery', 'failed', 'delivered'] as const;
export type Tab = (typeof TABS)[number];

/** Which status tab a shipment shows under (docs/ARCHITECTURE.md "Shipments, invoices and statuses"). */
export const TAB_OF_STATUS: Record<ShipmentStatus, Tab> = {
  AWAITING_INVOICE: 'preparing',
  PREPARING_TO_SHIP: 'preparing',
  RELEASED: 'preparing',
  PROCESSED: 'inDelivery',
  SHIPPING: 'inDelivery',
  FAILED: 'failed',
  DELIVERED: 'delivered',
};

export const REGIONS = ['domestic', 'international'] as const;
export type Region = (typeof REGIONS)[number];

export const CLAIM_TYPES = ['general', 'exchange'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];

/** How an invoice reached Shipdesk. */
export const VIAS = ['manual', 'scan', 'excel', 'api'] as const;
export type Via = (typeof VIAS)[number];

export const HISTORY_ACTIONS = [
  'registered',
  'modified',
  'deleted',
  'voided_by_carrier',
  'address_changed',
  // from order sheets (docs/ORDERS.md): a shipment made by an import, split off, or merged into
  'created',
  'split',
  'merged',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** Canonical tracking event codes (docs/CARRIERS.md "Tracking statuses"). */
export const TRACKING_CODES = [
  'INFO_RECEIVED',
  'AT_PICKUP',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'AVAILABLE_FOR_PICKUP',
  'ATTEMPT_FAIL',
  'DELIVERED',
  'RETURNING',
  'RETURNED',
  'CANCELLED',
  'EXCEPTION',
  'UNKNOWN',
] as const;
export type TrackingCode = (typeof TRACKING_CODES)[number];

/** Statuses in which an invoice may be modified or deleted (docs/ARCHITECTURE.md "Shipments, invoices and statuses"). */
export const INVOICE_EDITABLE_STATUSES: readonly ShipmentStatus[] = [
  'PREPARING_TO_SHIP',
  'RELEASED',
  'PROCESSED',
  'SHIPPING',
];

export const SEARCH_FIELDS = ['shipmentNo', 'orderNo', 'invoiceNo', 'productId'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export const SORT_KEYS = ['orderDate', 'shipmentNo'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** The statuses a tab shows, in their order (from TAB_OF_STATUS: one rule, one place). */
export function statusesOfTab(tab: Tab): ShipmentStatus[] {
  return SHIPMENT_STATUSES.filter((s) => TAB_OF_STATUS[s] === tab);
}
