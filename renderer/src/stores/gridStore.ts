// The grid's rows: keyset pages from the core, loaded in order as the operator scrolls (the rows
// loaded are always a prefix of the full result), the tab counts, and re-reads after changes.
// Every query carries a sequence number so a slow answer for old filters never overwrites new ones.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { LIST_LIMIT_MAX, type ShipmentRow, type StatusCounts, type TabCounts } from '../../../shared/api/contract';
import type { Region, Tab } from '../../../shared/domain';
import type { RpcError } from '../../../shared/errors';
import type { ShipdeskClient } from '../api/client';
import { departureOf, keepDeparted, type Departure, type Departures } from './departed';
import { listInput, pickFilters, rangeBackwards, sameQuery, type Filters, type FiltersState } from './filters';
import { showToast } from './toasts';

/** First page small, so the first rows paint quickly; later pages bigger, so scrolling keeps up. */
const FIRST_PAGE = 120;
const PAGE = 200;
const BIG_PAGE = LIST_LIMIT_MAX;
/** Rows kept loaded beyond the last one on screen. */
const AHEAD = 80;
/** Search text waits this long after the last key before it is asked (a scan's keys come ~10 ms apart). */
const SEARCH_QUIET_MS = 30;
/** The contract's largest page: a refresh re-reads at most this many rows from the top in one call. */
const MAX_LIMIT = LIST_LIMIT_MAX;

/** 'transport': the call never got an answer (the connection is gone); the screen says so in its own words. */
export type ListProblem = { kind: 'rpc'; error: RpcError } | { kind: 'transport' };
export interface Notice {
  text: string;
  tone: 'ok' | 'error';
}

export interface GridState {
  rows: ShipmentRow[];
  total: number;
  counts: TabCounts | null;
  /** Rows per status for every filter but the tab: the sub-status counts. */
  statusCounts: StatusCounts | null;
  /** Tabs whose counts the core capped (a broad search): lower bounds, shown with "+", these only. */
  cappedTabs: Tab[];
  nextCursor: string | null;
  /**
   * 'loading' before the first answer for a tab and region (also while Shipdesk cannot be reached);
   * within them, later queries keep the old rows until the new ones arrive.
   */
  phase: 'loading' | 'ready' | 'error';
  busy: boolean;
  problem: ListProblem | null;
  /** Bumped when an answer for new filters lands: the grid scrolls back to the top. */
  generation: number;
  /** Rows the operator's own change moved out of this view: kept in place, dimmed, until they move on. */
  departed: Departures;
  /** Departed rows kept in `rows` that the core's total no longer counts. */
  extraRows: number;
  /** A shipment to bring into view and focus once its row is loaded (after "moved to …"). */
  reveal: string | null;

  reload(): Promise<void>;
  /** Re-reads what is loaded (after a push or a change) without blanking it. */
  refresh(changed?: readonly string[]): Promise<void>;
  /** The viewport shows row `index`: load pages until it is there. */
  need(index: number): void;
  /** Shows a changed shipment at once (e.g. after registering), before the list is re-read. */
  patch(row: ShipmentRow): void;
  /** Follows a departed row to where it went: that tab and region, searched by its number. */
  follow(shipmentNo: string, to: Departure): void;
  revealed(): void;
  /** @deprecated say it with showToast (stores/toasts.ts); kept so older callers still speak. */
  setNotice(notice: Notice | null): void;
}

const sameView = (a: { tab: Tab; region: Region } | null, b: { tab: Tab; region: Region }) =>
  a !== null && a.tab === b.tab && a.region === b.region;

export function createGridStore(client: ShipdeskClient, filters: StoreApi<FiltersState>): StoreApi<GridState> {
  let sequence = 0;
  let wanted = 0;
  let paging = false;
  /** The tab and region the rows on screen belong to. */
  let shownView: { tab: Tab; region: Region } | null = null;
  const current = (): Filters => pickFilters(filters.getState());

  const store = createStore<GridState>((set, get) => {
    const fail = (seq: number, problem: ListProblem) => {
      if (seq !== sequence) return;
      // Without an answer (the connection is gone) the list is still to come: it loads on reconnect.
      const empty = problem.kind === 'transport' ? 'loading' : 'error';
      set({ phase: get().rows.length ? 'ready' : empty, busy: false, problem });
    };

    const pump = async (): Promise<void> => {
      const { rows, nextCursor } = get();
      if (paging || !nextCursor || rows.length > wanted + AHEAD) return;
      paging = true;
      const seq = sequence;
      const limit = wanted + AHEAD - rows.length > PAGE ? BIG_PAGE : PAGE;
      try {
        const answer = await client.call('shipments.list', listInput(current(), limit, nextCursor));
        if (seq !== sequence) return;
        if (!answer.ok) return fail(seq, { kind: 'rpc', error: answer.error });
        const v = answer.value;
        set((s) => {
          // A refresh may have re-read the head meanwhile: never show a shipment twice.
          const seen = new Set(s.rows.map((r) => r.shipmentNo));
          return {
            rows: [...s.rows, ...v.rows.filter((r) => !seen.has(r.shipmentNo))],
            nextCursor: v.nextCursor,
            total: v.total,
            counts: v.counts,
            statusCounts: v.statusCounts,
            cappedTabs: v.cappedTabs,
            problem: null,
          };
        });
      } catch {
        fail(seq, { kind: 'transport' });
      } finally {
        paging = false;
      }
      if (seq === sequence) void pump();
    };

    const reload = async (): Promise<void> => {
      const seq = ++sequence;
      wanted = 0;
      paging = false;
      const view = current();
      // Another tab or region: its rows are not these. Show loading, never the previous tab's rows.
      const other = !sameView(shownView, view);
      set({
        busy: true,
        problem: null,
        departed: {},
        extraRows: 0,
        ...(other ? { rows: [], total: 0, nextCursor: null, phase: 'loading' as const } : {}),
      });
      try {
        const answer = await client.call('shipments.list', listInput(view, FIRST_PAGE));
        if (seq !== sequence) return;
        if (!answer.ok) return fail(seq, { kind: 'rpc', error: answer.error });
        const v = answer.value;
        shownView = { tab: view.tab, region: view.region };
        set((s) => ({
          rows: v.rows,
          total: v.total,
          counts: v.counts,
          statusCounts: v.statusCounts,
          cappedTabs: v.cappedTabs,
          nextCursor: v.nextCursor,
          phase: 'ready',
          busy: false,
          problem: null,
          generation: s.generation + 1,
        }));
        void pump();
      } catch {
        fail(seq, { kind: 'transport' });
      }
    };

    const refresh = async (changed: readonly string[] = []): Promise<void> => {
      // Nothing on screen to keep (still loading, or the last load failed): load afresh.
      if (get().phase !== 'ready') return reload();
      const seq = sequence;
      const loaded = get().rows.length;
      const limit = Math.min(MAX_LIMIT, Math.max(FIRST_PAGE, loaded));
      try {
        const answer = await client.call('shipments.list', listInput(current(), limit));
        if (seq !== sequence || !answer.ok) return;
        const v = answer.value;
        let tail: ShipmentRow[] = [];
        let cursor = v.nextCursor;
        if (loaded > limit && v.nextCursor) {
          // Deep in a long list: keep the rows below the re-read head, patching the ones that changed.
          tail = await patchTail(get().rows.slice(limit), new Set(changed), seq);
          if (seq !== sequence) return;
          const head = new Set(v.rows.map((r) => r.shipmentNo));
          tail = tail.filter((r) => !head.has(r.shipmentNo));
          cursor = get().nextCursor;
        }
        const kept = keepDeparted([...v.rows, ...tail], get().rows, get().departed);
        set({
          rows: kept.rows,
          departed: kept.departed,
          extraRows: kept.kept,
          total: v.total,
          counts: v.counts,
          statusCounts: v.statusCounts,
          cappedTabs: v.cappedTabs,
          nextCursor: cursor,
          problem: null,
        });
      } catch {
        // A failed background re-read leaves what is on screen; the next push or reconnect tries again.
      }
    };

    /** Rows beyond the head that changed: re-read each; drop those that left this view. */
    const patchTail = async (tail: ShipmentRow[], changed: Set<string>, seq: number): Promise<ShipmentRow[]> => {
      const f = current();
      const out: ShipmentRow[] = [];
      for (const row of tail) {
        if (!changed.has(row.shipmentNo)) {
          out.push(row);
          continue;
        }
        const answer = await client.call('shipments.get', { shipmentNo: row.shipmentNo });
        if (seq !== sequence) return tail;
        if (!answer.ok) continue;
        const next = answer.value.row; // the row as the core's list builds it
        if (next.tab === f.tab && next.region === f.region) out.push(next);
      }
      return out;
    };

    return {
      rows: [],
      total: 0,
      counts: null,
      statusCounts: null,
      cappedTabs: [],
      nextCursor: null,
      phase: 'loading',
      busy: false,
      problem: null,
      generation: 0,
      departed: {},
      extraRows: 0,
      reveal: null,
      reload,
      refresh,
      need(index) {
        wanted = Math.max(wanted, index);
        void pump();
      },
      patch(row) {
        const away = departureOf(row, current());
        set((s) => {
          if (!s.rows.some((r) => r.shipmentNo === row.shipmentNo)) return {};
          // A new action: the rows an earlier one moved away go now (they were only kept until then).
          const rows = s.rows.filter((r) => r.shipmentNo === row.shipmentNo || !s.departed[r.shipmentNo]);
          const extraRows = Math.max(0, s.extraRows - (s.rows.length - rows.length));
          return {
            rows: rows.map((r) => (r.shipmentNo === row.shipmentNo ? row : r)),
            extraRows,
            departed: away ? { [row.shipmentNo]: away } : {},
          };
        });
      },
      follow(shipmentNo, to) {
        set({ reveal: shipmentNo });
        filters.getState().set({ tab: to.tab, region: to.region, searchField: 'shipmentNo', searchText: shipmentNo });
      },
      revealed: () => set({ reveal: null }),
      setNotice: (notice) => {
        if (notice) showToast(notice.text, { tone: notice.tone });
      },
    };
  });

  // New filters, new rows. Search text waits for a short quiet moment, so a scanner's burst (or a
  // fast typist) is one query, not twelve; every other filter asks at once. Stale answers drop.
  let last = current();
  let timer: ReturnType<typeof setTimeout> | undefined;
  filters.subscribe(() => {
    const next = current();
    // A backwards date range is pointed out beside the dates; the rows stay as they were meanwhile.
    if (sameQuery(last, next) || rangeBackwards(next)) return;
    const typing = sameQuery({ ...last, searchText: next.searchText }, next);
    last = next;
    clearTimeout(timer);
    if (typing) timer = setTimeout(() => void store.getState().reload(), SEARCH_QUIET_MS);
    else void store.getState().reload();
  });
  return store;
}
