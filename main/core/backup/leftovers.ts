// A backup killed midway (the app closed, the machine lost power) leaves its half copy, 66-90 MB,
// under a temporary name. Each copy in progress is named after the process writing it
// (`NAME.partial-PID`), so the next start can tell a leftover from a copy another live Shipdesk
// process is still writing: the file goes only when no process with that id runs (README.md,
// "Where data lives"). A process id reused by another program keeps the file until a later start: the safe way.
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log/logger';

const PARTIAL = /\.partial(?:-(\d+))?$/;

/** The temporary name a copy into `target` is written under by this process. */
export function partialOf(target: string): string {
  return `${target}.partial-${process.pid}`;
}

function running(pid: number): boolean {
  if (pid === process.pid) return true; // ours: maybe a backup this process is making now
  try {
    process.kill(pid, 0); // signal 0: asks only whether the process exists
    return true;
  } catch (err) {
    // EPERM: it exists, under another account.
    return typeof err === 'object' && err !== null && 'code' in err && err.code === 'EPERM';
  }
}

/**
 * Removes the half copies in `folder` whose writer is gone. `withoutPid`: also those named
 * `NAME.partial` (written before copies carried their process id), which only a backups folder holds.
 * `of`: only the half copies of this one file name (a `backup --out` folder is the operator's).
 */
export function removeLeftoverPartials(
  folder: string,
  o: { withoutPid: boolean; of?: string; log?: Logger },
): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = PARTIAL.exec(name);
    if (!match || (o.of !== undefined && name.slice(0, match.index) !== o.of)) continue;
    const pid = match[1] === undefined ? null : Number(match[1]);
    if (pid === null ? !o.withoutPid : running(pid)) continue;
    const file = path.join(folder, name);
    try {
      if (!fs.lstatSync(file).isFile()) continue;
      fs.rmSync(file, { force: true });
      removed.push(name);
    } catch (err) {
      o.log?.warn('backup: a leftover half copy could not be removed', { file, error: String(err) });
    }
  }
  if (removed.length) o.log?.info('backup: removed half copies a stopped backup left', { folder, files: removed });
  return removed;
}
