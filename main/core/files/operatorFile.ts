// The one way Shipdesk opens a file an operator names (docs/ARCHITECTURE.md, "Operator files"): the
// import commands read through readOperatorFile, the exports, the template and the backup write
// through writeOperatorFile / openOperatorOutput, and a restore looks at its source with
// checkOperatorFile. Only ordinary files, links followed: a link to /dev/zero, a FIFO or a folder is
// refused by what it is (FILE_NOT_REGULAR), never found out by reading it (a hang, 2 GB, a raw EISDIR).
import fs from 'node:fs';
import path from 'node:path';
import { ShipdeskError, type ErrorCode } from '../../../shared/errors';
import { codeOf } from '../db/storageErrors';

/** Why a whole file was refused, in words an operator can act on. */
export interface FileRefusal {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

export type ReadOutcome =
  | { ok: true; bytes: Buffer }
  | { ok: false; refusal: FileRefusal }
  /** Nothing at that path: the caller decides (the CLI calls it bad usage). */
  | { ok: false; missing: true };

/** What the operator meant to do with the file, for the refusal's sentence. */
export type FilePurpose = 'import' | 'restore' | 'write' | 'read';

const CHOOSE: Record<FilePurpose, string> = {
  import: 'not a file Shipdesk can import. Choose the Excel (.xlsx) or CSV file itself.',
  restore: 'not a backup Shipdesk can restore. Choose the backup (.db) file itself.',
  write: 'not a file Shipdesk can write to. Give the name of a new or ordinary file.',
  read: 'not a file Shipdesk can read. Give the file itself.',
};

// O_NONBLOCK: opening a FIFO returns at once instead of waiting for the other end.
const NONBLOCK = fs.constants.O_NONBLOCK ?? 0;

function whatItIs(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not an ordinary file';
}

function isLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

export function notRegular(file: string, what: string, purpose: FilePurpose): FileRefusal {
  const link = isLink(file) ? ' (through a link)' : '';
  return {
    code: 'FILE_NOT_REGULAR',
    message: `${file} is ${what}${link}, ${CHOOSE[purpose]}`,
    details: { file, kind: what },
  };
}

function cannotOpen(file: string, err: unknown, purpose: FilePurpose): FileRefusal {
  const code = codeOf(err) ?? 'error';
  if (code === 'EISDIR') return notRegular(file, 'a folder', purpose);
  if (code === 'ENXIO') return notRegular(file, purpose === 'write' ? 'a pipe or socket' : 'a socket', purpose);
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'this account may not ' + (purpose === 'write' ? 'write there' : 'read it')
      : code === 'ENOENT' || code === 'ENOTDIR'
        ? 'its folder does not exist'
        : code;
  // Not what the file is but where it is: a missing folder, no permission.
  return {
    code: 'INVALID_INPUT',
    message: `Shipdesk cannot ${purpose === 'write' ? 'write' : 'open'} ${file} (${why}). Check the name and that this account may use that folder.`,
    details: { file, cause: code },
  };
}

/** A refusal as the error the dispatcher and the CLI answer with (exit 1, the JSON envelope). */
export function refusalError(refusal: FileRefusal): ShipdeskError {
  return new ShipdeskError(refusal.code, refusal.message, refusal.details);
}

/**
 * Reads an operator's file: an ordinary file (links followed, to an ordinary file only) of at most
 * maxBytes; `tooLarge` words the refusal of a bigger one.
 */
export function readOperatorFile(
  file: string,
  maxBytes: number,
  tooLarge: (bytes: number) => FileRefusal,
  purpose: FilePurpose = 'import',
): ReadOutcome {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | NONBLOCK);
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return { ok: false, missing: true };
    return { ok: false, refusal: cannotOpen(file, err, purpose) };
  }
  try {
    // Decided on the opened file itself, so a swap between look and read changes nothing.
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, refusal: notRegular(file, whatItIs(stat), purpose) };
    if (stat.size > maxBytes) return { ok: false, refusal: tooLarge(stat.size) };
    // Sized to the file (a few KB, not the limit), growing only if the file grows while it is read,
    // never past one byte over the limit: that byte is enough to refuse.
    const cap = maxBytes + 1;
    let buffer = Buffer.alloc(Math.min(stat.size + 1, cap));
    let filled = 0;
    for (;;) {
      if (filled === buffer.length) {
        if (filled > maxBytes) return { ok: false, refusal: tooLarge(filled) };
        const bigger = Buffer.alloc(Math.min(buffer.length * 2, cap));
        buffer.copy(bigger, 0, 0, filled);
        buffer = bigger;
      }
      const n = fs.readSync(fd, buffer, filled, buffer.length - filled, null);
      if (n === 0) break;
      filled += n;
    }
    return { ok: true, bytes: buffer.subarray(0, filled) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Throws FILE_NOT_REGULAR unless `file` is an ordinary file (links followed); answers false when nothing is there. */
export function checkOperatorFile(file: string, purpose: FilePurpose): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | NONBLOCK);
  } catch (err) {
    if (codeOf(err) === 'ENOENT') return false;
    throw refusalError(cannotOpen(file, err, purpose));
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw refusalError(notRegular(file, whatItIs(stat), purpose));
    return true;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Where a written file really goes: the path itself, or what its link points at. Refuses a folder,
 * a device, a pipe or a socket there (FILE_NOT_REGULAR) and a folder that does not exist.
 */
export function outputTarget(file: string): string {
  const target = path.resolve(file);
  let real: string;
  try {
    real = fs.realpathSync(target);
  } catch (err) {
    if (codeOf(err) !== 'ENOENT') throw refusalError(cannotOpen(target, err, 'write'));
    // Nothing there yet (or a link to nothing): the file is created in its folder.
    real = isLink(target) ? path.resolve(path.dirname(target), fs.readlinkSync(target)) : target;
  }
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(real);
  } catch (err) {
    if (codeOf(err) !== 'ENOENT') throw refusalError(cannotOpen(target, err, 'write'));
  }
  if (stat && !stat.isFile()) throw refusalError(notRegular(target, whatItIs(stat), 'write'));
  return real;
}

/**
 * Opens `${target}.partial` beside the output for writing: the caller writes it whole, then
 * finishOutput renames it into place, so a refusal or a crash never leaves a half file under the
 * name asked for (docs/ARCHITECTURE.md, "Operator files").
 */
export function openOperatorOutput(file: string): { target: string; partial: string; fd: number } {
  const target = outputTarget(file);
  const partial = `${target}.partial`;
  let fd: number;
  try {
    fd = fs.openSync(partial, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_TRUNC | NONBLOCK, 0o666);
  } catch (err) {
    throw refusalError(cannotOpen(target, err, 'write'));
  }
  if (!fs.fstatSync(fd).isFile()) {
    fs.closeSync(fd);
    throw refusalError(notRegular(partial, 'not an ordinary file', 'write'));
  }
  return { target, partial, fd };
}

/** Puts a completely written partial file in place of the output. */
export function finishOutput(output: { target: string; partial: string }): void {
  fs.renameSync(output.partial, output.target);
}

/** Writes `bytes` to an operator's file (through a partial file renamed into place); answers where. */
export function writeOperatorFile(file: string, bytes: Uint8Array): string {
  const output = openOperatorOutput(file);
  let written = false;
  try {
    for (let at = 0; at < bytes.length;) at += fs.writeSync(output.fd, bytes, at);
    written = true;
  } finally {
    // Closed once, whatever happened; a half-written partial file is not left behind.
    fs.closeSync(output.fd);
    if (!written) fs.rmSync(output.partial, { force: true });
  }
  finishOutput(output);
  return output.target;
}
