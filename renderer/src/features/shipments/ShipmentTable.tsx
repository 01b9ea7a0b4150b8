// The shipments of the current tab and region, with the invoice action on rows that await one.
import type { ShipmentRow } from '../../../../shared/contract';
import { findCarrier } from '../../../../shared/carriers';
import { StatusLabel } from '../../components/StatusLabel';
import { formatDateTime, useLanguage, useT, type Translate } from '../../i18n';
import { useShipments } from '../../stores/ShipmentsContext';

interface ShipmentTableProps {
  caption: string;
  onRegisterInvoice(row: ShipmentRow): void;
}

function productText(row: ShipmentRow, t: Translate): string {
  return row.itemCount > 1 ? `${row.productSummary} ${t('list.moreItems', { n: row.itemCount - 1 })}` : row.productSummary;
}

function carrierName(id: string | null, language: 'ko' | 'en'): string {
  if (!id) return '';
  const carrier = findCarrier(id);
  if (!carrier) return id;
  return language === 'ko' ? carrier.nameKo : carrier.nameEn;
}

export function ShipmentTable({ caption, onRegisterInvoice }: ShipmentTableProps) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const rows = useShipments((s) => s.rows);

  return (
    <table className="shipment-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('col.shipmentNo')}</th>
          <th scope="col">{t('col.orderNo')}</th>
          <th scope="col">{t('col.orderDate')}</th>
          <th scope="col">{t('col.product')}</th>
          <th scope="col">{t('col.recipient')}</th>
          <th scope="col">{t('col.carrier')}</th>
          <th scope="col">{t('col.invoiceNo')}</th>
          <th scope="col">{t('col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.shipmentNo} data-shipment-no={row.shipmentNo} tabIndex={-1}>
            <td className="mono">{row.shipmentNo}</td>
            <td className="mono">{row.orderNo}</td>
            <td className="mono nowrap">{formatDateTime(row.orderedAt)}</td>
            <td className="product" title={productText(row, t)}>
              {productText(row, t)}
            </td>
            <td>{row.recipientName}</td>
            <td className="nowrap">{carrierName(row.carrierId, language)}</td>
            <td className="mono">
              {row.invoiceNo ??
                (row.status === 'AWAITING_INVOICE' ? (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t('invoice.registerFor', { shipmentNo: row.shipmentNo })}
                    onClick={() => onRegisterInvoice(row)}
                  >
                    {t('invoice.register')}
                  </button>
                ) : null)}
            </td>
            <td className="nowrap">
              <StatusLabel status={row.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
