// Small facts about a row the grid needs: carrier names, why an action is not possible, a row
// rebuilt from a shipment's detail (so a change shows at once, before the list is re-read).
import type { ShipmentDetail, ShipmentRow } from '../../../shared/contract';
import { findCarrier } from '../../../shared/carriers';
import { INVOICE_EDITABLE_STATUSES, type ShipmentStatus } from '../../../shared/domain';
import type { Language } from '../i18n';
import type { MessageKey } from '../i18n/messages';

export function carrierName(id: string | null, language: Language): string {
  if (!id) return '';
  const carrier = findCarrier(id);
  if (!carrier) return id;
  return language === 'ko' ? carrier.nameKo : carrier.nameEn;
}

/** Why modify/delete is not possible in this status (docs/ARCHITECTURE.md "Shipments, invoices and statuses"), or null when it is. */
export function invoiceLockReason(status: ShipmentStatus): MessageKey | null {
  if (INVOICE_EDITABLE_STATUSES.includes(status)) return null;
  if (status === 'DELIVERED') return 'row.why.delivered';
  if (status === 'FAILED') return 'row.why.failed';
  return 'row.why.noInvoice';
}

export function rowFromDetail(d: ShipmentDetail): ShipmentRow {
  const first = d.items[0];
  return {
    shipmentNo: d.shipmentNo,
    orderNo: d.orderNo,
    orderedAt: d.orderedAt,
    claim: d.claim,
    status: d.status,
    tab: d.tab,
    region: d.region,
    country: d.address.country,
    recipientName: d.recipient.name,
    productSummary: first?.productName ?? '',
    itemCount: d.items.length,
    warehouse: d.warehouse,
    policy: d.policy,
    option: d.option,
    hasMemo: d.memo !== '',
    carrierId: d.carrierId,
    invoiceNo: d.invoiceNo,
    lastEventAt: d.events[0]?.at ?? null,
  };
}
