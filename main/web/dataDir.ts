// Where `npm run web` keeps its database when --db is not given: the per-user data folder of the OS.
import os from 'node:os';
import path from 'node:path';
import { ensurePrivateDir } from '../core/db/files';

export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = os.homedir(),
): string {
  if (platform === 'win32')
    return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), 'Shipdesk');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'Shipdesk');
  const xdg = env.XDG_DATA_HOME;
  // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
  const base = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(home, '.local', 'share');
  return path.posix.join(base, 'shipdesk');
}

/** The default database file, creating its folder readable by this account only (it holds addresses). */
export function defaultDatabasePath(): string {
  const dir = userDataDir();
  ensurePrivateDir(dir, { tighten: true });
  return path.join(dir, 'shipdesk.db');
}
