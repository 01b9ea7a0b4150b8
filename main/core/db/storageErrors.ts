// The one place where a failing disk or database file becomes a named error an operator can act on.
// SQLite reports trouble as codes (better-sqlite3 puts them on err.code, e.g. 'SQLITE_FULL',
// 'SQLITE_IOERR_WRITE', 'SQLITE_READONLY_DBMOVED'); Node's file calls use errno names (ENOSPC, EROFS).
// Everything else stays unnamed and the dispatcher answers it as INTERNAL.
import { ShipdeskError, type ErrorCode } from '../../../shared/errors';

type StorageCode = Extract<
  ErrorCode,
  'DISK_FULL' | 'DATABASE_READ_ONLY' | 'DATABASE_DAMAGED' | 'DISK_ERROR' | 'DATABASE_BUSY'
>;

const MESSAGES: Record<StorageCode, string> = {
  DISK_FULL:
    'The disk that holds the Shipdesk database is full, so this change was not saved. ' +
    'Free some space on that disk, then try again. Everything saved before is safe, and lookups keep working.',
  DATABASE_READ_ONLY:
    'Shipdesk cannot write to its database (the file or its folder is read-only, or the file was moved while ' +
    'Shipdesk was open), so this change was not saved. Lookups keep working. Make the file writable again or ' +
    'restart Shipdesk.',
  DATABASE_DAMAGED:
    'Part of the Shipdesk database file is damaged, so this could not be read or saved. Stop registering on this ' +
    'computer and restore the last backup (Shipdesk keeps them in the "backups" folder beside the database).',
  DISK_ERROR:
    'The disk failed while Shipdesk was reading or writing its database, so this change was not saved. ' +
    'Check the disk or network drive, then try again.',
  DATABASE_BUSY:
    'Another Shipdesk program is holding the database right now, so this change was not saved. Try again in a moment.',
};

/** A thrown error's code (SQLite's or Node's errno name), or null. */
export function codeOf(err: unknown): string | null {
  if (typeof err !== 'object' || err === null || !('code' in err)) return null;
  return typeof err.code === 'string' ? err.code : null;
}

/** Which storage trouble a thrown error is, or null when it is something else. */
export function storageCodeOf(err: unknown): StorageCode | null {
  const code = codeOf(err);
  if (!code) return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'DISK_FULL';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'DATABASE_READ_ONLY';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'DATABASE_DAMAGED';
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'EIO') return 'DISK_ERROR';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'DATABASE_BUSY';
  return null;
}

/** The named error for a storage failure (keeping SQLite's own code in details), or null. */
export function storageError(err: unknown): ShipdeskError | null {
  const code = storageCodeOf(err);
  return code ? new ShipdeskError(code, MESSAGES[code], { cause: codeOf(err) }) : null;
}

export function storageMessage(code: StorageCode): string {
  return MESSAGES[code];
}
