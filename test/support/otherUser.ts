// File permissions only bind accounts other than root. The suite runs as root in CI and as a normal
// account on a laptop; a probe that needs a permission to bite runs as `nobody` when we are root.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const NOBODY = 65534;
const repo = path.resolve(__dirname, '../..');

export const isRoot = (): boolean => process.getuid?.() === 0;

/** Gives a temp folder (and what is in it) to the account the probe runs as. */
export function handOver(dir: string): void {
  if (!isRoot()) return;
  for (const entry of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    fs.chownSync(path.join(dir, entry), NOBODY, NOBODY);
  fs.chownSync(dir, NOBODY, NOBODY);
}

/** Runs a TypeScript file of this repo (through tsx) as this account, or as `nobody` when root; returns its stdout as JSON. */
export function runProbe(script: string, args: string[]): unknown {
  const result = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: repo,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, HOME: '/tmp' },
    ...(isRoot() ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  if (result.status !== 0) throw new Error(`probe ${script} failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout);
}
