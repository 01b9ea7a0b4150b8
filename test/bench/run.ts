// `npm run bench [-- --sizes 100000,1000000] [--runs 40] [--json FILE]`: prints a table, writes JSON.
import fs from 'node:fs';
import path from 'node:path';
import { benchBackup } from './backupBench';
import { benchCore, demoDatabase } from './coreBench';
import { benchHub } from './hubBench';
import { benchImports } from './importBench';
import { benchScreen } from './screenBench';
import { benchSync } from './syncBench';
import { printTable, type BenchResult } from './stats';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const sizes = (arg('sizes') ?? '100000,1000000').split(',').map((s) => Number(s.replace(/_/g, '')));
  const runs = Number(arg('runs') ?? 40);
  const dir = path.resolve(arg('data') ?? '.tmp/bench');
  fs.mkdirSync(dir, { recursive: true });
  const results: BenchResult[] = [];
  // Many stations, one pool: needs PostgreSQL (Debian's postgresql) and the built CLI (npm run build).
  const hubOnly = process.argv.includes('--hub-only');
  if (hubOnly || !process.argv.includes('--no-hub')) {
    console.log('pool (PostgreSQL hub):');
    results.push(...(await benchHub()));
  }
  for (const size of hubOnly ? [] : sizes) {
    console.log(`size ${size.toLocaleString('en-US')}:`);
    const db = demoDatabase(dir, size);
    results.push(...(await benchCore(db, size, runs)));
    if (size === sizes[0]) {
      results.push(...(await benchImports(db, size, runs)));
      results.push(...(await benchSync(db, size, runs)));
    }
    if (size === sizes[sizes.length - 1]) results.push(...(await benchBackup(db, size)));
    if (size === sizes[sizes.length - 1] && !process.argv.includes('--no-screen')) {
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
