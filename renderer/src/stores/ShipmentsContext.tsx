// The list store for the components below it; one store per screen.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { ShipmentsState } from './shipmentsStore';

const ShipmentsContext = createContext<StoreApi<ShipmentsState> | null>(null);

export function ShipmentsProvider({ store, children }: { store: StoreApi<ShipmentsState>; children: ReactNode }) {
  return <ShipmentsContext.Provider value={store}>{children}</ShipmentsContext.Provider>;
}

export function useShipments<T>(select: (state: ShipmentsState) => T): T {
  const store = useContext(ShipmentsContext);
  if (!store) throw new Error('useShipments needs a <ShipmentsProvider> above it');
  return useStore(store, select);
}

/** The store itself, for effects that act on it outside rendering (pushes, reconnects). */
export function useShipmentsStore(): StoreApi<ShipmentsState> {
  const store = useContext(ShipmentsContext);
  if (!store) throw new Error('useShipmentsStore needs a <ShipmentsProvider> above it');
  return store;
}
