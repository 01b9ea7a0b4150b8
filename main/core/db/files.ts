// The database holds customers' names, phones and addresses, and packing stations are shared
// computers: its folder is 0700 and its files (database, -wal, -shm, backups) 0600, readable by the
// operator's account only. SQLite gives -wal and -shm the mode of the database file, so making the
// database 0600 covers them. Windows has no such modes; its per-user profile folders do that job.
import fs from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

const HAS_MODES = process.platform !== 'win32';

/** Creates the folder (and missing parents) readable by this account only; with `tighten`, an existing one too. */
export function ensurePrivateDir(dir: string, options: { tighten?: boolean } = {}): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (HAS_MODES && options.tighten) tightenMode(dir, PRIVATE_DIR_MODE);
}

/** Narrows a file's or folder's mode when others can read it; a file this account does not own is left alone. */
export function tightenMode(target: string, mode: number): boolean {
  if (!HAS_MODES) return false;
  try {
    const current = fs.statSync(target).mode & 0o777;
    if ((current & ~mode) === 0) return false;
    fs.chmodSync(target, current & mode);
    return true;
  } catch {
    return false; // gone, or owned by another account: nothing this process may change
  }
}

/** The database and its companions, made private if an older Shipdesk (or a copy) left them readable. */
export function tightenDatabaseFiles(dbFile: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) tightenMode(dbFile + suffix, PRIVATE_FILE_MODE);
}

/** A new, empty file only this account can read; fails if it exists. */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE_MODE));
  if (HAS_MODES) fs.chmodSync(file, PRIVATE_FILE_MODE); // the umask may have taken bits away; never added
}
