// The invoice number with Copy, View Shipment Details and History; and the Edit column's pencil and
// wastebasket, disabled with the reason in their tooltip when the core says they are closed (the
// row's `allowed`, main/core/services/shipmentActions.ts).
import type { ShipmentRow } from '../../../../shared/api/contract';
import { IconButton } from '../../components/IconButton';
import { lockText } from '../../i18n/lockText';
import type { RowKit } from './rowKit';

export function InvoiceCell({ row, kit }: { row: ShipmentRow; kit: RowKit }) {
  const { t } = kit;
  const invoiceNo = row.invoiceNo;
  return (
    <div className="cell-invoice col-invoiceNo" role="cell">
      {invoiceNo ? (
        <>
          <span className="invoice-no mono">{invoiceNo}</span>
          <span className="copy-wrap">
            <IconButton
              icon="copy"
              label={t('row.copy', { invoiceNo })}
              onClick={(button) => kit.copy(invoiceNo, row.shipmentNo, button)}
            />
          </span>
          <IconButton icon="timeline" label={t('row.details')} onClick={() => kit.showDetails(row.shipmentNo)} />
        </>
      ) : (
        <>
          <span className="invoice-no">
            {row.allowed.register && (
              <button
                type="button"
                className="register-button"
                aria-label={t('row.registerFor', { shipmentNo: row.shipmentNo })}
                onClick={() => kit.openInvoice(row.shipmentNo)}
              >
                {t('row.register')}
              </button>
            )}
          </span>
          <span className="icon-slot" />
          <span className="icon-slot" />
        </>
      )}
      <IconButton icon="history" label={t('row.history')} onClick={() => kit.showHistory(row.shipmentNo)} />
    </div>
  );
}

export function EditCell({ row, kit }: { row: ShipmentRow; kit: RowKit }) {
  const { t } = kit;
  return (
    <div className="cell-edit col-edit" role="cell">
      <IconButton
        icon="pencil"
        label={t('row.modify')}
        disabledReason={lockText(t, row.allowed.why.modify)}
        onClick={() => kit.openInvoice(row.shipmentNo, 'modify')}
      />
      <IconButton
        icon="trash"
        label={t('row.delete')}
        disabledReason={lockText(t, row.allowed.why.delete)}
        className="danger"
        onClick={() => kit.openInvoice(row.shipmentNo, 'delete')}
      />
    </div>
  );
}
