// The four status tabs with live counts (ARIA tabs: arrows, Home and End move and select).
import { useRef, type KeyboardEvent } from 'react';
import { TABS, type Tab } from '../../../../shared/domain';
import { useLanguage, useT } from '../../i18n';
import { useFilters, useGrid, useStoreApis } from '../../stores/StoresContext';
import { countText } from './countText';

export const PANEL_ID = 'shipments-panel';
export const tabId = (tab: Tab) => `tab-${tab}`;

export function StatusTabs() {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const active = useFilters((s) => s.tab);
  const counts = useGrid((s) => s.counts);
  const capped = useGrid((s) => s.cappedTabs);
  const { filters } = useStoreApis();
  const buttons = useRef(new Map<Tab, HTMLButtonElement>());
  const select = (tab: Tab) => filters.getState().set({ tab });

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.indexOf(active);
    const target =
      event.key === 'ArrowRight'
        ? TABS[(index + 1) % TABS.length]
        : event.key === 'ArrowLeft'
          ? TABS[(index - 1 + TABS.length) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!target) return;
    event.preventDefault();
    select(target);
    buttons.current.get(target)?.focus();
  };

  return (
    <div className="status-tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={move}>
      {TABS.map((tab) => {
        const selected = tab === active;
        const count = counts?.[tab];
        return (
          <button
            key={tab}
            ref={(el) => {
              if (el) buttons.current.set(tab, el);
              else buttons.current.delete(tab);
            }}
            id={tabId(tab)}
            type="button"
            role="tab"
            className={`status-tab status-tab-${tab}`}
            aria-selected={selected}
            aria-controls={PANEL_ID}
            tabIndex={selected ? 0 : -1}
            onClick={() => select(tab)}
          >
            <span className="status-tab-name">{t(`tab.${tab}`)}</span>
            <span className="status-tab-count" data-testid={`count-${tab}`}>
              {count === undefined ? '–' : countText(count, language, capped.includes(tab))}
            </span>
          </button>
        );
      })}
    </div>
  );
}
