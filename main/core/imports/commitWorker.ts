// The commit worker: its own connection to the same SQLite file, for the one write too long for
// the main thread, an import commit (up to 1,000 rows, re-checked and written in ONE transaction,
// about 100-400 ms at a million shipments). The main thread keeps serving reads meanwhile (WAL)
// and queues its own writes behind this one (db/writeQueue.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { ShipdeskError } from '../../../shared/errors';
import { openDatabase } from '../db/open';
import { createEvents } from '../events';
import { silentLogger } from '../log/logger';
import { createServiceContext } from '../services/context';
import { CommitRequest, CommitWorkerData, type CommitAnswer } from './commitMessages';
import { writeImport } from './commit';

const data = CommitWorkerData.parse(workerData);
const db = openDatabase(data.dbPath, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {});
// One commit touches thousands of pages of the shipments' indexes: keep them between commits (64 MB).
db.pragma('cache_size = -65536');
let now = 0;
const ctx = createServiceContext(db, () => now, createEvents(silentLogger));

function answer(message: CommitAnswer): void {
  parentPort?.postMessage(message);
}

parentPort?.on('message', (message: unknown) => {
  const request = CommitRequest.safeParse(message);
  if (!request.success) return;
  const { id, job, actor, at } = request.data;
  now = at;
  try {
    const value = writeImport(ctx, job, actor, at);
    answer({ id, ok: true, value });
    // A thousand rows leave thousands of pages in the WAL: checkpoint them here, off the main thread
    // (after answering: a passive checkpoint blocks no reader or writer), rather than in whichever
    // main-thread commit comes next.
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    answer(
      err instanceof ShipdeskError
        ? {
            id,
            ok: false,
            error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) },
          }
        : {
            id,
            ok: false,
            error: {
              code: 'INTERNAL',
              message:
                'Shipdesk hit an unexpected problem while saving the file; nothing was saved. Try again, and report it if it repeats.',
              details: { detail: (err instanceof Error ? err.message : String(err)).slice(0, 300) },
            },
          },
    );
  }
});
