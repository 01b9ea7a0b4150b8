// package.json's engines accept the Node versions the dependencies want: 20.19+ and the LTS lines,
// so `npm ci` on a current LTS prints no EBADENGINE warning. Checked against every locked package.
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');
const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(repo, file), 'utf8'));

function field(value: unknown, ...keys: string[]): unknown {
  let at = value;
  for (const key of keys) at = typeof at === 'object' && at !== null ? Reflect.get(at, key) : undefined;
  return at;
}

const ours = String(field(read('package.json'), 'engines', 'node'));
const locked = Object.entries((field(read('package-lock.json'), 'packages') ?? {}) as Record<string, unknown>)
  .filter(([where]) => where !== '')
  .map(([where, info]) => ({
    name: `${where.replace(/^.*node_modules\//, '')}@${String(field(info, 'version'))}`,
    node: field(info, 'engines', 'node'),
    dev: field(info, 'dev') === true,
  }))
  .filter((p): p is { name: string; node: string; dev: boolean } => typeof p.node === 'string');

/** The packages that would warn on this Node version. */
const refusing = (version: string) => locked.filter((p) => !semver.satisfies(version, p.node));

describe('engines', () => {
  it('accepts Node 20.19+ and the LTS lines 22 and 24, and nothing the SQLite driver cannot build for', () => {
    for (const v of ['20.19.0', '20.20.2', '22.13.0', '22.20.0', '24.0.0', '24.11.1', '26.0.0']) {
      expect(semver.satisfies(v, ours), v).toBe(true);
    }
    for (const v of ['18.20.0', '20.18.0', '21.7.0', '22.12.0', '23.11.0', '27.0.0']) {
      expect(semver.satisfies(v, ours), v).toBe(false);
    }
  });

  it('on each LTS line it accepts, no locked package asks for another Node', () => {
    for (const v of ['22.13.0', '24.0.0'])
      expect(
        refusing(v).map((p) => p.name),
        v,
      ).toEqual([]);
  });

  it('on Node 20 only build and test tools ask for more (Electron 45 wants 22.12); the product runs', () => {
    const on20 = refusing('20.19.0');
    expect(on20.filter((p) => !p.dev).map((p) => p.name)).toEqual([]);
  });
});
