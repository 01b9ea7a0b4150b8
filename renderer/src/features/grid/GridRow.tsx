// One shipment as a grid row (fixed height, placed by the window), and the placeholder shown for a
// row whose page is still on its way. Plain functions of their props: no hooks, cheap to create.
// A row the operator's own change moved out of this view stays, dimmed, and says where it went.
import { memo } from 'react';
import type { ShipmentRow, ShipmentSyncView } from '../../../../shared/api/contract';
import { Icon } from '../../components/Icon';
import { StatusIcon } from '../../components/StatusLabel';
import { carrierName } from '../../i18n/carrierName';
import { formatCompact } from '../../i18n/format';
import type { Departure } from '../../stores/departed';
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
  /** Set when the operator's own change moved the row out of this view. */
  departed: Departure | undefined;
  /** 0: no flash; 1 or 2 alternate so a second flash of the same row starts the animation again. */
  flash: 0 | 1 | 2;
}

function DepartedCell({ row, to, kit }: { row: ShipmentRow; to: Departure; kit: RowKit }) {
  const { t } = kit;
  const where = to.region === kit.region ? t(`tab.${to.tab}`) : `${t(`region.${to.region}`)} · ${t(`tab.${to.tab}`)}`;
  const text = t('row.movedTo', { where });
  // The note takes the product's place and the recipient's and country's beside it, so it reads whole.
  const span = (['product', 'recipient', 'country'] as const).filter((id) => kit.shown.has(id)).length;
  return (
    <div role="cell" className="col-product departed-cell" aria-colspan={span} style={{ gridColumn: `span ${span}` }}>
      <Icon name="arrowRight" size={12} />
      <button
        type="button"
        className="link-button departed-link"
        aria-label={t('row.movedToShow', { where, shipmentNo: row.shipmentNo })}
        onClick={() => kit.follow(row.shipmentNo, to)}
      >
        {text}
      </button>
    </div>
  );
}

export const GridRow = memo(function GridRow({ row, index, top, kit, sync, departed, flash }: GridRowProps) {
  const { t, language, facets, shown } = kit;
  const product =
    row.itemCount > 1 ? `${row.productSummary} ${t('list.moreItems', { n: row.itemCount - 1 })}` : row.productSummary;
  const mark = syncMark(row, sync, t);
  const where = `${facetName(facets, 'warehouses', row.warehouse)} · ${facetName(facets, 'policies', row.policy)} · ${facetName(facets, 'options', row.option)}`;
  // With the Country column given way, an international row keeps its country beside the recipient.
  const recipient =
    !shown.has('country') && row.region === 'international'
      ? `${row.country} · ${row.recipientName}`
      : row.recipientName;
  const classes = ['grid-row'];
  if (departed) classes.push('grid-row-departed');
  if (flash) classes.push(`grid-row-flash-${flash}`);
  return (
    <div
      role="row"
      className={classes.join(' ')}
      aria-rowindex={index + 2}
      data-shipment-no={row.shipmentNo}
      data-status={row.status}
      data-has-invoice={row.invoiceNo ? 'true' : 'false'}
      data-departed={departed ? `${departed.region}/${departed.tab}` : undefined}
      tabIndex={-1}
      style={{ top }}
    >
      <ShipmentNoCell row={row} kit={kit} />
      {shown.has('orderNo') && (
        <div role="cell" className="col-orderNo mono clip">
          {row.orderNo}
        </div>
      )}
      <div role="cell" className="col-orderDate num clip">
        {formatCompact(row.orderedAt, language, kit.timeZone)}
      </div>
      {departed ? (
        <DepartedCell row={row} to={departed} kit={kit} />
      ) : (
        <div role="cell" className="col-product clip">
          {row.claim === 'exchange' && <span className="tag tag-lead">{t('list.exchange')}</span>}
          {product}
        </div>
      )}
      {shown.has('recipient') && !departed && (
        <div role="cell" className="col-recipient clip">
          {recipient}
        </div>
      )}
      {shown.has('country') && !departed && (
        <div role="cell" className="col-country mono">
          {row.country}
        </div>
      )}
      {shown.has('warehouse') && (
        <div role="cell" className="col-warehouse clip">
          {where}
        </div>
      )}
      <div role="cell" className="col-carrier clip">
        {carrierName(row.carrierId, language)}
      </div>
      <InvoiceCell row={row} kit={kit} />
      <EditCell row={row} kit={kit} />
      <div role="cell" className="col-status clip">
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
      {shown.has('lastEvent') && (
        <div role="cell" className="col-lastEvent num clip">
          {row.lastEventAt ? formatCompact(row.lastEventAt, language, kit.timeZone) : t('row.noEvent')}
        </div>
      )}
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
