// Opens the shipping desk's SQLite file: decide what the file is, durable pragmas, then numbered
// migrations (after a backup of what was there). A new database is created only where no file is.
import { z } from 'zod';
import { rowReader } from './rows';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ShipdeskError } from '../../../shared/errors';
import { backupBeforeMigration } from './snapshot';
import { createPrivateFile, ensurePrivateDir, tightenDatabaseFiles } from './files';
import { MIGRATIONS } from './migrations';
import { storageError } from './storageErrors';
import { checkOpenedDatabase, inspectDatabaseFile, SHIPDESK_APPLICATION_ID } from './verdict';

export type Db = Database.Database;

export const SCHEMA_VERSION = MIGRATIONS.length;

export interface OpenOptions {
  /** A better-sqlite3 binary built for another runtime (the Electron app started from a checkout). */
  nativeBinding?: string;
  /** Names the backup taken before a migration (default Date.now). */
  clock?: () => number;
}

function connect(file: string, options: OpenOptions, readonly: boolean): Db {
  // Not fileMustExist: it would carry over to ATTACH (the demo loader attaches a scratch file).
  return new Database(file, {
    readonly,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
}

/**
 * A new database is built under a temporary name and linked into place only when complete, so a
 * crash while creating never leaves a half-made (or empty) file that the next start would refuse.
 */
function createDatabaseFile(file: string, options: OpenOptions): void {
  ensurePrivateDir(path.dirname(path.resolve(file)));
  const building = `${file}.creating-${process.pid}`;
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(building + suffix, { force: true });
  createPrivateFile(building);
  try {
    const db = connect(building, options, false);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma(`application_id = ${SHIPDESK_APPLICATION_ID}`);
      migrate(db);
    } finally {
      db.close(); // the last connection checkpoints and removes the -wal
    }
    try {
      fs.linkSync(building, file); // never replaces a file another process made meanwhile
    } catch (err) {
      const code = err instanceof Error && 'code' in err ? err.code : null;
      if (code !== 'EEXIST') fs.renameSync(building, file); // no hard links on this drive (FAT)
    }
  } finally {
    fs.rmSync(building, { force: true });
  }
}

/** Opening errors in the operator's words: the file, what is wrong, what to do. */
function openingError(err: unknown, file: string): unknown {
  if (err instanceof ShipdeskError) return err;
  const code = err instanceof Error && 'code' in err ? err.code : null;
  if (code === 'SQLITE_READONLY_DIRECTORY' || code === 'SQLITE_CANTOPEN') {
    return new ShipdeskError(
      'DATABASE_READ_ONLY',
      `Shipdesk cannot write in the folder that holds ${file}, and SQLite needs to keep two small files ` +
        'beside the database there. Make the folder writable for this account, or copy the database to a folder that is.',
      { file, cause: code },
    );
  }
  return storageError(err) ?? err;
}

/** An in-memory database (the CLI's template command needs a core, not a file). */
function openInMemory(options: OpenOptions): Db {
  const db = connect(':memory:', options, false);
  db.pragma('foreign_keys = ON');
  db.pragma(`application_id = ${SHIPDESK_APPLICATION_ID}`);
  migrate(db);
  return db;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file === ':memory:') return openInMemory(options);
  const state = inspectDatabaseFile(file);
  if (state.kind === 'missing') createDatabaseFile(file, options);
  else tightenDatabaseFiles(file);
  const bytes = state.kind === 'present' ? state.bytes : 0;
  const readonly = state.kind === 'present' && !state.writable;
  let db: Db;
  try {
    db = connect(file, options, readonly);
  } catch (err) {
    throw openingError(err, file);
  }
  try {
    // Look before touching: even switching to WAL rewrites the header of a file we must not alter.
    checkOpenedDatabase(db, file, SCHEMA_VERSION, bytes);
    const current = refuseNewerSchema(db);
    if (!readonly) {
      // WAL + FULL: a packing station survives a power cut without losing the last registrations.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (current < SCHEMA_VERSION) {
      if (readonly) {
        throw new ShipdeskError(
          'DATABASE_READ_ONLY',
          `${file} must be updated for this version of Shipdesk, but it is read-only. Make it writable and start again.`,
          { file },
        );
      }
      backupBeforeMigration(db, file, current, (options.clock ?? Date.now)());
      migrate(db);
    }
    if (!readonly) {
      // Databases from before the header named Shipdesk get the name now.
      if (Number(db.pragma('application_id', { simple: true })) === 0)
        db.pragma(`application_id = ${SHIPDESK_APPLICATION_ID}`);
    }
    return db;
  } catch (err) {
    db.close();
    throw openingError(err, file);
  }
}

function refuseNewerSchema(db: Db): number {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > SCHEMA_VERSION) {
    // Never alter a database written by a newer Shipdesk: it may hold data this version would drop.
    throw new ShipdeskError(
      'DATABASE_TOO_NEW',
      `This database was written by a newer version of Shipdesk (schema ${current}, this app knows ${SCHEMA_VERSION}). ` +
        'Update Shipdesk to open it; the file was not changed.',
      { found: current, supported: SCHEMA_VERSION },
    );
  }
  return current;
}

const brokenReference = rowReader('row without its parent', z.object({ table: z.string() }));

export function migrate(db: Db): void {
  const current = refuseNewerSchema(db);
  if (current >= SCHEMA_VERSION) return;
  // SQLite changes a constraint only by rebuilding the table, which must run with foreign keys off
  // (the pragma cannot change inside a transaction); each migration is checked before it commits.
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  db.pragma('foreign_keys = OFF');
  try {
    for (let v = current; v < SCHEMA_VERSION; v++) {
      const sql = MIGRATIONS[v]!;
      db.transaction(() => {
        db.exec(sql);
        const broken = brokenReference.all(db.pragma('foreign_key_check'));
        if (broken.length) throw new Error(`migration ${v + 1} left ${broken.length} rows without their parent`);
        db.pragma(`user_version = ${v + 1}`);
      })();
    }
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
}
