import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer: built once, loaded from file:// by Electron and served by the web host.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
  },
});
