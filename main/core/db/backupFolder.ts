// Where backups live and what they are called: a `backups` folder beside the database (0700), one
// file per backup (0600) named after the database, the moment and the reason, so the newest sorts
// last and an operator can tell them apart in a file manager:
//   backups/shipdesk-20261126-0900-daily.db
//   backups/shipdesk-20261126-0901-before-v6.db
//   backups/shipdesk-20261126-0902-replaced.db   (the file a restore put aside)
import fs from 'node:fs';
import path from 'node:path';

export type BackupReason = 'daily' | 'manual' | `before-v${number}` | 'replaced';

export interface BackupFile {
  file: string;
  fileName: string;
  reason: string;
  /** When it was taken (from the file name, UTC), epoch ms. */
  takenAt: number;
  bytes: number;
}

const NAME = /^(.+)-(\d{8})-(\d{6})-(daily|manual|before-v\d+|replaced)\.db$/;

export function backupFolderOf(dbFile: string): string {
  return path.join(path.dirname(path.resolve(dbFile)), 'backups');
}

function stemOf(dbFile: string): string {
  return path.basename(dbFile).replace(/\.[^.]*$/, '') || 'shipdesk';
}

function stampOf(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-11-26T09:00:05.000Z
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}`;
}

export function backupFileName(dbFile: string, at: number, reason: BackupReason): string {
  return `${stemOf(dbFile)}-${stampOf(at)}-${reason}.db`;
}

function parseStamp(day: string, time: string): number {
  return Date.parse(
    `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}Z`,
  );
}

/** The backups of this database, newest first. Files that do not follow the naming are not Shipdesk's. */
export function listBackups(dbFile: string): BackupFile[] {
  const folder = backupFolderOf(dbFile);
  const stem = stemOf(dbFile);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const out: BackupFile[] = [];
  for (const fileName of names) {
    const m = NAME.exec(fileName);
    if (!m || m[1] !== stem) continue;
    const file = path.join(folder, fileName);
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(file);
    } catch {
      continue;
    }
    if (!stat.isFile()) continue;
    out.push({ file, fileName, reason: m[4] ?? '', takenAt: parseStamp(m[2] ?? '', m[3] ?? ''), bytes: stat.size });
  }
  return out.sort((a, b) => b.takenAt - a.takenAt || b.fileName.localeCompare(a.fileName));
}

/** The newest backup a damaged database can be restored from (a "replaced" file is what went wrong). */
export function latestBackup(dbFile: string): BackupFile | null {
  return listBackups(dbFile).find((b) => b.reason !== 'replaced') ?? null;
}
