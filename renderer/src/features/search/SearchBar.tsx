// The search bar: field + text (prefix match, as the operator types), order-date range with
// presets, General/Claim, and the Optional panel. Every change is a filter; the grid follows.
import { useId } from 'react';
import { SEARCH_FIELDS, type SearchField } from '../../../../shared/domain';
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n';
import { CLAIMS, SEARCH_MAX } from '../../stores/filters';
import { useFilters, useStoreApis } from '../../stores/StoresContext';
import { DateRange } from './DateRange';
import { OptionalPanel } from './OptionalPanel';

export const SEARCH_INPUT_ID = 'search-text';

export function SearchBar() {
  const t = useT();
  const ids = useId();
  const field = useFilters((s) => s.searchField);
  const text = useFilters((s) => s.searchText);
  const claim = useFilters((s) => s.claim);
  const { filters } = useStoreApis();
  const set = filters.getState().set;
  const atLimit = text.length >= SEARCH_MAX;

  return (
    <form className="search-bar" role="search" aria-label={t('search.label')} onSubmit={(e) => e.preventDefault()}>
      <div className="search-text-group">
        <label className="visually-hidden" htmlFor={`${ids}-field`}>
          {t('search.field')}
        </label>
        <select
          id={`${ids}-field`}
          className="search-field"
          value={field}
          onChange={(e) => set({ searchField: SEARCH_FIELDS.find((f) => f === e.target.value) ?? 'shipmentNo' })}
        >
          {SEARCH_FIELDS.map((f: SearchField) => (
            <option key={f} value={f}>
              {t(`search.field.${f}`)}
            </option>
          ))}
        </select>
        <span className="search-input-wrap">
          <Icon name="search" className="search-icon" />
          <label className="visually-hidden" htmlFor={SEARCH_INPUT_ID}>
            {t('search.text')}
          </label>
          <input
            id={SEARCH_INPUT_ID}
            className="search-input"
            type="search"
            autoComplete="off"
            spellCheck={false}
            maxLength={SEARCH_MAX}
            placeholder={t('search.placeholder')}
            value={text}
            aria-describedby={atLimit ? `${ids}-limit` : undefined}
            onChange={(e) => set({ searchText: e.target.value.slice(0, SEARCH_MAX) })}
          />
          {text && (
            <button
              type="button"
              className="icon-button search-clear"
              aria-label={t('search.clear')}
              onClick={() => set({ searchText: '' })}
            >
              <Icon name="close" size={12} />
            </button>
          )}
        </span>
        {atLimit && (
          <span id={`${ids}-limit`} className="field-note">
            {t('search.trimmed', { n: SEARCH_MAX })}
          </span>
        )}
      </div>
      <DateRange />
      <label className="visually-hidden" htmlFor={`${ids}-claim`}>
        {t('search.claim')}
      </label>
      <select
        id={`${ids}-claim`}
        className="claim-select"
        value={claim}
        onChange={(e) => set({ claim: CLAIMS.find((c) => c === e.target.value) ?? 'all' })}
      >
        {CLAIMS.map((c) => (
          <option key={c} value={c}>
            {t(`search.claim.${c}`)}
          </option>
        ))}
      </select>
      <OptionalPanel />
    </form>
  );
}
