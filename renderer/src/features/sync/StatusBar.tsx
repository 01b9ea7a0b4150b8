// The status bar: online or offline (words and an icon, not colour alone), the queue of changes
// waiting for the carrier side, the last successful sync, refused work, and "Refresh now" for the
// shipments on screen.
import { useClient } from '../../api/ClientContext';
import { Icon } from '../../components/Icon';
import { PoolStatus } from '../conflicts/PoolStatus';
import { useLanguage, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { useStoreApis } from '../../stores/StoresContext';
import { useSync } from '../../stores/syncStore';

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
  const { grid } = useStoreApis();
  const view = useSync((s) => s.view);
  if (!view) return <div className="status-bar" aria-label={t('sync.bar')} role="group" />;

  const refresh = async () => {
    const nos = onScreenWithInvoice();
    if (!nos.length) return grid.getState().setNotice({ text: t('sync.nothingToRefresh'), tone: 'ok' });
    try {
      const answer = await client.call('sync.refresh', { shipmentNos: nos });
      grid
        .getState()
        .setNotice(
          answer.ok
            ? { text: t('sync.refreshed', { n: nos.length }), tone: 'ok' }
            : { text: answer.error.message, tone: 'error' },
        );
    } catch (err) {
      grid.getState().setNotice({ text: err instanceof Error ? err.message : String(err), tone: 'error' });
    }
  };

  return (
    <div className="status-bar" role="group" aria-label={t('sync.bar')}>
      <span
        className={`sync-online ${view.online ? 'is-online' : 'is-offline'}`}
        role="status"
        data-testid="sync-online"
      >
        <Icon name={view.online ? 'check' : 'alert'} size={12} /> {view.online ? t('sync.online') : t('sync.offline')}
        {view.syncing && view.online ? ` · ${t('sync.syncing')}` : ''}
      </span>
      <span className="sync-item" data-testid="sync-queue" data-tip={t('sync.queueLabel', { n: view.queued })}>
        {t('sync.queue', { n: view.queued })}
      </span>
      <span className="sync-item" data-testid="sync-last">
        {view.lastSyncAt ? t('sync.lastSync', { time: formatDateTime(view.lastSyncAt, language) }) : t('sync.never')}
      </span>
      {view.demo && <span className="sync-item sync-demo">{t('sync.demo')}</span>}
      {!view.tracking && <span className="sync-item muted">{t('sync.noTracking')}</span>}
      {view.deadLetters > 0 && (
        <span className="sync-item sync-bad" data-tip={t('sync.refusedLabel', { n: view.deadLetters })}>
          {t('sync.refused', { n: view.deadLetters })}
        </span>
      )}
      {view.notMoving > 0 && <span className="sync-item sync-warn">{t('sync.notMoving', { n: view.notMoving })}</span>}
      <PoolStatus />
      <button
        type="button"
        className="button button-small"
        data-tip={t('sync.refreshLabel')}
        onClick={() => void refresh()}
      >
        <Icon name="refresh" size={12} /> {t('sync.refresh')}
      </button>
    </div>
  );
}
