// The virtualised grid: a fixed header, a body as tall as every matching row, and only the rows on
// screen in the DOM. Scrolling asks the store for the next keyset pages; rows not loaded yet show a
// placeholder of the same height, so nothing jumps when they arrive. The columns that do not fit
// the window give way in a fixed order; cut text shows whole on hover and focus.
import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import { CONNECTION_NOTICE_ID } from '../../components/ConnectionNotice';
import { errorHeadline, useLanguage, useT } from '../../i18n';
import { useConnection } from '../../stores/connection';
import { useDialogs } from '../../stores/dialogs';
import { useFacets } from '../../stores/facets';
import { useHomeZone } from '../../stores/homeZone';
import { useSync } from '../../stores/syncStore';
import { showToast, useToasts } from '../../stores/toasts';
import { useRowSync } from '../sync/useSyncFollow';
import { useFilters, useGrid, useStoreApis } from '../../stores/StoresContext';
import { COLUMNS, fittingColumns, gridTemplate, ROW_HEIGHT, widthOf, type Column } from './columns';
import { markCutText } from './cutText';
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
        {problem?.kind === 'rpc' && (
          <p className="grid-message-detail">{`${errorHeadline(t, problem.error.code)} ${problem.error.message}`}</p>
        )}
        <button type="button" className="button" onClick={() => void reload()}>
          {t('list.retry')}
        </button>
      </div>
    );
  }
  if (phase === 'loading') {
    // Still loading when Shipdesk cannot be reached: the list comes when the connection does.
    return (
      <div className="grid-message">
        <p className="grid-message-title">{t('list.loading')}</p>
        {problem?.kind === 'transport' && (
          <>
            <p className="grid-message-detail">{t('list.unreachable')}</p>
            <button type="button" className="button" onClick={() => void reload()}>
              {t('list.retry')}
            </button>
          </>
        )}
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

function useRowKit(columns: readonly Column[]): RowKit {
  const t = useT();
  const language = useLanguage((s) => s.language);
  const facets = useFacets((s) => s.facets);
  const timeZone = useHomeZone((s) => s.zone);
  const region = useFilters((s) => s.region);
  const { grid } = useStoreApis();
  const shown = useMemo(() => new Set(columns.map((c) => c.id)), [columns]);
  return useMemo<RowKit>(
    () => ({
      t,
      language,
      facets,
      timeZone,
      region,
      shown,
      openInvoice: (shipmentNo, mode = 'view') => useDialogs.getState().openInvoice(shipmentNo, mode),
      showDetails: (shipmentNo) => useDialogs.getState().show({ kind: 'details', shipmentNo }),
      showHistory: (shipmentNo) => useDialogs.getState().show({ kind: 'history', shipmentNo }),
      copy(invoiceNo, shipmentNo, button) {
        navigator.clipboard.writeText(invoiceNo).then(
          () => {
            flashCopied(button, t('row.copied'));
            showToast(t('row.copiedNotice', { invoiceNo }), { shipmentNo });
          },
          () => showToast(t('row.copyFailed'), { tone: 'error', shipmentNo }),
        );
      },
      follow: (shipmentNo, to) => grid.getState().follow(shipmentNo, to),
    }),
    [t, language, facets, timeZone, region, shown, grid],
  );
}

/** After "moved to …": once the row is on screen in its new place, focus it and flash it. */
function useReveal(): void {
  const reveal = useGrid((s) => s.reveal);
  const rows = useGrid((s) => s.rows);
  const phase = useGrid((s) => s.phase);
  const busy = useGrid((s) => s.busy);
  const { grid } = useStoreApis();
  useEffect(() => {
    if (!reveal || phase !== 'ready' || busy) return;
    const link = document.querySelector<HTMLElement>(
      `#${GRID_SCROLLER_ID} [role="row"][data-shipment-no="${CSS.escape(reveal)}"] .shipment-link`,
    );
    if (link) {
      link.focus();
      useToasts.getState().flashRow(reveal);
    }
    if (link || !rows.some((r) => r.shipmentNo === reveal)) grid.getState().revealed();
  }, [reveal, rows, phase, busy, grid]);
}

export function ShipmentGrid({ caption }: { caption: string }) {
  const t = useT();
  const rows = useGrid((s) => s.rows);
  const total = useGrid((s) => s.total);
  const extraRows = useGrid((s) => s.extraRows);
  const departed = useGrid((s) => s.departed);
  const phase = useGrid((s) => s.phase);
  const busy = useGrid((s) => s.busy);
  const generation = useGrid((s) => s.generation);
  const need = useGrid((s) => s.need);
  const syncRows = useSync((s) => s.rows);
  const flash = useToasts((s) => s.flash);
  const stale = useConnection((s) => s.lost);
  const scroller = useRef<HTMLDivElement>(null);
  const count = phase === 'ready' ? total + extraRows : 0;
  const win = useVirtualWindow(scroller, count, ROW_HEIGHT, HEADER_HEIGHT);
  // The same columns object while the same columns fit: rows re-render only when one comes or goes.
  const region = useFilters((s) => s.region);
  const fitting = fittingColumns(win.width, { domestic: region === 'domestic' })
    .map((c) => c.id)
    .join(',');
  const columns = useMemo(() => COLUMNS.filter((c) => fitting.split(',').includes(c.id)), [fitting]);
  const kit = useRowKit(columns);
  useReveal();

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

  // Every render may cut different text (rows scrolled in, a narrower window, another language).
  useEffect(() => {
    if (scroller.current) markCutText(scroller.current);
  });

  const visible = [];
  const tracked: string[] = [];
  for (let i = win.first; i <= win.last && i < count; i++) {
    const row = rows[i];
    const top = win.topOf(i);
    if (row?.invoiceNo) tracked.push(row.shipmentNo);
    visible.push(
      row ? (
        <GridRow
          key={row.shipmentNo}
          row={row}
          index={i}
          top={top}
          kit={kit}
          sync={syncRows[row.shipmentNo]}
          departed={departed[row.shipmentNo]}
          flash={flash?.shipmentNo === row.shipmentNo ? (flash.id % 2 === 0 ? 2 : 1) : 0}
        />
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
        aria-describedby={stale ? CONNECTION_NOTICE_ID : undefined}
        aria-rowcount={count + 1}
        aria-colcount={columns.length}
        aria-busy={busy || phase === 'loading'}
        data-generation={generation}
        data-busy={busy ? 'true' : 'false'}
        data-stale={stale ? 'true' : 'false'}
        style={{ '--grid-columns': gridTemplate(columns), minWidth: widthOf(columns) } as CSSProperties}
      >
        <GridHeader columns={columns} />
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
