// Previews waiting for a commit, in memory: a preview is cheap to redo, so a restart simply asks
// the operator to upload again. Bounded in count and age.
import type { ImportCommitResult, ImportTotals } from '../../../shared/api/contract';
import type { NumberChecks } from './checkRows';
import type { CheckedRow } from './rowVerdict';
import { createPreviewStore } from '../sheets/previewStore';
import type { ParsedSheet } from '../sheets/types';

export interface StoredImport {
  importId: string;
  fileName: string;
  fileHash: string;
  uploadRef: string | null;
  sheet: ParsedSheet;
  /** The preview's verdicts. */
  rows: CheckedRow[];
  /** The preview's number checks, reused by the commit. */
  numberChecks: NumberChecks;
  createdAt: number;
  /** The last commit of this preview, if any. */
  committed: ImportCommitResult | null;
}

export interface ImportStore {
  put(entry: Omit<StoredImport, 'importId' | 'createdAt' | 'committed'>): StoredImport;
  get(importId: string): StoredImport | undefined;
}

export function createImportStore(clock: () => number): ImportStore {
  const store = createPreviewStore<StoredImport>(clock);
  return {
    put: (entry) => store.put((importId, createdAt) => ({ ...entry, importId, createdAt, committed: null })),
    get: store.get,
  };
}

export function totalsOf(rows: readonly CheckedRow[]): ImportTotals {
  const t: ImportTotals = { rows: rows.length, ok: 0, warning: 0, error: 0, toRegister: 0, toModify: 0, toSkip: 0 };
  for (const r of rows) {
    t[r.verdict]++;
    if (r.outcome === 'register') t.toRegister++;
    else if (r.outcome === 'modify') t.toModify++;
    else if (r.outcome === 'skip') t.toSkip++;
  }
  return t;
}
