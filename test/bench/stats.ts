// Timing helpers for `npm run bench`: medians and 95th percentiles, never assertions.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export interface BenchResult {
  name: string;
  size: number;
  p50_ms: number;
  p95_ms: number;
  floor_p50_ms?: number;
  /** The longest main-thread stall seen (event-loop delay), for the stall figures. */
  max_ms?: number;
  /** Anything else worth keeping beside the timing (target, ratio, notes). */
  [extra: string]: unknown;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarize(samples: number[]): { p50: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

/** Runs fn `warmup` times unmeasured, then `runs` times measured (ms each). */
export async function measure(fn: (i: number) => unknown, runs = 30, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return samples;
}

export const round = (n: number) => Math.round(n * 1000) / 1000;

/**
 * The longest the main thread was unable to run a timer while `work` ran (perf_hooks event-loop
 * delay, 1 ms resolution): what every window and every web client would have waited.
 */
export async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  try {
    // The histogram records a delay only from its second tick on: a stall that began before the first
    // tick (work that blocks at once, like a commit on the main thread) went unrecorded.
    await sleep(5);
    const value = await work();
    // A stall at the very end is recorded when the next timer runs late: give it the chance.
    await sleep(20);
    return { value, stallMs: round(delay.max / 1e6) };
  } finally {
    delay.disable();
  }
}

export function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => ({
    name: r.name,
    size: r.size.toLocaleString('en-US'),
    p50: r.p50_ms.toFixed(3),
    p95: r.p95_ms.toFixed(3),
    max: r.max_ms === undefined ? '' : r.max_ms.toFixed(1),
    floor: r.floor_p50_ms === undefined ? '' : r.floor_p50_ms.toFixed(3),
    ratio: r.floor_p50_ms ? (r.p50_ms / r.floor_p50_ms).toFixed(2) + 'x' : '',
    target: typeof r.target === 'string' ? r.target : '',
  }));
  const cols = ['name', 'size', 'p50', 'p95', 'max', 'floor', 'ratio', 'target'] as const;
  const header = ['name', 'size', 'p50 ms', 'p95 ms', 'max ms', 'floor p50 ms', 'ratio', 'target'];
  const width = cols.map((c, i) => Math.max(header[i]!.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 || i === 7 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join('  ');
  console.log(line(header));
  console.log(width.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(cols.map((c) => r[c])));
}
