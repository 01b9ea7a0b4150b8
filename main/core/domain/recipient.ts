// Who a parcel goes to, as one comparable key: combined packing and the duplicate-number rule
// (docs/ARCHITECTURE.md "Shipments, invoices and statuses") both ask "the same recipient?".

export interface RecipientFacts {
  recipient_name: string;
  recipient_phone: string;
  country: string;
  postal_code: string;
  address_line1: string;
  address_line2: string;
}

/** Two shipments go to the same recipient when name, phone and address agree (spacing and case aside). */
export function recipientKey(r: RecipientFacts): string {
  const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
  return [
    r.recipient_name,
    r.recipient_phone.replace(/\D/g, ''),
    r.country,
    r.postal_code,
    r.address_line1,
    r.address_line2,
  ]
    .map(squash)
    .join('|');
}
