// The status bar: online or offline (words and an icon, not colour alone), Disconnected when the
// screen lost Shipdesk itself (then nothing else it shows is current), the queue of changes
// waiting for the carrier side, the last successful sync, refused work, and "Refresh now" for the
// shipments on screen.
import { useClient } from '../../api/ClientContext';
import { Icon } from '../../components/Icon';
import { useLanguage, useT } from '../../i18n';
import type { SyncStateView } from '../../../../shared/api/contract';
import { errorHeadline } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { plural } from '../../i18n/plural';
import { PoolStatus } from '../conflicts/PoolStatus';
import { useConnection } from '../../stores/connection';
import { useStoreApis } from '../../stores/StoresContext';
import { useSync } from '../../stores/syncStore';
import { showToast } from '../../stores/toasts';

/** The shipments on screen that have an invoice to ask the carrier about. */
function onScreenWithInvoice(): string[] {
  return [
    ...document.querySelectorAll<HTMLElement>('.grid-body [role="row"][data-shipment-no][data-has-invoice="true"]'),
  ]
    .map((el) => el.dataset.shipmentNo ?? '')
    .filter(Boolean)
    .slice(0, 500);
}

export function StatusBar() {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const client = useClient();
  const lost = useConnection((s) => s.lost);
  const view = useSync((s) => s.view);
  if (!view && !lost) return <div className="status-bar" aria-label={t('sync.bar')} role="group" />;

  const refresh = async () => {
    const nos = onScreenWithInvoice();
    if (!nos.length) return void showToast(t('sync.nothingToRefresh'));
    try {
      const answer = await client.call('sync.refresh', { shipmentNos: nos });
      if (answer.ok) showToast(plural(t, language, 'sync.refreshed', nos.length));
      else showToast(`${errorHeadline(t, answer.error.code)} ${answer.error.message}`, { tone: 'error' });
    } catch {
      showToast(t('connection.callFailed'), { tone: 'error' });
    }
  };

  // Without Shipdesk nothing below is current: say Disconnected, never a stale "Online".
  const online = !lost && view?.online === true;
  return (
    <div className="status-bar" role="group" aria-label={t('sync.bar')}>
      <span
        className={`sync-online ${lost ? 'is-disconnected' : online ? 'is-online' : 'is-offline'}`}
        role="status"
        data-testid="sync-online"
      >
        <Icon name={online ? 'check' : 'alert'} size={12} />{' '}
        {lost ? t('sync.disconnected') : online ? t('sync.online') : t('sync.offline')}
        {!lost && view?.syncing && online ? ` · ${t('sync.syncing')}` : ''}
      </span>
      {view && <SyncFacts view={view} />}
      <PoolStatus />
      <button
        type="button"
        className="button button-small"
        data-tip={t('sync.refreshLabel')}
        disabled={lost}
        onClick={() => void refresh()}
      >
        <Icon name="refresh" size={12} /> {t('sync.refresh')}
      </button>
    </div>
  );
}

/** The queue, the last sync and the sync's troubles, as last known. */
function SyncFacts({ view }: { view: SyncStateView }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  return (
    <>
      <span
        className="sync-item"
        data-testid="sync-queue"
        data-tip={plural(t, language, 'sync.queueLabel', view.queued)}
      >
        {t('sync.queue', { n: view.queued })}
      </span>
      <span className="sync-item" data-testid="sync-last">
        {view.lastSyncAt ? t('sync.lastSync', { time: formatDateTime(view.lastSyncAt, language) }) : t('sync.never')}
      </span>
      {view.demo && <span className="sync-item sync-demo">{t('sync.demo')}</span>}
      {!view.tracking && <span className="sync-item muted">{t('sync.noTracking')}</span>}
      {view.deadLetters > 0 && (
        <span className="sync-item sync-bad" data-tip={plural(t, language, 'sync.refusedLabel', view.deadLetters)}>
          {t('sync.refused', { n: view.deadLetters })}
        </span>
      )}
      {view.notMoving > 0 && <NotMovingLink view={view} />}
    </>
  );
}

/**
 * "N not moving" leads to those shipments: the grid's not-moving filter, on the Preparing tab (no
 * scan yet, so still Released) and in a region that has some; its name says why they count.
 */
function NotMovingLink({ view }: { view: SyncStateView }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const { filters } = useStoreApis();
  const why = plural(t, language, 'sync.notMovingLabel', view.notMoving, view.notMovingDays);
  const show = () => {
    const here = filters.getState().region;
    const region = view.notMovingByRegion[here] > 0 ? here : here === 'domestic' ? 'international' : 'domestic';
    // Only those shipments: a search or facet left on would hide some of the N the link promised.
    filters.getState().clearFilters();
    filters.getState().set({ notMoving: true, tab: 'preparing', region });
  };
  return (
    <button type="button" className="sync-item sync-warn link-button" aria-label={why} data-tip={why} onClick={show}>
      {t('sync.notMoving', { n: view.notMoving })}
    </button>
  );
}
