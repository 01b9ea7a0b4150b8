// Our order fields as the mapping step names them, in both languages.
import type { OrderField } from '../../../../shared/orders';

/** Our order fields as the mapping step names them. */
export const FIELD_LABELS: Record<OrderField, { en: string; ko: string }> = {
  orderNo: { en: 'Order No.', ko: '주문번호' },
  lineId: { en: 'Line ID', ko: '주문상품번호' },
  orderedAt: { en: 'Order date', ko: '주문일시' },
  channel: { en: 'Channel', ko: '판매처' },
  buyerName: { en: 'Buyer', ko: '구매자명' },
  recipientName: { en: 'Recipient', ko: '수취인명' },
  recipientPhone: { en: 'Phone', ko: '수취인연락처' },
  country: { en: 'Country', ko: '국가' },
  postalCode: { en: 'Postal code', ko: '우편번호' },
  addressLine1: { en: 'Address', ko: '주소' },
  addressLine2: { en: 'Address 2', ko: '상세주소' },
  memo: { en: 'Shipping request', ko: '배송메모' },
  warehouse: { en: 'Warehouse', ko: '출고지' },
  policy: { en: 'Delivery policy', ko: '배송정책' },
  option: { en: 'Shipping option', ko: '배송옵션' },
  productId: { en: 'Product ID', ko: '상품번호' },
  productName: { en: 'Product', ko: '상품명' },
  optionName: { en: 'Option', ko: '옵션' },
  quantity: { en: 'Quantity', ko: '수량' },
  claim: { en: 'Claim', ko: '클레임' },
  originalOrderNo: { en: 'Original order No.', ko: '원주문번호' },
};
