// The Shipping Management screen: status tabs with counts and the region switch, the search bar
// and its chips, the virtualised grid, toasts over its foot; dialogs on top (the page behind goes inert).
import { useEffect } from 'react';
import { useClient } from '../../api/ClientContext';
import { ConnectionNotice } from '../../components/ConnectionNotice';
import { Icon } from '../../components/Icon';
import { Toasts } from '../../components/Toasts';
import { TooltipLayer } from '../../components/TooltipLayer';
import { useT } from '../../i18n';
import { useConnection } from '../../stores/connection';
import { useDialogs } from '../../stores/dialogs';
import { useFacets } from '../../stores/facets';
import { useHomeZone } from '../../stores/homeZone';
import { useFilters, useStoreApis } from '../../stores/StoresContext';
import { ShipmentGrid } from '../grid/ShipmentGrid';
import { useDropFile } from './useDropFile';
import { useScanner } from '../scanner/useScanner';
import { FilterChips } from '../search/FilterChips';
import { SearchBar } from '../search/SearchBar';
import { OperatorBadge } from '../settings/OperatorBadge';
import { useSettingsLanguage } from '../settings/useSettingsLanguage';
import { StatusBar } from '../sync/StatusBar';
import { useSyncFollow } from '../sync/useSyncFollow';
import { DialogHost } from './DialogHost';
import { RegionSwitch } from './RegionSwitch';
import { PANEL_ID, StatusTabs, tabId } from './StatusTabs';
import { SubStatuses } from './SubStatuses';
import { useLiveRefresh } from './useLiveRefresh';

export function ShippingManagement() {
  const t = useT();
  const client = useClient();
  const { grid } = useStoreApis();
  const tab = useFilters((s) => s.tab);
  const region = useFilters((s) => s.region);
  const dialogOpen = useDialogs((s) => s.open !== null);
  const show = useDialogs((s) => s.show);

  useLiveRefresh();
  useScanner();
  const dragging = useDropFile();
  useSettingsLanguage();
  useSyncFollow();
  useEffect(() => {
    void grid.getState().reload();
    void useFacets.getState().load(client);
    void useHomeZone.getState().load(client);
    const offFollow = useConnection.getState().follow(client);
    const offZone = client.onConnection((state) => {
      if (state === 'open') void useHomeZone.getState().load(client);
    });
    return () => {
      offFollow();
      offZone();
    };
  }, [grid, client]);

  const caption = t('list.caption', { tab: t(`tab.${tab}`), region: t(`region.${region}`) });

  return (
    <>
      <div className="app" inert={dialogOpen}>
        <header className="app-header">
          <h1 className="app-title">{t('app.title')}</h1>
          <span className="app-name">{t('app.name')}</span>
          <span className="header-spacer" />
          <OperatorBadge />
          <button type="button" className="button" onClick={() => show({ kind: 'orders' })}>
            <Icon name="upload" size={14} /> {t('orders.open')}
          </button>
          <button type="button" className="button" onClick={() => show({ kind: 'import' })}>
            <Icon name="upload" size={14} /> {t('excel.open')}
          </button>
          <button type="button" className="button" onClick={() => show({ kind: 'exports' })}>
            <Icon name="download" size={14} /> {t('exports.open')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => show({ kind: 'settings' })}>
            <Icon name="gear" size={14} /> {t('app.settings')}
          </button>
        </header>
        <main className="main">
          <ConnectionNotice />
          <div className="toolbar">
            <StatusTabs />
            <RegionSwitch />
          </div>
          <section id={PANEL_ID} className="panel" role="tabpanel" aria-labelledby={tabId(tab)}>
            <SearchBar />
            <FilterChips>
              <SubStatuses />
            </FilterChips>
            <ShipmentGrid caption={caption} />
          </section>
        </main>
        <footer className="app-footer">
          <StatusBar />
        </footer>
      </div>
      <DialogHost />
      <Toasts />
      <TooltipLayer />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>
            <Icon name="upload" size={28} /> {t('excel.dropAnywhere')}
          </p>
        </div>
      )}
    </>
  );
}
