import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { META_CONTENT_SECURITY_POLICY } from './shared/csp';

const CSP_PLACEHOLDER = '%SHIPDESK_CSP%';

/** Writes the one CSP (shared/csp.ts) into index.html's meta tag; a page without the tag fails the build. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'shipdesk-csp',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`index.html must carry content="${CSP_PLACEHOLDER}"`);
        return html.replaceAll(CSP_PLACEHOLDER, META_CONTENT_SECURITY_POLICY);
      },
    },
  };
}

// The renderer: built once, loaded from file:// by Electron and served by the web host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [contentSecurityPolicy(), react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
  },
});
