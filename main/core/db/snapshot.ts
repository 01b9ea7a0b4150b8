// A consistent copy of an open database in one statement (VACUUM INTO), for the moments nothing else
// runs yet: right after opening, before a migration changes the schema. It blocks while it copies, so
// backups of a running desk use the stepped copy in backup/online.ts instead. It lives with the
// database because opening one (a migration) needs it; backup/ builds on it.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { createPrivateFile, ensurePrivateDir } from './files';
import { backupFileName, backupFolderOf, type BackupReason } from './backupFolder';

export function snapshotInto(db: Database.Database, target: string): void {
  ensurePrivateDir(path.dirname(target));
  createPrivateFile(target); // VACUUM INTO fills an empty file and keeps its 0600 mode
  try {
    db.prepare('VACUUM INTO ?').run(target);
  } catch (err) {
    fs.rmSync(target, { force: true });
    throw err;
  }
}

/** Before migrating `dbFile` away from schema `fromVersion`: a copy the old Shipdesk can still open. */
export function backupBeforeMigration(db: Database.Database, dbFile: string, fromVersion: number, at: number): string {
  const reason: BackupReason = `before-v${fromVersion}`;
  const target = path.join(backupFolderOf(dbFile), backupFileName(dbFile, at, reason));
  snapshotInto(db, target);
  return target;
}
