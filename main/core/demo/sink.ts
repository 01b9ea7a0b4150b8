// A second core for the bulk load. SQLite takes one writer per file, so some tables are written by
// a worker thread into a scratch file with the same table and index definitions, while this thread
// writes the others; the scratch tables are then copied in by INSERT … SELECT *, which SQLite runs
// as a page-level transfer of whole records and index entries (the "xfer" optimisation).
// The worker is a small generic script (rows in, statements run), so it needs no build step.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { receiveMessageOnPort, MessageChannel, Worker } from 'node:worker_threads';

/** Statement index (or -1: prepare the SQL that follows), value count, values… repeated. */
type Batch = unknown[];

const BATCH = 24_000;
/** Batches in flight before this thread waits: bounds the memory the queue can take. */
const MAX_IN_FLIGHT = 48;
// Shared counters: batches the worker has written, and its state (0 running, 1 committed, 2 failed).
const DONE = 0;
const STATE = 1;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const state = new Int32Array(workerData.shared);
const fail = (err) => {
  workerData.port.postMessage(String((err && err.stack) || err));
  Atomics.store(state, ${STATE}, 2);
  Atomics.notify(state, ${DONE});
};
process.on('uncaughtException', fail);
try {
  const Database = require(workerData.driver);
  const db = new Database(workerData.file);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -2097152');
  db.pragma('foreign_keys = OFF');
  db.pragma('ignore_check_constraints = ON');
  for (const sql of workerData.tables) db.exec(sql);
  const statements = [];
  db.exec('BEGIN');
  parentPort.on('message', (batch) => {
    try {
      if (batch === null) {
        // Indexes by one sort each, not row by row (they are copied along with the rows).
        for (const sql of workerData.indexes) db.exec(sql);
        db.exec('COMMIT');
        db.close();
        Atomics.store(state, ${STATE}, 1);
        Atomics.notify(state, ${DONE});
        return;
      }
      for (let i = 0; i < batch.length; ) {
        const n = batch[i + 1];
        if (batch[i] < 0) statements.push(db.prepare(batch[i + 2]));
        else statements[batch[i]].run(batch.slice(i + 2, i + 2 + n));
        i += 2 + n;
      }
      Atomics.add(state, ${DONE}, 1);
      Atomics.notify(state, ${DONE});
    } catch (err) {
      fail(err);
    }
  });
} catch (err) {
  fail(err);
}
`;

export interface SinkSetup {
  /** The scratch database file (created; deleted by dispose). */
  file: string;
  /** CREATE TABLE statements, as in the target database. */
  tables: readonly string[];
  /** CREATE INDEX statements, run after the rows. */
  indexes: readonly string[];
}

export class WorkerSink {
  private readonly worker: Worker;
  private readonly state: Int32Array;
  private readonly errors: MessageChannel;
  private batch: Batch = [];
  private posted = 0;
  private statements = 0;

  private constructor(
    private readonly setup: SinkSetup,
    driver: string,
  ) {
    this.state = new Int32Array(new SharedArrayBuffer(8));
    this.errors = new MessageChannel();
    const { file, tables, indexes } = setup;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { shared: this.state.buffer, port: this.errors.port2, driver, file, tables, indexes },
      transferList: [this.errors.port2],
    });
  }

  /** A sink, or null when no worker can write here (the caller then writes everything itself). */
  static start(setup: SinkSetup): WorkerSink | null {
    let driver: string;
    try {
      driver = createRequire(__filename).resolve('better-sqlite3');
    } catch {
      return null;
    }
    return new WorkerSink(setup, driver);
  }

  /** Registers an INSERT statement; rows name it by the returned number. */
  statement(sql: string): number {
    this.batch.push(-1, 1, sql);
    return this.statements++;
  }

  /** Queues one row for statement `statement`. */
  row(statement: number, values: readonly unknown[]): void {
    const b = this.batch;
    b.push(statement, values.length);
    for (let i = 0; i < values.length; i++) b.push(values[i]);
    if (b.length >= BATCH) this.flush();
  }

  private flush(): void {
    if (this.batch.length === 0) return;
    this.check();
    // Back-pressure: the worker writes slower than this thread generates.
    while (this.posted - Atomics.load(this.state, DONE) >= MAX_IN_FLIGHT && Atomics.load(this.state, STATE) === 0) {
      Atomics.wait(this.state, DONE, Atomics.load(this.state, DONE), 1000);
    }
    this.worker.postMessage(this.batch);
    this.posted++;
    this.batch = [];
  }

  private check(): void {
    if (Atomics.load(this.state, STATE) !== 2) return;
    const message = receiveMessageOnPort(this.errors.port1)?.message;
    throw new Error(`The demo load worker failed: ${String(message ?? 'unknown error')}`);
  }

  /** Sends the last rows; the worker then builds its indexes and commits while this thread goes on. */
  end(): void {
    this.flush();
    this.worker.postMessage(null);
  }

  /** Blocks until the worker has committed (after end). */
  wait(): void {
    while (Atomics.load(this.state, STATE) === 0) Atomics.wait(this.state, DONE, Atomics.load(this.state, DONE), 1000);
    this.check();
  }

  dispose(): void {
    void this.worker.terminate();
    this.errors.port1.close();
    for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(this.setup.file + suffix, { force: true });
  }
}
