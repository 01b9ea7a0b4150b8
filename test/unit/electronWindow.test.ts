// The desktop window's security settings, checked under plain Node (no Electron binary here).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, it, expect } from 'vitest';
import type { PushEvent } from '../../shared/api/contract';
import type { Envelope } from '../../shared/errors';
import type { Logger } from '../../main/core/log/logger';
import { INVOKE_CHANNEL, PUSH_CHANNEL } from '../../main/electron/channels';
import { menuTemplate } from '../../main/electron/menu';
import { isPermissionGranted } from '../../main/electron/permissions';
import { appUrlFor } from '../../main/electron/senderCheck';
import { hardenedWindowOptions, MIN_WINDOW_HEIGHT, MIN_WINDOW_WIDTH } from '../../main/electron/windowOptions';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

const PRELOAD = '/opt/Shipdesk/resources/app.asar/dist/main/preload.cjs';

function cspDirectives(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name, sources);
  }
  return map;
}

describe('hardened window options', () => {
  const options = hardenedWindowOptions(PRELOAD);
  const prefs = options.webPreferences ?? {};

  it('isolates the page from Node and Electron', () => {
    expect(prefs.preload).toBe(PRELOAD);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and embedded content off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('does not navigate to a dropped file and does not download spellcheck dictionaries', () => {
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.spellcheck).toBe(false);
  });

  it('has DevTools only when asked for (development builds)', () => {
    expect(prefs.devTools).toBe(false);
    expect(hardenedWindowOptions(PRELOAD, { allowDevTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('opens hidden until ready, titled Shipdesk, no smaller than a packing-station layout needs', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('Shipdesk');
    expect(options.minWidth).toBe(MIN_WINDOW_WIDTH);
    expect(options.minHeight).toBe(MIN_WINDOW_HEIGHT);
    expect(MIN_WINDOW_WIDTH).toBeGreaterThanOrEqual(1024);
    expect(MIN_WINDOW_HEIGHT).toBeGreaterThanOrEqual(640);
    expect(options.width ?? 0).toBeGreaterThanOrEqual(MIN_WINDOW_WIDTH);
    expect(options.height ?? 0).toBeGreaterThanOrEqual(MIN_WINDOW_HEIGHT);
  });

  it("returns a fresh object each time, so one window cannot change another one's settings", () => {
    const a = hardenedWindowOptions(PRELOAD);
    const b = hardenedWindowOptions(PRELOAD);
    expect(a).not.toBe(b);
    expect(a.webPreferences).not.toBe(b.webPreferences);
  });
});

describe('Content-Security-Policy', () => {
  const csp = cspDirectives(CONTENT_SECURITY_POLICY);

  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('runs only our own scripts: no remote hosts, no inline code, no eval', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it('forbids plugins, frames of us elsewhere, base rewrites and form posts', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('names no remote source anywhere (frames and connections fall back to self)', () => {
    expect(csp.has('frame-src')).toBe(false);
    expect(csp.has('child-src')).toBe(false);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    for (const [name, sources] of csp) {
      for (const source of sources) {
        expect(source, `${name} allows ${source}`).not.toMatch(/^\*|^(https?|wss?|ftp|blob):|\.|unsafe-eval/);
      }
    }
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
  });
});

describe('web permissions', () => {
  const appUrl = appUrlFor('/opt/Shipdesk/resources/app.asar/dist/renderer/index.html');
  const trusted = { windowWebContentsId: 7, appUrl };
  const ours = { webContentsId: 7, requestingUrl: appUrl, isMainFrame: true };

  it('lets our window write to the clipboard (the invoice Copy button)', () => {
    expect(isPermissionGranted({ ...ours, permission: 'clipboard-sanitized-write' }, trusted)).toBe(true);
  });

  it('denies every other permission, even to our own window', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
      'fullscreen',
      'midi',
      'hid',
      'serial',
      'usb',
      'display-capture',
      'fileSystem',
      'pointerLock',
      'unknown',
    ]) {
      expect(isPermissionGranted({ ...ours, permission }, trusted), permission).toBe(false);
    }
  });

  it("denies the clipboard to anything that is not our window's top frame at our file", () => {
    const permission = 'clipboard-sanitized-write';
    expect(isPermissionGranted({ ...ours, permission, webContentsId: 8 }, trusted)).toBe(false);
    expect(isPermissionGranted({ ...ours, permission, webContentsId: null }, trusted)).toBe(false);
    expect(isPermissionGranted({ ...ours, permission, isMainFrame: false }, trusted)).toBe(false);
    expect(isPermissionGranted({ ...ours, permission, requestingUrl: 'https://shipdesk.invalid/' }, trusted)).toBe(
      false,
    );
    expect(isPermissionGranted({ ...ours, permission, requestingUrl: undefined }, trusted)).toBe(false);
    expect(isPermissionGranted({ ...ours, permission }, { ...trusted, windowWebContentsId: null })).toBe(false);
  });
});

describe('application menu', () => {
  const roles = (items: ReturnType<typeof menuTemplate>): string[] =>
    items.flatMap((item) => [
      String(item.role ?? ''),
      ...(Array.isArray(item.submenu) ? item.submenu.map((sub) => String(sub.role ?? '')) : []),
    ]);

  it('offers DevTools only in development', () => {
    expect(roles(menuTemplate({ isMac: false, allowDevTools: false }))).not.toContain('toggleDevTools');
    expect(roles(menuTemplate({ isMac: false, allowDevTools: true }))).toContain('toggleDevTools');
  });

  it('always has the edit menu, which carries the copy/paste shortcuts', () => {
    expect(roles(menuTemplate({ isMac: true, allowDevTools: false }))).toContain('editMenu');
    expect(roles(menuTemplate({ isMac: false, allowDevTools: false }))).toContain('editMenu');
  });
});

// ---------------------------------------------------------------------------------------------
// main.ts itself, bundled as for the app and run under Node against a fake 'electron' and a fake
// core. Electron cannot start on these machines, so this is how the wiring gets exercised.

type AnyListener = (...args: unknown[]) => unknown;

interface FakeCore {
  options: Record<string, unknown>;
  calls: Array<{ method: string; input: unknown; ctx: unknown }>;
  emit(event: PushEvent): void;
  closed: number;
}

interface FakeContents {
  id: number;
  sent: unknown[][];
  listeners: Map<string, AnyListener[]>;
  windowOpenHandler: AnyListener | null;
  reloads: number;
}

interface MainRun {
  order: string[];
  app: { listeners: Map<string, AnyListener[]>; paths: Map<string, string>; quits: number; sandboxed: boolean };
  windows: Array<{
    options: Record<string, unknown>;
    loaded: string | null;
    contents: FakeContents;
    shown: number;
    focused: number;
    restored: number;
    minimized: boolean;
    listeners: Map<string, AnyListener[]>;
  }>;
  handlers: Map<string, AnyListener>;
  removedHandlers: string[];
  session: {
    headers: AnyListener | null;
    permissionRequest: AnyListener | null;
    permissionCheck: AnyListener | null;
    devicePermission: AnyListener | null;
  };
  errors: Array<{ title: string; message: string }>;
  core: FakeCore | null;
  menuSet: boolean;
}

const REPO = path.resolve(__dirname, '../..');
const mainTemps: string[] = [];
afterAll(() => {
  for (const dir of mainTemps) fs.rmSync(dir, { recursive: true, force: true });
});

let bundledMain: Promise<string> | null = null;
function mainBundle(): Promise<string> {
  // Same esbuild settings as scripts/build-main.mjs, with the core swapped for a fake (wherever it is
  // imported from: the shell opens it through main/core/recovery/desk.ts).
  bundledMain ??= build({
    entryPoints: [path.join(REPO, 'main/electron/main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', 'better-sqlite3', 'exceljs', 'shipdesk-fake-core'],
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'fake-core',
        setup(b) {
          b.onResolve({ filter: /(^|\/)createCore$/ }, () => ({ path: 'fake-core', namespace: 'fake' }));
          b.onLoad({ filter: /.*/, namespace: 'fake' }, () => ({
            contents: 'module.exports = require("shipdesk-fake-core");',
            loader: 'js',
          }));
        },
      },
    ],
  }).then((out) => out.outputFiles[0]?.text ?? '');
  return bundledMain;
}

function listen(map: Map<string, AnyListener[]>, name: string, fn: AnyListener): void {
  map.set(name, [...(map.get(name) ?? []), fn]);
}

function fire(map: Map<string, AnyListener[]>, name: string, ...args: unknown[]): void {
  for (const fn of map.get(name) ?? []) fn(...args);
}

async function runMain(
  options: { lock?: boolean; coreThrows?: Error; logLevel?: 'info' | 'warn' } = {},
): Promise<MainRun> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'shipdesk-main-'));
  mainTemps.push(root);
  const run: MainRun = {
    order: [],
    app: {
      listeners: new Map(),
      paths: new Map([['appData', path.join(root, 'appData')]]),
      quits: 0,
      sandboxed: false,
    },
    windows: [],
    handlers: new Map(),
    removedHandlers: [],
    session: { headers: null, permissionRequest: null, permissionCheck: null, devicePermission: null },
    errors: [],
    core: null,
    menuSet: false,
  };
  let nextId = 10;
  let ready: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));

  class BrowserWindow {
    private readonly record: MainRun['windows'][number];
    readonly webContents: {
      id: number;
      send(...args: unknown[]): void;
      on(name: string, fn: AnyListener): void;
      setWindowOpenHandler(fn: AnyListener): void;
      reload(): void;
    };
    constructor(windowOptions: Record<string, unknown>) {
      const contents: FakeContents = {
        id: (nextId += 1),
        sent: [],
        listeners: new Map(),
        windowOpenHandler: null,
        reloads: 0,
      };
      this.record = {
        options: windowOptions,
        loaded: null,
        contents,
        shown: 0,
        focused: 0,
        restored: 0,
        minimized: false,
        listeners: new Map(),
      };
      run.windows.push(this.record);
      run.order.push('new BrowserWindow');
      this.webContents = {
        id: contents.id,
        send: (...args: unknown[]) => {
          contents.sent.push(args);
        },
        on: (name: string, fn: AnyListener) => listen(contents.listeners, name, fn),
        setWindowOpenHandler: (fn: AnyListener) => {
          contents.windowOpenHandler = fn;
        },
        reload: () => {
          contents.reloads += 1;
        },
      };
    }
    static getAllWindows(): unknown[] {
      return run.windows;
    }
    loadFile(file: string): Promise<void> {
      this.record.loaded = file;
      return Promise.resolve();
    }
    once(name: string, fn: AnyListener): void {
      listen(this.record.listeners, name, fn);
    }
    on(name: string, fn: AnyListener): void {
      listen(this.record.listeners, name, fn);
    }
    isDestroyed(): boolean {
      return false;
    }
    isMinimized(): boolean {
      return this.record.minimized;
    }
    restore(): void {
      this.record.restored += 1;
    }
    show(): void {
      this.record.shown += 1;
    }
    focus(): void {
      this.record.focused += 1;
    }
  }

  const electron = {
    app: {
      isPackaged: false,
      getVersion: () => '0.1.0-test',
      setPath: (name: string, value: string) => {
        run.order.push(`setPath ${name}`);
        run.app.paths.set(name, value);
      },
      getPath: (name: string) => run.app.paths.get(name) ?? path.join(root, name),
      requestSingleInstanceLock: () => {
        run.order.push('lock');
        return options.lock ?? true;
      },
      enableSandbox: () => {
        run.app.sandboxed = true;
      },
      on: (name: string, fn: AnyListener) => listen(run.app.listeners, name, fn),
      whenReady: () => {
        run.order.push('whenReady');
        return whenReady;
      },
      quit: () => {
        run.app.quits += 1;
      },
    },
    BrowserWindow,
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from([...Buffer.from(text)].reverse()),
      decryptString: (data: Buffer) => Buffer.from([...data].reverse()).toString(),
    },
    dialog: { showErrorBox: (title: string, message: string) => run.errors.push({ title, message }) },
    ipcMain: {
      handle: (channel: string, fn: AnyListener) => run.handlers.set(channel, fn),
      removeHandler: (channel: string) => run.removedHandlers.push(channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: () => {
        run.menuSet = true;
      },
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (fn: AnyListener) => (run.session.headers = fn) },
        setPermissionRequestHandler: (fn: AnyListener) => (run.session.permissionRequest = fn),
        setPermissionCheckHandler: (fn: AnyListener) => (run.session.permissionCheck = fn),
        setDevicePermissionHandler: (fn: AnyListener) => (run.session.devicePermission = fn),
      },
    },
  };

  const fakeCoreModule = {
    createCore: (coreOptions: Record<string, unknown>) => {
      if (options.coreThrows) throw options.coreThrows;
      const listeners = new Set<(e: PushEvent) => void>();
      const core: FakeCore = {
        options: coreOptions,
        calls: [],
        emit: (event) => listeners.forEach((l) => l(event)),
        closed: 0,
      };
      run.core = core;
      return {
        dispatch: async (method: string, input: unknown, ctx: unknown): Promise<Envelope<unknown>> => {
          core.calls.push({ method, input, ctx });
          return { ok: true, value: 'from core' };
        },
        events: {
          on: (l: (e: PushEvent) => void) => {
            listeners.add(l);
            return () => listeners.delete(l);
          },
          emit: core.emit,
        },
        close: () => {
          core.closed += 1;
        },
      };
    },
  };

  const realRequire = createRequire(path.join(REPO, 'package.json'));
  const fakeRequire = (name: string): unknown => {
    if (name === 'electron') return electron;
    if (name === 'shipdesk-fake-core') return fakeCoreModule;
    return realRequire(name);
  };
  const distMain = path.join(root, 'dist', 'main');
  const module = { exports: {} };
  const code = await mainBundle();
  // main.ts reads the level once, when it loads; warnings only, unless a test reads the info lines.
  const level = process.env['SHIPDESK_LOG_LEVEL'];
  process.env['SHIPDESK_LOG_LEVEL'] = options.logLevel ?? 'warn';
  try {
    new Function('require', 'module', 'exports', '__dirname', '__filename', code)(
      fakeRequire,
      module,
      module.exports,
      distMain,
      path.join(distMain, 'electron.cjs'),
    );
  } finally {
    if (level === undefined) delete process.env['SHIPDESK_LOG_LEVEL'];
    else process.env['SHIPDESK_LOG_LEVEL'] = level;
  }
  ready();
  await new Promise((resolve) => setTimeout(resolve, 10));
  return run;
}

function onPlatform(platform: string, body: () => void): void {
  const original = Object.getOwnPropertyDescriptor(process, 'platform');
  Object.defineProperty(process, 'platform', { value: platform });
  try {
    body();
  } finally {
    if (original) Object.defineProperty(process, 'platform', original);
  }
}

function appUrlOf(run: MainRun): string {
  const loaded = run.windows[0]?.loaded;
  if (!loaded) throw new Error('no window loaded a file');
  return appUrlFor(loaded);
}

describe('main process wiring (main.ts against a fake electron)', () => {
  it('uses one Shipdesk data folder, set before the single-instance lock that lives in it', async () => {
    const run = await runMain();
    expect(run.order.slice(0, 2)).toEqual(['setPath userData', 'lock']);
    const userData = run.app.paths.get('userData') ?? '';
    expect(path.basename(userData)).toBe('Shipdesk');
    expect(run.core?.options.dbPath).toBe(path.join(userData, 'shipdesk.db'));
    expect(fs.existsSync(userData)).toBe(true);
    expect(typeof run.core?.options.defaultOperator).toBe('string');
    expect(run.core?.options.sync).toEqual({ intervalMs: expect.any(Number) });
  });

  it('keeps the tracker key encrypted with the OS keychain, inside the data folder', async () => {
    const run = await runMain();
    const store = run.core?.options.trackerKeyStore as {
      kind: string;
      read(): string | null;
      write(key: string | null): void;
    };
    expect(store.kind).toBe('encrypted');
    store.write('secret-key-123');
    const userData = run.app.paths.get('userData') ?? '';
    const written = fs.readdirSync(userData).filter((f) => f !== 'logs');
    expect(written).toHaveLength(1);
    expect(fs.readFileSync(path.join(userData, written[0] ?? '')).toString()).not.toContain('secret-key-123');
    expect(store.read()).toBe('secret-key-123');
    expect(run.app.sandboxed).toBe(true);
    expect(run.menuSet).toBe(true);
  });

  it('opens one hardened, hidden window on the built renderer, with the built preload', async () => {
    const run = await runMain();
    expect(run.windows).toHaveLength(1);
    const win = run.windows[0];
    const distMain = path.dirname(String((win?.options.webPreferences as { preload?: string }).preload));
    expect(win?.options).toEqual(hardenedWindowOptions(path.join(distMain, 'preload.cjs'), { allowDevTools: true }));
    expect(win?.loaded).toBe(path.join(distMain, '..', 'renderer', 'index.html'));
    expect(win?.shown).toBe(0);
    fire(win?.listeners ?? new Map(), 'ready-to-show');
    expect(win?.shown).toBe(1);
  });

  it('registers the invoke channel only, passing trusted calls to the core and refusing others', async () => {
    const run = await runMain();
    expect([...run.handlers.keys()]).toEqual([INVOKE_CHANNEL]);
    const handle = run.handlers.get(INVOKE_CHANNEL);
    const id = run.windows[0]?.contents.id ?? -1;
    const ours = { sender: { id }, senderFrame: { url: appUrlOf(run), parent: null } };
    await expect(handle?.(ours, { method: 'settings.get', input: {} })).resolves.toEqual({
      ok: true,
      value: 'from core',
    });
    expect(run.core?.calls).toEqual([{ method: 'settings.get', input: {}, ctx: { operator: '', via: 'manual' } }]);
    const stranger = { sender: { id: id + 1 }, senderFrame: { url: appUrlOf(run), parent: null } };
    const refused = (await handle?.(stranger, { method: 'settings.get', input: {} })) as Envelope<unknown>;
    expect(refused.ok).toBe(false);
    expect(run.core?.calls).toHaveLength(1);
  });

  it('forwards every core push to the window, and stops when the window closes', async () => {
    const run = await runMain();
    const win = run.windows[0];
    const push: PushEvent = { type: 'shipments.changed', shipmentNos: ['S-1'] };
    run.core?.emit(push);
    expect(win?.contents.sent).toEqual([[PUSH_CHANNEL, push]]);
    fire(win?.listeners ?? new Map(), 'closed');
    run.core?.emit(push);
    expect(win?.contents.sent).toHaveLength(1);
  });

  it('adds the CSP header, replacing any the response had', async () => {
    const run = await runMain();
    let answer: unknown = null;
    run.session.headers?.(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } },
      (a: unknown) => (answer = a),
    );
    expect(answer).toEqual({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });

  it('denies web permissions except the clipboard write from our window', async () => {
    const run = await runMain();
    const contents = { id: run.windows[0]?.contents.id };
    const details = { requestingUrl: appUrlOf(run), isMainFrame: true };
    const asked: boolean[] = [];
    run.session.permissionRequest?.(contents, 'media', (ok: boolean) => asked.push(ok), details);
    run.session.permissionRequest?.(contents, 'clipboard-sanitized-write', (ok: boolean) => asked.push(ok), details);
    expect(asked).toEqual([false, true]);
    expect(run.session.permissionCheck?.(contents, 'geolocation', 'file:///', details)).toBe(false);
    expect(run.session.permissionCheck?.(null, 'clipboard-sanitized-write', 'file:///', details)).toBe(false);
    expect(run.session.devicePermission?.({})).toBe(false);
  });

  it('hardens every webContents: no new windows, no webviews, no navigation away from our file', async () => {
    const run = await runMain();
    const listeners = new Map<string, AnyListener[]>();
    let openHandler: AnyListener | null = null;
    const contents = {
      on: (name: string, fn: AnyListener) => listen(listeners, name, fn),
      setWindowOpenHandler: (fn: AnyListener) => (openHandler = fn),
    };
    fire(run.app.listeners, 'web-contents-created', {}, contents);
    expect((openHandler as AnyListener | null)?.({ url: 'https://shipdesk.invalid/' })).toEqual({ action: 'deny' });
    const attempt = (name: string, url: string, isMainFrame = true): boolean => {
      let prevented = false;
      fire(listeners, name, { url, isMainFrame, preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(attempt('will-attach-webview', appUrlOf(run))).toBe(true);
    expect(attempt('will-navigate', 'https://shipdesk.invalid/')).toBe(true);
    expect(attempt('will-navigate', appUrlFor('/home/operator/Downloads/orders.xlsx'))).toBe(true);
    expect(attempt('will-navigate', `${appUrlOf(run)}#/failed`)).toBe(false);
    expect(attempt('will-frame-navigate', appUrlOf(run), false)).toBe(true);
    expect(attempt('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
  });

  it('brings the running window forward when Shipdesk is started again', async () => {
    const run = await runMain();
    const win = run.windows[0];
    if (win) win.minimized = true;
    fire(run.app.listeners, 'second-instance');
    expect([win?.restored, win?.focused]).toEqual([1, 1]);
  });

  it('closes the core on quit, and quits when the window closes except on macOS', async () => {
    const run = await runMain();
    onPlatform('win32', () => fire(run.app.listeners, 'window-all-closed'));
    expect(run.app.quits).toBe(1);
    fire(run.app.listeners, 'will-quit');
    expect(run.core?.closed).toBe(1);
    expect(run.removedHandlers).toEqual([INVOKE_CHANNEL]);
    const mac = await runMain();
    onPlatform('darwin', () => fire(mac.app.listeners, 'window-all-closed'));
    expect(mac.app.quits).toBe(0);
  });

  it('brings a crashed screen back a few times, then stops trying', async () => {
    const run = await runMain();
    const contents = run.windows[0]?.contents;
    for (let i = 0; i < 5; i += 1)
      fire(contents?.listeners ?? new Map(), 'render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(contents?.reloads).toBe(3);
    const clean = await runMain();
    fire(
      clean.windows[0]?.contents.listeners ?? new Map(),
      'render-process-gone',
      {},
      { reason: 'clean-exit', exitCode: 0 },
    );
    expect(clean.windows[0]?.contents.reloads).toBe(0);
  });

  it('logs to a file in its data folder, one JSON line each, never a phone number or an address', async () => {
    const run = await runMain({ logLevel: 'info' });
    const file = path.join(run.app.paths.get('userData') ?? '', 'logs', 'shipdesk.log');
    const log = run.core?.options.log as Logger;
    log.warn('release refused', {
      shipmentNo: 'SD0000000001',
      recipientPhone: '010-9876-5432',
      address: { line1: '서울 강남구 테헤란로 152' },
    });
    fire(run.windows[0]?.contents.listeners ?? new Map(), 'render-process-gone', {}, { reason: 'oom', exitCode: 9 });
    const text = fs.readFileSync(file, 'utf8');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({
      level: 'info',
      message: 'Shipdesk starting',
      scope: 'desktop',
      version: '0.1.0-test',
    });
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'release refused',
        shipmentNo: 'SD0000000001',
        recipientPhone: '[redacted]',
        address: '[redacted]',
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'the screen stopped', reason: 'oom' }),
    );
    expect(text).not.toContain('9876');
    expect(text).not.toContain('테헤란로');
  });

  it('reopens the window on macOS dock activation once the last one was closed', async () => {
    const run = await runMain();
    fire(run.app.listeners, 'activate');
    expect(run.windows).toHaveLength(1); // a window is still open
    run.windows.length = 0;
    fire(run.app.listeners, 'activate');
    expect(run.windows).toHaveLength(1);
  });

  it('steps aside when another Shipdesk already runs', async () => {
    const run = await runMain({ lock: false });
    expect(run.app.quits).toBe(1);
    expect(run.order).not.toContain('whenReady');
    expect(run.windows).toEqual([]);
    expect(run.app.listeners.size).toBe(0);
  });

  it('tells the operator and quits when the database cannot be opened', async () => {
    const run = await runMain({ coreThrows: new Error('The database was written by a newer Shipdesk.') });
    expect(run.errors).toEqual([
      { title: 'Shipdesk cannot open its database', message: 'The database was written by a newer Shipdesk.' },
    ]);
    expect(run.app.quits).toBe(1);
    expect(run.windows).toEqual([]);
    expect(run.handlers.size).toBe(0);
  });
});
