// The renderer's entry: one client (Electron preload or the web host's socket), the filters (kept
// across restarts) and the grid store that follows them; the desk opens once the database did (else
// the recovery screen offers the last backup).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectClient } from './api/client';
import { ClientProvider } from './api/ClientContext';
import { RecoveryGate } from './features/recovery/RecoveryGate';
import { ShippingManagement } from './features/shipments/ShippingManagement';
import { useLanguage } from './i18n';
import { createFiltersStore } from './stores/filters';
import { createGridStore } from './stores/gridStore';
import { StoresProvider } from './stores/StoresContext';
import './styles.css';

const client = connectClient();
const filters = createFiltersStore();
const grid = createGridStore(client, filters);

// The document's language follows the screen's, for screen readers and Korean line breaking.
document.documentElement.lang = useLanguage.getState().language;
useLanguage.subscribe((s) => {
  document.documentElement.lang = s.language;
  document.title = s.t('app.name');
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ClientProvider client={client}>
      <StoresProvider stores={{ filters, grid }}>
        <RecoveryGate>
          <ShippingManagement />
        </RecoveryGate>
      </StoresProvider>
    </ClientProvider>
  </StrictMode>,
);
