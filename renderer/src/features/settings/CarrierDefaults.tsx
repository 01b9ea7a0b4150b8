// Each warehouse's contract carrier (what the invoice dialog preselects), and whether this station
// remembers the last carrier it used instead.
import { useId } from 'react';
import type { CarrierView, Facet } from '../../../../shared/api/contract';
import { useLanguage, useT } from '../../i18n';
import { asCarrier, type Draft } from './settingsDraft';

interface Props {
  warehouses: readonly Facet[];
  carriers: readonly CarrierView[];
  draft: Draft;
  problem: string | undefined;
  onChange(next: Pick<Draft, 'defaults' | 'rememberLastCarrier'>): void;
}

export function CarrierDefaults({ warehouses, carriers, draft, problem, onChange }: Props) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const ids = useId();
  const name = (c: CarrierView) => (language === 'ko' ? c.nameKo : c.nameEn);
  const regions = [
    { region: 'domestic' as const, label: t('region.domestic') },
    { region: 'international' as const, label: t('region.international') },
  ];

  return (
    <fieldset className="settings-group" aria-describedby={`${ids}-hint${problem ? ` ${ids}-problem` : ''}`}>
      <legend>{t('settings.carriers')}</legend>
      <p id={`${ids}-hint`} className="field-hint settings-hint">
        {t('settings.carriers.hint')}
      </p>
      {warehouses.length === 0 && <p className="field-note">{t('settings.carriers.noWarehouses')}</p>}
      <div className="default-carriers">
        {warehouses.map((w) => (
          <div key={w.code} className="default-carrier">
            <label htmlFor={`${ids}-${w.code}`}>
              {w.name} <span className="muted mono">{w.code}</span>
            </label>
            <select
              id={`${ids}-${w.code}`}
              value={draft.defaults[w.code] ?? ''}
              aria-invalid={problem ? true : undefined}
              onChange={(e) =>
                onChange({
                  defaults: { ...draft.defaults, [w.code]: asCarrier(e.target.value) },
                  rememberLastCarrier: draft.rememberLastCarrier,
                })
              }
            >
              <option value="">{t('settings.carriers.none')}</option>
              {regions.map(({ region, label }) => (
                <optgroup key={region} label={label}>
                  {carriers
                    .filter((c) => c.region === region)
                    .map((c) => (
                      <option key={c.id} value={c.id}>
                        {name(c)}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </div>
        ))}
      </div>
      {problem && (
        <p id={`${ids}-problem`} className="field-note field-note-error" role="alert">
          {problem}
        </p>
      )}
      <label className="check remember-carrier">
        <input
          type="checkbox"
          checked={draft.rememberLastCarrier}
          aria-describedby={`${ids}-remember`}
          onChange={(e) => onChange({ defaults: draft.defaults, rememberLastCarrier: e.target.checked })}
        />
        <span>{t('settings.carriers.remember')}</span>
      </label>
      <p id={`${ids}-remember`} className="field-hint settings-hint">
        {t('settings.carriers.rememberHint')}
      </p>
    </fieldset>
  );
}
