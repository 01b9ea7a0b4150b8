// The two IPC channels between the window and the main process, shared by main.ts, preload.ts and
// the tests so they cannot drift apart. No electron import: tests load this under plain Node.
import type { PushEvent } from '../../shared/api/contract';
import type { Envelope } from '../../shared/errors';

/** Renderer -> main, request/response (ipcRenderer.invoke / ipcMain.handle). */
export const INVOKE_CHANNEL = 'shipdesk:invoke';
/** Main -> renderer, one message per core PushEvent (webContents.send). */
export const PUSH_CHANNEL = 'shipdesk:push';

/** The message the preload sends on INVOKE_CHANNEL (its schema is shared/api/wire.ts). */
export type { InvokeMessage } from '../../shared/api/wire';

/** What the preload exposes as `window.shipdesk`, and nothing more. */
export interface ShipdeskBridge {
  invoke(method: string, input?: unknown): Promise<Envelope<unknown>>;
  /** Every push from the core; returns a function that stops listening. */
  on(callback: (event: PushEvent) => void): () => void;
}
