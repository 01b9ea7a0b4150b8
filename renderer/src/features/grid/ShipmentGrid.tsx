// The virtualised grid: a fixed header, a body as tall as every matching row, and only the rows on
// screen in the DOM. Scrolling asks the store for the next keyset pages; rows not loaded yet show a
// placeholder of the same height, so nothing jumps when they arrive.
import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import { errorHeadline, useLanguage, useT } from '../../i18n';
import { useDialogs } from '../../stores/dialogs';
import { useFacets } from '../../stores/facets';
import { useSync } from '../../stores/syncStore';
import { useRowSync } from '../sync/useSyncFollow';
import { useFilters, useGrid, useStoreApis } from '../../stores/StoresContext';
import { COLUMNS, GRID_TEMPLATE, ROW_HEIGHT } from './columns';
import { GridHeader } from './GridHeader';
import { GridRow, PlaceholderRow } from './GridRow';
import { flashCopied, type RowKit } from './rowKit';
import { useVirtualWindow } from './useVirtualWindow';

/** Matches .grid-head-row's height in styles.css. */
const HEADER_HEIGHT = 34;
export const GRID_SCROLLER_ID = 'shipment-grid';

function GridMessage() {
  const t = useT();
  const phase = useGrid((s) => s.phase);
  const problem = useGrid((s) => s.problem);
  const reload = useGrid((s) => s.reload);
  const filtered = useFilters((s) =>
    Boolean(
      s.searchText.trim() ||
      s.from ||
      s.to ||
      s.claim !== 'all' ||
      s.warehouses.length ||
      s.policies.length ||
      s.options.length,
    ),
  );
  const clearFilters = useFilters((s) => s.clearFilters);

  if (phase === 'error') {
    return (
      <div className="grid-message" role="alert">
        <p className="grid-message-title">{t('list.error')}</p>
        {problem && (
          <p className="grid-message-detail">
            {problem.kind === 'rpc'
              ? `${errorHeadline(t, problem.error.code)} ${problem.error.message}`
              : problem.message}
          </p>
        )}
        <button type="button" className="button" onClick={() => void reload()}>
          {t('list.retry')}
        </button>
      </div>
    );
  }
  if (phase === 'loading') {
    return (
      <div className="grid-message">
        <p className="grid-message-title">{t('list.loading')}</p>
      </div>
    );
  }
  return (
    <div className="grid-message">
      <p className="grid-message-title">{filtered ? t('list.noMatch') : t('list.empty')}</p>
      <p className="grid-message-detail">{filtered ? t('list.noMatchHint') : t('list.emptyHint')}</p>
      {filtered && (
        <button type="button" className="button" onClick={clearFilters}>
          {t('chips.clearAll')}
        </button>
      )}
    </div>
  );
}

function useRowKit(): RowKit {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const facets = useFacets((s) => s.facets);
  const { grid } = useStoreApis();
  return useMemo<RowKit>(
    () => ({
      t,
      language,
      facets,
      openInvoice: (shipmentNo, mode = 'view') => useDialogs.getState().openInvoice(shipmentNo, mode),
      showDetails: (shipmentNo) => useDialogs.getState().show({ kind: 'details', shipmentNo }),
      showHistory: (shipmentNo) => useDialogs.getState().show({ kind: 'history', shipmentNo }),
      copy(invoiceNo, button) {
        navigator.clipboard.writeText(invoiceNo).then(
          () => {
            flashCopied(button, t('row.copied'));
            grid.getState().setNotice({ text: t('row.copiedNotice', { invoiceNo }), tone: 'ok' });
          },
          () => grid.getState().setNotice({ text: t('row.copyFailed'), tone: 'error' }),
        );
      },
    }),
    [t, language, facets, grid],
  );
}

export function ShipmentGrid({ caption }: { caption: string }) {
  const t = useT();
  const kit = useRowKit();
  const rows = useGrid((s) => s.rows);
  const total = useGrid((s) => s.total);
  const phase = useGrid((s) => s.phase);
  const busy = useGrid((s) => s.busy);
  const generation = useGrid((s) => s.generation);
  const need = useGrid((s) => s.need);
  const syncRows = useSync((s) => s.rows);
  const scroller = useRef<HTMLDivElement>(null);
  const count = phase === 'ready' ? total : 0;
  const win = useVirtualWindow(scroller, count, ROW_HEIGHT, HEADER_HEIGHT);

  useEffect(() => {
    if (count > 0) need(win.last);
  }, [need, win.last, count, rows.length]);

  // New filters: back to the top of the new result.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [generation]);

  // For the screen benchmark: when the first rows reached the screen.
  useEffect(() => {
    if (rows.length === 0 || performance.getEntriesByName('shipdesk:first-rows').length) return;
    requestAnimationFrame(() => performance.mark('shipdesk:first-rows'));
  }, [rows.length]);

  const visible = [];
  const tracked: string[] = [];
  for (let i = win.first; i <= win.last && i < count; i++) {
    const row = rows[i];
    const top = win.topOf(i);
    if (row?.invoiceNo) tracked.push(row.shipmentNo);
    visible.push(
      row ? (
        <GridRow key={row.shipmentNo} row={row} index={i} top={top} kit={kit} sync={syncRows[row.shipmentNo]} />
      ) : (
        <PlaceholderRow key={`p${i}`} index={i} top={top} label={t('list.loadingRow')} />
      ),
    );
  }
  useRowSync(tracked);

  return (
    <div id={GRID_SCROLLER_ID} ref={scroller} className="grid-scroller" tabIndex={-1}>
      <div
        role="table"
        className="grid"
        aria-label={caption}
        aria-rowcount={count + 1}
        aria-colcount={COLUMNS.length}
        aria-busy={busy || phase === 'loading'}
        data-generation={generation}
        data-busy={busy ? 'true' : 'false'}
        style={{ '--grid-columns': GRID_TEMPLATE } as CSSProperties}
      >
        <GridHeader />
        {count > 0 ? (
          <div role="rowgroup" className="grid-body" style={{ height: win.bodyHeight }}>
            {visible}
          </div>
        ) : (
          <GridMessage />
        )}
      </div>
    </div>
  );
}
