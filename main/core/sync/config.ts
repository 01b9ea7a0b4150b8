// Where the tracker and the release endpoint are, and the customer's tracker key. The environment
// (SHIPDESK_TRACKER_URL, SHIPDESK_TRACKER_KEY, SHIPDESK_RELEASE_URL) overrides the settings, so the
// same adapter talks to the real service or to a local server. No host is built in. The key is read
// from a key store (encrypted on the desktop, a 0600 file for the web host) and never returned or logged.
import fs from 'node:fs';
import path from 'node:path';
import { isSafeEndpoint, type SyncSettingsView } from '../../../shared/api/contract';
import { ShipdeskError } from '../../../shared/errors';
import { readOperatorFile } from '../files/operatorFile';
import type { ServiceContext } from '../services/context';
import { readMeta, writeMeta } from '../services/stationMeta';

/** A key is `clientId:clientSecret`, well under this. */
const KEY_FILE_MAX_BYTES = 64 * 1024;

export interface KeyStore {
  /** Shown in settings: 'encrypted' (desktop safeStorage) or 'file' (0600, web host). */
  readonly kind: string;
  read(): string | null;
  write(key: string | null): void;
}

/** Encryption the desktop shell lends the core (Electron safeStorage), so the core never imports electron. */
export interface KeyCipher {
  isAvailable(): boolean;
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

function writePrivate(file: string, data: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

/** Null when absent. Refuses a file others can read: the key would already be exposed. */
function readPrivate(file: string, complain: (detail: string) => void): Buffer | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    complain(
      `${path.basename(file)} can be read by other users (mode ${(stat.mode & 0o777).toString(8)}); run chmod 600 on it. The key was not used.`,
    );
    return null;
  }
  // Through the one opener of an operator's file: a FIFO or a device named as the key file is
  // refused, never waited on (docs/ARCHITECTURE.md, "Operator files").
  const read = readOperatorFile(
    file,
    KEY_FILE_MAX_BYTES,
    () => ({
      code: 'FILE_TOO_LARGE',
      message: `${path.basename(file)} is far larger than a key.`,
    }),
    'read',
  );
  if (read.ok) return read.bytes;
  if ('refusal' in read) complain(`${read.refusal.message} The key was not used.`);
  return null;
}

export function fileKeyStore(file: string, complain: (detail: string) => void = () => undefined): KeyStore {
  return {
    kind: 'file',
    read: () => readPrivate(file, complain)?.toString('utf8').trim() || null,
    write: (key) => (key === null ? fs.rmSync(file, { force: true }) : writePrivate(file, `${key}\n`)),
  };
}

export function encryptedKeyStore(
  file: string,
  cipher: KeyCipher,
  complain: (detail: string) => void = () => undefined,
): KeyStore {
  return {
    kind: 'encrypted',
    read() {
      const data = readPrivate(file, complain);
      if (!data || !cipher.isAvailable()) return null;
      try {
        return cipher.decrypt(data).trim() || null;
      } catch {
        complain(`${path.basename(file)} cannot be decrypted on this computer; enter the key again.`);
        return null;
      }
    },
    write(key) {
      if (key === null) return fs.rmSync(file, { force: true });
      if (!cipher.isAvailable()) {
        throw new ShipdeskError(
          'KEY_STORE_UNAVAILABLE',
          'This computer offers no encrypted storage for the tracker key. Set SHIPDESK_TRACKER_KEY instead.',
        );
      }
      writePrivate(file, cipher.encrypt(key));
    },
  };
}

export type Env = Record<string, string | undefined>;
type Source = 'env' | 'settings' | 'app' | null;

export interface SyncConfigSources {
  env: Env;
  keyStore: KeyStore;
  /** Set by the app itself (the demo carrier): shown, not editable. */
  app?: { trackerUrl?: string; releaseUrl?: string };
}

function endpoint(
  ctx: ServiceContext,
  s: SyncConfigSources,
  envName: string,
  metaKey: string,
  appUrl?: string,
): { url: string | null; from: Source } {
  if (appUrl) return { url: appUrl, from: 'app' };
  const fromEnv = s.env[envName]?.trim();
  if (fromEnv && isSafeEndpoint(fromEnv)) return { url: fromEnv, from: 'env' };
  const saved = readMeta(ctx, metaKey);
  return saved ? { url: saved, from: 'settings' } : { url: null, from: null };
}

export function trackerEndpoint(ctx: ServiceContext, s: SyncConfigSources) {
  return endpoint(ctx, s, 'SHIPDESK_TRACKER_URL', 'tracker_url', s.app?.trackerUrl);
}

export function releaseEndpoint(ctx: ServiceContext, s: SyncConfigSources) {
  return endpoint(ctx, s, 'SHIPDESK_RELEASE_URL', 'release_url', s.app?.releaseUrl);
}

/**
 * The key for the tracker at `url`. A key entered in settings is bound to the address it was entered
 * for (sync_meta 'tracker_key_url'): whoever can change the address must not be able to send the
 * customer's key to an address of their choosing, so a stored key is used only at its own address.
 * Likewise a key from the environment goes only to the address the environment names
 * (SHIPDESK_TRACKER_URL); with no such address it is never sent (README.md, "Carrier tracking and release").
 */
export function trackerKey(
  ctx: ServiceContext,
  s: SyncConfigSources,
  url: string | null,
): { key: string | null; from: 'env' | 'store' | null } {
  const fromEnv = s.env['SHIPDESK_TRACKER_KEY']?.trim();
  const envUrl = s.env['SHIPDESK_TRACKER_URL']?.trim();
  if (fromEnv && envUrl && url === envUrl) return { key: fromEnv, from: 'env' };
  const boundTo = readMeta(ctx, 'tracker_key_url');
  if (boundTo !== null && boundTo !== (url ?? '')) return { key: null, from: null };
  const stored = s.keyStore.read();
  return stored ? { key: stored, from: 'store' } : { key: null, from: null };
}

export function syncSettingsView(ctx: ServiceContext, s: SyncConfigSources, appProvides: boolean): SyncSettingsView {
  const tracker = trackerEndpoint(ctx, s);
  const release = releaseEndpoint(ctx, s);
  const key = trackerKey(ctx, s, tracker.url);
  return {
    trackerUrl: tracker.url,
    trackerUrlFrom: tracker.from,
    hasKey: appProvides || key.key !== null,
    keyFrom: appProvides ? 'app' : key.from,
    keyStore: s.keyStore.kind,
    releaseUrl: release.url,
    releaseUrlFrom: release.from,
  };
}

export interface SyncSettingsPatch {
  trackerUrl?: string | null | undefined;
  trackerKey?: string | null | undefined;
  releaseUrl?: string | null | undefined;
}

export function updateSyncSettings(ctx: ServiceContext, s: SyncConfigSources, patch: SyncSettingsPatch): void {
  const savedUrl = readMeta(ctx, 'tracker_url');
  const urlChanges = patch.trackerUrl !== undefined && patch.trackerUrl !== savedUrl;
  // A new address without the key in the same call forgets the stored key: it was entered for the old one.
  const key = patch.trackerKey !== undefined ? patch.trackerKey : urlChanges ? null : undefined;
  if (key !== undefined) s.keyStore.write(key);
  ctx.db.transaction(() => {
    if (patch.trackerUrl !== undefined) writeMeta(ctx, 'tracker_url', patch.trackerUrl);
    if (patch.releaseUrl !== undefined) writeMeta(ctx, 'release_url', patch.releaseUrl);
    if (key !== undefined) writeMeta(ctx, 'tracker_key_url', key === null ? null : (trackerEndpoint(ctx, s).url ?? ''));
  })();
}
