// What ships: the built bundles (dist/, made by `npm run build`, which `npm test` runs first) are read
// through their source maps. Test code never ships, and the screen carries nothing of the main process.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { META_CONTENT_SECURITY_POLICY } from '../../shared/csp';

const repo = path.resolve(__dirname, '../..');

/** The repo files a bundle was made from, relative to the repo root. */
function sourcesOf(mapFile: string): string[] {
  const map: unknown = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
  const sources = typeof map === 'object' && map !== null ? Reflect.get(map, 'sources') : null;
  if (!Array.isArray(sources)) throw new Error(`${mapFile} has no sources`);
  return sources.map((s) => path.relative(repo, path.resolve(path.dirname(mapFile), String(s))).replaceAll('\\', '/'));
}

function mapsIn(dir: string): string[] {
  const full = path.join(repo, dir);
  if (!fs.existsSync(full)) throw new Error(`${dir} is missing: run \`npm run build\` first (npm test does).`);
  return fs
    .readdirSync(full)
    .filter((f) => f.endsWith('.js.map') || f.endsWith('.cjs.map'))
    .map((f) => path.join(full, f));
}

describe('the built bundles', () => {
  it('the main-process bundles (desktop, web host, CLI, worker) hold no test code', () => {
    const maps = mapsIn('dist/main');
    expect(maps.map((m) => path.basename(m)).sort()).toEqual(
      [
        'cli.cjs.map',
        'commitWorker.cjs.map',
        'electron.cjs.map',
        'importWorker.cjs.map',
        'preload.cjs.map',
        'web.cjs.map',
      ].sort(),
    );
    for (const map of maps) {
      const own = sourcesOf(map).filter((s) => !s.startsWith('node_modules/'));
      expect(own.length, map).toBeGreaterThan(0);
      expect(
        own.filter((s) => s.startsWith('test/')),
        map,
      ).toEqual([]);
      expect(
        own.filter((s) => !/^(main|shared|package\.json$)/.test(s)),
        map,
      ).toEqual([]);
    }
    // The demo carrier ships with the web host, from the product's own folder.
    expect(sourcesOf(path.join(repo, 'dist/main/web.cjs.map'))).toContain('main/demoCarrier/server.ts');
  });

  it('the screen bundle holds only renderer and shared code', () => {
    for (const map of mapsIn('dist/renderer/assets')) {
      const own = sourcesOf(map).filter((s) => !s.startsWith('node_modules/'));
      expect(own.filter((s) => !/^(renderer|shared)\//.test(s))).toEqual([]);
    }
  });

  it('the page carries the one CSP (shared/csp.ts) in its meta tag, before any script', () => {
    const page = path.join(repo, 'dist/renderer/index.html');
    if (!fs.existsSync(page)) throw new Error('dist/renderer is missing: run `npm run build` first (npm test does).');
    const html = fs.readFileSync(page, 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g)];
    expect(metas.map((m) => m[1])).toEqual([META_CONTENT_SECURITY_POLICY]);
    // A browser ignores frame-ancestors in a meta tag and warns on every load; the header carries it.
    expect(metas[0]?.[1]).not.toContain('frame-ancestors');
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
    // The source holds no copy of the policy, only the place the build writes it.
    expect(fs.readFileSync(path.join(repo, 'renderer/index.html'), 'utf8')).not.toContain("default-src 'self'");
  });
});
