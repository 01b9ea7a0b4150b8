// Starts the commit worker on first use and hands it one commit at a time (the write queue already
// serialises writes): an invoice import or an order-sheet import, each a job of its kind. Its answers are checked on arrival; a crash rejects what was in flight, and
// the worker's transaction, never committed, leaves the database as it was.
import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../shared/errors';
import { ShipdeskError } from '../../../shared/errors';
import type { OrdersWrite, OrdersWritten } from '../orders/commitJob';
import type { Actor } from '../services/invoices';
import type { ImportWrite, ImportWritten } from './commit';
import { CommitAnswer, type CommitJob, type CommitPart, type CommitRequest } from './commitMessages';
import { commitWorkerFile } from './workerFile';

export interface CommitWorker {
  /** An invoice import's rows (imports/commit.ts). */
  commit(job: ImportWrite, actor: Actor, at: number): Promise<ImportWritten>;
  /** An order sheet's lines (orders/commitJob.ts). */
  commitOrders(job: OrdersWrite, actor: Actor, at: number): Promise<OrdersWritten>;
  /** Starts the worker now (a preview was made, so a commit is likely), so the commit does not wait for it. */
  warm(): void;
  close(): void;
}

/** Order lines per message sent ahead of an order-sheet job (see CommitPart). */
const PART_LINES = 1_000;

type Done = Extract<CommitAnswer, { ok: true }>['done'];

interface Waiting {
  resolve(done: Done): void;
  reject(err: Error): void;
}

/** An answer of another kind than the job asked for: our own bug, never the operator's file. */
const mismatch = () => new Error('the commit worker answered a job of another kind');

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
      if (a.ok) return w.resolve(a.done);
      const code: ErrorCode = a.error.code;
      // An unexpected failure stays one: the dispatcher logs it and answers INTERNAL ("nothing was saved").
      w.reject(
        code === 'INTERNAL'
          ? new Error(`a commit failed in the worker: ${String(a.error.details?.['detail'] ?? a.error.message)}`)
          : new ShipdeskError(code, a.error.message, a.error.details),
      );
    });
    worker.on('error', (err) => {
      if (thread === worker) thread = null;
      failAll(err);
    });
    worker.on('exit', (code) => {
      if (thread === worker) thread = null;
      failAll(new Error(`the commit worker stopped (exit code ${code})`));
    });
    return worker;
  };

  /** `ahead` sends parts of the job first (with the event loop free between them) and says how many lines. */
  const send = (
    job: CommitJob,
    actor: Actor,
    at: number,
    ahead?: (worker: Worker, id: number) => Promise<number>,
  ): Promise<Done> => {
    thread ??= start();
    const worker = thread;
    worker.ref(); // a commit in flight keeps the process alive
    const id = nextId++;
    return new Promise<Done>((resolve, reject) => {
      const settle = () => {
        if (waiting.size === 0) worker.unref();
      };
      waiting.set(id, {
        resolve: (v) => (resolve(v), settle()),
        reject: (e) => (reject(e), settle()),
      });
      void (async () => {
        const partLines = ahead ? await ahead(worker, id) : 0;
        // The worker stopped while the parts went out: the job has already failed.
        if (!waiting.has(id)) return;
        const request: CommitRequest = { id, job, actor, at, ...(ahead ? { partLines } : {}) };
        worker.postMessage(request);
      })();
    });
  };

  return {
    async commit(job, actor, at) {
      const done = await send({ kind: 'invoices', ...job }, actor, at);
      if (done.kind !== 'invoices') throw mismatch();
      return done.value;
    },
    async commitOrders(job, actor, at) {
      const { drafts } = job;
      const done = await send({ kind: 'orders', ...job, drafts: [] }, actor, at, async (worker, id) => {
        for (let i = 0; i < drafts.length; i += PART_LINES) {
          const part: CommitPart = { id, part: 'drafts', drafts: drafts.slice(i, i + PART_LINES) };
          worker.postMessage(part);
          await setImmediate();
        }
        return drafts.length;
      });
      if (done.kind !== 'orders') throw mismatch();
      return done.value;
    },
    warm() {
      if (thread) return;
      // Nothing is in flight without a thread. An idle worker must not keep the process alive;
      // send() holds it while a commit is in flight.
      thread = start();
      thread.unref();
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
