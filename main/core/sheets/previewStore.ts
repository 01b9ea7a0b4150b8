// Previews waiting for a commit, in memory, for both imports (invoices and order sheets): a preview
// is cheap to redo, so a restart simply asks the operator to upload again. Bounded in count and age.
import { randomUUID } from 'node:crypto';

const MAX_KEPT = 20;
const MAX_AGE_MS = 4 * 3600_000;

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
