// Online backup of the running desk: a worker thread copies the database (worker.ts) while the
// screens keep getting answers. Where no worker can load the SQLite driver (it never happens in the
// builds we ship, but a broken install should still get its backup), the copy runs here with
// better-sqlite3's db.backup() in small steps with the event loop free in between, each step sized
// to stay near STEP_TARGET_MS. The copy is written under a temporary name, 0600, and renamed into
// place only when complete: a crash mid-backup never leaves a half file that looks whole, and the
// next start removes it (leftovers.ts).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createPrivateFile, ensurePrivateDir } from '../db/files';
import { backupFileName, backupFolderOf, listBackups, type BackupReason } from '../db/backupFolder';
import { partialOf, removeLeftoverPartials } from './leftovers';
import { copyOnWorker, WorkerBackupError } from './worker';

export const STEP_TARGET_MS = 8;
const MIN_PAGES = 16;
const MAX_PAGES = 4096;
const FIRST_PAGES = 128;

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  /** 'worker' (the screens never wait) or 'steps' (fallback on this thread). */
  how: 'worker' | 'steps';
  /** Problems SQLite's quick check found in the copy; empty when sound or not checked. */
  problems: string[];
}

export interface CopyOptions {
  /** The Electron build of the SQLite driver, when running from a checkout. */
  nativeBinding?: string;
  /** Run SQLite's quick check on the copy (the daily backup does). */
  check?: boolean;
}

/** The fallback: db.backup() on this thread in steps that yield. */
async function copyInSteps(db: Database.Database, partial: string): Promise<void> {
  let pages = FIRST_PAGES;
  let lastReturn = performance.now();
  await db.backup(partial, {
    progress: () => {
      // Time since the last step was handed back: the step itself plus whatever ran between.
      const spent = performance.now() - lastReturn;
      const scale = spent > 0 ? STEP_TARGET_MS / spent : 2;
      pages = Math.round(Math.min(MAX_PAGES, Math.max(MIN_PAGES, pages * Math.min(2, Math.max(0.25, scale)))));
      lastReturn = performance.now();
      return pages;
    },
  });
}

function workerCannotRun(err: unknown): boolean {
  return (
    !(err instanceof WorkerBackupError) || /Cannot find module|NODE_MODULE_VERSION|self-register/.test(err.message)
  );
}

/** Copies the open database `db` into `target` (replaced if it exists) without holding up the screens. */
export async function copyDatabase(
  db: Database.Database,
  target: string,
  options: CopyOptions = {},
): Promise<BackupResult> {
  ensurePrivateDir(path.dirname(target));
  // Named after this process, so the next start removes it only once no one is writing it.
  const partial = partialOf(target);
  removeLeftoverPartials(path.dirname(target), { withoutPid: true, of: path.basename(target) });
  fs.rmSync(partial, { force: true });
  createPrivateFile(partial);
  const started = performance.now();
  let how: BackupResult['how'] = 'worker';
  let problems: string[] = [];
  try {
    try {
      const copied = await copyOnWorker({
        source: db.name,
        target: partial,
        check: options.check ?? false,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      });
      problems = copied.problems;
    } catch (err) {
      if (!workerCannotRun(err)) throw err;
      how = 'steps';
      await copyInSteps(db, partial);
      const copy = new Database(partial, {
        fileMustExist: true,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      });
      copy.pragma('journal_mode = DELETE'); // a plain file, like the worker's copies
      copy.close();
    }
    fs.renameSync(partial, target);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  return { file: target, bytes: fs.statSync(target).size, ms: performance.now() - started, how, problems };
}

/** Removes all but the newest `keep` backups of this database. */
export function pruneBackups(dbFile: string, keep: number): string[] {
  const removed: string[] = [];
  for (const old of listBackups(dbFile).slice(Math.max(1, keep))) {
    fs.rmSync(old.file, { force: true });
    removed.push(old.fileName);
  }
  return removed;
}

/** A backup into the database's backups folder, then the old ones beyond `keep` removed. */
export async function backupNow(
  db: Database.Database,
  dbFile: string,
  options: CopyOptions & { at: number; reason: BackupReason; keep: number },
): Promise<BackupResult & { removed: string[] }> {
  const target = path.join(backupFolderOf(dbFile), backupFileName(dbFile, options.at, options.reason));
  const result = await copyDatabase(db, target, options);
  return { ...result, removed: pruneBackups(dbFile, options.keep) };
}
