// Data on this computer: how many daily backups are kept, and the retention period (off by default)
// with what a purge would remove now and a purge that asks first. Saved with its own button, apart
// from the station form, because it changes what is kept on disk rather than how the desk works.
import { useEffect, useId, useRef, useState } from 'react';
import {
  BACKUP_KEEP_MAX,
  RETENTION_DAYS_MAX,
  RETENTION_DAYS_MIN,
  type DataCareView,
  type PurgePreview,
} from '../../../../shared/api/contract';
import { useClient } from '../../api/ClientContext';
import { useLanguage, useT } from '../../i18n';
import { formatDateTime } from '../../i18n/format';
import { plural } from '../../i18n/plural';

/** The period a fresh "on" starts with: a year, which most desks keep for returns and tax questions. */
const FIRST_RETENTION_DAYS = 365;

const wholeIn = (text: string, min: number, max: number): number | null => {
  const n = Number(text);
  return /^\d+$/.test(text.trim()) && n >= min && n <= max ? n : null;
};

type Status = { tone: 'ok' | 'error'; text: string } | null;

export function DataCareSection() {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const client = useClient();
  const ids = useId();
  const [saved, setSaved] = useState<DataCareView | null>(null);
  const [keep, setKeep] = useState('');
  const [on, setOn] = useState(false);
  const [days, setDays] = useState(String(FIRST_RETENTION_DAYS));
  const [preview, setPreview] = useState<PurgePreview | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);

  const adopt = (view: DataCareView) => {
    setSaved(view);
    setKeep(String(view.backupKeep));
    setOn(view.retentionDays !== null);
    setDays(String(view.retentionDays ?? FIRST_RETENTION_DAYS));
  };

  // Read once when Settings opens (a change of language must not reset what is being edited).
  useEffect(() => {
    let live = true;
    const failed = (why: string) =>
      live && setStatus({ tone: 'error', text: `${useLanguage.getState().t('settings.loadFailed')} ${why}` });
    client.call('data.state', {}).then(
      (answer) => {
        if (!live) return;
        if (answer.ok) adopt(answer.value);
        else failed(answer.error.message);
      },
      (err: unknown) => failed(String(err)),
    );
    return () => {
      live = false;
    };
  }, [client]);

  const keepValue = wholeIn(keep, 1, BACKUP_KEEP_MAX);
  const daysValue = on ? wholeIn(days, RETENTION_DAYS_MIN, RETENTION_DAYS_MAX) : null;

  // What a purge with the period on screen would remove now: asked again whenever the period changes.
  useEffect(() => {
    if (daysValue === null) {
      setPreview(null);
      return;
    }
    let live = true;
    client.call('data.purgePreview', { retentionDays: daysValue }).then(
      (answer) => live && setPreview(answer.ok ? answer.value : null),
      () => live && setPreview(null),
    );
    return () => {
      live = false;
    };
  }, [client, daysValue]);

  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);

  const unsaved = saved !== null && (keepValue !== saved.backupKeep || (on ? daysValue : null) !== saved.retentionDays);
  const canSave = saved !== null && keepValue !== null && (!on || daysValue !== null) && unsaved && !busy;
  const canPurge = saved?.retentionDays != null && !unsaved && (preview?.shipments ?? 0) > 0 && !busy;

  const save = async () => {
    if (keepValue === null) return;
    setBusy(true);
    setConfirming(false);
    try {
      const answer = await client.call('data.updateSettings', { backupKeep: keepValue, retentionDays: daysValue });
      if (answer.ok) adopt(answer.value);
      setStatus(
        answer.ok
          ? { tone: 'ok', text: t('data.saved') }
          : { tone: 'error', text: `${t('settings.saveFailed')} ${answer.error.message}` },
      );
    } catch (err) {
      setStatus({ tone: 'error', text: `${t('settings.saveFailed')} ${String(err)}` });
    }
    setBusy(false);
  };

  const purge = async () => {
    setBusy(true);
    try {
      const answer = await client.call('data.purgeOld', {});
      setStatus(
        answer.ok
          ? { tone: 'ok', text: plural(t, language, 'data.purged', answer.value.purged) }
          : { tone: 'error', text: answer.error.message },
      );
      if (answer.ok && daysValue !== null) {
        const again = await client.call('data.purgePreview', { retentionDays: daysValue });
        setPreview(again.ok ? again.value : null);
      }
    } catch (err) {
      setStatus({ tone: 'error', text: String(err) });
    }
    setConfirming(false);
    setBusy(false);
  };

  const previewText =
    preview === null
      ? ''
      : preview.shipments === 0
        ? t('data.preview.none')
        : plural(t, language, 'data.preview', preview.shipments, { day: formatDateTime(preview.cutoff, language) });

  return (
    <fieldset className="settings-group data-care">
      <legend>{t('data.title')}</legend>
      <div className="field">
        <label htmlFor={`${ids}-keep`}>{t('data.backupKeep')}</label>
        <input
          id={`${ids}-keep`}
          type="number"
          inputMode="numeric"
          min={1}
          max={BACKUP_KEEP_MAX}
          value={keep}
          disabled={saved === null}
          aria-invalid={keepValue === null && saved !== null ? true : undefined}
          aria-describedby={`${ids}-keep-hint`}
          onChange={(e) => setKeep(e.target.value)}
        />
        <p id={`${ids}-keep-hint`} className="field-hint">
          {t('data.backupKeepHint')}
        </p>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={on}
          disabled={saved === null}
          aria-describedby={`${ids}-retention-hint`}
          onChange={(e) => setOn(e.target.checked)}
        />
        <span>{t('data.retention')}</span>
      </label>
      <p id={`${ids}-retention-hint`} className="field-hint">
        {t('data.retentionHint')}
      </p>
      {on && (
        <div className="field">
          <label htmlFor={`${ids}-days`}>{t('data.retentionDays')}</label>
          <input
            id={`${ids}-days`}
            type="number"
            inputMode="numeric"
            min={RETENTION_DAYS_MIN}
            max={RETENTION_DAYS_MAX}
            value={days}
            aria-invalid={daysValue === null ? true : undefined}
            aria-describedby={`${ids}-preview`}
            onChange={(e) => setDays(e.target.value)}
          />
          <p id={`${ids}-preview`} className="field-hint" role="status" data-testid="purge-preview">
            {previewText}
          </p>
        </div>
      )}
      <div className="form-actions data-care-actions">
        <button type="button" className="button" disabled={!canSave} onClick={() => void save()}>
          {t('data.save')}
        </button>
        {saved?.retentionDays != null && !confirming && (
          <button
            type="button"
            className="button"
            disabled={!canPurge}
            aria-describedby={unsaved ? `${ids}-needs-save` : undefined}
            onClick={() => setConfirming(true)}
          >
            {t('data.purgeNow')}
          </button>
        )}
      </div>
      {unsaved && saved?.retentionDays != null && (
        <p id={`${ids}-needs-save`} className="field-hint">
          {t('data.purgeNeedsSave')}
        </p>
      )}
      {confirming && preview && (
        <div className="purge-confirm" role="group" aria-labelledby={`${ids}-confirm`}>
          <p id={`${ids}-confirm`}>{plural(t, language, 'data.confirm', preview.shipments)}</p>
          <button
            ref={confirmButton}
            type="button"
            className="button button-danger"
            aria-busy={busy}
            disabled={busy}
            onClick={() => void purge()}
          >
            {plural(t, language, 'data.confirmYes', preview.shipments)}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => setConfirming(false)}>
            {t('data.cancel')}
          </button>
        </div>
      )}
      <p
        id={`${ids}-status`}
        className={`field-note${status?.tone === 'error' ? ' field-note-error' : ''}`}
        role="status"
        data-testid="data-care-status"
      >
        {status?.text ?? ''}
      </p>
    </fieldset>
  );
}
