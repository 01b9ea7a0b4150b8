// The list follows the core: a shipments.changed push, or getting the connection back after a drop
// (pushes may have been missed), re-reads what is on screen. No polling.
import { useEffect } from 'react';
import { useClient } from '../../api/ClientContext';
import { useShipmentsStore } from '../../stores/ShipmentsContext';

/** A burst of pushes (an Excel import, the outbox draining) becomes one refresh. */
const SETTLE_MS = 150;

export function useLiveRefresh(): void {
  const client = useClient();
  const store = useShipmentsStore();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let dropped = false;
    const offPush = client.onPush((event) => {
      if (event.type !== 'shipments.changed') return;
      clearTimeout(timer);
      timer = setTimeout(() => void store.getState().refresh(), SETTLE_MS);
    });
    const offConnection = client.onConnection((state) => {
      if (state === 'closed') dropped = true;
      if (state === 'open' && dropped) {
        dropped = false;
        void store.getState().refresh();
      }
    });
    return () => {
      clearTimeout(timer);
      offPush();
      offConnection();
    };
  }, [client, store]);
}
