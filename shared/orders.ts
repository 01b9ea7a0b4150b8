// Order fields and export layouts as plain data (no zod), so the screen can list them without
// loading the contract's schemas.

/** Our fields, as the mapping step and `--map` name them. */
export const ORDER_FIELDS = [
  'orderNo',
  'lineId',
  'orderedAt',
  'channel',
  'buyerName',
  'recipientName',
  'recipientPhone',
  'country',
  'postalCode',
  'addressLine1',
  'addressLine2',
  'memo',
  'warehouse',
  'policy',
  'option',
  'productId',
  'productName',
  'optionName',
  'quantity',
  'claim',
  'originalOrderNo',
] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

/** Fields every layout must have (a product id or a product name will do for the product). */
export const REQUIRED_ORDER_FIELDS: readonly OrderField[] = ['orderNo', 'recipientName', 'addressLine1', 'quantity'];

/** Up to 10,000 order lines; 10 MB. */
export const MAX_ORDER_LINES = 10_000;

/** The bulk-invoice layouts: one per channel that has a known upload file, and Shipdesk's own. */
export const INVOICE_LAYOUTS = ['naver', 'coupang', 'amazon', 'shopify', 'ebay', 'generic'] as const;
export type InvoiceLayout = (typeof INVOICE_LAYOUTS)[number];

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The grid export's cap: 100,000 rows (the screen shows "truncated" beyond). */
export const MAX_EXPORT_ROWS = 100_000;
