// What the preview shows of each line beside its verdict: the sheet's recipient, address and product as
// the mapping read them, so a column mapped to the wrong field is seen before commit.
import type { OrderField, OrderLineVerdict } from '../../../shared/api/contract';

/** The recipient, address and product the operator checks the mapping by (docs/ORDERS.md "Verdicts, re-import, what has shipped"). */
export function shownValues(
  v: Partial<Record<OrderField, string>>,
): Pick<OrderLineVerdict, 'recipient' | 'address' | 'product'> {
  const joined = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ');
  return {
    recipient: v.recipientName ?? '',
    address: joined(v.postalCode && `(${v.postalCode})`, v.addressLine1, v.addressLine2),
    product: joined(v.productName || v.productId, v.optionName && `/ ${v.optionName}`),
  };
}
