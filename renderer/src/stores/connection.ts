// Whether the screen can reach Shipdesk. The desktop window always can; the browser's socket can
// drop (host stopped or restarted). 'lost' is what the operator must know about: the status bar
// says Disconnected and the grid marks its rows as possibly out of date.
import { create } from 'zustand';
import type { ShipdeskClient } from '../api/client';
import type { ConnectionState } from '../api/transport';

interface ConnectionStore {
  state: ConnectionState;
  /** The connection was open once and is not now (the first connect is the list's own loading). */
  lost: boolean;
  follow(client: ShipdeskClient): () => void;
}

export const useConnection = create<ConnectionStore>((set, get) => ({
  state: 'connecting',
  lost: false,
  follow(client) {
    let dropped = client.connection === 'closed';
    set({ state: client.connection, lost: dropped });
    return client.onConnection((next) => {
      if (next === 'closed') dropped = true;
      if (next === 'open') dropped = false;
      if (next !== get().state || dropped !== get().lost) set({ state: next, lost: dropped });
    });
  },
}));
