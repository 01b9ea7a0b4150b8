// Every active filter as a chip with its own remove button, and the number of matching shipments.
// The line keeps its height when empty, so adding the first filter does not move the grid.
import type { ReactNode } from 'react';
import { useLanguage, useT } from '../../i18n';
import { formatDay } from '../../i18n/format';
import { plural } from '../../i18n/plural';
import { facetName, useFacets } from '../../stores/facets';
import { effectiveSearch, FACET_KINDS, type Filters } from '../../stores/filters';
import { useFilters, useGrid, useStoreApis } from '../../stores/StoresContext';

interface Chip {
  id: string;
  label: string;
  remove: Partial<Filters> | { facet: [keyof Pick<Filters, 'warehouses' | 'policies' | 'options'>, string] };
}

function Count() {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const total = useGrid((s) => s.total);
  const loaded = useGrid((s) => s.rows.length);
  const phase = useGrid((s) => s.phase);
  const tab = useFilters((s) => s.tab);
  const capped = useGrid((s) => s.cappedTabs.includes(tab));
  if (phase !== 'ready') return <span className="result-count" />;
  return (
    <span className="result-count" data-testid="result-count">
      {capped
        ? plural(t, language, 'list.countCapped', total)
        : loaded < total
          ? plural(t, language, 'list.countLoaded', total, { loaded })
          : plural(t, language, 'list.count', total)}
    </span>
  );
}

export function FilterChips({ children }: { children?: ReactNode }) {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const facets = useFacets((s) => s.facets);
  const { filters } = useStoreApis();
  const f = useFilters((s) => s);
  const chips: Chip[] = [];
  const search = effectiveSearch(f);
  if (search) {
    const shown = search.text.length > 40 ? `${search.text.slice(0, 40)}…` : search.text;
    chips.push({ id: 'search', label: `${t(`search.field.${search.field}`)}: ${shown}`, remove: { searchText: '' } });
  }
  if (f.from || f.to) {
    const label =
      f.from && f.to
        ? t('chips.range', { from: formatDay(f.from, language), to: formatDay(f.to, language) })
        : f.from
          ? t('chips.from', { date: formatDay(f.from, language) })
          : t('chips.to', { date: formatDay(f.to ?? '', language) });
    chips.push({ id: 'dates', label: `${t('col.orderDate')}: ${label}`, remove: { from: null, to: null } });
  }
  if (f.notMoving) chips.push({ id: 'notMoving', label: t('chips.notMoving'), remove: { notMoving: false } });
  if (f.claim !== 'all') chips.push({ id: 'claim', label: t(`search.claim.${f.claim}`), remove: { claim: 'all' } });
  for (const kind of FACET_KINDS) {
    for (const code of f[kind])
      chips.push({ id: `${kind}:${code}`, label: facetName(facets, kind, code), remove: { facet: [kind, code] } });
  }

  const removeChip = (chip: Chip) => {
    if ('facet' in chip.remove) filters.getState().toggleFacet(chip.remove.facet[0], chip.remove.facet[1]);
    else filters.getState().set(chip.remove);
  };

  return (
    <div className="chips-line">
      {chips.length > 0 && (
        <ul className="chips" aria-label={t('chips.label')}>
          {chips.map((chip) => (
            <li key={chip.id} className="chip">
              <span className="chip-label">{chip.label}</span>
              <button
                type="button"
                className="chip-remove"
                aria-label={t('chips.remove', { filter: chip.label })}
                onClick={() => removeChip(chip)}
              >
                ×
              </button>
            </li>
          ))}
          {chips.length > 1 && (
            <li>
              <button type="button" className="link-button" onClick={() => filters.getState().clearFilters()}>
                {t('chips.clearAll')}
              </button>
            </li>
          )}
        </ul>
      )}
      <span className="chips-spacer" />
      {children}
      <Count />
    </div>
  );
}
