// Order-date range: two day fields (in the app's language) and presets (today, 7 days, 30 days). Days are the desk's days
// in its home time zone, as the core counts them, not this computer's (a laptop abroad would else
// ask for yesterday). A range that runs backwards is said next to the fields and not sent.
import { useId } from 'react';
import { DayField } from '../../components/DayField';
import { useT } from '../../i18n';
import { lastDays } from '../../../../shared/days';
import { rangeBackwards } from '../../stores/filters';
import { useHomeZone } from '../../stores/homeZone';
import { useFilters, useStoreApis } from '../../stores/StoresContext';

const PRESETS = [
  { days: 1, label: 'search.today' },
  { days: 7, label: 'search.days7' },
  { days: 30, label: 'search.days30' },
] as const;

export function DateRange() {
  const t = useT();
  const ids = useId();
  const from = useFilters((s) => s.from);
  const to = useFilters((s) => s.to);
  const { filters } = useStoreApis();
  const set = filters.getState().set;
  const zone = useHomeZone((s) => s.zone);
  const backwards = rangeBackwards({ from, to });

  return (
    <div className="date-range">
      <label className="visually-hidden" htmlFor={`${ids}-from`}>
        {t('search.from')}
      </label>
      <DayField
        id={`${ids}-from`}
        className="date-input"
        value={from}
        invalid={backwards}
        describedBy={backwards ? `${ids}-error` : undefined}
        onChange={(day) => set({ from: day })}
      />
      <span aria-hidden="true">–</span>
      <label className="visually-hidden" htmlFor={`${ids}-to`}>
        {t('search.to')}
      </label>
      <DayField
        id={`${ids}-to`}
        className="date-input"
        value={to}
        invalid={backwards}
        describedBy={backwards ? `${ids}-error` : undefined}
        onChange={(day) => set({ to: day })}
      />
      <div className="presets" role="group" aria-label={t('search.presets')}>
        {PRESETS.map((p) => {
          const range = lastDays(p.days, Date.now(), zone);
          const on = from === range.from && to === range.to;
          return (
            <button
              key={p.days}
              type="button"
              className="preset"
              aria-pressed={on}
              onClick={() => set(on ? { from: null, to: null } : range)}
            >
              {t(p.label)}
            </button>
          );
        })}
      </div>
      {backwards && (
        <span id={`${ids}-error`} className="field-note field-note-error" role="alert">
          {t('search.rangeBackwards')}
        </span>
      )}
    </div>
  );
}
