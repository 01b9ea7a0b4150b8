// Backup figures: how long an online backup of the demo database takes, how big it is, and the
// longest the desk stopped answering meanwhile (target <= 50 ms), measured two ways: the event
// loop's worst delay, and the slowest of the grid calls a screen keeps making during the backup.
import { silentLogger } from '../../main/core/log/logger';
import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { backupNow } from '../../main/core/backup/online';
import { createCore, type Core } from '../../main/core/createCore';
import { round, summarize, type BenchResult } from './stats';

const ctx = { operator: 'bench', via: 'manual' as const };

interface Watch {
  latencies: number[];
  loopMaxMs: number;
}

/** Runs `work` while a screen keeps asking for the first page of a tab; what the screen saw. */
async function watchScreen<T>(core: Core, work: () => Promise<T>): Promise<Watch & { value: T }> {
  const latencies: number[] = [];
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let running = true;
  const screen = (async () => {
    for (let i = 0; running; i++) {
      const t0 = performance.now();
      const env = await core.dispatch(
        'shipments.list',
        { tab: i % 2 ? 'preparing' : 'delivered', region: 'domestic', limit: 50 },
        ctx,
      );
      latencies.push(performance.now() - t0);
      if (!env.ok) throw new Error(env.error.message);
      await new Promise((r) => setTimeout(r, 2));
    }
  })();
  delay.enable();
  try {
    const value = await work();
    return { value, latencies, loopMaxMs: delay.max / 1e6 };
  } finally {
    delay.disable();
    running = false;
    await screen;
  }
}

const longest = (w: Watch) => Math.max(w.loopMaxMs, ...w.latencies);

export async function benchBackup(dbFile: string, size: number): Promise<BenchResult[]> {
  // The backup only reads the database; its copies go to a folder of their own.
  const dir = path.join(path.dirname(dbFile), `backup-bench-${size}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  const core = createCore({ dbPath: dbFile, autoRelease: false, log: silentLogger });
  try {
    // The same screen with no backup running: this machine's own noise, to read the figure against.
    const quiet = await watchScreen(core, () => new Promise((r) => setTimeout(r, 10_000)));
    const started = performance.now();
    const busy = await watchScreen(core, () =>
      backupNow(core.db, path.join(dir, 'shipdesk.db'), {
        at: Date.parse('2026-11-26T00:00:00Z'),
        reason: 'daily',
        keep: 1,
        check: true, // as the daily backup does: SQLite's quick check reads the copy
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const result = busy.value;
    const { p50, p95 } = summarize(busy.latencies);
    console.log(
      `  backup of ${size.toLocaleString('en-US')} shipments: ${seconds.toFixed(1)} s, ` +
        `${(result.bytes / 1024 / 1024).toFixed(0)} MiB (copied on a ${result.how === 'worker' ? 'worker thread' : 'main thread in steps'}, ` +
        `checked: ${result.problems.length === 0 ? 'sound' : 'PROBLEMS'}); longest stop ${longest(busy).toFixed(1)} ms ` +
        `(event loop ${busy.loopMaxMs.toFixed(1)} ms, slowest grid call ${Math.max(...busy.latencies).toFixed(1)} ms); ` +
        `with no backup running: ${longest(quiet).toFixed(1)} ms`,
    );
    return [
      {
        name: 'daily backup (copy + quick check on a worker), grid calls during it',
        size,
        p50_ms: round(p50),
        p95_ms: round(p95),
        backup_seconds: round(seconds),
        backup_bytes: result.bytes,
        copied_on: result.how,
        copy_sound: result.problems.length === 0,
        grid_calls: busy.latencies.length,
        longest_event_loop_delay_ms: round(busy.loopMaxMs),
        longest_stop_ms: round(longest(busy)),
        longest_stop_without_backup_ms: round(longest(quiet)),
        target: 'longest stop <= 50 ms',
      },
    ];
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
