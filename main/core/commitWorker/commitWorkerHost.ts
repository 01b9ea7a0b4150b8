// Starts the commit worker on first use and hands it one commit at a time (the write queue already
// serialises writes): an invoice import or an order-sheet import, each a job of its kind. Its answers are checked on arrival; a crash rejects what was in flight, and
// the worker's transaction, never committed, leaves the database as it was.
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../shared/errors';
import { ShipdeskError } from '../../../shared/errors';
import type { OrdersWrite, OrdersWritten } from '../orders/commitJob';
import type { Actor } from '../services/invoices';
import type { ImportWrite, ImportWritten } from '../imports/commit';
import {
  CommitAnswer,
  type CommitJob,
  type CommitPart,
  type CommitRequest,
  type StageDone,
  type StagePart,
  type Unstage,
} from './commitMessages';
import { workerFile } from '../sheets/workerFile';

export interface CommitWorker {
  /** An invoice import's rows (imports/commit.ts). */
  commit(job: ImportWrite, actor: Actor, at: number): Promise<ImportWritten>;
  /** An order sheet's lines (orders/commitJob.ts). */
  commitOrders(job: OrdersWrite, actor: Actor, at: number): Promise<OrdersWritten>;
  /** Starts the worker now (a preview was made, so a commit is likely), so the commit does not wait for it. */
  warm(): void;
  /**
   * Hands a previewed order sheet's lines to the worker now, while the operator reads the preview,
   * so its commit sends none, and the worker checks them ahead; the commit uses that check if nothing
   * was written since (together about 250 ms of a 10,000-line commit). Lines not staged go at commit.
   */
  stageOrders(job: OrdersWrite): void;
  close(): void;
}

/** Order lines per message sent ahead of an order-sheet job (see CommitPart, StagePart). */
const PART_LINES = 1_000;

/** Previewed order sheets whose lines the worker keeps; the oldest is dropped past this. */
const STAGED_KEPT = 3;

type Done = Extract<CommitAnswer, { ok: true }>['done'];

/**
 * Posts a sheet's lines a slice at a time, with the event loop free between slices (copying 10,000
 * lines into one message held the main thread about 100 ms). Stops, answering false, once `wanted` does.
 */
async function postInSlices(
  worker: Worker,
  drafts: OrdersWrite['drafts'],
  message: (slice: OrdersWrite['drafts']) => CommitPart | StagePart,
  wanted: () => boolean = () => true,
): Promise<boolean> {
  for (let i = 0; i < drafts.length; i += PART_LINES) {
    if (!wanted()) return false;
    worker.postMessage(message(drafts.slice(i, i + PART_LINES)));
    await setImmediate();
  }
  return wanted();
}

interface Waiting {
  resolve(done: Done): void;
  reject(err: Error): void;
}

/** An answer of another kind than the job asked for: our own bug, never the operator's file. */
/** The commit worker's script: built beside the bundle, or this folder's commitWorker.ts from source. */
const commitWorkerFile = () => workerFile('commitWorker', path.join(__dirname, 'commitWorker.ts'));

const mismatch = () => new Error('the commit worker answered a job of another kind');

export function createCommitWorker(options: { dbPath: string; nativeBinding?: string }): CommitWorker {
  let thread: Worker | null = null;
  const waiting = new Map<number, Waiting>();
  let nextId = 1;
  /** Import ids staged in the current thread; `ready` resolves true once every line is there. */
  const staged = new Map<string, { ready: Promise<boolean> }>();

  const lost = (worker: Worker) => {
    if (thread !== worker) return;
    thread = null;
    staged.clear(); // a new thread starts with nothing staged
  };

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
      lost(worker);
      failAll(err);
    });
    worker.on('exit', (code) => {
      lost(worker);
      failAll(new Error(`the commit worker stopped (exit code ${code})`));
    });
    return worker;
  };

  type Ahead = Pick<CommitRequest, 'partLines' | 'staged'>;

  /** `ahead` sends parts of the job first (with the event loop free between them) and says how many lines. */
  const send = (
    job: CommitJob,
    actor: Actor,
    at: number,
    ahead?: (worker: Worker, id: number) => Promise<Ahead>,
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
        const sent = ahead ? await ahead(worker, id) : {};
        // The worker stopped while the parts went out: the job has already failed.
        if (!waiting.has(id)) return;
        const request: CommitRequest = { id, job, actor, at, ...sent };
        worker.postMessage(request);
      })();
    });
  };

  const warm = () => {
    if (thread) return;
    // Nothing is in flight without a thread. An idle worker must not keep the process alive;
    // send() holds it while a commit is in flight.
    thread = start();
    thread.unref();
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
        const stagedHere = staged.get(job.importId);
        // Still staged once sent (no newer preview dropped it): the worker has every line.
        if (stagedHere && (await stagedHere.ready) && thread === worker && staged.get(job.importId) === stagedHere)
          return { partLines: drafts.length, staged: job.importId };
        await postInSlices(worker, drafts, (slice): CommitPart => ({ id, part: 'drafts', drafts: slice }));
        return { partLines: drafts.length };
      });
      if (done.kind !== 'orders') throw mismatch();
      return done.value;
    },
    warm,
    stageOrders(job) {
      const { importId, drafts } = job;
      warm();
      const worker = thread;
      if (!worker || staged.has(importId)) return;
      const entry = { ready: Promise.resolve(false) };
      staged.set(importId, entry);
      const current = () => thread === worker && staged.get(importId) === entry;
      entry.ready = (async () => {
        // Dropped meanwhile (newer previews, or the worker stopped): stop sending.
        const sent = await postInSlices(
          worker,
          drafts,
          (slice): StagePart => ({ stage: importId, drafts: slice }),
          current,
        );
        if (!sent) return false;
        const done: StageDone = { stageDone: importId, job: { ...job, drafts: [] } };
        worker.postMessage(done);
        return true;
      })();
      for (const oldest of staged.keys()) {
        if (staged.size <= STAGED_KEPT) break;
        staged.delete(oldest);
        const drop: Unstage = { unstage: oldest };
        worker.postMessage(drop);
      }
    },
    close() {
      const worker = thread;
      thread = null;
      staged.clear();
      if (!worker) return;
      worker.removeAllListeners();
      failAll(new Error('Shipdesk is closing'));
      void worker.terminate();
    },
  };
}
