// `npm run bench [-- --sizes 100000,1000000] [--runs 40] [--only orders,...] [--json FILE]`: prints a table, writes JSON.
import fs from 'node:fs';
import path from 'node:path';
import { benchBackup } from './backupBench';
import { benchCore, demoDatabase } from './coreBench';
import { benchHub } from './hubBench';
import { benchImports } from './importBench';
import { benchOrders } from './ordersBench';
import { benchScreen } from './screenBench';
import { benchSync } from './syncBench';
import { printTable, type BenchResult } from './stats';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** A section that fails (e.g. the browser timed out on a busy machine) is a row saying so; the rest still run. */
async function section(name: string, size: number, run: () => Promise<BenchResult[]>): Promise<BenchResult[]> {
  try {
    return await run();
  } catch (err) {
    console.error(`  ${name} figures failed:`, err);
    process.exitCode = 1;
    const error = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return [{ name: `${name} figures: FAILED (${error})`, size, p50_ms: NaN, p95_ms: NaN }];
  }
}

function wanted(only: string[] | undefined, suite: string): boolean {
  return !only || only.includes(suite);
}

async function main(): Promise<void> {
  const sizes = (arg('sizes') ?? '100000,1000000').split(',').map((s) => Number(s.replace(/_/g, '')));
  const runs = Number(arg('runs') ?? 40);
  const dir = path.resolve(arg('data') ?? '.tmp/bench');
  // --only pool,core,orders,imports,sync,backup,screen: just those suites (all by default).
  const only = arg('only')?.split(',');
  fs.mkdirSync(dir, { recursive: true });
  const results: BenchResult[] = [];
  // Many stations, one pool: needs PostgreSQL (Debian's postgresql) and the built CLI (npm run build).
  if (wanted(only, 'pool')) {
    console.log('pool (PostgreSQL hub):');
    results.push(...(await section('pool', 0, () => benchHub())));
  }
  const perSize = ['core', 'orders', 'imports', 'sync', 'backup', 'screen'];
  for (const size of only && !only.some((suite) => perSize.includes(suite)) ? [] : sizes) {
    console.log(`size ${size.toLocaleString('en-US')}:`);
    const db = demoDatabase(dir, size);
    if (wanted(only, 'core')) results.push(...(await section('core', size, () => benchCore(db, size, runs))));
    // The order sheet and the grid export at the first size (the issue names 100,000 rows).
    if (size === sizes[0] && wanted(only, 'orders'))
      results.push(...(await section('orders', size, () => benchOrders(db, size, runs))));
    // The import, sync, backup and screen figures (and their main-thread stalls) at the largest size.
    if (size === sizes[sizes.length - 1]) {
      if (wanted(only, 'imports'))
        results.push(...(await section('imports', size, () => benchImports(db, size, runs))));
      if (wanted(only, 'sync')) results.push(...(await section('sync', size, () => benchSync(db, size, runs))));
      if (wanted(only, 'backup')) results.push(...(await section('backup', size, () => benchBackup(db, size))));
      if (!process.argv.includes('--no-screen') && wanted(only, 'screen'))
        results.push(...(await section('screen', size, () => benchScreen(db, size, runs))));
    }
  }
  console.log('');
  printTable(results);
  const jsonFile = path.resolve(arg('json') ?? 'bench-results/latest.json');
  fs.mkdirSync(path.dirname(jsonFile), { recursive: true });
  fs.writeFileSync(jsonFile, JSON.stringify(results, null, 2) + '\n');
  console.log(`\nJSON: ${jsonFile}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
