// The tracker (tracker.delivery) address and key. The key is write-only: the screen only learns
// whether one is set and where it is kept. Environment variables win over these settings.
import { useId } from 'react';
import type { SyncSettingsView } from '../../../../shared/api/contract';
import { useT } from '../../i18n';
import type { Problems, TrackerDraft } from './useSettingsForm';

interface Props {
  tracker: SyncSettingsView | null;
  draft: TrackerDraft;
  problems: Problems;
  onChange(next: Partial<TrackerDraft>, field: 'trackerUrl' | 'trackerKey'): void;
  onRemoveKey(): void;
}

export function TrackerSection({ tracker, draft, problems, onChange, onRemoveKey }: Props) {
  const t = useT();
  const ids = useId();
  const urlFromEnv = tracker?.trackerUrlFrom === 'env';
  const keyFromEnv = tracker?.keyFrom === 'env';
  const keyState = !tracker
    ? t('dialog.loading')
    : !tracker.hasKey
      ? t('settings.tracker.noKey')
      : keyFromEnv
        ? t('settings.tracker.keyFromEnv')
        : tracker.keyFrom === 'app'
          ? t('settings.tracker.keyFromApp')
          : tracker.keyStore === 'encrypted'
            ? t('settings.tracker.keyEncrypted')
            : t('settings.tracker.keyFile');
  const describe = (...parts: (string | false)[]) => parts.filter(Boolean).join(' ') || undefined;

  return (
    <fieldset className="settings-group">
      <legend>{t('settings.tracker')}</legend>
      <div className="field">
        <label htmlFor={`${ids}-url`}>{t('settings.tracker.url')}</label>
        <input
          id={`${ids}-url`}
          type="url"
          className="mono"
          autoComplete="off"
          spellCheck={false}
          maxLength={500}
          value={draft.url}
          readOnly={urlFromEnv}
          placeholder="https://…/graphql"
          aria-invalid={problems.trackerUrl ? true : undefined}
          aria-describedby={describe(`${ids}-url-hint`, !!problems.trackerUrl && `${ids}-url-problem`)}
          onChange={(e) => onChange({ url: e.target.value }, 'trackerUrl')}
        />
        <p id={`${ids}-url-hint`} className="field-hint">
          {urlFromEnv
            ? t('settings.tracker.urlFromEnv')
            : tracker?.trackerUrlFrom === 'app'
              ? t('settings.tracker.urlFromApp')
              : t('settings.tracker.urlHint')}
        </p>
        {problems.trackerUrl && (
          <p id={`${ids}-url-problem`} className="field-note field-note-error" role="alert">
            {problems.trackerUrl}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-key`}>{t('settings.tracker.key')}</label>
        <div className="key-row">
          <input
            id={`${ids}-key`}
            type="password"
            className="mono"
            autoComplete="new-password"
            spellCheck={false}
            maxLength={500}
            value={draft.key}
            readOnly={keyFromEnv}
            placeholder={tracker?.hasKey ? t('settings.tracker.keyReplace') : 'clientId:clientSecret'}
            aria-invalid={problems.trackerKey ? true : undefined}
            aria-describedby={describe(`${ids}-key-state`, !!problems.trackerKey && `${ids}-key-problem`)}
            onChange={(e) => onChange({ key: e.target.value }, 'trackerKey')}
          />
          {tracker?.hasKey && tracker.keyFrom === 'store' && (
            <button type="button" className="button" onClick={onRemoveKey}>
              {t('settings.tracker.removeKey')}
            </button>
          )}
        </div>
        <p id={`${ids}-key-state`} className="field-hint" data-testid="tracker-key-state">
          {keyState}
        </p>
        {problems.trackerKey && (
          <p id={`${ids}-key-problem`} className="field-note field-note-error" role="alert">
            {problems.trackerKey}
          </p>
        )}
      </div>
    </fieldset>
  );
}
