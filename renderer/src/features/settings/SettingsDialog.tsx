// Settings: the screen's language (system, Korean, English), kept in Shipdesk's settings so every
// window and the next start use it. The choice applies at once; a failed save says so.
import { useId, useState } from 'react';
import { useClient } from '../../api/ClientContext';
import { Dialog } from '../../components/Dialog';
import { useLanguage, useT, type LanguageChoice } from '../../i18n';
import { useStationSettings } from './stationSettings';

const CHOICES: readonly LanguageChoice[] = ['system', 'ko', 'en'];

export function SettingsDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const client = useClient();
  const ids = useId();
  const choice = useLanguage((s) => s.choice);
  const choose = useLanguage((s) => s.choose);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const pick = async (next: LanguageChoice) => {
    choose(next);
    const t2 = useLanguage.getState().t; // the message in the language just chosen
    try {
      const answer = await client.call('settings.update', { language: next });
      if (answer.ok) useStationSettings.getState().set(answer.value);
      setStatus(
        answer.ok
          ? { tone: 'ok', text: t2('settings.saved') }
          : { tone: 'error', text: `${t2('settings.saveFailed')} ${answer.error.message}` },
      );
    } catch (err) {
      setStatus({ tone: 'error', text: `${t2('settings.saveFailed')} ${err instanceof Error ? err.message : ''}` });
    }
  };

  return (
    <Dialog titleId={`${ids}-title`} title={t('settings.title')} onClose={onClose} closeLabel={t('dialog.close')}>
      <fieldset className="settings-group">
        <legend>{t('settings.language')}</legend>
        {CHOICES.map((c) => (
          <label key={c} className="check">
            <input
              type="radio"
              name={`${ids}-language`}
              value={c}
              checked={choice === c}
              onChange={() => void pick(c)}
            />
            <span lang={c === 'ko' ? 'ko' : c === 'en' ? 'en' : undefined}>{t(`settings.language.${c}`)}</span>
          </label>
        ))}
      </fieldset>
      <p className={`field-note${status?.tone === 'error' ? ' field-note-error' : ''}`} role="status">
        {status?.text ?? ''}
      </p>
    </Dialog>
  );
}
