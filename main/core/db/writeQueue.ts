// Writes on the main thread take their turn behind a write running in the database worker (an
// import commit), without blocking: a synchronous SQLite call that met the worker's write lock would
// wait inside SQLite (busy_timeout), and the whole process (every window, every client) with it.
// Reads never queue: WAL lets them read the last commit while the worker writes.

export class WriteQueue {
  private tail: Promise<void> = Promise.resolve();
  private queued = 0;

  /** A write is running or waiting its turn. */
  get busy(): boolean {
    return this.queued > 0;
  }

  /** Runs `work` once every write queued before it has finished. A synchronous transaction runs whole. */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    this.queued++;
    const result = this.tail.then(work);
    const done = () => {
      this.queued--;
    };
    this.tail = result.then(done, done);
    return result;
  }

  /**
   * For synchronous callers: runs `work` now when nothing is queued, else in its turn. `work` must
   * handle its own errors (nobody awaits it).
   */
  soon(work: () => void): void {
    if (!this.busy) work();
    else void this.run(work);
  }
}
