// The grid follows the core: a shipments.changed push, or getting the connection back after a drop
// (pushes may have been missed), re-reads what is loaded. No polling.
import { useEffect } from 'react';
import { useClient } from '../../api/ClientContext';
import { useStoreApis } from '../../stores/StoresContext';

/** A burst of pushes (an Excel import, the outbox draining) becomes one refresh. */
const SETTLE_MS = 120;

export function useLiveRefresh(): void {
  const client = useClient();
  const { grid } = useStoreApis();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let dropped = false;
    const changed = new Set<string>();
    const offPush = client.onPush((event) => {
      if (event.type !== 'shipments.changed') return;
      for (const no of event.shipmentNos) changed.add(no);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const nos = [...changed];
        changed.clear();
        void grid.getState().refresh(nos);
      }, SETTLE_MS);
    });
    const offConnection = client.onConnection((state) => {
      if (state === 'closed') dropped = true;
      if (state === 'open' && dropped) {
        dropped = false;
        void grid.getState().refresh();
      }
    });
    return () => {
      clearTimeout(timer);
      offPush();
      offConnection();
    };
  }, [client, grid]);
}
