// Each channel's bulk-invoice upload file, as its seller center takes it (docs/ORDERS.md says what
// is known of each, and how surely): the sheet or file shape, the columns, and each column's value
// for one channel line. Carrier names come from the one carrier table (carrierTable.ts).
import type { InvoiceLayout, LeftOutCode } from '../../../shared/api/contract';
import { findCarrier } from '../../../shared/carriers';
import type { ChannelId } from '../../../shared/channels';
import { dayOf, iso } from '../domain/time';
import { carrierRoute, type CarrierRoute } from './carrierTable';
import type { InvoiceLine } from './invoiceLines';

export interface LineContext {
  line: InvoiceLine;
  route: CarrierRoute;
  /** 1-based row number in the file. */
  index: number;
  timeZone: string;
}

export interface Layout {
  /** Whose lines go in: a channel, or every channel (generic). */
  channel: ChannelId | null;
  file: 'xlsx' | 'csv' | 'txt';
  fileName: (day: string) => string;
  sheetName: string;
  preamble?: string[][];
  columns: { header: string; value: (c: LineContext) => string; width?: number }[];
  /** The layout has no quantity: a line split across parcels gives two rows for one channel line. */
  oneNumberPerLine: boolean;
  /**
   * The upload is the download itself (Coupang): a line that kept its row is written under that
   * row's own headers, in their order, every cell as downloaded except these columns, which
   * Shipdesk fills. `columns` is then only for lines imported before rows were kept.
   */
  echo?: { filled: Record<string, (c: LineContext) => string> };
  /**
   * The channel's own id a row must carry or its upload is refused: a line without it is left
   * out of the file and counted under this code (docs/ORDERS.md, "Tracking numbers out").
   */
  requiredId?: { code: LeftOutCode; has: (line: InvoiceLine) => boolean };
}

const carrierName = (r: CarrierRoute) => (r.kind === 'other' ? r.code : r.name);
const ymd = (c: LineContext) => dayOf(c.line.registeredAt, c.timeZone);

/** Coupang's (40-column) DeliveryList columns, for lines whose download row was not kept. */
const COUPANG_COLUMNS = [
  '번호',
  '묶음배송번호',
  '주문번호',
  '택배사',
  '운송장번호',
  '분리배송 Y/N',
  '분리배송 출고예정일',
  '주문시 출고예정일',
  '출고일(발송일)',
  '주문일',
  '등록상품명',
  '등록옵션명',
  '노출상품명(옵션명)',
  '노출상품ID',
  '옵션ID',
  '최초등록등록상품명/옵션명',
  '업체상품코드',
  '바코드',
  '결제액',
  '배송비구분',
  '배송비',
  '도서산간 추가배송비',
  '구매수(수량)',
  '옵션판매가(판매단가)',
  '구매자',
  '구매자전화번호',
  '수취인이름',
  '수취인전화번호',
  '우편번호',
  '수취인 주소',
  '배송메세지',
  '상품별 추가메시지',
  '주문자 추가메시지',
  '배송완료일',
  '구매확정일자',
  '개인통관번호(PCCC)',
  '통관용수취인전화번호',
  '기타',
  '결제위치',
  '배송유형',
];

/** What we know of a Coupang column when the download's own cell was not kept. */
const COUPANG_KNOWN: Record<string, (c: LineContext) => string> = {
  번호: (c) => String(c.index),
  묶음배송번호: (c) => c.line.keys.bundleNo ?? '',
  주문번호: (c) => c.line.orderNo,
  택배사: (c) => carrierName(c.route),
  운송장번호: (c) => c.line.invoiceNo,
  옵션ID: (c) => c.line.keys.optionId ?? '',
  등록상품명: (c) => c.line.productName,
  등록옵션명: (c) => c.line.optionName,
  노출상품ID: (c) => c.line.productId,
  '구매수(수량)': (c) => String(c.line.quantity),
  구매자: (c) => c.line.buyerName,
  수취인이름: (c) => c.line.recipientName,
  수취인전화번호: (c) => c.line.recipientPhone,
  우편번호: (c) => c.line.postalCode,
  '수취인 주소': (c) => [c.line.addressLine1, c.line.addressLine2].filter(Boolean).join(' '),
  배송메세지: (c) => c.line.memo,
};
const COUPANG_FILLED = new Set(['번호', '택배사', '운송장번호']);

export const LAYOUTS: Record<InvoiceLayout, Layout> = {
  naver: {
    channel: 'naver',
    file: 'xlsx',
    fileName: (day) => `naver-발송처리-${day}.xlsx`,
    sheetName: '발송처리',
    oneNumberPerLine: true,
    // 상품주문번호 only from a Naver sheet: a line entered by hand answers with Shipdesk's own id.
    requiredId: { code: 'NO_CHANNEL_LINE_ID', has: (line) => line.lineIdFromChannel },
    columns: [
      { header: '상품주문번호', value: (c) => c.line.lineId, width: 22 },
      { header: '배송방법', value: () => '택배,등기,소포', width: 16 },
      { header: '택배사', value: (c) => carrierName(c.route), width: 18 },
      { header: '송장번호', value: (c) => c.line.invoiceNo, width: 20 },
    ],
  },
  coupang: {
    channel: 'coupang',
    file: 'xlsx',
    fileName: (day) => `coupang-DeliveryList(${day}).xlsx`,
    sheetName: 'Delivery',
    oneNumberPerLine: false,
    requiredId: {
      code: 'NO_BUNDLE_NO',
      has: (line) => Boolean((line.sourceCells['묶음배송번호'] ?? line.keys.bundleNo ?? '').trim()),
    },
    echo: {
      filled: {
        택배사: (c) => carrierName(c.route),
        운송장번호: (c) => c.line.invoiceNo,
      },
    },
    columns: COUPANG_COLUMNS.map((header) => ({
      header,
      value: (c: LineContext) =>
        COUPANG_FILLED.has(header)
          ? (COUPANG_KNOWN[header]?.(c) ?? '')
          : (c.line.sourceCells[header] ?? COUPANG_KNOWN[header]?.(c) ?? ''),
    })),
  },
  amazon: {
    channel: 'amazon',
    file: 'txt',
    fileName: (day) => `amazon-shipping-confirmation-${day}.txt`,
    sheetName: 'OrderFulfillment',
    // docs/ORDERS.md, "Amazon's header block": the template's first rows above the field names.
    preamble: [
      [
        'TemplateType=OrderFulfillment',
        'Version=2011.1102',
        'The top 3 rows are for Amazon.com use only. Do not modify or delete the top 3 rows.',
      ],
      [
        'Order ID',
        'Order Item ID',
        'Quantity',
        'Ship Date',
        'Carrier Code',
        'Carrier Name',
        'Tracking Number',
        'Ship Method',
      ],
    ],
    oneNumberPerLine: false,
    columns: [
      { header: 'order-id', value: (c) => c.line.orderNo },
      { header: 'order-item-id', value: (c) => c.line.lineId },
      { header: 'quantity', value: (c) => String(c.line.quantity) },
      { header: 'ship-date', value: ymd },
      { header: 'carrier-code', value: (c) => (c.route.kind === 'other' ? c.route.code : c.route.name) },
      { header: 'carrier-name', value: (c) => (c.route.kind === 'other' ? c.route.name : '') },
      { header: 'tracking-number', value: (c) => c.line.invoiceNo },
      { header: 'ship-method', value: () => '' },
    ],
  },
  shopify: {
    channel: 'shopify',
    file: 'csv',
    fileName: (day) => `shopify-tracking-${day}.csv`,
    sheetName: 'Tracking',
    oneNumberPerLine: false,
    columns: [
      { header: 'Order', value: (c) => c.line.orderNo },
      { header: 'Line', value: (c) => c.line.lineId },
      { header: 'SKU', value: (c) => c.line.productId },
      { header: 'Product', value: (c) => c.line.productName },
      { header: 'Quantity', value: (c) => String(c.line.quantity) },
      { header: 'Carrier', value: (c) => carrierName(c.route) },
      { header: 'Tracking Number', value: (c) => c.line.invoiceNo },
    ],
  },
  ebay: {
    channel: 'ebay',
    file: 'csv',
    fileName: (day) => `ebay-tracking-${day}.csv`,
    sheetName: 'Tracking',
    oneNumberPerLine: true,
    columns: [
      { header: 'Shipping Status', value: () => 'Shipped' },
      { header: 'Order Number', value: (c) => c.line.orderNo },
      { header: 'Item Number', value: (c) => c.line.keys.itemNumber ?? c.line.productId },
      { header: 'Item Title', value: (c) => c.line.productName },
      { header: 'Custom Label', value: (c) => c.line.keys.customLabel ?? '' },
      { header: 'Transaction ID', value: (c) => c.line.keys.transactionId ?? c.line.lineId },
      { header: 'Shipping Carrier Used', value: (c) => carrierName(c.route) },
      { header: 'Tracking Number', value: (c) => c.line.invoiceNo },
    ],
  },
  generic: {
    channel: null,
    file: 'xlsx',
    fileName: (day) => `shipdesk-invoices-${day}.xlsx`,
    sheetName: 'Invoices',
    oneNumberPerLine: false,
    columns: [
      { header: '판매처 Channel', value: (c) => c.line.channel, width: 12 },
      { header: '주문번호 Order No.', value: (c) => c.line.orderNo, width: 22 },
      { header: '상품주문번호 Line ID', value: (c) => c.line.lineId, width: 22 },
      { header: '배송번호 Shipment No.', value: (c) => c.line.shipmentNo, width: 16 },
      { header: '상품번호 Product ID', value: (c) => c.line.productId, width: 16 },
      { header: '상품명 Product', value: (c) => c.line.productName, width: 30 },
      { header: '옵션 Option', value: (c) => c.line.optionName, width: 16 },
      { header: '수량 Quantity', value: (c) => String(c.line.quantity), width: 10 },
      { header: '택배사 Carrier', value: (c) => findCarrier(c.line.carrierId)?.nameKo ?? c.line.carrierId, width: 18 },
      { header: '택배사 ID Carrier ID', value: (c) => c.line.carrierId, width: 18 },
      { header: '송장번호 Invoice No.', value: (c) => c.line.invoiceNo, width: 20 },
      { header: '등록일시 Registered', value: (c) => iso(c.line.registeredAt), width: 22 },
    ],
  },
};

export function routeFor(layout: Layout, line: InvoiceLine): CarrierRoute {
  return layout.channel ? carrierRoute(layout.channel, line.carrierId) : { kind: 'listed', name: line.carrierId };
}
