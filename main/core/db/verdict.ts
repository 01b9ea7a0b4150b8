// Before Shipdesk writes a byte into a file it is asked to open, it decides what the file is:
// missing (a new database is created), a Shipdesk database (opened), something else (refused and
// left untouched: an empty file, random bytes, a folder, another program's SQLite file), or a
// damaged Shipdesk database (refused with the way out: restore the last backup).
import { z } from 'zod';
import { rowReader } from './rows';
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { ShipdeskError } from '../../../shared/errors';
import { latestBackup } from './backupFolder';
import { storageCodeOf } from './storageErrors';

/** Written into every Shipdesk database's header (PRAGMA application_id): "SHDP". */
export const SHIPDESK_APPLICATION_ID = 0x53484450;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export type FileState = { kind: 'missing' } | { kind: 'present'; writable: boolean; bytes: number };

export function notShipdesk(file: string, why: string): ShipdeskError {
  return new ShipdeskError(
    'NOT_SHIPDESK_DATABASE',
    `${file} is not a Shipdesk database: ${why}. Shipdesk did not change it. Choose the right file; ` +
      'to start a new, empty database, give a file name that does not exist yet.',
    { file },
  );
}

export function damaged(file: string, detail: string): ShipdeskError {
  const backup = latestBackup(file);
  const way = backup
    ? `Restore the last backup, ${backup.file} (shipdesk restore --db "${file}" --from "${backup.file}").`
    : 'No backup of it was found in its "backups" folder; restore a copy of the file if you have one.';
  return new ShipdeskError(
    'DATABASE_DAMAGED',
    `The Shipdesk database ${file} is damaged (${detail}) and was not opened. ${way}`,
    { file, lastBackup: backup?.file ?? null },
  );
}

/** What is at `file`, without opening it as a database. Throws for anything that is not one. */
export function inspectDatabaseFile(file: string): FileState {
  let fd: number;
  try {
    // O_NONBLOCK: a FIFO put where the database should be must not hang the app.
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? err.code : null;
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code === 'EISDIR') throw notShipdesk(file, 'it is a folder');
    if (code === 'EACCES' || code === 'EPERM')
      throw new ShipdeskError(
        'DATABASE_READ_ONLY',
        `Shipdesk may not read ${file} (permission denied). Open it with the account that created it, or fix its permissions.`,
        { file },
      );
    throw err;
  }
  let bytes: number;
  try {
    const stat = fs.fstatSync(fd);
    bytes = stat.size;
    if (stat.isDirectory()) throw notShipdesk(file, 'it is a folder');
    if (!stat.isFile()) throw notShipdesk(file, 'it is not an ordinary file');
    if (stat.size === 0) throw notShipdesk(file, 'it is empty (0 bytes)');
    const head = Buffer.alloc(SQLITE_MAGIC.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    if (read < head.length || !head.equals(SQLITE_MAGIC)) throw notShipdesk(file, 'it is not a SQLite database file');
  } finally {
    fs.closeSync(fd);
  }
  return { kind: 'present', writable: canWrite(file), bytes };
}

function canWrite(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * SQLite's quick check reads every page's structure: ~40 ms for a typical desk, but 4-14 s for a
 * million shipments (1.3 GB), too long for every start. Above FULL_CHECK_BYTES the start checks the
 * schema and every table except the big history-like ones; the daily backup reads all of it.
 */
export const FULL_CHECK_BYTES = 128 * 1024 * 1024;
const BIG_TABLES = new Set(['shipments', 'orders', 'order_items', 'invoices', 'tracking_events', 'history']);

const tableName = rowReader('table name', z.object({ name: z.string() }));

function checkTargets(db: Database.Database, fileBytes: number): string[] {
  if (fileBytes <= FULL_CHECK_BYTES) return ['(20)'];
  const tables = tableName.all(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all());
  return tables
    .map((t) => t.name)
    .filter((name) => /^[a-z_][a-z0-9_]*$/.test(name) && !BIG_TABLES.has(name))
    .map((name) => `(${name})`);
}

function tableExists(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

const checkLine = rowReader('quick check line', z.object({ quick_check: z.string() }));

/**
 * Confirms an opened file is a Shipdesk database and reads soundly: its header names Shipdesk (or,
 * from before the header did, it has Shipdesk's tables), and SQLite's quick check passes.
 */
export function checkOpenedDatabase(
  db: Database.Database,
  file: string,
  schemaVersion: number,
  fileBytes: number,
): void {
  try {
    const appId = Number(db.pragma('application_id', { simple: true }));
    const version = Number(db.pragma('user_version', { simple: true }));
    const olderShipdesk = appId === 0 && version >= 1 && version <= schemaVersion && tableExists(db, 'shipments');
    if (appId !== SHIPDESK_APPLICATION_ID && !olderShipdesk) {
      throw notShipdesk(
        file,
        appId === 0 ? "it is another program's SQLite database" : 'its header names another program',
      );
    }
    if (version > schemaVersion) return; // refused by the caller with DATABASE_TOO_NEW, untouched
    for (const target of checkTargets(db, fileBytes)) {
      const problems = checkLine.all(db.pragma(`quick_check${target}`)).map((r) => r.quick_check);
      if (problems.length !== 1 || problems[0] !== 'ok') {
        throw damaged(file, `SQLite's check found a problem: ${problems[0] ?? 'unknown'}`);
      }
    }
  } catch (err) {
    if (err instanceof ShipdeskError) throw err;
    if (storageCodeOf(err) === 'DATABASE_DAMAGED') throw damaged(file, 'SQLite cannot read its pages');
    throw err;
  }
}
