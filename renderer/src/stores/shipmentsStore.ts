// The Shipping Management list: which tab and region, the rows loaded so far, the tab counts.
// Every load carries a sequence number so a slow answer for an old tab never overwrites a new one.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ShipmentRow, TabCounts } from '../../../shared/contract';
import type { Region, Tab } from '../../../shared/domain';
import type { RpcError } from '../../../shared/errors';
import type { ShipdeskClient } from '../api/client';

export const PAGE_SIZE = 50;
/** The most rows a refresh re-reads in one call (the contract's limit). */
const MAX_REFRESH = 500;

export type ListProblem = { kind: 'rpc'; error: RpcError } | { kind: 'transport'; message: string };

export interface ShipmentsState {
  tab: Tab;
  region: Region;
  rows: ShipmentRow[];
  counts: TabCounts | null;
  total: number;
  nextCursor: string | null;
  /** 'loading' blanks the table (new tab or region); a refresh keeps the rows on screen. */
  phase: 'loading' | 'ready' | 'error';
  loadingMore: boolean;
  problem: ListProblem | null;
  /** A short message about the last thing the operator did, read out politely. */
  notice: string | null;

  selectTab(tab: Tab): void;
  selectRegion(region: Region): void;
  reload(): Promise<void>;
  /** Re-reads what is on screen (after a change or a push) without blanking it. */
  refresh(): Promise<void>;
  loadMore(): Promise<void>;
  setNotice(notice: string | null): void;
}

function problemOf(err: unknown): ListProblem {
  return { kind: 'transport', message: err instanceof Error ? err.message : String(err) };
}

export function createShipmentsStore(client: ShipdeskClient): StoreApi<ShipmentsState> {
  let sequence = 0;

  return createStore<ShipmentsState>((set, get) => {
    const load = async (mode: 'replace' | 'refresh'): Promise<void> => {
      const seq = ++sequence;
      const { tab, region, rows } = get();
      const limit = mode === 'refresh' ? Math.min(MAX_REFRESH, Math.max(PAGE_SIZE, rows.length)) : PAGE_SIZE;
      if (mode === 'replace') set({ phase: 'loading', rows: [], nextCursor: null, problem: null });
      try {
        const answer = await client.call('shipments.list', { tab, region, limit });
        if (seq !== sequence) return;
        if (!answer.ok) {
          set({ phase: 'error', problem: { kind: 'rpc', error: answer.error }, loadingMore: false });
          return;
        }
        const { rows: fresh, counts, total, nextCursor } = answer.value;
        set({ phase: 'ready', rows: fresh, counts, total, nextCursor, problem: null, loadingMore: false });
      } catch (err) {
        if (seq !== sequence) return;
        set({ phase: 'error', problem: problemOf(err), loadingMore: false });
      }
    };

    return {
      tab: 'preparing',
      region: 'domestic',
      rows: [],
      counts: null,
      total: 0,
      nextCursor: null,
      phase: 'loading',
      loadingMore: false,
      problem: null,
      notice: null,

      selectTab(tab) {
        if (tab === get().tab) return;
        set({ tab });
        void load('replace');
      },
      selectRegion(region) {
        if (region === get().region) return;
        set({ region });
        void load('replace');
      },
      reload: () => load('replace'),
      refresh: () => load('refresh'),
      async loadMore() {
        const { tab, region, nextCursor, loadingMore } = get();
        if (!nextCursor || loadingMore) return;
        const seq = sequence; // a tab switch or refresh meanwhile makes this page stale
        set({ loadingMore: true });
        try {
          const answer = await client.call('shipments.list', { tab, region, limit: PAGE_SIZE, cursor: nextCursor });
          if (seq !== sequence) return;
          if (!answer.ok) {
            set({ loadingMore: false, problem: { kind: 'rpc', error: answer.error } });
            return;
          }
          const { rows: page, counts, total, nextCursor: next } = answer.value;
          set((s) => ({ rows: [...s.rows, ...page], counts, total, nextCursor: next, loadingMore: false, problem: null }));
        } catch (err) {
          if (seq === sequence) set({ loadingMore: false, problem: problemOf(err) });
        }
      },
      setNotice: (notice) => set({ notice }),
    };
  });
}
