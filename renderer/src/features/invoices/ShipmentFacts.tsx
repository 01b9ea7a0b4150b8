// The left side of the invoice dialog: who, where, from which warehouse, how, what, and the memo.
import type { ShipmentDetail } from '../../../../shared/api/contract';
import { StatusLabel } from '../../components/StatusLabel';
import { useLanguage, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { OrderLinks } from '../orders/OrderLinks';
import { AddressBlock } from './AddressBlock';

export function ShipmentFacts({
  detail,
  onChanged,
  onReplaced,
}: {
  detail: ShipmentDetail;
  onChanged(detail: ShipmentDetail): void;
  /** After a split or merge: the shipment as it is now. */
  onReplaced(detail: ShipmentDetail): void;
}) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  return (
    <section className="facts" aria-labelledby="facts-title">
      <h3 id="facts-title" className="section-title">
        {t('invoice.shipmentSection')} <StatusLabel status={detail.status} />
      </h3>
      <dl className="facts-list">
        <dt>{t('invoice.recipient')}</dt>
        <dd>
          {detail.recipient.name} <span className="muted mono">{detail.recipient.phone}</span>
        </dd>
        <dt>{t('invoice.address')}</dt>
        <dd>
          <AddressBlock detail={detail} onSaved={onChanged} />
        </dd>
        <dt>{t('invoice.warehouse')}</dt>
        <dd>{detail.warehouseName}</dd>
        <dt>{t('invoice.policy')}</dt>
        <dd>
          {detail.policyName} · {detail.optionName}
        </dd>
        <dt>{t('invoice.order')}</dt>
        <dd>
          <span className="mono">{detail.orderNo}</span> · {formatDateTime(detail.orderedAt, language)}
          {detail.claim === 'exchange' && (
            <span className="tag">
              {t('list.exchange')}
              {detail.originalOrderNo ? ` ← ${detail.originalOrderNo}` : ''}
            </span>
          )}
        </dd>
        <dt>{t('invoice.memo')}</dt>
        <dd className={detail.memo ? 'memo' : 'muted'}>{detail.memo || t('invoice.noMemo')}</dd>
      </dl>
      <table className="items">
        <caption className="section-subtitle">{t('invoice.itemsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lines.lineId')}</th>
            <th scope="col">{t('invoice.productId')}</th>
            <th scope="col">{t('invoice.productName')}</th>
            <th scope="col">{t('invoice.optionName')}</th>
            <th scope="col" className="num">
              {t('invoice.quantity')}
            </th>
          </tr>
        </thead>
        <tbody>
          {detail.items.map((item, i) => (
            <tr key={`${item.lineId}-${i}`}>
              <td className="mono">{item.lineId}</td>
              <td className="mono">{item.productId}</td>
              <td>{item.productName}</td>
              <td>{item.optionName}</td>
              <td className="num">{item.quantity}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <OrderLinks detail={detail} onReplaced={onReplaced} />
    </section>
  );
}
