// Starts the commit worker on first use and hands it one commit at a time (the write queue already
// serialises writes). Its answers are checked on arrival; a crash rejects what was in flight, and
// the worker's transaction, never committed, leaves the database as it was.
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../shared/errors';
import { ShipdeskError } from '../../../shared/errors';
import type { Actor } from '../services/invoices';
import type { ImportWrite, ImportWritten } from './commit';
import { CommitAnswer, type CommitRequest } from './commitMessages';
import { commitWorkerFile } from './workerFile';

export interface CommitWorker {
  commit(job: ImportWrite, actor: Actor, at: number): Promise<ImportWritten>;
  close(): void;
}

interface Waiting {
  resolve(value: ImportWritten): void;
  reject(err: Error): void;
}

export function createCommitWorker(options: { dbPath: string; nativeBinding?: string }): CommitWorker {
  let thread: Worker | null = null;
  const waiting = new Map<number, Waiting>();
  let nextId = 1;

  const failAll = (err: Error) => {
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };

  const start = (): Worker => {
    const worker = new Worker(commitWorkerFile(), {
      workerData: {
        dbPath: options.dbPath,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      },
      stdout: true,
    });
    worker.on('message', (message: unknown) => {
      const parsed = CommitAnswer.safeParse(message);
      if (!parsed.success) return;
      const a = parsed.data;
      const w = waiting.get(a.id);
      if (!w) return;
      waiting.delete(a.id);
      if (a.ok) return w.resolve(a.value);
      const code: ErrorCode = a.error.code;
      // An unexpected failure stays one: the dispatcher logs it and answers INTERNAL ("nothing was saved").
      w.reject(
        code === 'INTERNAL'
          ? new Error(`import commit failed in the worker: ${String(a.error.details?.['detail'] ?? a.error.message)}`)
          : new ShipdeskError(code, a.error.message, a.error.details),
      );
    });
    worker.on('error', (err) => {
      if (thread === worker) thread = null;
      failAll(err);
    });
    worker.on('exit', (code) => {
      if (thread === worker) thread = null;
      failAll(new Error(`the import commit worker stopped (exit code ${code})`));
    });
    return worker;
  };

  return {
    commit(job, actor, at) {
      thread ??= start();
      const worker = thread;
      worker.ref(); // a commit in flight keeps the process alive
      const id = nextId++;
      return new Promise<ImportWritten>((resolve, reject) => {
        const settle = () => {
          if (waiting.size === 0) worker.unref();
        };
        waiting.set(id, {
          resolve: (v) => (resolve(v), settle()),
          reject: (e) => (reject(e), settle()),
        });
        const request: CommitRequest = { id, job, actor, at };
        worker.postMessage(request);
      });
    },
    close() {
      const worker = thread;
      thread = null;
      if (!worker) return;
      worker.removeAllListeners();
      failAll(new Error('Shipdesk is closing'));
      void worker.terminate();
    },
  };
}
