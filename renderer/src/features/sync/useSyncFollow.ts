// Keeps the status bar and the per-row marks current: the sync state at start and after a
// reconnect, 'sync.state' pushes as they come, and the rows on screen re-read after changes.
import { useEffect } from 'react';
import { useClient } from '../../api/ClientContext';
import { useSync } from '../../stores/syncStore';

const SETTLE_MS = 400;

export function useSyncFollow(): void {
  const client = useClient();
  useEffect(() => {
    const sync = useSync.getState();
    void sync.load(client);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void useSync.getState().load(client), SETTLE_MS);
    };
    const offPush = client.onPush((event) => {
      if (event.type !== 'sync.state') return;
      useSync.getState().applyPush(event); // online / queue / last sync at once
      later(); // the rest (refused, not moving, demo) a moment later
    });
    const offConnection = client.onConnection((state) => {
      if (state === 'open') later();
    });
    return () => {
      clearTimeout(timer);
      offPush();
      offConnection();
    };
  }, [client]);
}

/** Re-reads the sync state of the shipments on screen when they change or scroll into view. */
export function useRowSync(shipmentNos: readonly string[]): void {
  const client = useClient();
  const key = shipmentNos.join(',');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fetch = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void useSync.getState().fetchRows(client, key ? key.split(',') : []), 250);
    };
    fetch();
    const off = client.onPush((event) => {
      if (event.type === 'shipments.changed' || event.type === 'sync.state') fetch();
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [client, key]);
}
