// Our order fields: what each means, where it lives (order, shipment or line), and the words desks
// use for it in Korean and English, which the mapping step offers as suggestions. Data, not logic.
import { ORDER_FIELDS, type OrderField } from '../../../shared/api/contract';
import { headerKey } from '../sheets/headers';

export type FieldLevel = 'order' | 'shipment' | 'line';

export interface OrderFieldSpec {
  ko: string;
  en: string;
  level: FieldLevel;
  /** Header words that suggest this field, Korean and English. */
  synonyms: string[];
  /** Template column width. */
  width: number;
  example: string;
}

export const FIELD_SPECS: Record<OrderField, OrderFieldSpec> = {
  orderNo: {
    ko: '주문번호',
    en: 'Order No.',
    level: 'order',
    synonyms: ['주문 번호', 'Order Number', 'Order ID', 'order-id', 'Order'],
    width: 22,
    example: '2026112600001',
  },
  lineId: {
    ko: '주문상품번호',
    en: 'Line ID',
    level: 'line',
    synonyms: [
      '상품주문번호',
      '품목별 주문번호',
      '주문순번',
      'Line',
      'Line No.',
      'Order Item ID',
      'order-item-id',
      'Item ID',
    ],
    width: 22,
    example: '2026112600001-1',
  },
  orderedAt: {
    ko: '주문일시',
    en: 'Order Date',
    level: 'order',
    synonyms: [
      '주문일',
      '주문일자',
      '결제일',
      '결제일시',
      'Order Date',
      'Ordered At',
      'Created at',
      'purchase-date',
      'Sale Date',
      'Date',
    ],
    width: 20,
    example: '2026-11-26 14:05',
  },
  channel: {
    ko: '판매처',
    en: 'Channel',
    level: 'order',
    synonyms: ['판매채널', '쇼핑몰', '마켓', 'Sales Channel', 'Marketplace', 'Store'],
    width: 16,
    example: '자사몰',
  },
  buyerName: {
    ko: '구매자명',
    en: 'Buyer',
    level: 'order',
    synonyms: ['구매자', '주문자', '주문자명', 'Buyer Name', 'Customer', 'Customer Name', 'buyer-name', 'Billing Name'],
    width: 14,
    example: '김민준',
  },
  recipientName: {
    ko: '수취인명',
    en: 'Recipient',
    level: 'shipment',
    synonyms: [
      '수취인',
      '수령인',
      '수령자',
      '수령인명',
      '받는분',
      '받는 사람',
      '받는분 이름',
      '받는분 성명',
      '수취인이름',
      'Recipient Name',
      'Ship To Name',
      'Shipping Name',
      'recipient-name',
      'Consignee',
    ],
    width: 14,
    example: '김민준',
  },
  recipientPhone: {
    ko: '수취인연락처',
    en: 'Phone',
    level: 'shipment',
    synonyms: [
      '연락처',
      '전화번호',
      '휴대폰',
      '수령인 휴대폰',
      '수취인전화번호',
      '수취인연락처1',
      '받는분 전화번호',
      '받는분 휴대폰',
      '받는분 연락처',
      '수취인 휴대폰',
      '수령인 전화번호',
      '수령인 휴대전화',
      'Phone Number',
      'Recipient Phone',
      'Ship To Phone',
      'Shipping Phone',
      'Mobile',
      'Tel',
    ],
    width: 16,
    example: '010-1234-5678',
  },
  country: {
    ko: '국가',
    en: 'Country',
    level: 'shipment',
    synonyms: ['국가코드', '배송국가', 'Country Code', 'Ship To Country', 'Shipping Country', 'ship-country'],
    width: 8,
    example: 'KR',
  },
  postalCode: {
    ko: '우편번호',
    en: 'Postal Code',
    level: 'shipment',
    synonyms: [
      '우편 번호',
      '받는분 우편번호',
      '수취인 우편번호',
      '수령인 우편번호',
      'Zip',
      'Zip Code',
      'Postcode',
      'Post Code',
      'Ship To Zip',
      'Shipping Zip',
      'ship-postal-code',
    ],
    width: 10,
    example: '06236',
  },
  addressLine1: {
    ko: '주소',
    en: 'Address',
    level: 'shipment',
    synonyms: [
      '배송지',
      '배송지 주소',
      '수취인 주소',
      '수령인 주소',
      '기본주소',
      '통합배송지',
      '받는분 주소',
      '수령인 주소(전체)',
      'Address 1',
      'Address Line 1',
      'Street',
      'Shipping Address1',
      'Ship To Address 1',
      'ship-address-1',
    ],
    width: 40,
    example: '서울특별시 강남구 테헤란로 123',
  },
  addressLine2: {
    ko: '상세주소',
    en: 'Address 2',
    level: 'shipment',
    synonyms: [
      '상세 주소',
      '나머지 주소',
      'Address Line 2',
      'Shipping Address2',
      'Ship To Address 2',
      'ship-address-2',
      'Apt',
      'Suite',
    ],
    width: 24,
    example: '4층',
  },
  memo: {
    ko: '배송메모',
    en: 'Shipping Request',
    level: 'shipment',
    synonyms: [
      '배송메세지',
      '배송메시지',
      '배송 요청사항',
      '배송시 요구사항',
      '요청사항',
      'Memo',
      'Delivery Note',
      'Note',
      'Notes',
      'Buyer Note',
    ],
    width: 24,
    example: '문 앞에 놓아주세요',
  },
  warehouse: {
    ko: '출고지',
    en: 'Warehouse',
    level: 'shipment',
    synonyms: ['창고', '출고 창고', 'Ship From', 'Location', 'Fulfillment Center'],
    width: 12,
    example: 'WH-ICN',
  },
  policy: {
    ko: '배송정책',
    en: 'Delivery Policy',
    level: 'shipment',
    synonyms: ['배송비 정책', 'Shipping Policy', 'Policy'],
    width: 12,
    example: 'STD',
  },
  option: {
    ko: '배송옵션',
    en: 'Shipping Option',
    level: 'shipment',
    synonyms: ['배송 옵션', '배송방법', 'Shipping Method', 'Ship Method', 'Shipping Service', 'ship-service-level'],
    width: 12,
    example: 'PARCEL',
  },
  productId: {
    ko: '상품번호',
    en: 'Product ID',
    level: 'line',
    synonyms: [
      '상품코드',
      '상품 ID',
      '판매자 상품코드',
      '업체상품코드',
      '품번',
      'SKU',
      'Item Number',
      'Product Code',
      'Lineitem sku',
    ],
    width: 16,
    example: 'P-10023',
  },
  productName: {
    ko: '상품명',
    en: 'Product',
    level: 'line',
    synonyms: [
      '상품',
      '품명',
      '주문상품명',
      '등록상품명',
      'Product Name',
      'Item',
      'Item Name',
      'Item Title',
      'Title',
      'Lineitem name',
      'product-name',
    ],
    width: 32,
    example: '코튼 티셔츠',
  },
  optionName: {
    ko: '옵션',
    en: 'Option',
    level: 'line',
    synonyms: [
      '옵션정보',
      '옵션명',
      '주문옵션',
      '등록옵션명',
      'Option Name',
      'Variant',
      'Variation',
      'Variation Details',
    ],
    width: 18,
    example: '블랙 / L',
  },
  quantity: {
    ko: '수량',
    en: 'Quantity',
    level: 'line',
    synonyms: [
      '주문수량',
      '구매수',
      '구매수량',
      'Qty',
      'Quantity Purchased',
      'quantity-purchased',
      'Lineitem quantity',
    ],
    width: 8,
    example: '1',
  },
  claim: {
    ko: '클레임',
    en: 'Claim',
    level: 'order',
    synonyms: ['주문구분', '클레임 구분', '교환여부', 'Claim Type', 'Order Type'],
    width: 10,
    example: '일반',
  },
  originalOrderNo: {
    ko: '원주문번호',
    en: 'Original Order No.',
    level: 'order',
    synonyms: ['원 주문번호', '원주문', 'Original Order', 'Original Order Number', 'Exchange Of'],
    width: 22,
    example: '',
  },
};

/** The template writes both languages, so a desk of either language reads it. */
export function templateHeaderOf(field: OrderField): string {
  return `${FIELD_SPECS[field].ko} ${FIELD_SPECS[field].en}`;
}

export function describeOrderField(field: OrderField): string {
  return `"${FIELD_SPECS[field].ko} / ${FIELD_SPECS[field].en}" (${field})`;
}

/** Every header word that suggests a field: our names in both languages, the synonyms, and the field id. */
const SUGGEST = new Map<string, OrderField>();
for (const field of ORDER_FIELDS) {
  const spec = FIELD_SPECS[field];
  for (const word of [spec.ko, spec.en, `${spec.ko} ${spec.en}`, field, ...spec.synonyms]) {
    const key = headerKey(word);
    if (key && !SUGGEST.has(key)) SUGGEST.set(key, field);
  }
}

export function suggestField(header: string): OrderField | null {
  return SUGGEST.get(headerKey(header)) ?? null;
}

export function suggestionWords(): string[] {
  return [...SUGGEST.keys()];
}
