// What every service is given: the database, the clock, the settings, and the push channel.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import { WriteQueue } from '../db/writeQueue';
import type { CoreEvents } from '../push/events';

export interface ServiceContext {
  db: Db;
  /** epoch ms; injectable so tests control time. */
  clock: () => number;
  events: CoreEvents;
  /** Prepared statements cached by their SQL text: the grid builds a few shapes, over and over. */
  prepare(sql: string): Statement;
  /** Main-thread writes queue here behind a write in the database worker (see writeQueue.ts). */
  writes: WriteQueue;
  /**
   * Called whenever a change queued an operation for the pool's hub (poolLink/record.ts), inside its
   * transaction: the core wakes the hub link once it has committed (docs/HUB.md, "The station's
   * queue and the carrier").
   */
  hubOpQueued: () => void;
}

export function createServiceContext(db: Db, clock: () => number, events: CoreEvents): ServiceContext {
  const cache = new Map<string, Statement>();
  return {
    db,
    clock,
    events,
    writes: new WriteQueue(),
    hubOpQueued: () => undefined,
    prepare(sql) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = db.prepare(sql);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}
