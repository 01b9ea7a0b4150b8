// The renderer's entry: one client (Electron preload or the web host's socket), one list store.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectClient } from './api/client';
import { ClientProvider } from './api/ClientContext';
import { ShippingManagement } from './features/shipments/ShippingManagement';
import { useLanguage } from './i18n';
import { createShipmentsStore } from './stores/shipmentsStore';
import { ShipmentsProvider } from './stores/ShipmentsContext';
import './styles.css';

const client = connectClient();
const shipments = createShipmentsStore(client);

// The document's language follows the screen's, for screen readers and Korean line breaking.
document.documentElement.lang = useLanguage.getState().language;
useLanguage.subscribe((s) => {
  document.documentElement.lang = s.language;
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ClientProvider client={client}>
      <ShipmentsProvider store={shipments}>
        <ShippingManagement />
      </ShipmentsProvider>
    </ClientProvider>
  </StrictMode>,
);
