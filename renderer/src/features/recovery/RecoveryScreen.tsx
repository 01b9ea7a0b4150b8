// What the operator sees when the database was refused: what is wrong in words, the backups found in
// the data folder (newest first, when and how big), and one action: restore the last backup. The
// refused file is kept aside by the host (recovery.restore), never deleted.
import { useId, useState } from 'react';
import type { BackupView, RecoveryView } from '../../../../shared/api/contract';
import { useClient } from '../../api/ClientContext';
import { useLanguage, useT, type Translate } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { formatBytes } from './bytes';

interface Props {
  view: RecoveryView;
  onOpened(): void;
}

function kindOf(t: Translate, reason: string): string {
  if (reason === 'daily') return t('recovery.kind.daily');
  if (reason === 'manual') return t('recovery.kind.manual');
  return t('recovery.kind.before');
}

export function RecoveryScreen({ view, onOpened }: Props) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const client = useClient();
  const ids = useId();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const last: BackupView | undefined = view.backups[0];
  const when = (b: BackupView) => formatDateTime(b.takenAt, language);

  const restore = async () => {
    if (!last) return;
    setBusy(true);
    setFailure(null);
    try {
      const answer = await client.call('recovery.restore', { fileName: last.fileName });
      if (answer.ok) {
        onOpened();
        return;
      }
      setFailure(answer.error.message);
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    }
    setBusy(false);
  };

  return (
    <main className="recovery" aria-labelledby={`${ids}-title`}>
      <h1 id={`${ids}-title`}>{t('recovery.title')}</h1>
      <p className="recovery-what">
        {view.problem?.code === 'NOT_SHIPDESK_DATABASE' ? t('recovery.notShipdesk') : t('recovery.damaged')}
      </p>
      {last ? (
        <>
          <div className="recovery-action">
            <button
              type="button"
              className="button button-primary"
              // The one thing to do here: keyboard users start on it.
              autoFocus
              disabled={busy}
              aria-busy={busy}
              aria-describedby={`${ids}-last`}
              onClick={() => void restore()}
            >
              {busy ? t('recovery.restoring') : t('recovery.restoreLast')}
            </button>
            <p id={`${ids}-last`} className="field-hint">
              {t('recovery.lastIs', { when: when(last), size: formatBytes(t, last.bytes) })}
            </p>
          </div>
          <table className="recovery-backups">
            <caption>{t('recovery.backups')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('recovery.col.taken')}</th>
                <th scope="col">{t('recovery.col.kind')}</th>
                <th scope="col">{t('recovery.col.size')}</th>
              </tr>
            </thead>
            <tbody>
              {view.backups.map((b) => (
                <tr key={b.fileName} title={b.fileName}>
                  <td>{when(b)}</td>
                  <td>{kindOf(t, b.reason)}</td>
                  <td>{formatBytes(t, b.bytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="recovery-none">{t('recovery.noBackups')}</p>
      )}
      <p className="field-note field-note-error" role="alert">
        {failure ? `${t('recovery.failed')} ${failure}` : ''}
      </p>
      <details className="recovery-details">
        <summary>{t('recovery.details')}</summary>
        {view.databaseFile && <p className="mono">{t('recovery.file', { file: view.databaseFile })}</p>}
        <p lang="en">{view.problem?.message}</p>
      </details>
    </main>
  );
}
