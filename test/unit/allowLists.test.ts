// The allow-lists (.dependency-cruiser.allowed.cjs, docs/ARCHITECTURE.md "Layers") say what each folder
// imports today, not what it once did: an entry no file of the folder uses would quietly widen the
// folder's layer. dependency-cruiser reads the real tree (as `npm run lint` does) and every entry of
// every list must be used by at least one import.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');
const depcruise = path.join(repo, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Allowed {
  folders?: string[];
  packages?: string[];
  node?: string[];
  files?: string[];
}
const ALLOWED = createRequire(__filename)(path.join(repo, '.dependency-cruiser.allowed.cjs')) as Record<
  string,
  Allowed
>;

interface Cruised {
  modules: { source: string; dependencies: { resolved: string; module: string; coreModule: boolean }[] }[];
}

/** What each folder's files import, as allow-list entries would name it. */
function usedByFolder(): Map<string, Set<string>> {
  const run = spawnSync(
    process.execPath,
    [depcruise, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'main', 'renderer', 'shared'],
    { cwd: repo, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  expect(run.status, run.stderr).toBe(0);
  const cruised = JSON.parse(run.stdout) as Cruised;
  const used = new Map<string, Set<string>>();
  for (const m of cruised.modules) {
    if (!/^(main|renderer|shared)\//.test(m.source)) continue;
    const folder = path.posix.dirname(m.source);
    const set = used.get(folder) ?? new Set<string>();
    used.set(folder, set);
    for (const d of m.dependencies) {
      if (d.coreModule) set.add(`node:${d.module.replace(/^node:/, '')}`);
      else if (d.resolved.startsWith('node_modules/')) {
        const parts = d.resolved.replace(/^node_modules\/(@types\/)?/, '').split('/');
        set.add(parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!);
      } else {
        set.add(path.posix.dirname(d.resolved));
        set.add(d.resolved);
      }
    }
  }
  return used;
}

describe('the allow-lists', () => {
  it('name only what the folder imports today', () => {
    const used = usedByFolder();
    const unused: string[] = [];
    for (const [folder, allowed] of Object.entries(ALLOWED)) {
      const imports = used.get(folder) ?? new Set<string>();
      const entries = [
        ...(allowed.folders ?? []),
        ...(allowed.packages ?? []),
        ...(allowed.node ?? []).map((n) => `node:${n}`),
        ...(allowed.files ?? []),
      ];
      for (const entry of entries) if (!imports.has(entry)) unused.push(`${folder} → ${entry}`);
    }
    expect(unused).toEqual([]);
  });
});
