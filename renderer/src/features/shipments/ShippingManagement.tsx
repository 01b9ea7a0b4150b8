// The Shipping Management screen: status tabs with counts, the region switch, the list, and the
// invoice dialog on top when open (the page behind goes inert).
import { useCallback, useEffect, useState } from 'react';
import type { InvoiceChangeResult, ShipmentRow } from '../../../../shared/contract';
import { findCarrier } from '../../../../shared/carriers';
import { ConnectionNotice } from '../../components/ConnectionNotice';
import { useLanguage, useT } from '../../i18n';
import { useShipments, useShipmentsStore } from '../../stores/ShipmentsContext';
import { RegisterInvoiceDialog } from '../invoices/RegisterInvoiceDialog';
import { ListBody } from './ListBody';
import { ListFooter } from './ListFooter';
import { RegionSwitch } from './RegionSwitch';
import { PANEL_ID, StatusTabs, tabId } from './StatusTabs';
import { useLiveRefresh } from './useLiveRefresh';

export function ShippingManagement() {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const store = useShipmentsStore();
  const tab = useShipments((s) => s.tab);
  const region = useShipments((s) => s.region);
  const phase = useShipments((s) => s.phase);
  const [registering, setRegistering] = useState<ShipmentRow | null>(null);

  useLiveRefresh();
  useEffect(() => {
    void store.getState().reload();
  }, [store]);

  const closeDialog = useCallback(() => setRegistering(null), []);

  const registered = useCallback(
    async (result: InvoiceChangeResult) => {
      const { shipment, warnings } = result;
      const carrier = shipment.carrierId ? findCarrier(shipment.carrierId) : undefined;
      const carrierName = carrier ? (language === 'ko' ? carrier.nameKo : carrier.nameEn) : '';
      const message = t('invoice.registered', { carrier: carrierName, number: shipment.invoiceNo ?? '', shipmentNo: shipment.shipmentNo });
      store.getState().setNotice([message, ...warnings.map((w) => t('invoice.warning', { text: w }))].join(' '));
      setRegistering(null);
      await store.getState().refresh();
      // The button that opened the dialog is gone once the row has its number: land on the row instead.
      const row = document.querySelector<HTMLElement>(`tr[data-shipment-no="${CSS.escape(shipment.shipmentNo)}"]`);
      (row ?? document.getElementById(tabId(store.getState().tab)))?.focus();
    },
    [language, store, t],
  );

  const caption = t('list.caption', { tab: t(`tab.${tab}`), region: t(`region.${region}`) });

  return (
    <>
      <div className="app" inert={registering !== null}>
        <header className="app-header">
          <h1 className="app-title">{t('app.title')}</h1>
          <span className="app-name">{t('app.name')}</span>
        </header>
        <ConnectionNotice />
        <div className="toolbar">
          <StatusTabs />
          <RegionSwitch />
        </div>
        <section id={PANEL_ID} className="panel" role="tabpanel" aria-labelledby={tabId(tab)} aria-busy={phase === 'loading'}>
          <ListBody caption={caption} onRegisterInvoice={setRegistering} />
        </section>
        <ListFooter />
      </div>
      {registering && <RegisterInvoiceDialog row={registering} onClose={closeDialog} onRegistered={registered} />}
    </>
  );
}
