// The renderer's only door: window.shipdesk = { invoke, on }. Sandboxed preloads may only require
// 'electron'; channels.ts is bundled in by esbuild. ipcRenderer and IPC events never cross over.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PushEvent } from '../../shared/api/contract';
import type { Envelope } from '../../shared/errors';
import { INVOKE_CHANNEL, PUSH_CHANNEL, type InvokeMessage, type ShipdeskBridge } from './channels';

const bridge: ShipdeskBridge = {
  invoke(method: string, input?: unknown): Promise<Envelope<unknown>> {
    const message: InvokeMessage = { method, input };
    return ipcRenderer.invoke(INVOKE_CHANNEL, message) as Promise<Envelope<unknown>>;
  },
  on(callback: (event: PushEvent) => void): () => void {
    if (typeof callback !== 'function') throw new TypeError('shipdesk.on needs a callback function');
    // Pass only the payload: the IPC event object would hand the page ipcRenderer itself.
    const listener = (_event: IpcRendererEvent, payload: PushEvent): void => callback(payload);
    ipcRenderer.on(PUSH_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(PUSH_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('shipdesk', bridge);
