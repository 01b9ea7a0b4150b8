// Shows whichever dialog is open and turns what happened in it into the screen's response:
// the row updated at once (and kept in place, dimmed, if it left the tab), a toast, and focus back where the next scan or key press belongs.
import { useCallback } from 'react';
import { DetailsDialog } from '../details/DetailsDialog';
import { HistoryDialog } from '../history/HistoryDialog';
import { ImportDialog } from '../import/ImportDialog';
import { InvoiceDialog, type InvoiceOutcome } from '../invoices/InvoiceDialog';
import { warningText } from '../invoices/issueText';
import { ExportDialog } from '../orders/ExportDialog';
import { OrdersDialog } from '../orders/OrdersDialog';
import { SettingsDialog } from '../settings/SettingsDialog';
import type { CarrierId } from '../../../../shared/carriers';
import { useLanguage } from '../../i18n';
import { carrierName } from '../../i18n/carrierName';
import { useDialogs } from '../../stores/dialogs';
import { useStoreApis } from '../../stores/StoresContext';
import { showToast } from '../../stores/toasts';
import { GRID_SCROLLER_ID } from '../grid/ShipmentGrid';

/** After a dialog closes, focus returns to its opener; if that is gone, to the grid. */
function settleFocus(): void {
  requestAnimationFrame(() => {
    if (document.activeElement === document.body || document.activeElement === null)
      document.getElementById(GRID_SCROLLER_ID)?.focus();
  });
}

export function DialogHost() {
  const open = useDialogs((s) => s.open);
  const closeDialog = useDialogs((s) => s.close);
  const { grid } = useStoreApis();
  const close = useCallback(() => {
    closeDialog();
    settleFocus();
  }, [closeDialog]);

  const outcome = useCallback(
    (o: InvoiceOutcome) => {
      const { t, language } = useLanguage.getState();
      const store = grid.getState();
      if (o.kind === 'address') {
        store.patch(o.shipment.row);
        showToast(t('invoice.addressSaved', { shipmentNo: o.shipment.shipmentNo }), {
          shipmentNo: o.shipment.shipmentNo,
        });
        return;
      }
      const shipment = o.kind === 'deleted' ? o.shipment : o.result.shipment;
      store.patch(shipment.row);
      const values = {
        carrier: carrierName(shipment.carrierId, language),
        number: shipment.invoiceNo ?? '',
        shipmentNo: shipment.shipmentNo,
      };
      const text =
        o.kind === 'registered'
          ? t('invoice.registered', values)
          : o.kind === 'modified'
            ? t('invoice.modified', values)
            : t('invoice.deleted', values);
      const wording = { t, carrierName: (c: CarrierId | null) => carrierName(c, language) };
      const warnings =
        o.kind === 'deleted'
          ? []
          : o.result.warnings.map((w) => t('invoice.warning', { text: warningText(w, wording) }));
      showToast([text, ...warnings].join(' '), { shipmentNo: shipment.shipmentNo });
      close();
      // The core's push (shipments.changed) re-reads the list; the row the core sent already shows the change.
    },
    [grid, close],
  );

  if (!open) return null;
  switch (open.kind) {
    case 'invoice':
      return (
        <InvoiceDialog
          key={open.key}
          shipmentNo={open.shipmentNo}
          mode={open.mode}
          scanned={open.scanned}
          onClose={close}
          onOutcome={outcome}
        />
      );
    case 'details':
      return <DetailsDialog shipmentNo={open.shipmentNo} onClose={close} />;
    case 'history':
      return <HistoryDialog shipmentNo={open.shipmentNo} onClose={close} />;
    case 'settings':
      return <SettingsDialog onClose={close} />;
    case 'import':
      return <ImportDialog onClose={close} />;
    case 'orders':
      return <OrdersDialog onClose={close} onImported={() => void grid.getState().reload()} />;
    case 'exports':
      return <ExportDialog onClose={close} />;
  }
}
