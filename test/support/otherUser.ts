// File permissions only bind accounts other than root. The suite runs as root in CI and as a normal
// account on a laptop; a probe that needs a permission to bite runs as `nobody` when we are root.
// `nobody` may not read the checkout (a clone in a private folder, as in a container), so the probe
// runs from its own temp folder: one bundled script plus the native SQLite module it loads.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';

export const NOBODY = 65534;

export const isRoot = (): boolean => process.getuid?.() === 0;

/** Gives a temp folder (and what is in it) to the account the probe runs as. */
export function handOver(dir: string): void {
  if (!isRoot()) return;
  for (const entry of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }))
    fs.chownSync(path.join(dir, entry), NOBODY, NOBODY);
  fs.chownSync(dir, NOBODY, NOBODY);
}

/** Copies the parts of an installed package a plain `require` needs (never its sources or build objects). */
function copyPackage(name: string, from: string, into: string, parts: string[]): string {
  const source = path.dirname(createRequire(path.join(from, 'index.js')).resolve(`${name}/package.json`));
  const target = path.join(into, 'node_modules', name);
  for (const part of ['package.json', ...parts])
    fs.cpSync(path.join(source, part), path.join(target, part), { recursive: true });
  return source;
}

/**
 * Bundles a TypeScript file of this repo with esbuild into a temp folder anyone can read, beside
 * better-sqlite3 (external: native) and what it requires; returns the folder and the script.
 */
function bundleProbe(script: string): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipdesk-probe-'));
  fs.chmodSync(dir, 0o755);
  const file = path.join(dir, 'probe.cjs');
  buildSync({
    entryPoints: [path.resolve(__dirname, '../..', script)],
    outfile: file,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'silent',
  });
  const sqlite = copyPackage('better-sqlite3', __dirname, dir, ['lib', 'build/Release/better_sqlite3.node']);
  const bindings = copyPackage('bindings', sqlite, dir, ['bindings.js']);
  copyPackage('file-uri-to-path', bindings, dir, ['index.js']);
  return { dir, file };
}

/** Runs a TypeScript file of this repo as this account, or as `nobody` when root; returns its stdout as JSON. */
export function runProbe(script: string, args: string[]): unknown {
  const probe = bundleProbe(script);
  try {
    const result = spawnSync(process.execPath, [probe.file, ...args], {
      cwd: probe.dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, HOME: probe.dir },
      ...(isRoot() ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    if (result.status !== 0) throw new Error(`probe ${script} failed (${result.status}): ${result.stderr}`);
    return JSON.parse(result.stdout);
  } finally {
    fs.rmSync(probe.dir, { recursive: true, force: true });
  }
}
