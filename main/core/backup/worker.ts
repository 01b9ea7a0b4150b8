// The backup of a running desk is copied on a worker thread with its own read-only connection, so
// the screens never wait for it. Measured on a million shipments (1.3 GB) with the copy on the main
// thread in 100-page steps: most steps took under 1 ms, but some took 200-400 ms when the disk was
// busy, and the last step (the copy's commit and fsync) held the event loop for about 2 s.
// One step on the worker reads one snapshot (WAL: writers go on meanwhile) and never restarts;
// then SQLite's quick check reads the copy, which is how the daily backup checks a database too
// large to check at every start (see db/verdict.ts).
// The worker is a small generic script, so it needs no build step (like demo/sink.ts).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
(async () => {
  // On Linux a thread has its own nice value: the copy yields the CPU to the screens' thread.
  if (process.platform === 'linux') { try { require('node:os').setPriority(19); } catch {} }
  const Database = require(workerData.driver);
  const options = { readonly: true, fileMustExist: true };
  if (workerData.nativeBinding) options.nativeBinding = workerData.nativeBinding;
  const source = new Database(workerData.source, options);
  const started = performance.now();
  try {
    // 0x7fffffff pages per step: the whole database in one step, from one snapshot.
    await source.backup(workerData.target, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copiedMs = performance.now() - started;
  // The copy says "WAL" in its header like its source; a backup is a plain file that opens without
  // leaving -wal and -shm beside it.
  const copy = new Database(workerData.target, { fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  let problems = [];
  try {
    copy.pragma('journal_mode = DELETE');
    if (workerData.check) {
      try {
        problems = copy.pragma('quick_check(20)').map((r) => String(r.quick_check)).filter((p) => p !== 'ok');
      } catch (err) {
        const code = String((err && err.code) || '');
        if (!code.startsWith('SQLITE_CORRUPT') && code !== 'SQLITE_NOTADB') throw err;
        problems = [String(err.message)];
      }
    }
  } finally {
    copy.close();
  }
  parentPort.postMessage({ ok: true, copiedMs, checkedMs: performance.now() - started - copiedMs, problems });
})().catch((err) => {
  parentPort.postMessage({ ok: false, code: err && err.code ? String(err.code) : null, message: String((err && err.message) || err) });
});
`;

const Answer = z.union([
  z.object({ ok: z.literal(true), copiedMs: z.number(), checkedMs: z.number(), problems: z.array(z.string()) }),
  z.object({ ok: z.literal(false), code: z.string().nullable(), message: z.string() }),
]);

export interface WorkerCopy {
  copiedMs: number;
  checkedMs: number;
  /** What SQLite's quick check found in the copy (empty: sound, or not checked). */
  problems: string[];
}

/** An error from the worker, with SQLite's code kept so storageErrors can name it. */
export class WorkerBackupError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
  }
}

export function copyOnWorker(options: {
  source: string;
  target: string;
  nativeBinding?: string;
  check: boolean;
}): Promise<WorkerCopy> {
  const driver = createRequire(__filename).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver, ...options, nativeBinding: options.nativeBinding ?? null },
    });
    let settled = false;
    worker.once('message', (message: unknown) => {
      settled = true;
      const answer = Answer.safeParse(message);
      if (!answer.success) reject(new Error('The backup worker answered something unexpected.'));
      else if (answer.data.ok) resolve(answer.data);
      else reject(new WorkerBackupError(answer.data.message, answer.data.code));
      void worker.terminate();
    });
    worker.once('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The backup worker stopped (exit ${code}) before it finished.`));
      settled = true;
    });
  });
}
