// The one place an import reads a file from disk (the CLI's import-invoices, the order import): only
// an ordinary file, never more than the import limit. A link to /dev/zero, a FIFO or a folder is
// refused by what it is, not found out by reading it (1.5 GB in 11 s, a hang, a raw EISDIR).
import fs from 'node:fs';
import { IMPORT_LIMITS } from './limits';
import { tooLarge } from './preflight';
import type { FileRefusal } from './types';

export type ReadOutcome =
  | { ok: true; bytes: Buffer }
  | { ok: false; refusal: FileRefusal }
  /** Nothing at that path: the caller decides (the CLI calls it bad usage). */
  | { ok: false; missing: true };

function whatItIs(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not an ordinary file';
}

function notRegular(file: string, what: string, viaLink: boolean): { ok: false; refusal: FileRefusal } {
  const link = viaLink ? ' (through a link)' : '';
  return {
    ok: false,
    refusal: {
      code: 'FILE_NOT_REGULAR',
      message: `${file} is ${what}${link}, not a file Shipdesk can import. Choose the Excel (.xlsx) or CSV file itself.`,
      details: { file, kind: what },
    },
  };
}

/** Reads an import file: an ordinary file (links are followed, to an ordinary file only) of at most maxBytes. */
export function readImportFile(file: string, maxBytes: number = IMPORT_LIMITS.maxFileBytes): ReadOutcome {
  let viaLink: boolean;
  try {
    viaLink = fs.lstatSync(file).isSymbolicLink();
  } catch {
    return { ok: false, missing: true };
  }
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? err.code : null;
    if (code === 'ENOENT') return { ok: false, missing: true };
    if (code === 'EISDIR') return notRegular(file, 'a folder', viaLink);
    if (code === 'ENXIO') return notRegular(file, 'a socket', viaLink);
    return {
      ok: false,
      refusal: {
        code: 'FILE_NOT_REGULAR',
        message: `Shipdesk cannot open ${file} (${String(code ?? 'error')}). Check that the file exists and that you may read it.`,
        details: { file },
      },
    };
  }
  try {
    // Decided on the opened file itself, so a swap between look and read changes nothing.
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return notRegular(file, whatItIs(stat), viaLink);
    if (stat.size > maxBytes) return { ok: false, refusal: tooLarge(stat.size) };
    // Bounded even if the file grows while it is read: one byte past the limit is enough to refuse.
    const buffer = Buffer.alloc(maxBytes + 1);
    let filled = 0;
    for (;;) {
      const n = fs.readSync(fd, buffer, filled, buffer.length - filled, null);
      if (n === 0) break;
      filled += n;
      if (filled > maxBytes) return { ok: false, refusal: tooLarge(filled) };
    }
    return { ok: true, bytes: buffer.subarray(0, filled) };
  } finally {
    fs.closeSync(fd);
  }
}
