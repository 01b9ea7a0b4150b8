// The hardened BrowserWindow options. Pure data so tests can check every flag under plain Node (the
// `electron` import is type-only and erased at build time). The CSP is shared/csp.ts.
import type { BrowserWindowConstructorOptions } from 'electron';

export const MIN_WINDOW_WIDTH = 1024;
export const MIN_WINDOW_HEIGHT = 640;

export interface WindowChoices {
  /** DevTools only for development builds; a packing station has no use for them. */
  allowDevTools?: boolean;
}

export function hardenedWindowOptions(
  preloadPath: string,
  choices: WindowChoices = {},
): BrowserWindowConstructorOptions {
  return {
    title: 'Shipdesk',
    width: 1280,
    height: 800,
    minWidth: MIN_WINDOW_WIDTH,
    minHeight: MIN_WINDOW_HEIGHT,
    // Shown on 'ready-to-show' so the operator never sees a blank white frame.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // A middle click on a link must not open anything (navigation and new windows are refused too).
      disableBlinkFeatures: 'Auxclick',
      // The dictionary download would try the network and leak what operators type.
      spellcheck: false,
      // A workbook dropped outside the drop zone must not replace the app with file://.
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: choices.allowDevTools ?? false,
    },
  };
}
