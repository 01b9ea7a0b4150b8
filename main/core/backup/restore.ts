// `shipdesk backup` and `shipdesk restore` without a running desk: a backup copies a database that
// opens soundly; a restore puts a sound backup in place of the database, keeps the file it replaces
// in the backups folder, and refuses while any Shipdesk program has the database open.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ShipdeskError } from '../../../shared/errors';
import { ensurePrivateDir, PRIVATE_FILE_MODE, tightenMode } from '../db/files';
import { openDatabase, SCHEMA_VERSION } from '../db/open';
import { checkOperatorFile, outputTarget } from '../files/operatorFile';
import { checkOpenedDatabase, damaged, inspectDatabaseFile, notShipdesk } from '../db/verdict';
import { backupFileName, backupFolderOf } from '../db/backupFolder';
import { copyDatabase, type BackupResult } from './online';

/**
 * Whether a Shipdesk program has the database open. Every open connection in WAL mode keeps the
 * -wal file, and SQLite removes it when the last connection closes: so open a connection, close it,
 * and look. A desk that was killed leaves a -wal behind, but then this probe is the last connection
 * and SQLite folds the -wal in and removes it (nothing is lost).
 */
export function databaseInUse(dbFile: string, nativeBinding?: string): boolean {
  const wal = `${dbFile}-wal`;
  if (!fs.existsSync(wal)) return false;
  let probe: Database.Database | null = null;
  try {
    probe = new Database(dbFile, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    probe.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    // A damaged file still tells: the -wal goes away only if this was the last connection.
  } finally {
    probe?.close();
  }
  return fs.existsSync(wal);
}

/** Opens `file` read-only and checks every page: a backup worth restoring. */
function checkBackupFile(file: string, nativeBinding?: string): void {
  // A folder, a device or a pipe given as the backup: FILE_NOT_REGULAR before SQLite looks at it.
  if (!checkOperatorFile(file, 'restore')) throw notShipdesk(file, 'there is no file there');
  const state = inspectDatabaseFile(file);
  if (state.kind === 'missing') throw notShipdesk(file, 'there is no file there');
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    checkOpenedDatabase(db, file, SCHEMA_VERSION, 0); // 0 bytes: always the full quick check
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > SCHEMA_VERSION) {
      throw new ShipdeskError(
        'DATABASE_TOO_NEW',
        `${file} was written by a newer version of Shipdesk (schema ${version}). Update Shipdesk before restoring it.`,
        { found: version, supported: SCHEMA_VERSION },
      );
    }
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  restoredFrom: string;
  /** Where the database that was replaced was kept (null when there was none). */
  replacedKeptAt: string | null;
}

export function restoreDatabase(
  dbFile: string,
  fromFile: string,
  options: { at: number; nativeBinding?: string },
): RestoreResult {
  const target = path.resolve(dbFile);
  const source = path.resolve(fromFile);
  if (source === target)
    throw new ShipdeskError('INVALID_INPUT', 'Restore from a backup, not from the database itself.');
  checkBackupFile(source, options.nativeBinding);
  if (databaseInUse(target, options.nativeBinding)) {
    throw new ShipdeskError(
      'DATABASE_IN_USE',
      `A Shipdesk program (the app, the browser host or a command) has ${target} open. Close it, then restore again; nothing was changed.`,
      { file: target },
    );
  }
  let replacedKeptAt: string | null = null;
  if (fs.existsSync(target)) {
    const folder = backupFolderOf(target);
    ensurePrivateDir(folder);
    replacedKeptAt = path.join(folder, backupFileName(target, options.at, 'replaced'));
    fs.renameSync(target, replacedKeptAt);
    tightenMode(replacedKeptAt, PRIVATE_FILE_MODE);
    for (const suffix of ['-wal', '-shm']) {
      if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, replacedKeptAt + suffix);
    }
  }
  ensurePrivateDir(path.dirname(target));
  const incoming = `${target}.restoring-${process.pid}`;
  fs.copyFileSync(source, incoming);
  fs.chmodSync(incoming, PRIVATE_FILE_MODE);
  const fd = fs.openSync(incoming, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(incoming, target);
  return { restoredFrom: source, replacedKeptAt };
}

/** `shipdesk backup`: a sound, private copy of a database that is not necessarily open elsewhere. */
export async function backupDatabaseFile(
  dbFile: string,
  outFile: string,
  options: { nativeBinding?: string } = {},
): Promise<BackupResult> {
  // A folder, a device or a pipe as --out: FILE_NOT_REGULAR; an ordinary file: already exists.
  const out = outputTarget(outFile);
  if (fs.existsSync(out)) {
    throw new ShipdeskError('INVALID_INPUT', `${out} already exists; choose a new file name for the backup.`, {
      file: out,
    });
  }
  const db = openDatabase(dbFile, options);
  try {
    const copy = await copyDatabase(db, out, { ...options, check: true });
    if (copy.problems.length > 0) {
      fs.rmSync(out, { force: true });
      throw damaged(path.resolve(dbFile), `SQLite's check of the copy found: ${copy.problems[0] ?? 'a problem'}`);
    }
    return copy;
  } finally {
    db.close();
  }
}
