// Previews waiting for a commit, in memory: a preview is cheap to redo, so a restart simply asks
// the operator to upload again. Bounded in count and age.
import { randomUUID } from 'node:crypto';
import type { ImportCommitResult, ImportTotals } from '../../../shared/contract';
import type { NumberChecks } from './checkRows';
import type { CheckedRow } from './rowVerdict';
import type { ParsedSheet } from './types';

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

const MAX_KEPT = 20;
const MAX_AGE_MS = 4 * 3600_000;

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

/** Any preview kept for its commit (invoice or order imports): an id, a time, bounded in count and age. */
export function createPreviewStore<T extends { importId: string; createdAt: number }>(
  clock: () => number,
): { put(make: (importId: string, createdAt: number) => T): T; get(importId: string): T | undefined } {
  const entries = new Map<string, T>();
  const prune = () => {
    const now = clock();
    for (const [id, e] of entries) if (now - e.createdAt > MAX_AGE_MS) entries.delete(id);
    // Maps iterate in insertion order: the oldest go first.
    for (const id of entries.keys()) {
      if (entries.size <= MAX_KEPT) break;
      entries.delete(id);
    }
  };
  return {
    put(make) {
      const stored = make(randomUUID(), clock());
      entries.set(stored.importId, stored);
      prune();
      return stored;
    },
    get(importId) {
      prune();
      return entries.get(importId);
    },
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
