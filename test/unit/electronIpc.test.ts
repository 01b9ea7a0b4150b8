// The Electron IPC door, checked under plain Node: who may call the core, what reaches the
// dispatcher, and what the preload hands the page. Never imports 'electron'.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { describe, it, expect } from 'vitest';
import type { CallContext, Dispatch } from '../../main/core/rpc/dispatch';
import { INVOKE_CHANNEL, PUSH_CHANNEL } from '../../main/electron/channels';
import { createInvokeHandler, type InvokeEventLike } from '../../main/electron/ipcAdapter';
import { appUrlFor, isAppUrl, isTrustedSender, type TrustedWindow } from '../../main/electron/senderCheck';
import type { Envelope } from '../../shared/errors';

const REPO = path.resolve(__dirname, '../..');
const INDEX = '/opt/Shipdesk/resources/app.asar/dist/renderer/index.html';
const APP_URL = appUrlFor(INDEX);
const TRUSTED: TrustedWindow = { windowWebContentsId: 3, appUrl: APP_URL };
const OUR_FRAME = { senderId: 3, isMainFrame: true, senderFrameUrl: APP_URL };

describe('isTrustedSender', () => {
  it('accepts the top frame of our window showing our index.html', () => {
    expect(APP_URL.startsWith('file:///')).toBe(true);
    expect(isTrustedSender(OUR_FRAME, TRUSTED)).toBe(true);
  });

  it('accepts in-page state after the file name (#hash, ?query)', () => {
    expect(isTrustedSender({ ...OUR_FRAME, senderFrameUrl: `${APP_URL}#/shipments?tab=failed` }, TRUSTED)).toBe(true);
    expect(isTrustedSender({ ...OUR_FRAME, senderFrameUrl: `${APP_URL}?lang=ko` }, TRUSTED)).toBe(true);
  });

  it('refuses another webContents (a second window, a devtools page, a stray webview)', () => {
    expect(isTrustedSender({ ...OUR_FRAME, senderId: 4 }, TRUSTED)).toBe(false);
  });

  it('refuses everything while there is no window', () => {
    expect(isTrustedSender(OUR_FRAME, { ...TRUSTED, windowWebContentsId: null })).toBe(false);
  });

  it('refuses a subframe, even one showing our own file', () => {
    expect(isTrustedSender({ ...OUR_FRAME, isMainFrame: false }, TRUSTED)).toBe(false);
  });

  it('refuses web origins', () => {
    for (const url of [
      'http://127.0.0.1:5173/index.html',
      'https://shipdesk.invalid/index.html',
      `https://shipdesk.invalid${new URL(APP_URL).pathname}`,
      'data:text/html,<script>1</script>',
      'about:blank',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      expect(isTrustedSender({ ...OUR_FRAME, senderFrameUrl: url }, TRUSTED), url).toBe(false);
    }
  });

  it('refuses a different local file, including look-alikes and traversal', () => {
    for (const url of [
      appUrlFor('/opt/Shipdesk/resources/app.asar/dist/renderer/other.html'),
      appUrlFor('/home/operator/Downloads/index.html'),
      appUrlFor('/opt/Shipdesk/resources/app.asar/dist/renderer/index.html.evil'),
      `${APP_URL}/`,
      'file://fileserver/opt/Shipdesk/resources/app.asar/dist/renderer/index.html',
    ]) {
      expect(isTrustedSender({ ...OUR_FRAME, senderFrameUrl: url }, TRUSTED), url).toBe(false);
    }
  });

  it('refuses a sender whose frame is gone or whose URL is garbage', () => {
    expect(isTrustedSender({ ...OUR_FRAME, senderFrameUrl: null }, TRUSTED)).toBe(false);
    expect(isTrustedSender({ ...OUR_FRAME, senderFrameUrl: undefined }, TRUSTED)).toBe(false);
    expect(isTrustedSender({ ...OUR_FRAME, senderFrameUrl: '' }, TRUSTED)).toBe(false);
    expect(isTrustedSender({ ...OUR_FRAME, senderFrameUrl: 'file:///%E0%A4%A' }, TRUSTED)).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('matches our file however the path is percent-encoded', () => {
    const spaced = appUrlFor('/Applications/Ship desk.app/Contents/Resources/app.asar/dist/renderer/index.html');
    expect(spaced).toContain('%20');
    expect(
      isAppUrl('file:///Applications/Ship desk.app/Contents/Resources/app.asar/dist/renderer/index.html', spaced),
    ).toBe(true);
    expect(
      isAppUrl('file:///Applications/Ship%20desk.app/Contents/Resources/app.asar/dist/renderer/ind%65x.html', spaced),
    ).toBe(true);
  });

  it('ignores the case of a Windows drive letter and path, as Windows does', () => {
    const win = 'file:///C:/Program%20Files/Shipdesk/resources/app.asar/dist/renderer/index.html';
    expect(isAppUrl('file:///c:/program%20files/shipdesk/resources/app.asar/dist/renderer/index.html', win)).toBe(true);
    expect(isAppUrl('file:///D:/Program%20Files/Shipdesk/resources/app.asar/dist/renderer/index.html', win)).toBe(
      false,
    );
  });

  it('stays case-sensitive on POSIX paths', () => {
    expect(isAppUrl(APP_URL.replace('renderer', 'Renderer'), APP_URL)).toBe(false);
  });
});

interface RecordedCall {
  method: string;
  input: unknown;
  ctx: CallContext;
}

function recordingDispatch(answer: Envelope<unknown> = { ok: true, value: { rows: [] } }) {
  const calls: RecordedCall[] = [];
  const dispatch: Dispatch = async (method, input, ctx) => {
    calls.push({ method, input, ctx });
    return answer;
  };
  return { calls, dispatch, answer };
}

function eventFrom(facts: { senderId: number; url: string | null; isMainFrame: boolean }): InvokeEventLike {
  return {
    sender: { id: facts.senderId },
    senderFrame: facts.url === null ? null : { url: facts.url, parent: facts.isMainFrame ? null : { url: 'x' } },
  };
}

const OUR_EVENT = eventFrom({ senderId: 3, url: APP_URL, isMainFrame: true });

function adapter(dispatch: Dispatch) {
  return createInvokeHandler({ dispatch, isTrusted: (s) => isTrustedSender(s, TRUSTED), operator: '' });
}

describe('IPC adapter', () => {
  it('passes a trusted call through to the dispatcher unchanged, as a manual action', async () => {
    const { calls, dispatch, answer } = recordingDispatch();
    const input = { tab: 'preparing', search: { field: 'shipmentNo', text: 'S-1' } };
    const result = await adapter(dispatch)(OUR_EVENT, { method: 'shipments.list', input });
    expect(result).toBe(answer);
    expect(calls).toEqual([{ method: 'shipments.list', input, ctx: { operator: '', via: 'manual' } }]);
    expect(calls[0]?.input).toBe(input);
  });

  it('passes an absent input through as undefined (the dispatcher treats it as {})', async () => {
    const { calls, dispatch } = recordingDispatch();
    await adapter(dispatch)(OUR_EVENT, { method: 'settings.get' });
    await adapter(dispatch)(OUR_EVENT, { method: 'carriers.list', input: undefined });
    expect(calls.map((c) => c.input)).toEqual([undefined, undefined]);
  });

  it('returns error envelopes from the dispatcher as they are', async () => {
    const refusal: Envelope<unknown> = { ok: false, error: { code: 'UNKNOWN_METHOD', message: 'no such method' } };
    const { dispatch } = recordingDispatch(refusal);
    expect(await adapter(dispatch)(OUR_EVENT, { method: 'nope', input: {} })).toBe(refusal);
  });

  it('refuses malformed messages with INVALID_INPUT and never reaches the dispatcher', async () => {
    const { calls, dispatch } = recordingDispatch();
    const handle = adapter(dispatch);
    for (const message of [
      undefined,
      null,
      'shipments.list',
      42,
      ['shipments.list', {}],
      {},
      { input: {} },
      { method: 7, input: {} },
      { method: '', input: {} },
      { method: 'x'.repeat(101), input: {} },
      { method: 'shipments.list', input: {}, operator: 'someone-else' },
      { method: 'shipments.list', input: {}, via: 'api' },
    ]) {
      const result = await handle(OUR_EVENT, message);
      expect(result.ok, JSON.stringify(message)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
    }
    expect(calls).toEqual([]);
  });

  it('refuses untrusted senders with UNAUTHORIZED, even for well-formed calls', async () => {
    const { calls, dispatch } = recordingDispatch();
    const handle = adapter(dispatch);
    const untrusted: InvokeEventLike[] = [
      eventFrom({ senderId: 4, url: APP_URL, isMainFrame: true }),
      eventFrom({ senderId: 3, url: APP_URL, isMainFrame: false }),
      eventFrom({ senderId: 3, url: 'https://shipdesk.invalid/index.html', isMainFrame: true }),
      eventFrom({ senderId: 3, url: appUrlFor('/tmp/index.html'), isMainFrame: true }),
      eventFrom({ senderId: 3, url: null, isMainFrame: true }),
      {
        sender: { id: 3 },
        get senderFrame(): never {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        },
      },
    ];
    for (const event of untrusted) {
      for (const message of [{ method: 'invoices.delete', input: { shipmentNo: 'S-1' } }, null]) {
        const result = await handle(event, message);
        expect(result).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
      }
    }
    expect(calls).toEqual([]);
  });

  it('answers with an INTERNAL envelope instead of throwing if the dispatcher ever throws', async () => {
    const handle = adapter(async () => {
      throw new Error('boom');
    });
    const result = await handle(OUR_EVENT, { method: 'shipments.list', input: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INTERNAL');
  });
});

describe('only main/electron imports electron', () => {
  const importsElectron =
    /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|^\s*import\s+)['"]electron(?:\/[^'"]*)?['"]/m;

  function sourceFiles(dir: string): string[] {
    if (!fs.existsSync(dir)) return [];
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
      return /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(entry.name) ? [full] : [];
    });
  }

  it('recognises the ways a file can import electron', () => {
    for (const line of [
      "import { app } from 'electron';",
      'import type { WebContents } from "electron";',
      "const { app } = require('electron');",
      "const e = await import('electron');",
      "import 'electron';",
      "import { ipcRenderer } from 'electron/renderer';",
    ]) {
      expect(importsElectron.test(line), line).toBe(true);
    }
    expect(importsElectron.test("import { x } from './electronish';")).toBe(false);
    expect(importsElectron.test('// the electron shell lives in main/electron')).toBe(false);
  });

  it('main/core has files to check and none of them imports electron', () => {
    const coreFiles = sourceFiles(path.join(REPO, 'main/core'));
    expect(coreFiles.length).toBeGreaterThan(0);
    const offenders = coreFiles.filter((file) => importsElectron.test(fs.readFileSync(file, 'utf8')));
    expect(offenders.map((f) => path.relative(REPO, f))).toEqual([]);
  });

  it('neither do shared/, renderer/ or the other main/ folders (web host, CLI)', () => {
    const mainDirs = fs
      .readdirSync(path.join(REPO, 'main'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'electron' && d.name !== 'core')
      .map((d) => path.join(REPO, 'main', d.name));
    const files = [...mainDirs, path.join(REPO, 'shared'), path.join(REPO, 'renderer')].flatMap(sourceFiles);
    const offenders = files.filter((file) => importsElectron.test(fs.readFileSync(file, 'utf8')));
    expect(offenders.map((f) => path.relative(REPO, f))).toEqual([]);
  });
});

describe('preload (bundled as for the app, run against a fake electron)', () => {
  type Listener = (...args: unknown[]) => void;

  interface Loaded {
    required: string[];
    exposed: Array<{ key: string; api: unknown }>;
    invoked: unknown[][];
    listeners: Map<string, Set<Listener>>;
  }

  async function loadPreload(): Promise<Loaded> {
    // Same esbuild settings as scripts/build-main.mjs, so this is the code the window runs.
    const out = await build({
      entryPoints: [path.join(REPO, 'main/electron/preload.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]?.text ?? '';
    const loaded: Loaded = { required: [], exposed: [], invoked: [], listeners: new Map() };
    const ipcRenderer = {
      invoke: (...args: unknown[]) => {
        loaded.invoked.push(args);
        return Promise.resolve({ ok: true, value: 'answer' });
      },
      on: (channel: string, listener: Listener) => {
        const set = loaded.listeners.get(channel) ?? new Set<Listener>();
        set.add(listener);
        loaded.listeners.set(channel, set);
      },
      removeListener: (channel: string, listener: Listener) => {
        loaded.listeners.get(channel)?.delete(listener);
      },
    };
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => loaded.exposed.push({ key, api }) },
      ipcRenderer,
    };
    // A sandboxed preload gets a `require` that only knows a few modules; ours may only need electron.
    const fakeRequire = (name: string): unknown => {
      loaded.required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require "${name}"`);
    };
    const module = { exports: {} };
    vm.runInNewContext(code, { require: fakeRequire, module, exports: module.exports, console });
    return loaded;
  }

  function bridgeOf(loaded: Loaded): Record<string, unknown> {
    const api = loaded.exposed[0]?.api;
    if (typeof api !== 'object' || api === null) throw new Error('nothing exposed');
    return api as Record<string, unknown>;
  }

  it('requires nothing but electron', async () => {
    const loaded = await loadPreload();
    expect([...new Set(loaded.required)]).toEqual(['electron']);
  });

  it('exposes exactly window.shipdesk = { invoke, on }, both plain functions', async () => {
    const loaded = await loadPreload();
    expect(loaded.exposed.map((e) => e.key)).toEqual(['shipdesk']);
    const bridge = bridgeOf(loaded);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'on']);
    expect(typeof bridge.invoke).toBe('function');
    expect(typeof bridge.on).toBe('function');
  });

  it('invoke sends { method, input } on the invoke channel and returns the answer', async () => {
    const loaded = await loadPreload();
    const invoke = bridgeOf(loaded).invoke as (method: string, input?: unknown) => Promise<unknown>;
    const input = { shipmentNo: 'S-1' };
    await expect(invoke('shipments.get', input)).resolves.toEqual({ ok: true, value: 'answer' });
    expect(loaded.invoked).toEqual([[INVOKE_CHANNEL, { method: 'shipments.get', input }]]);
  });

  it('on delivers only the push payload (never the IPC event) and unsubscribes', async () => {
    const loaded = await loadPreload();
    const on = bridgeOf(loaded).on as (cb: (...args: unknown[]) => void) => () => void;
    const received: unknown[][] = [];
    const stop = on((...args) => received.push(args));
    expect([...loaded.listeners.keys()]).toEqual([PUSH_CHANNEL]);
    const listeners = [...(loaded.listeners.get(PUSH_CHANNEL) ?? [])];
    expect(listeners).toHaveLength(1);
    const push = { type: 'shipments.changed', shipmentNos: ['S-1'] };
    const fakeEvent = { sender: { secret: 'ipcRenderer' }, ports: [] };
    listeners[0]?.(fakeEvent, push);
    expect(received).toEqual([[push]]);
    expect(typeof stop).toBe('function');
    stop();
    expect(loaded.listeners.get(PUSH_CHANNEL)?.size).toBe(0);
  });

  it('on refuses a non-function callback', async () => {
    const on = bridgeOf(await loadPreload()).on as (cb: unknown) => unknown;
    expect(() => on('not a function')).toThrow(/needs a callback function/);
  });
});
