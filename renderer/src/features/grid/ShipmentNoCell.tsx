// The green Shipment No. that opens the invoice dialog, and the memo icon whose tooltip shows the
// buyer's shipping request on hover and on keyboard focus (see TooltipLayer).
import type { ShipmentRow } from '../../../../shared/api/contract';
import { Icon } from '../../components/Icon';
import type { RowKit } from './rowKit';

export function ShipmentNoCell({ row, kit }: { row: ShipmentRow; kit: RowKit }) {
  const label = kit.t('row.memo');
  return (
    <div className="cell-shipment col-shipmentNo" role="cell">
      <button type="button" className="shipment-link mono" onClick={() => kit.openInvoice(row.shipmentNo)}>
        {row.shipmentNo}
      </button>
      {row.hasMemo && (
        <button
          type="button"
          className="icon-button memo-button"
          aria-label={label}
          data-tip={label}
          data-tip-memo={row.shipmentNo}
        >
          <Icon name="memo" />
        </button>
      )}
    </div>
  );
}
