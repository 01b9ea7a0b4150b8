// The screen's stores for the components below: filters (persisted) and the grid's rows.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { FiltersState } from './filters';
import type { GridState } from './gridStore';

interface Stores {
  filters: StoreApi<FiltersState>;
  grid: StoreApi<GridState>;
}

const StoresContext = createContext<Stores | null>(null);

export function StoresProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

function useStores(): Stores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('needs a <StoresProvider> above it');
  return stores;
}

export function useFilters<T>(select: (state: FiltersState) => T): T {
  return useStore(useStores().filters, select);
}

export function useGrid<T>(select: (state: GridState) => T): T {
  return useStore(useStores().grid, select);
}

/** The stores themselves, for effects and handlers that act outside rendering. */
export function useStoreApis(): Stores {
  return useStores();
}
