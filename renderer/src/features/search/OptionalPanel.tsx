// "Optional +": warehouse, delivery policy and shipping option checkboxes built from the data.
// A popover under its button, so opening it does not push the grid down.
import { useEffect, useId, useRef, useState } from 'react';
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n';
import type { MessageKey } from '../../i18n/messages';
import { useFacets } from '../../stores/facets';
import { FACET_KINDS, type FacetKind } from '../../stores/filters';
import { useFilters, useStoreApis } from '../../stores/StoresContext';

const LEGENDS: Record<FacetKind, MessageKey> = {
  warehouses: 'search.warehouses',
  policies: 'search.policies',
  options: 'search.options',
};

export function OptionalPanel() {
  const t = useT();
  const ids = useId();
  const [open, setOpen] = useState(false);
  const facets = useFacets((s) => s.facets);
  const failed = useFacets((s) => s.failed);
  const warehouses = useFilters((s) => s.warehouses);
  const policies = useFilters((s) => s.policies);
  const options = useFilters((s) => s.options);
  const selected: Record<FacetKind, string[]> = { warehouses, policies, options };
  const chosen = warehouses.length + policies.length + options.length;
  const { filters } = useStoreApis();
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const outside = (event: MouseEvent) => {
      if (wrap.current && event.target instanceof Node && !wrap.current.contains(event.target)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    // Escape is heard on the whole popover, its button included: right after a click focus is still there.
    <div
      className="optional"
      ref={wrap}
      onKeyDown={(e) => {
        if (open && e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className={`button optional-button${chosen ? ' has-choices' : ''}`}
        aria-expanded={open}
        aria-controls={`${ids}-panel`}
        onClick={() => setOpen((o) => !o)}
      >
        {chosen ? t('search.optionalCount', { n: chosen }) : t('search.optional')}
        <Icon name={open ? 'minus' : 'plus'} size={12} />
      </button>
      <div id={`${ids}-panel`} className="optional-panel" hidden={!open}>
        {!facets && <p className="field-note">{failed ? t('search.facetsFailed') : t('search.facetsLoading')}</p>}
        {facets &&
          FACET_KINDS.map((kind) => (
            <fieldset key={kind} className="facet-group">
              <legend>{t(LEGENDS[kind])}</legend>
              {facets[kind].map((f) => (
                <label key={f.code} className="check">
                  <input
                    type="checkbox"
                    checked={selected[kind].includes(f.code)}
                    onChange={() => filters.getState().toggleFacet(kind, f.code)}
                  />
                  <span>{f.name}</span>
                </label>
              ))}
            </fieldset>
          ))}
        <div className="optional-actions">
          <button type="button" className="button" onClick={close}>
            {t('search.done')}
          </button>
        </div>
      </div>
    </div>
  );
}
