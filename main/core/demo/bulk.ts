// One bulk load into the shipping desk's database, fast and all-or-nothing: a single transaction
// with the triggers and secondary indexes off, their tables and indexes rebuilt once at the end, and some tables
// written by a second thread (sink.ts). Durability settings are relaxed only while the load runs.
import { z } from 'zod';
import { rowReader } from '../db/rows';
import fs from 'node:fs';
import path from 'node:path';
import { DERIVED_TABLES, REBUILD_COUNTERS, REBUILD_SEARCH_KEYS, suspendTriggers } from '../db/derived';
import type { Db } from '../db/open';
import { WorkerSink } from './sink';
import type { Prepare } from './statements';

/** Pages stay in memory until commit instead of spilling mid-load (allocated as used). */
const LOAD_CACHE_KIB = 2_097_152;
const SCRATCH = 'demo_load';

export interface BulkOptions {
  /** 'rebuild' (default): REBUILD_COUNTERS after the load. 'loaded': the load wrote the counter tables. */
  counters?: 'rebuild' | 'loaded';
  /** Tables a worker thread writes (into a scratch file, copied in at the end). Empty: this thread writes all. */
  offload?: readonly string[];
}

/** Moves a WAL database to a rollback journal for the load; returns how to move it back. */
function leaveWal(db: Db): () => void {
  if (db.memory || String(db.pragma('journal_mode', { simple: true })) !== 'wal') return () => {};
  // In WAL mode every page is written twice (log, then checkpoint). With a rollback journal the new
  // pages of an empty database go straight to the file and the journal holds only the few old ones,
  // so a crash still leaves the file as it was. Leaving WAL needs the only connection; else stay.
  try {
    if (String(db.pragma('journal_mode = DELETE', { simple: true })) !== 'delete') return () => {};
  } catch {
    return () => {};
  }
  return () => {
    db.pragma('journal_mode = WAL');
  };
}

const schemaEntry = rowReader('schema entry', z.object({ name: z.string(), sql: z.string() }));

const schemaOf = (db: Db, type: 'table' | 'index', tables: readonly string[]) =>
  schemaEntry.all(
    db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?))`,
      )
      .all(type, JSON.stringify(tables)),
  );

/** Starts the worker for `offload`, its scratch file attached here, or returns null. */
function startSink(db: Db, offload: readonly string[]): WorkerSink | null {
  if (offload.length === 0 || db.memory || db.name === '') return null;
  const file = `${path.resolve(db.name)}.demo-load`;
  for (const suffix of ['', '-journal']) fs.rmSync(file + suffix, { force: true }); // a crashed run's leftovers
  const sink = WorkerSink.start({
    file,
    tables: schemaOf(db, 'table', offload).map((t) => t.sql),
    indexes: schemaOf(db, 'index', offload).map((i) => i.sql),
  });
  if (sink) db.prepare(`ATTACH DATABASE ? AS ${SCRATCH}`).run(file);
  return sink;
}

export interface BulkContext {
  prepare: Prepare;
  /** The load has written its last row to the offloaded tables (the worker may finish up). */
  offloadDone(): void;
}

const pragmaNumber = rowReader('numeric pragma', z.number());

/**
 * Runs `load` in one transaction over the listed tables. `load` must write rows that satisfy the
 * schema's CHECK and foreign-key constraints: both are off during the load (CHECK IN-lists cost a
 * third of a wide insert), and the demo test re-checks them on the result.
 */
export function bulkLoad<T>(
  db: Db,
  tables: readonly string[],
  load: (context: BulkContext) => T,
  options: BulkOptions = {},
): { result: T; threads: 1 | 2 } {
  const synchronous = pragmaNumber.single(db.pragma('synchronous', { simple: true }));
  const cacheSize = pragmaNumber.single(db.pragma('cache_size', { simple: true }));
  const foreignKeys = pragmaNumber.single(db.pragma('foreign_keys', { simple: true }));
  const threads = pragmaNumber.single(db.pragma('threads', { simple: true }));
  const backToWal = leaveWal(db);
  db.pragma('synchronous = OFF');
  db.pragma(`cache_size = -${LOAD_CACHE_KIB}`);
  db.pragma('foreign_keys = OFF');
  db.pragma('ignore_check_constraints = ON');
  db.pragma('threads = 2'); // the index sorts may use the second core
  let sink: WorkerSink | null = null;
  try {
    sink = startSink(db, options.offload ?? []);
    const offloaded = new Set(sink ? options.offload : []);
    let ended = false;
    const offloadDone = () => {
      if (sink && !ended) sink.end();
      ended = true;
    };
    const prepare: Prepare = (table, sql) => {
      if (sink && offloaded.has(table)) {
        const id = sink.statement(sql);
        const s = sink;
        return { run: (values) => s.row(id, values) };
      }
      const statement = db.prepare(sql);
      return { run: (values) => statement.run(values) };
    };
    const transaction = db.transaction(() => {
      const restoreTriggers = suspendTriggers(db, [...tables, ...DERIVED_TABLES]);
      // Secondary indexes are built once after the load (a sort) instead of row by row. The worker's
      // tables keep theirs: the copy below takes the worker's index entries along.
      const indexes = schemaOf(
        db,
        'index',
        tables.filter((t) => !offloaded.has(t)),
      );
      for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
      const result = load({ prepare, offloadDone });
      offloadDone();
      // Counters before the indexes: without the grid index the planner scans the table instead of walking it.
      if (options.counters !== 'loaded') db.exec(REBUILD_COUNTERS);
      // This thread builds its indexes while the worker builds its own.
      for (const i of indexes) db.exec(i.sql);
      if (sink) {
        sink.wait();
        for (const t of offloaded) db.exec(`INSERT INTO main."${t}" SELECT * FROM ${SCRATCH}."${t}"`);
      }
      // Once every table is in: the search keys need shipments, orders and their items together.
      db.exec(REBUILD_SEARCH_KEYS);
      restoreTriggers();
      return result;
    });
    // Deferred when a worker writes: BEGIN IMMEDIATE would also lock the attached scratch file.
    return sink ? { result: transaction.deferred(), threads: 2 } : { result: transaction.immediate(), threads: 1 };
  } finally {
    if (sink) {
      try {
        db.exec(`DETACH DATABASE ${SCRATCH}`);
      } catch {
        // Still attached after a failure mid-statement: closing the connection lets it go.
      }
      sink.dispose();
    }
    db.pragma('ignore_check_constraints = OFF');
    db.pragma(`threads = ${threads}`);
    db.pragma(`foreign_keys = ${foreignKeys}`);
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`synchronous = ${synchronous}`);
    backToWal();
  }
}
