// Settings: who works at this station (the name history records), each warehouse's carrier,
// remembering the last carrier, the scanner's prefix/suffix with a place to test a scan, the
// tracker's address and key, and the language. The language applies at once; the rest is saved
// with Save, and what cannot be saved is said next to its field. Below the form, the data kept on this
// computer (backups, retention) with its own save and a purge that asks first.
import { useId, useState, type FormEvent } from 'react';
import { readControls } from '../../../../shared/scannerFrame';
import { useClient } from '../../api/ClientContext';
import { Dialog } from '../../components/Dialog';
import { useLanguage, useT, type LanguageChoice } from '../../i18n';
import { CarrierDefaults } from './CarrierDefaults';
import { DataCareSection } from './DataCareSection';
import { ScanTester } from './ScanTester';
import { useStationSettings } from '../../stores/stationSettings';
import { TrackerSection } from './TrackerSection';
import { useSettingsForm, type Problems } from './useSettingsForm';

const CHOICES: readonly LanguageChoice[] = ['system', 'ko', 'en'];

/** A problem shown under its field, tied to it by id. */
function Problem({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p id={id} className="field-note field-note-error" role="alert">
      {text}
    </p>
  );
}

const describedBy = (problems: Problems, field: keyof Problems, hint: string, problem: string) =>
  problems[field] ? `${hint} ${problem}` : hint;

export function SettingsDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const client = useClient();
  const ids = useId();
  const id = (name: string) => `${ids}-${name}`;
  const choice = useLanguage((s) => s.choice);
  const choose = useLanguage((s) => s.choose);
  const form = useSettingsForm();
  const { draft, problems, settings } = form;
  const [languageStatus, setLanguageStatus] = useState<string | null>(null);

  const pick = async (next: LanguageChoice) => {
    choose(next);
    const t2 = useLanguage.getState().t; // the message in the language just chosen
    try {
      const answer = await client.call('settings.update', { language: next });
      if (answer.ok) useStationSettings.getState().set(answer.value);
      setLanguageStatus(answer.ok ? t2('settings.saved') : `${t2('settings.saveFailed')} ${answer.error.message}`);
    } catch (err) {
      setLanguageStatus(`${t2('settings.saveFailed')} ${err instanceof Error ? err.message : ''}`);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void form.save();
  };

  const operator = settings?.operator;
  const operatorNote =
    operator?.from === 'startup'
      ? t('settings.operator.fromStartup', { name: operator.name })
      : operator?.from === 'computer'
        ? t('settings.operator.fromComputer', { name: operator.name })
        : t('settings.operator.hint');

  return (
    <Dialog
      titleId={id('title')}
      title={t('settings.title')}
      onClose={onClose}
      closeLabel={t('dialog.close')}
      size="wide"
    >
      <fieldset className="settings-group settings-language">
        <legend>{t('settings.language')}</legend>
        <div className="language-choices">
          {CHOICES.map((c) => (
            <label key={c} className="check">
              <input
                type="radio"
                name={id('language')}
                value={c}
                checked={choice === c}
                onChange={() => void pick(c)}
              />
              <span lang={c === 'ko' ? 'ko' : c === 'en' ? 'en' : undefined}>{t(`settings.language.${c}`)}</span>
            </label>
          ))}
        </div>
        <p className="field-note" role="status">
          {languageStatus ?? ''}
        </p>
      </fieldset>
      {form.loadFailed && (
        <p className="field-note field-note-error">{`${t('settings.loadFailed')} ${form.loadFailed}`}</p>
      )}
      {!draft ? (
        <p className="dialog-placeholder">{t('settings.loading')}</p>
      ) : (
        <form className="settings-form" onSubmit={submit} noValidate aria-label={t('settings.title')}>
          <div className="settings-columns">
            <div>
              <fieldset className="settings-group">
                <legend>{t('settings.operator')}</legend>
                <div className="field">
                  <label htmlFor={id('operator')}>{t('settings.operator.name')}</label>
                  <input
                    id={id('operator')}
                    type="text"
                    maxLength={80}
                    autoComplete="name"
                    value={draft.operatorName}
                    aria-invalid={problems.operatorName ? true : undefined}
                    aria-describedby={describedBy(
                      problems,
                      'operatorName',
                      id('operator-hint'),
                      id('operator-problem'),
                    )}
                    onChange={(e) => form.edit({ operatorName: e.target.value }, ['operatorName'])}
                  />
                  <p id={id('operator-hint')} className="field-hint">
                    {operatorNote}
                  </p>
                  <Problem id={id('operator-problem')} text={problems.operatorName} />
                </div>
              </fieldset>
              {form.warehouses && form.carriers ? (
                <CarrierDefaults
                  warehouses={form.warehouses}
                  carriers={form.carriers}
                  draft={draft}
                  problem={problems.defaultCarriers ?? problems.rememberLastCarrier}
                  onChange={(next) => form.edit(next, ['defaultCarriers', 'rememberLastCarrier'])}
                />
              ) : (
                <p className="field-note">{t('settings.loading')}</p>
              )}
            </div>
            <div>
              <fieldset className="settings-group">
                <legend>{t('settings.scanner')}</legend>
                <p id={id('scanner-hint')} className="field-hint settings-hint">
                  {t('settings.scanner.hint')}
                </p>
                <div className="scanner-frame">
                  {(['scannerPrefix', 'scannerSuffix'] as const).map((field) => (
                    <div className="field" key={field}>
                      <label htmlFor={id(field)}>{t(`settings.scanner.${field}`)}</label>
                      <input
                        id={id(field)}
                        type="text"
                        className="mono"
                        autoComplete="off"
                        spellCheck={false}
                        maxLength={60}
                        value={draft[field]}
                        placeholder={t('settings.scanner.none')}
                        aria-invalid={problems[field] ? true : undefined}
                        aria-describedby={describedBy(problems, field, id('scanner-hint'), id(`${field}-problem`))}
                        onChange={(e) => form.edit({ [field]: e.target.value }, [field])}
                      />
                      <Problem id={id(`${field}-problem`)} text={problems[field]} />
                    </div>
                  ))}
                </div>
                <ScanTester prefix={readControls(draft.scannerPrefix)} suffix={readControls(draft.scannerSuffix)} />
              </fieldset>
              <TrackerSection
                tracker={form.tracker}
                draft={form.trackerDraft}
                problems={problems}
                onChange={form.editTracker}
                onRemoveKey={() => void form.removeKey()}
              />
            </div>
          </div>
          <div className="form-actions settings-actions">
            <p
              className={`field-note settings-status${form.status?.tone === 'error' ? ' field-note-error' : ''}`}
              role="status"
            >
              {form.status?.text ?? ''}
            </p>
            <button type="submit" className="button button-primary" aria-busy={form.saving}>
              {form.saving ? t('invoice.saving') : t('settings.save')}
            </button>
          </div>
        </form>
      )}
      <DataCareSection />
    </Dialog>
  );
}
