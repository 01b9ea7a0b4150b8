// The closed set of error codes every entry point answers with.

export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'INVALID_INVOICE_NUMBER',
  'UNKNOWN_CARRIER',
  'CARRIER_NOT_FOR_REGION',
  'DUPLICATE_INVOICE',
  'INVALID_STATE',
  'ADDRESS_LOCKED',
  'FILE_ENCRYPTED',
  'FILE_NOT_XLSX',
  'FILE_NOT_SPREADSHEET',
  'FILE_TOO_LARGE',
  'FILE_UNSAFE',
  'FILE_DAMAGED',
  'TOO_MANY_ROWS',
  'HEADER_MISMATCH',
  'OFFLINE',
  'UNAUTHORIZED',
  'DATABASE_TOO_NEW',
  'INTERNAL',
  /** The desktop offers no encrypted storage for the tracker key. */
  'KEY_STORE_UNAVAILABLE',
  /** The file is empty, random bytes, or another program's SQLite file: Shipdesk will not touch it. */
  'NOT_SHIPDESK_DATABASE',
  /** SQLite found damaged pages (SQLITE_CORRUPT, SQLITE_NOTADB): restore the last backup. */
  'DATABASE_DAMAGED',
  /** The file or its folder cannot be written (SQLITE_READONLY*): lookups still work. */
  'DATABASE_READ_ONLY',
  /** The disk (or SQLite's page limit) is full (SQLITE_FULL, ENOSPC): nothing was saved. */
  'DISK_FULL',
  /** The disk failed a read or write (SQLITE_IOERR*): nothing was saved. */
  'DISK_ERROR',
  /** Another program held the database past the busy timeout (SQLITE_BUSY, SQLITE_LOCKED). */
  'DATABASE_BUSY',
  /** An operator's file (import, export, template, backup, restore) that is a folder, device, pipe or socket. */
  'FILE_NOT_REGULAR',
  /** A restore was asked while a Shipdesk program has the database open. */
  'DATABASE_IN_USE',
  /** A password-protected order sheet did not open with the password given. */
  'FILE_PASSWORD_WRONG',
  /** No order-sheet profile fits the file's headers and no column mapping was given (details: the headers). */
  'PROFILE_UNKNOWN',
  /** Pool: the Shipment No. is already in the pool for another order (two stations minted it). */
  'SHIPMENT_NO_TAKEN',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface RpcError {
  code: ErrorCode;
  /** A sentence an operator can act on. */
  message: string;
  details?: Record<string, unknown>;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: RpcError };

/** Thrown inside the core; the dispatcher turns it into an error envelope. */
export class ShipdeskError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ShipdeskError';
    this.code = code;
    this.details = details;
  }
}
