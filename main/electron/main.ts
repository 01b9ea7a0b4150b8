// The desktop shell: app lifecycle, the one hardened window, and the IPC bridge to the core.
// Security decisions live in small pure modules (windowOptions, senderCheck, permissions,
// ipcAdapter) that are tested under Node; this file only wires them to Electron.
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  safeStorage,
  session,
  type Session,
  type WebContents,
} from 'electron';
import { openDesk, type Desk } from '../core/recovery/desk';
import { ensurePrivateDir } from '../core/db/files';
import { osUserName } from '../core/runtime/osUser';
import { encryptedKeyStore } from '../core/sync/config';
import { createLogger, logLevelFrom, stderrSink, type Logger } from '../core/log/logger';
import { rotatingFileSink, type RotatingFileSink } from '../core/log/rotatingFile';
import { INVOKE_CHANNEL, PUSH_CHANNEL } from './channels';
import { createInvokeHandler } from './ipcAdapter';
import { menuTemplate } from './menu';
import { isPermissionGranted } from './permissions';
import { appUrlFor, isAppUrl, isTrustedSender, type TrustedWindow } from './senderCheck';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { hardenedWindowOptions } from './windowOptions';

// Built layout: dist/main/electron.cjs (this file), dist/main/preload.cjs, dist/renderer/index.html.
const INDEX_HTML = path.join(__dirname, '../renderer/index.html');
const PRELOAD = path.join(__dirname, 'preload.cjs');
const APP_URL = appUrlFor(INDEX_HTML);
const MAX_RENDERER_RESTARTS = 3;
// How often the background sync looks for due work; per-number poll intervals and per-carrier
// rate limits are the core's business, so a short tick costs nothing when nothing is due.
const SYNC_TICK_MS = 15_000;

const LOG_LEVEL = logLevelFrom(process.env.SHIPDESK_LOG_LEVEL, 'info');
// Until the user-data folder is known, stderr only; then also <userData>/logs/shipdesk.log (see start()).
let log: Logger = createLogger({ sinks: [stderrSink()], level: LOG_LEVEL, fields: { scope: 'desktop' } });
let logFile: RotatingFileSink | null = null;

let core: Desk | null = null;
let mainWindow: BrowserWindow | null = null;
// Kept apart from mainWindow: a destroyed window's webContents must not be touched.
let mainContentsId: number | null = null;

function trustedWindow(): TrustedWindow {
  return { windowWebContentsId: mainContentsId, appUrl: APP_URL };
}

function fail(title: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  log.error(title, { error: message });
  const hint = /NODE_MODULE_VERSION/.test(message)
    ? '\n\nbetter-sqlite3 was built for Node, not for Electron. Packaged builds get the right one from ' +
      'scripts/before-pack.cjs; see the README for running from source.'
    : '';
  dialog.showErrorBox(title, message + hint);
  app.quit();
}

/** Applied to every webContents Electron creates, so nothing can slip past the window's own setup. */
function hardenContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url, APP_URL)) event.preventDefault();
  });
  // Covers subframes too; Shipdesk has none, so any subframe navigation is refused.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isAppUrl(event.url, APP_URL)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, APP_URL)) event.preventDefault();
  });
}

function hardenSession(ses: Session): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(
        ([name]) => name.toLowerCase() !== 'content-security-policy',
      ),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    const ask = {
      permission,
      webContentsId: contents.id,
      requestingUrl: details.requestingUrl,
      isMainFrame: details.isMainFrame,
    };
    callback(isPermissionGranted(ask, trustedWindow()));
  });
  ses.setPermissionCheckHandler((contents, permission, _origin, details) => {
    const ask = {
      permission,
      webContentsId: contents?.id ?? null,
      requestingUrl: details.requestingUrl,
      isMainFrame: details.isMainFrame,
    };
    return isPermissionGranted(ask, trustedWindow());
  });
  ses.setDevicePermissionHandler(() => false);
}

function createWindow(activeCore: Desk): BrowserWindow {
  const win = new BrowserWindow(hardenedWindowOptions(PRELOAD, { allowDevTools: !app.isPackaged }));
  const contents = win.webContents;
  mainContentsId = contents.id;
  const stopPushes = activeCore.events.on((event) => {
    if (!win.isDestroyed()) contents.send(PUSH_CHANNEL, event);
  });
  let restarts = 0;
  contents.on('render-process-gone', (_event, details) => {
    const level = details.reason === 'clean-exit' ? 'info' : 'error';
    log[level]('the screen stopped', { reason: details.reason, exitCode: details.exitCode });
    // Bring the operator's screen back rather than leave a blank window, but do not loop forever.
    if (details.reason !== 'clean-exit' && restarts < MAX_RENDERER_RESTARTS && !win.isDestroyed()) {
      restarts += 1;
      contents.reload();
    }
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    stopPushes();
    if (mainWindow === win) {
      mainWindow = null;
      mainContentsId = null;
    }
  });
  win.loadFile(INDEX_HTML).catch((err: unknown) => fail('Shipdesk cannot show its screen', err));
  return win;
}

function focusWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function onReady(): void {
  hardenSession(session.defaultSession);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate({ isMac: process.platform === 'darwin', allowDevTools: !app.isPackaged })),
  );
  const userData = app.getPath('userData');
  // The folder holds customers' addresses and the backups: this account only (0700).
  ensurePrivateDir(userData, { tighten: true });
  let started: Desk;
  try {
    // A damaged database (or one that is not Shipdesk's) still opens the window: the screen offers
    // the last backup (recovery.*). Anything else is shown in a dialog and the app quits.
    started = openDesk({
      dbPath: path.join(userData, 'shipdesk.db'),
      // `npm start` from a checkout points at an Electron build of the driver (scripts/start.mjs);
      // a packaged app carries that build in place.
      nativeBinding: app.isPackaged ? undefined : process.env.SHIPDESK_NATIVE_BINDING,
      log,
      // The OS account is only the fallback: a name set in Shipdesk's settings wins (shared PCs).
      defaultOperator: osUserName(),
      // The desktop app is the one that keeps parcels moving while it is open.
      sync: { intervalMs: SYNC_TICK_MS },
      // A backup a day into the backups folder beside the database, and the retention purge if set.
      dataCare: true,
      // The tracker key is encrypted with the OS keychain (DPAPI, Keychain, libsecret).
      trackerKeyStore: encryptedKeyStore(
        path.join(userData, 'tracker-key.enc'),
        {
          isAvailable: () => safeStorage.isEncryptionAvailable(),
          encrypt: (text) => safeStorage.encryptString(text),
          decrypt: (data) => safeStorage.decryptString(data),
        },
        (detail) => log.warn('tracker key not used', { detail }),
      ),
    });
  } catch (err) {
    fail('Shipdesk cannot open its database', err);
    return;
  }
  core = started;
  ipcMain.handle(
    INVOKE_CHANNEL,
    // operator '' = "not named by the call": the core uses the settings' name, then the OS user.
    createInvokeHandler({
      dispatch: started.dispatch,
      isTrusted: (s) => isTrustedSender(s, trustedWindow()),
      operator: '',
      log,
    }),
  );
  mainWindow = createWindow(started);
}

function shutdown(): void {
  ipcMain.removeHandler(INVOKE_CHANNEL);
  const closing = core;
  core = null;
  try {
    closing?.close();
  } catch (err) {
    log.error('closing the database failed', { error: err });
  }
  logFile?.close();
}

function start(): void {
  // One fixed folder for dev and packaged builds alike (the default follows package.json's name).
  // It must be set before the single-instance lock, which lives in that folder.
  app.setPath('userData', path.join(app.getPath('appData'), 'Shipdesk'));
  if (!app.requestSingleInstanceLock()) {
    // Another Shipdesk is running: it gets 'second-instance' and comes to the front.
    app.quit();
    return;
  }
  // A packaged app has no console anyone sees: its log is a file, 1 MiB at most, five kept.
  logFile = rotatingFileSink({ file: path.join(app.getPath('userData'), 'logs', 'shipdesk.log') });
  log = createLogger({ sinks: [stderrSink(), logFile], level: LOG_LEVEL, fields: { scope: 'desktop' } });
  log.info('Shipdesk starting', { version: app.getVersion(), electron: process.versions.electron });
  app.enableSandbox();
  app.on('second-instance', focusWindow);
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow(core);
  });
  app.on('will-quit', shutdown);
  app.whenReady().then(onReady, (err: unknown) => fail('Shipdesk cannot start', err));
}

start();
