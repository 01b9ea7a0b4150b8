// Ambient declarations for the renderer build (vite handles the CSS import).
declare module '*.css';

interface Window {
  /** Set by the Electron preload; absent in a browser. Checked at run time before use. */
  shipdesk?: unknown;
}
