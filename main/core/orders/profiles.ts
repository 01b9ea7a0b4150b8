// The built-in order-sheet profiles: how each channel's download names our fields. A profile is
// recognised by its signature headers, never by column positions (Naver's layout differs by account
// and year). Header spellings are the channels' own (docs/ORDERS.md lists where each is known from).
import { ORDER_FIELDS, type OrderField } from '../../../shared/api/contract';
import type { ChannelId } from '../../../shared/channels';
import { FIELD_SPECS, templateHeaderOf } from './fields';

/** Headers whose values are joined (empty parts left out); all must exist for the source to apply. */
export interface ColumnSource {
  headers: string[];
  /** Between the parts; a space unless said otherwise. */
  sep?: string;
  /** Applies only when these headers exist too (Naver's 상세주소 belongs with 기본주소, not with the full 배송지). */
  onlyWith?: string[];
}

export const BUILTIN_PROFILE_NAMES = ['naver', 'coupang', 'shopify', 'amazon', 'ebay', 'shipdesk'] as const;
export type BuiltinProfileName = (typeof BUILTIN_PROFILE_NAMES)[number];

export interface BuiltinProfile {
  name: BuiltinProfileName;
  channel: ChannelId;
  label: { ko: string; en: string };
  /** All headers of one of these sets present: the file is this channel's. */
  signatures: string[][];
  /** Per field, sources tried in order: the first whose headers exist and whose value is not blank. */
  fields: Partial<Record<OrderField, ColumnSource[]>>;
  /** Other keys of a line kept for the channel's upload file (e.g. Coupang's bundle and option id). */
  keys?: Record<string, string[]>;
  /** A key whose lines share one shipment (one per Coupang bundle); otherwise one shipment per order. */
  shipmentKey?: string;
  /** Keep each line's cells as downloaded, for an upload file in the same layout. */
  keepSource?: boolean;
  /** A blank country is an error (foreign channels), not the home country. */
  countryRequired?: boolean;
  /** Rows that are not orders (report footers), by their first non-blank cell. */
  footers?: RegExp[];
  /** Rows with an order but no item are the order's summary (ship-to, totals), not lines. */
  summaryRows?: boolean;
  /** Dates are the seller's local time without an offset: read in the profile's zone, by default the computer's. */
  datesInSellerZone?: boolean;
}

const one = (...alternatives: string[]): ColumnSource[] => alternatives.map((h) => ({ headers: [h] }));

const NAVER: BuiltinProfile = {
  name: 'naver',
  channel: 'naver',
  label: { ko: '네이버 스마트스토어 발주발송관리', en: 'Naver Smart Store orders' },
  signatures: [['상품주문번호', '주문번호', '수취인명']],
  fields: {
    orderNo: one('주문번호'),
    lineId: one('상품주문번호'),
    orderedAt: one('주문일시', '결제일'),
    buyerName: one('구매자명'),
    recipientName: one('수취인명'),
    // The older layout repeats contact and address columns in parentheses; headerKey ignores them.
    recipientPhone: one('수취인연락처1', '수취인연락처2'),
    postalCode: one('우편번호'),
    addressLine1: one('기본주소', '통합배송지', '배송지'),
    addressLine2: [{ headers: ['상세주소'], onlyWith: ['기본주소'] }],
    memo: one('배송메세지'),
    productId: one('상품번호'),
    productName: one('상품명'),
    optionName: one('옵션정보'),
    quantity: one('수량'),
  },
};

const COUPANG: BuiltinProfile = {
  name: 'coupang',
  channel: 'coupang',
  label: { ko: '쿠팡 윙 DeliveryList', en: 'Coupang Wing DeliveryList' },
  signatures: [['묶음배송번호', '주문번호', '옵션ID']],
  fields: {
    orderNo: one('주문번호'),
    lineId: [{ headers: ['묶음배송번호', '옵션ID'], sep: '-' }],
    orderedAt: one('주문일'),
    buyerName: one('구매자'),
    recipientName: one('수취인이름'),
    recipientPhone: one('수취인전화번호'),
    postalCode: one('우편번호'),
    addressLine1: one('수취인 주소'),
    memo: one('배송메세지'),
    productId: one('노출상품ID', '업체상품코드'),
    productName: one('등록상품명', '노출상품명(옵션명)'),
    optionName: one('등록옵션명'),
    quantity: one('구매수(수량)', '구매수'),
  },
  keys: { bundleNo: ['묶음배송번호'], optionId: ['옵션ID'] },
  shipmentKey: 'bundleNo',
  keepSource: true,
};

const SHOPIFY: BuiltinProfile = {
  name: 'shopify',
  channel: 'shopify',
  label: { ko: 'Shopify 주문 CSV', en: 'Shopify orders export' },
  countryRequired: true,
  // One row per line item; order fields only on an order's first row. No line id: the line is its
  // position within the order.
  signatures: [['Name', 'Lineitem quantity', 'Lineitem name']],
  fields: {
    orderNo: one('Name'),
    orderedAt: one('Created at', 'Paid at'),
    buyerName: one('Billing Name', 'Email'),
    recipientName: one('Shipping Name'),
    recipientPhone: one('Shipping Phone', 'Phone'),
    country: one('Shipping Country'),
    postalCode: one('Shipping Zip'),
    addressLine1: one('Shipping Address1', 'Shipping Street'),
    addressLine2: [{ headers: ['Shipping Address2', 'Shipping City', 'Shipping Province'], sep: ', ' }],
    memo: one('Notes'),
    productId: one('Lineitem sku'),
    productName: one('Lineitem name'),
    quantity: one('Lineitem quantity'),
  },
};

const AMAZON: BuiltinProfile = {
  name: 'amazon',
  channel: 'amazon',
  label: { ko: '아마존 미발송 주문 보고서', en: 'Amazon unshipped orders report' },
  countryRequired: true,
  signatures: [['order-id', 'order-item-id']],
  fields: {
    orderNo: one('order-id'),
    lineId: one('order-item-id'),
    orderedAt: one('purchase-date', 'payments-date'),
    buyerName: one('buyer-name'),
    recipientName: one('recipient-name'),
    recipientPhone: one('ship-phone-number', 'buyer-phone-number'),
    country: one('ship-country'),
    postalCode: one('ship-postal-code'),
    addressLine1: [{ headers: ['ship-address-1', 'ship-address-2', 'ship-address-3'] }, ...one('ship-address-1')],
    addressLine2: [{ headers: ['ship-city', 'ship-state'], sep: ', ' }],
    productId: one('sku'),
    productName: one('product-name'),
    quantity: one('quantity-to-ship', 'quantity-purchased'),
  },
};

const EBAY: BuiltinProfile = {
  name: 'ebay',
  channel: 'ebay',
  label: { ko: '이베이 Seller Hub 주문 보고서', en: 'eBay Seller Hub orders report' },
  countryRequired: true,
  signatures: [['Sales Record Number', 'Item Number', 'Transaction ID']],
  fields: {
    // Order Number can be blank in these reports; the sales record number stands in.
    orderNo: one('Order Number', 'Sales Record Number'),
    lineId: one('Transaction ID'),
    orderedAt: one('Sale Date', 'Paid On Date'),
    buyerName: one('Buyer Name', 'Buyer Username'),
    recipientName: one('Ship To Name', 'Post To Name'),
    recipientPhone: one('Ship To Phone'),
    country: one('Ship To Country'),
    postalCode: one('Ship To Zip'),
    addressLine1: [{ headers: ['Ship To Address 1', 'Ship To Address 2'] }, ...one('Ship To Address 1')],
    addressLine2: [{ headers: ['Ship To City', 'Ship To State'], sep: ', ' }],
    memo: one('Buyer Note'),
    productId: one('Item Number'),
    productName: one('Item Title'),
    optionName: one('Variation Details'),
    quantity: one('Quantity'),
  },
  keys: { itemNumber: ['Item Number'], transactionId: ['Transaction ID'], customLabel: ['Custom Label'] },
  // docs/ORDERS.md, "eBay's orders report": a line of bare commas above the headers (blank, skipped
  // like any blank row), "N,record(s) downloaded,from … to …" and "Seller ID : …" below the orders.
  footers: [/record\(s\) downloaded/i, /^seller id\s*:/i],
  summaryRows: true,
  datesInSellerZone: true,
};

/** Our own order template: every field, each header in Korean and English (either alone works too). */
const SHIPDESK: BuiltinProfile = {
  name: 'shipdesk',
  channel: 'other',
  label: { ko: 'Shipdesk 주문 양식', en: 'Shipdesk order template' },
  signatures: [templateHeaderOf, (f: OrderField) => FIELD_SPECS[f].ko, (f: OrderField) => FIELD_SPECS[f].en].map(
    (name) => (['orderNo', 'lineId', 'recipientName', 'quantity'] as const).map(name),
  ),
  fields: Object.fromEntries(
    ORDER_FIELDS.map((f) => [f, one(templateHeaderOf(f), FIELD_SPECS[f].ko, FIELD_SPECS[f].en)]),
  ),
};

export const BUILTIN_PROFILES: readonly BuiltinProfile[] = [NAVER, COUPANG, SHOPIFY, AMAZON, EBAY, SHIPDESK];

export function builtinProfile(name: string): BuiltinProfile | undefined {
  return BUILTIN_PROFILES.find((p) => p.name === name);
}
