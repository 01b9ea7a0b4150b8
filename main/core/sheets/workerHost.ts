// The parse worker, kept warm between files (loading exceljs costs about a second) and replaced
// whenever a file runs past its time or memory limit. One file at a time; idle workers go away.
import { Worker } from 'node:worker_threads';
import { IMPORT_LIMITS, ORDER_LIMITS, formatCount, type ImportLimits } from './limits';
import { parseGridAnswer, parseWorkerAnswer } from './outcomeSchema';
import { refuse, type FileRefusal, type GridOutcome, type ParseOutcome, type ParseRequest } from './types';
import { importWorkerFile } from './workerFile';

export interface ParseOptions {
  timeoutMs?: number;
  heapMb?: number;
}

/** A refusal, answered the same way whatever the job asked for. */
type Refused = { ok: false; refusal: FileRefusal };

interface Job {
  id: number;
  bytes: Uint8Array;
  request: ParseRequest;
  timeoutMs: number;
  heapMb: number;
  /** Rows a file of this kind may hold, for the "too heavy" message. */
  maxDataRows: number;
  /** Takes the worker's answer if it is one for this job (checked, never trusted). */
  accept(message: unknown): boolean;
  fail(refused: Refused): void;
}

const tooHeavy = (rows: number) =>
  `Reading this file took more time or memory than a sheet of ${formatCount(rows)} rows ever needs, so Shipdesk stopped. Copy your rows into the Shipdesk template and upload that.`;
const IDLE_MS = 5 * 60_000;

let worker: { thread: Worker; heapMb: number } | null = null;
let running: { job: Job; timer: NodeJS.Timeout } | null = null;
let idleTimer: NodeJS.Timeout | null = null;
const queue: Job[] = [];
let nextId = 1;

function stopWorker(): void {
  if (!worker) return;
  const { thread } = worker;
  worker = null;
  thread.removeAllListeners();
  void thread.terminate();
}

function settleRunning(): Job | null {
  if (!running) return null;
  const { job, timer } = running;
  clearTimeout(timer);
  running = null;
  return job;
}

function failRunning(refused: Refused | ((job: Job) => Refused)): void {
  // The worker is in an unknown state: replace it before the next file.
  stopWorker();
  const job = settleRunning();
  if (!job) return;
  job.fail(typeof refused === 'function' ? refused(job) : refused);
  pump();
}

function startWorker(heapMb: number): Worker {
  const thread = new Worker(importWorkerFile(), {
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
    // Keep the CLI's stdout for its one JSON object.
    stdout: true,
  });
  thread.on('message', (message: unknown) => {
    if (running && running.job.accept(message)) {
      settleRunning();
      pump();
    }
  });
  thread.on('error', (err: Error & { code?: string }) => {
    failRunning((job) =>
      err.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? refuse('FILE_UNSAFE', tooHeavy(job.maxDataRows), { reason: 'memory' })
        : refuse(
            'INTERNAL',
            'Shipdesk could not read this file because its reader failed; nothing was saved. Try again, and report it if it repeats.',
            { detail: err.message.slice(0, 200) },
          ),
    );
  });
  thread.on('exit', () => {
    if (worker?.thread === thread) worker = null;
    failRunning(refuse('INTERNAL', 'The file reader stopped before it finished; nothing was saved. Try again.'));
  });
  return thread;
}

function pump(): void {
  if (running) return;
  const job = queue.shift();
  if (!job) {
    // Idle: let the process exit, and free the reader's memory after a while.
    worker?.thread.unref();
    idleTimer ??= setTimeout(() => {
      idleTimer = null;
      if (!running && queue.length === 0) stopWorker();
    }, IDLE_MS).unref();
    return;
  }
  if (idleTimer) {
    clearTimeout(idleTimer);
    idleTimer = null;
  }
  if (worker && worker.heapMb !== job.heapMb) stopWorker();
  try {
    worker ??= { thread: startWorker(job.heapMb), heapMb: job.heapMb };
  } catch (err) {
    job.fail(
      refuse('INTERNAL', 'Shipdesk could not start its file reader; nothing was saved.', {
        detail: err instanceof Error ? err.message : String(err),
      }),
    );
    return pump();
  }
  worker.thread.ref();
  const timer = setTimeout(
    () => failRunning(refuse('FILE_UNSAFE', tooHeavy(job.maxDataRows), { reason: 'time', limitMs: job.timeoutMs })),
    job.timeoutMs,
  );
  running = { job, timer };
  worker.thread.postMessage({ id: job.id, bytes: job.bytes, request: job.request });
}

function enqueue<T>(
  bytes: Uint8Array,
  request: ParseRequest,
  limits: ImportLimits,
  options: ParseOptions,
  read: (message: unknown) => { id: number; outcome: T } | null,
): Promise<T | Refused> {
  return new Promise((resolve) => {
    const id = nextId++;
    queue.push({
      id,
      bytes,
      request,
      timeoutMs: options.timeoutMs ?? limits.parseTimeoutMs,
      heapMb: options.heapMb ?? limits.workerHeapMb,
      maxDataRows: limits.maxDataRows,
      accept(message) {
        const answer = read(message);
        if (!answer || answer.id !== id) return false;
        resolve(answer.outcome);
        return true;
      },
      fail: resolve,
    });
    pump();
  });
}

/** Preflight and parse one invoice file in the worker; always resolves, with rows or a refusal. */
export function parseInWorker(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParseOutcome> {
  return enqueue(bytes, { kind: 'invoices' }, IMPORT_LIMITS, options, parseWorkerAnswer);
}

/** Preflight (opening it with the password if it has one) and read a whole sheet in the worker. */
export function parseGridInWorker(
  bytes: Uint8Array,
  request: { password?: string; headerWords: string[] },
  options: ParseOptions = {},
): Promise<GridOutcome> {
  return enqueue(bytes, { kind: 'grid', ...request }, ORDER_LIMITS, options, parseGridAnswer);
}

/** Stops the reader now (tests, shutdown); a later file starts a new one. */
export function stopParseWorker(): void {
  stopWorker();
}
