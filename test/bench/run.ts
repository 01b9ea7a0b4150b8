// `npm run bench [-- --sizes 100000,1000000] [--runs 40] [--only orders,...] [--json FILE]`: prints a table, writes JSON.
import fs from 'node:fs';
import path from 'node:path';
import { benchCore, demoDatabase } from './coreBench';
import { benchImports } from './importBench';
import { benchOrders } from './ordersBench';
import { benchScreen } from './screenBench';
import { benchSync } from './syncBench';
import { printTable, type BenchResult } from './stats';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function wanted(only: string[] | undefined, suite: string): boolean {
  return !only || only.includes(suite);
}

async function main(): Promise<void> {
  const sizes = (arg('sizes') ?? '100000,1000000').split(',').map((s) => Number(s.replace(/_/g, '')));
  const runs = Number(arg('runs') ?? 40);
  const dir = path.resolve(arg('data') ?? '.tmp/bench');
  // --only core,imports,sync,orders,screen: just those suites (all by default).
  const only = arg('only')?.split(',');
  fs.mkdirSync(dir, { recursive: true });
  const results: BenchResult[] = [];
  for (const size of sizes) {
    console.log(`size ${size.toLocaleString('en-US')}:`);
    const db = demoDatabase(dir, size);
    if (wanted(only, 'core')) results.push(...(await benchCore(db, size, runs)));
    if (size === sizes[0]) {
      if (wanted(only, 'imports')) results.push(...(await benchImports(db, size, runs)));
      if (wanted(only, 'sync')) results.push(...(await benchSync(db, size, runs)));
      if (wanted(only, 'orders')) results.push(...(await benchOrders(db, size, runs)));
    }
    if (size === sizes[sizes.length - 1] && !process.argv.includes('--no-screen') && wanted(only, 'screen')) {
      results.push(...(await benchScreen(db, size, runs)));
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
