// The import's file reader (the CLI's import-invoices and import-orders): the one opener of an
// operator's file (main/core/files/operatorFile.ts) with the import's size limit and its refusal.
import { readOperatorFile, type ReadOutcome } from '../files/operatorFile';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import { tooLarge } from './preflight';

export type { ReadOutcome } from '../files/operatorFile';

/**
 * Reads an import file: an ordinary file (links are followed, to an ordinary file only) within the
 * limits' file size, or `maxBytes` when given as a number.
 */
export function readImportFile(file: string, limit: number | ImportLimits = IMPORT_LIMITS): ReadOutcome {
  const limits = typeof limit === 'number' ? { ...IMPORT_LIMITS, maxFileBytes: limit } : limit;
  return readOperatorFile(file, limits.maxFileBytes, (bytes) => tooLarge(bytes, limits));
}
