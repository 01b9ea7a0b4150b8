// What every service is given: the database, the clock, the settings, and the push channel.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import { WriteQueue } from '../db/writeQueue';
import type { CoreEvents } from '../push/events';
import type { ChangeListener, RecordedChange } from './changeRecorded';

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
  /**
   * "Change recorded" (changeRecorded.ts): a service calls it inside the transaction of a change the
   * pool must hear of; every listener runs there and then, and one that throws undoes the change.
   */
  changeRecorded(change: RecordedChange): void;
  /** The pool link subscribes here (poolLink/record.ts createStationContext); a change with no listener throws. */
  onChangeRecorded(listener: ChangeListener): void;
}

export function createServiceContext(db: Db, clock: () => number, events: CoreEvents): ServiceContext {
  const cache = new Map<string, Statement>();
  const changeListeners: ChangeListener[] = [];
  return {
    db,
    clock,
    events,
    writes: new WriteQueue(),
    hubOpQueued: () => undefined,
    changeRecorded(change) {
      // A change no one hears would leave a member station's hub operation unwritten, silently.
      if (changeListeners.length === 0)
        throw new Error(
          'A change was recorded on a context the pool link does not hear: build it with createStationContext.',
        );
      for (const listener of changeListeners) listener(change);
    },
    onChangeRecorded(listener) {
      changeListeners.push(listener);
    },
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
