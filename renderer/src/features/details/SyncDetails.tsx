// In the details dialog: what the sync is doing with this shipment (last and next look, why it
// failed and what the carrier will do) and a "Refresh now" that asks the carrier at once.
import { useEffect, useState } from 'react';
import { useClient } from '../../api/ClientContext';
import { Icon } from '../../components/Icon';
import { useLanguage, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { useSync } from '../../stores/syncStore';

export function SyncDetails({ shipmentNo }: { shipmentNo: string }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const client = useClient();
  const sync = useSync((s) => s.rows[shipmentNo]);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    void useSync.getState().fetchRows(client, [shipmentNo]);
  }, [client, shipmentNo]);

  const refresh = async () => {
    try {
      const answer = await client.call('sync.refresh', { shipmentNos: [shipmentNo] });
      setNote(answer.ok ? t('sync.refreshOneDone') : answer.error.message);
      void useSync.getState().fetchRows(client, [shipmentNo]);
    } catch (err) {
      setNote(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <div className="sync-details">
      {sync?.failure && (
        <p className="field-message field-message-error">
          {t('sync.failure', { what: t(`code.${sync.failure.code}`), text: sync.failure.text })}{' '}
          {t(`sync.next.${sync.failure.nextStep}`)}
        </p>
      )}
      {sync &&
        (sync.phase === 'queued' ||
          sync.phase === 'sending' ||
          sync.phase === 'retrying' ||
          sync.phase === 'refused') && (
          <p className={sync.phase === 'refused' ? 'field-message field-message-error' : 'muted'}>
            {t(`sync.phase.${sync.phase}`)}
            {sync.reason ? `: ${sync.reason}` : ''}
          </p>
        )}
      {sync?.notMoving && <p className="field-message field-message-warning">{t('sync.phase.notMoving')}</p>}
      <p className="muted sync-times">
        {sync?.lastPolledAt && <span>{t('sync.polled', { time: formatDateTime(sync.lastPolledAt, language) })}</span>}
        {sync?.nextPollAt && <span>{t('sync.nextPoll', { time: formatDateTime(sync.nextPollAt, language) })}</span>}
        <button type="button" className="button button-small" onClick={() => void refresh()}>
          <Icon name="refresh" size={12} /> {t('sync.refreshOne')}
        </button>
        <span role="status">{note ?? ''}</span>
      </p>
    </div>
  );
}
