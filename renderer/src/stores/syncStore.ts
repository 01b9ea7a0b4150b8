// What the screen knows about the tracking sync: the overall state (online, queue, last sync) kept
// current by 'sync.state' pushes, and the per-row state of the shipments on screen.
import { create } from 'zustand';
import type { PushEvent, ShipmentSyncView, SyncStateView } from '../../../shared/api/contract';
import type { ShipdeskClient } from '../api/client';

interface SyncStore {
  view: SyncStateView | null;
  rows: Record<string, ShipmentSyncView>;
  load(client: ShipdeskClient): Promise<void>;
  applyPush(event: PushEvent): void;
  fetchRows(client: ShipdeskClient, shipmentNos: readonly string[]): Promise<void>;
}

export const useSync = create<SyncStore>((set, get) => ({
  view: null,
  rows: {},
  async load(client) {
    try {
      const answer = await client.call('sync.state', {});
      if (answer.ok) set({ view: answer.value });
    } catch {
      // The bar keeps what it showed; the next push or reconnect brings it up to date.
    }
  },
  applyPush(event) {
    const view = get().view;
    if (event.type !== 'sync.state' || !view) return;
    set({ view: { ...view, online: event.online, queued: event.queued, lastSyncAt: event.lastSyncAt } });
  },
  async fetchRows(client, shipmentNos) {
    if (!shipmentNos.length) return;
    try {
      const answer = await client.call('sync.shipments', { shipmentNos: shipmentNos.slice(0, 500) });
      if (!answer.ok) return;
      const rows = { ...get().rows };
      for (const r of answer.value) rows[r.shipmentNo] = r;
      set({ rows });
    } catch {
      // Per-row marks are a help, not the record: a failed read leaves the last ones.
    }
  },
}));
