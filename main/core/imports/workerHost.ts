// The parse worker, kept warm between files (loading exceljs costs about a second) and replaced
// whenever a file runs past its time or memory limit. One file at a time; idle workers go away.
import { Worker } from 'node:worker_threads';
import { IMPORT_LIMITS } from './limits';
import { parseWorkerAnswer } from './outcomeSchema';
import { refuse, type ParseOutcome } from './types';
import { importWorkerFile } from './workerFile';

export interface ParseOptions {
  timeoutMs?: number;
  heapMb?: number;
}

interface Job {
  id: number;
  bytes: Uint8Array;
  timeoutMs: number;
  heapMb: number;
  resolve(outcome: ParseOutcome): void;
}

const TOO_HEAVY =
  'Reading this file took more time or memory than a sheet of 1,000 rows ever needs, so Shipdesk stopped. Copy your rows into the Shipdesk template and upload that.';
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

function finish(job: Job, outcome: ParseOutcome): void {
  if (running?.job !== job) return;
  clearTimeout(running.timer);
  running = null;
  job.resolve(outcome);
  pump();
}

function failRunning(outcome: ParseOutcome): void {
  // The worker is in an unknown state: replace it before the next file.
  stopWorker();
  if (running) finish(running.job, outcome);
}

function startWorker(heapMb: number): Worker {
  const thread = new Worker(importWorkerFile(), {
    resourceLimits: { maxOldGenerationSizeMb: heapMb },
    // Keep the CLI's stdout for its one JSON object.
    stdout: true,
  });
  thread.on('message', (message: unknown) => {
    const answer = parseWorkerAnswer(message);
    if (running && answer && answer.id === running.job.id) finish(running.job, answer.outcome);
  });
  thread.on('error', (err: Error & { code?: string }) => {
    failRunning(
      err.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? refuse('FILE_UNSAFE', TOO_HEAVY, { reason: 'memory' })
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
    job.resolve(
      refuse('INTERNAL', 'Shipdesk could not start its file reader; nothing was saved.', {
        detail: err instanceof Error ? err.message : String(err),
      }),
    );
    return pump();
  }
  worker.thread.ref();
  const timer = setTimeout(
    () => failRunning(refuse('FILE_UNSAFE', TOO_HEAVY, { reason: 'time', limitMs: job.timeoutMs })),
    job.timeoutMs,
  );
  running = { job, timer };
  worker.thread.postMessage({ id: job.id, bytes: job.bytes });
}

/** Preflight and parse one file in the worker; always resolves, with rows or a refusal. */
export function parseInWorker(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParseOutcome> {
  return new Promise((resolve) => {
    queue.push({
      id: nextId++,
      bytes,
      timeoutMs: options.timeoutMs ?? IMPORT_LIMITS.parseTimeoutMs,
      heapMb: options.heapMb ?? IMPORT_LIMITS.workerHeapMb,
      resolve,
    });
    pump();
  });
}

/** Stops the reader now (tests, shutdown); a later file starts a new one. */
export function stopParseWorker(): void {
  stopWorker();
}
