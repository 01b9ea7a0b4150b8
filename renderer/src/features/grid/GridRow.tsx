// One shipment as a grid row (fixed height, placed by the window), and the placeholder shown for a
// row whose page is still on its way. Plain functions of their props: no hooks, cheap to create.
import { memo } from 'react';
import type { ShipmentRow, ShipmentSyncView } from '../../../../shared/contract';
import { Icon } from '../../components/Icon';
import { StatusIcon } from '../../components/StatusLabel';
import { carrierName } from '../../domain/rows';
import { formatCompact } from '../../i18n/format';
import { facetName } from '../../stores/facets';
import { EditCell, InvoiceCell } from './InvoiceCells';
import type { RowKit } from './rowKit';
import { syncMark } from './syncMark';
import { ShipmentNoCell } from './ShipmentNoCell';

interface GridRowProps {
  row: ShipmentRow;
  index: number;
  top: number;
  kit: RowKit;
  /** The row's sync state, when known. */
  sync: ShipmentSyncView | undefined;
}

export const GridRow = memo(function GridRow({ row, index, top, kit, sync }: GridRowProps) {
  const { t, language, facets } = kit;
  const product =
    row.itemCount > 1 ? `${row.productSummary} ${t('list.moreItems', { n: row.itemCount - 1 })}` : row.productSummary;
  const mark = syncMark(row, sync, t);
  const where = `${facetName(facets, 'warehouses', row.warehouse)} · ${facetName(facets, 'policies', row.policy)} · ${facetName(facets, 'options', row.option)}`;
  return (
    <div
      role="row"
      className="grid-row"
      aria-rowindex={index + 2}
      data-shipment-no={row.shipmentNo}
      data-status={row.status}
      data-has-invoice={row.invoiceNo ? 'true' : 'false'}
      tabIndex={-1}
      style={{ top }}
    >
      <ShipmentNoCell row={row} kit={kit} />
      <div role="cell" className="mono clip">
        {row.orderNo}
      </div>
      <div role="cell" className="num clip">
        {formatCompact(row.orderedAt, language)}
      </div>
      <div role="cell" className="clip" title={product}>
        {row.claim === 'exchange' && <span className="tag tag-lead">{t('list.exchange')}</span>}
        {product}
      </div>
      <div role="cell" className="clip" title={row.recipientName}>
        {row.recipientName}
      </div>
      <div role="cell" className="mono">
        {row.country}
      </div>
      <div role="cell" className="clip" title={where}>
        {where}
      </div>
      <div role="cell" className="clip">
        {carrierName(row.carrierId, language)}
      </div>
      <InvoiceCell row={row} kit={kit} />
      <EditCell row={row} kit={kit} />
      <div role="cell" className="clip">
        <span className={`status status-${row.status.toLowerCase()}`}>
          <StatusIcon status={row.status} />
          <span className="status-text">{t(`status.${row.status}`)}</span>
        </span>
        {mark && (
          <span
            className={`sync-mark sync-mark-${mark.kind}`}
            role="img"
            aria-label={mark.label}
            data-tip={mark.label}
            data-tip-reason={mark.reason ?? undefined}
            data-sync={mark.kind}
          >
            <Icon name={mark.icon} size={12} />
          </span>
        )}
      </div>
      <div role="cell" className="num clip">
        {row.lastEventAt ? formatCompact(row.lastEventAt, language) : t('row.noEvent')}
      </div>
    </div>
  );
});

export function PlaceholderRow({ index, top, label }: { index: number; top: number; label: string }) {
  return (
    <div role="row" className="grid-row grid-row-placeholder" aria-rowindex={index + 2} style={{ top }}>
      <div role="cell" className="placeholder-cell">
        <span className="placeholder-bar" aria-hidden="true" />
        <span className="visually-hidden">{label}</span>
      </div>
    </div>
  );
}
