// Hands the one client to the components that call Shipdesk directly (the invoice dialog).
import { createContext, useContext, type ReactNode } from 'react';
import type { ShipdeskClient } from './client';

const ClientContext = createContext<ShipdeskClient | null>(null);

export function ClientProvider({ client, children }: { client: ShipdeskClient; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): ShipdeskClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient needs a <ClientProvider> above it');
  return client;
}
