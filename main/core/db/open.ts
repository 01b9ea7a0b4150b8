// Opens the shipping desk's SQLite file: durable pragmas, then numbered migrations.
import Database from 'better-sqlite3';
import { ShipdeskError } from '../../../shared/errors';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

export const SCHEMA_VERSION = MIGRATIONS.length;

export interface OpenOptions {
  /** A better-sqlite3 binary built for another runtime (the Electron app started from a checkout). */
  nativeBinding?: string;
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const db = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // Look before touching: even switching to WAL rewrites the header of a file we must not alter.
    refuseNewerSchema(db);
    // WAL + FULL: a packing station survives a power cut without losing the last registrations.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function refuseNewerSchema(db: Db): number {
  const current = db.pragma('user_version', { simple: true }) as number;
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
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length) throw new Error(`migration ${v + 1} left ${broken.length} rows without their parent`);
        db.pragma(`user_version = ${v + 1}`);
      })();
    }
  } finally {
    if (enforced) db.pragma('foreign_keys = ON');
  }
}
