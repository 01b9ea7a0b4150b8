// The commit worker: its own connection to the same SQLite file, for the writes too long for the
// main thread, each re-checked and written in ONE transaction: an invoice import (up to 1,000 rows,
// about 100-400 ms at a million shipments) and an order-sheet import (up to 10,000 lines). The main
// thread keeps serving reads meanwhile (WAL) and queues its own writes behind this one
// (db/writeQueue.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { ShipdeskError } from '../../../shared/errors';
import { openDatabase } from '../db/open';
import { storageError } from '../db/storageErrors';
import { createEvents } from '../push/events';
import { silentLogger } from '../log/logger';
import { precheckOrders, writeOrders, type OrdersWrite } from '../orders/commitJob';
import type { Prechecked } from '../orders/commitOrders';
import { createStationContext } from '../poolLink/record';
import type { Actor } from '../services/invoices';
import {
  CommitPart,
  CommitRequest,
  CommitWorkerData,
  StageDone,
  StagePart,
  Unstage,
  type CommitAnswer,
  type CommitJob,
} from './commitMessages';
import { writeImport } from '../imports/commit';

const data = CommitWorkerData.parse(workerData);
const db = openDatabase(data.dbPath, data.nativeBinding ? { nativeBinding: data.nativeBinding } : {});
// One commit touches thousands of pages of the shipments' indexes: keep them between commits (64 MB).
db.pragma('cache_size = -65536');
let now = 0;
// An order import made here goes to the pool in its transaction, as on the main thread.
const ctx = createStationContext(db, () => now, createEvents(silentLogger));

function answer(message: CommitAnswer): void {
  parentPort?.postMessage(message);
}

/** Commits this connection made: data_version (below) counts only other connections' commits. */
let ownCommits = 0;

/** Whether anything was written to the desk, by any connection, since this call. */
function unchangedSince(): () => boolean {
  const version = (): number => Number(db.pragma('data_version', { simple: true }));
  const [then, own] = [version(), ownCommits];
  return () => version() === then && ownCommits === own;
}

function run(
  job: CommitJob,
  actor: Actor,
  at: number,
  prechecked?: Prechecked,
): Extract<CommitAnswer, { ok: true }>['done'] {
  try {
    if (job.kind === 'orders') return { kind: 'orders', value: writeOrders(ctx, job, actor, prechecked) };
    return { kind: 'invoices', value: writeImport(ctx, job, actor, at) };
  } finally {
    ownCommits++; // after the job: its own check ahead is asked inside it
  }
}

/** Lines sent ahead of their job, by job id. */
const parts = new Map<number, OrdersWrite['drafts']>();
/** Previewed sheets' lines, by import id; the main thread says when to drop them (it keeps a few). */
const staged = new Map<string, OrdersWrite['drafts']>();
/** Staged sheets already checked, while the operator reads the preview; used once. */
const prechecked = new Map<string, Prechecked>();

parentPort?.on('message', (message: unknown) => {
  const part = CommitPart.safeParse(message);
  if (part.success) {
    const lines = parts.get(part.data.id) ?? [];
    parts.set(part.data.id, lines.concat(part.data.drafts));
    return;
  }
  const stage = StagePart.safeParse(message);
  if (stage.success) {
    staged.set(stage.data.stage, (staged.get(stage.data.stage) ?? []).concat(stage.data.drafts));
    return;
  }
  const done = StageDone.safeParse(message);
  if (done.success) {
    const drafts = staged.get(done.data.stageDone);
    if (!drafts) return;
    try {
      const mark = unchangedSince();
      prechecked.set(done.data.stageDone, precheckOrders(ctx, { ...done.data.job, drafts }, mark));
    } catch {
      // Only a head start: the commit checks the lines itself.
    }
    return;
  }
  const unstage = Unstage.safeParse(message);
  if (unstage.success) {
    staged.delete(unstage.data.unstage);
    prechecked.delete(unstage.data.unstage);
    return;
  }
  const request = CommitRequest.safeParse(message);
  if (!request.success) return;
  const { id, actor, at } = request.data;
  const ahead = (request.data.staged === undefined ? parts.get(id) : staged.get(request.data.staged)) ?? [];
  parts.delete(id);
  // A check made ahead serves one commit: the commit changes what the next one would find.
  const checkedAhead = request.data.staged === undefined ? undefined : prechecked.get(request.data.staged);
  if (request.data.staged !== undefined) prechecked.delete(request.data.staged);
  now = at;
  try {
    if (ahead.length !== (request.data.partLines ?? 0)) throw new Error('some lines of the sheet did not arrive');
    const job =
      request.data.job.kind === 'orders'
        ? { ...request.data.job, drafts: ahead.concat(request.data.job.drafts) }
        : request.data.job;
    answer({ id, ok: true, done: run(job, actor, at, checkedAhead) });
    // A commit leaves thousands of pages in the WAL: checkpoint them here, off the main thread
    // (after answering: a passive checkpoint blocks no reader or writer), rather than in whichever
    // main-thread commit comes next.
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (err) {
    // A full or failing disk is named here as on the main thread (db/storageErrors.ts).
    const known = err instanceof ShipdeskError ? err : storageError(err);
    answer(
      known
        ? {
            id,
            ok: false,
            error: { code: known.code, message: known.message, ...(known.details ? { details: known.details } : {}) },
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
