// Packages the built app offline with a stub Electron (enough to check electron-builder.yml's
// files / asar / asarUnpack / fuses settings) and checks the native-rebuild hook's guards.
// Needs `npm run build` first; the Electron binary itself is never downloaded.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Asar from '@electron/asar';

const REPO = path.resolve(__dirname, '../..');
const requireFromRepo = createRequire(path.join(REPO, 'package.json'));
const BUILDER_CLI = path.join(REPO, 'node_modules', 'electron-builder', 'cli.js');
const HAS_BUILDER = fs.existsSync(BUILDER_CLI);
const NODE_BUILD = path.join(REPO, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const SKIP_ENV = 'SHIPDESK_SKIP_NATIVE_REBUILD';

if (!HAS_BUILDER) {
  console.warn('packaging test skipped: node_modules/electron-builder is not installed (npm install first)');
}

// @electron/fuses' marker and wire layout: sentinel, wire version (1), fuse count, one byte per fuse.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const ON = 0x31;
const OFF = 0x30;
// Electron's shipped defaults, in @electron/fuses' FuseV1Options order.
const STOCK_FUSES = [ON, OFF, ON, ON, OFF, OFF, OFF, ON];

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

function makeTemp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipdesk-pack-'));
  temps.push(dir);
  return dir;
}

/** An unpacked "Electron" for the linux dir target: one executable named `electron` with a fuse wire. */
function stubElectronDist(root: string): string {
  const dist = path.join(root, 'electron-dist');
  fs.mkdirSync(dist);
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, STOCK_FUSES.length, ...STOCK_FUSES])]);
  fs.writeFileSync(path.join(dist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho stub electron\n#'), wire]));
  fs.chmodSync(path.join(dist, 'electron'), 0o755);
  return dist;
}

function fusesOf(executable: string): number[] {
  const bytes = fs.readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL);
  expect(at, `no fuse wire in ${executable}`).toBeGreaterThanOrEqual(0);
  const start = at + FUSE_SENTINEL.length;
  return [...bytes.subarray(start + 2, start + 2 + (bytes[start + 1] ?? 0))];
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * The environment of a real `npm run dist`. Under VITEST electron-builder hides its log and
 * hard-links (then chmods) files into the package instead of copying them.
 */
function packagingEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV'),
  );
}

/** Names, sizes and times of everything under dist/, to notice a rebuild during packaging. */
function distFingerprint(): string {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      try {
        if (entry.isDirectory()) return walk(full);
        const stat = fs.statSync(full);
        return [`${full}:${stat.size}:${stat.mtimeMs}`];
      } catch {
        return [`${full}:gone`]; // deleted mid-walk by a build
      }
    });
  return walk(path.join(REPO, 'dist')).sort().join('\n');
}

/**
 * Runs `electron-builder --linux dir` into a temp folder. If dist/ changed meanwhile (a build in
 * another terminal), the archive may mix two builds, so it packages again, at most three times.
 */
async function packageApp(): Promise<{ output: string; seconds: number }> {
  // What `npm run dist` does before electron-builder: the icon set from build/icon.svg.
  const icons = await run([path.join(REPO, 'scripts', 'icons.mjs')], packagingEnv());
  expect(icons.code, icons.output).toBe(0);
  for (let attempt = 1; ; attempt += 1) {
    const root = makeTemp();
    const output = path.join(root, 'release');
    const before = distFingerprint();
    const started = Date.now();
    const result = await run(
      [
        BUILDER_CLI,
        '--linux',
        'dir',
        '-c.npmRebuild=false',
        `-c.electronDist=${stubElectronDist(root)}`,
        `-c.directories.output=${output}`,
      ],
      { ...packagingEnv(), [SKIP_ENV]: '1', CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
    );
    const seconds = (Date.now() - started) / 1000;
    if (distFingerprint() !== before && attempt < 3) continue;
    // electron-builder's "duplicate dependency references" line runs to kilobytes; keep the rest.
    const log = result.output
      .split('\n')
      .filter((line) => !line.includes('duplicate dependency'))
      .join('\n');
    expect(result.code, log.slice(-4000)).toBe(0);
    return { output, seconds };
  }
}

describe('electron-builder package (offline, stub Electron)', () => {
  it.skipIf(!HAS_BUILDER)(
    'holds the built app in app.asar, better-sqlite3 unpacked, no dev tools, hardened fuses',
    async () => {
      const needed = ['dist/main/electron.cjs', 'dist/main/preload.cjs', 'dist/renderer/index.html'];
      const missing = needed.filter((file) => !fs.existsSync(path.join(REPO, file)));
      expect(missing, `missing ${missing.join(', ')}: run \`npm run build\` before this test`).toEqual([]);

      const { output, seconds } = await packageApp();
      console.info(`electron-builder --linux dir took ${seconds.toFixed(1)} s`);

      const unpackedApp = path.join(output, 'linux-unpacked');
      const archive = path.join(unpackedApp, 'resources', 'app.asar');
      expect(fs.existsSync(archive), `no app.asar in ${unpackedApp}`).toBe(true);
      const asar = requireFromRepo('@electron/asar') as typeof Asar;
      const files = new Set(
        asar.listPackage(archive, { isPack: false }).map((p) => p.replaceAll('\\', '/').replace(/^\//, '')),
      );

      // The app itself, and a package.json whose "main" points at a file that is in there.
      for (const file of [...needed, 'package.json']) expect(files.has(file), file).toBe(true);
      const pkg: unknown = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'));
      const main = typeof pkg === 'object' && pkg !== null && 'main' in pkg ? pkg.main : undefined;
      expect(main).toBe('dist/main/electron.cjs');
      // Name and version come from the repo's package.json.
      const repoManifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
      const version = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? pkg.version : undefined;
      expect(version).toBe(repoManifest.version);
      // The desktop package holds the desktop app only: not the browser host or the command line.
      expect(files.has('dist/main/web.cjs')).toBe(false);
      expect(files.has('dist/main/cli.cjs')).toBe(false);
      expect(files.has('dist/main/importWorker.cjs')).toBe(true);

      // Every package the main bundles leave to require() at run time is in the archive.
      const externals = new Set<string>();
      for (const bundle of ['dist/main/electron.cjs', 'dist/main/preload.cjs']) {
        const code = fs.readFileSync(path.join(REPO, bundle), 'utf8');
        for (const match of code.matchAll(/\brequire\(["']([^"'./][^"']*)["']\)/g)) {
          const name = match[1] ?? '';
          if (name === 'electron' || name.startsWith('node:') || builtinModules.includes(name)) continue;
          externals.add(name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : (name.split('/')[0] ?? name));
        }
      }
      expect([...externals]).toContain('better-sqlite3');
      for (const name of externals) expect(files.has(`node_modules/${name}/package.json`), name).toBe(true);

      // The native addon is outside the archive, where it can be loaded, and the header says so.
      const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
      expect(files.has(addon)).toBe(true);
      const entry = asar.statFile(archive, addon);
      expect('unpacked' in entry && entry.unpacked).toBe(true);
      const unpackedAddon = path.join(unpackedApp, 'resources', 'app.asar.unpacked', ...addon.split('/'));
      expect(fs.existsSync(unpackedAddon), unpackedAddon).toBe(true);
      expect(fs.statSync(unpackedAddon).size).toBe(fs.statSync(NODE_BUILD).size); // the hook was skipped
      expect(files.has('node_modules/better-sqlite3/lib/index.js')).toBe(true);

      // Nothing the app does not run: dev tools, source maps, better-sqlite3's C sources and objects.
      const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as {
        devDependencies?: Record<string, string>;
      };
      // Dev-only by the lock: a dev dependency the product's own dependencies also need (semver) is packed.
      const lock = JSON.parse(fs.readFileSync(path.join(REPO, 'package-lock.json'), 'utf8')) as {
        packages: Record<string, { dev?: boolean }>;
      };
      const devTools = Object.keys(manifest.devDependencies ?? {}).filter(
        (name) => !name.startsWith('@types/') && lock.packages[`node_modules/${name}`]?.dev === true,
      );
      expect(devTools).toContain('electron');
      const all = [...files];
      for (const name of devTools) {
        expect(all.filter((f) => f.startsWith(`node_modules/${name}/`)).slice(0, 3), name).toEqual([]);
      }
      expect(all.filter((f) => f.startsWith('dist/') && f.endsWith('.map'))).toEqual([]);
      expect(
        all.filter((f) =>
          /^node_modules\/better-sqlite3\/(deps|src|build\/Release\/(obj|obj\.target)|build\/deps)\//.test(f),
        ),
      ).toEqual([]);
      expect(files.has('node_modules/better-sqlite3/build/Release/test_extension.node')).toBe(false);

      // Fuses: no ELECTRON_RUN_AS_NODE, NODE_OPTIONS or --inspect; app only from the checked asar;
      // file:// keeps its privileges because the screen is loaded from it.
      const fuses = fusesOf(path.join(unpackedApp, 'shipdesk'));
      expect(fuses).toEqual([OFF, ON, OFF, OFF, ON, ON, OFF, ON]);
    },
    240_000,
  );
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): [number, number] {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

describe('installers (electron-builder.yml) and the icon set', () => {
  const load = requireFromRepo('js-yaml') as { load(text: string): unknown };
  const config = load.load(fs.readFileSync(path.join(REPO, 'electron-builder.yml'), 'utf8'));
  const get = (...keys: (string | number)[]): unknown =>
    keys.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? Reflect.get(v, k) : undefined), config);

  it('builds a per-user NSIS installer, a dmg for Intel and Apple silicon, an AppImage and a deb', () => {
    expect(get('appId')).toBe('com.shipdesk.app');
    expect(get('productName')).toBe('Shipdesk');
    expect(get('win', 'target', 0)).toMatchObject({ target: 'nsis' });
    expect(get('nsis')).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false });
    expect(get('mac', 'target', 0)).toEqual({ target: 'dmg', arch: ['x64', 'arm64'] });
    expect(get('linux', 'target')).toEqual([
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ]);
    // better-sqlite3 is rebuilt for Electron only while packing, and loaded from outside the archive.
    expect(get('npmRebuild')).toBe(false);
    expect(get('beforePack')).toBe('./scripts/before-pack.cjs');
    expect(get('asarUnpack')).toEqual(['**/node_modules/better-sqlite3/build/Release/*.node']);
    // No version in the config: electron-builder takes package.json's.
    expect(get('version')).toBeUndefined();
    expect(get('extraMetadata')).toBeUndefined();
  });

  it('renders every icon from the one SVG: PNGs 16-1024 px, an ICO for Windows, an ICNS for macOS', async () => {
    const out = makeTemp();
    const script = (await import(path.join(REPO, 'scripts', 'icons.mjs'))) as {
      buildIcons(outDir: string): string;
      LINUX_SIZES: number[];
    };
    script.buildIcons(out);
    for (const size of script.LINUX_SIZES) {
      expect(pngSize(fs.readFileSync(path.join(out, 'icons', `${size}x${size}.png`)))).toEqual([size, size]);
    }
    expect(pngSize(fs.readFileSync(path.join(out, 'icon.png')))).toEqual([1024, 1024]);
    const ico = fs.readFileSync(path.join(out, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // an icon
    const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => {
      const entry = 6 + 16 * i;
      const png = ico.subarray(
        ico.readUInt32LE(entry + 12),
        ico.readUInt32LE(entry + 12) + ico.readUInt32LE(entry + 8),
      );
      return pngSize(png)[0];
    });
    expect(icoSizes).toEqual([16, 24, 32, 48, 64, 128, 256]);
    const icns = fs.readFileSync(path.join(out, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4))
      types.push(icns.subarray(at, at + 4).toString());
    expect(types).toEqual(['icp4', 'icp5', 'icp6', 'ic07', 'ic08', 'ic09', 'ic10']);
  });
});

interface HookModule {
  beforePack(context: unknown): Promise<void>;
  afterPack(context: unknown): Promise<void>;
  _internals: {
    verifyAbi(target: { arch: string; built: string; electronVersion: string }): void;
  };
}

function withEnv<T>(name: string, value: string | undefined, body: () => Promise<T>): Promise<T> {
  const before = process.env[name];
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  return body().finally(() => {
    if (before === undefined) delete process.env[name];
    else process.env[name] = before;
  });
}

describe('scripts/before-pack.cjs (native rebuild for Electron at packaging time)', () => {
  const hook = requireFromRepo('./scripts/before-pack.cjs') as HookModule;

  it(`does nothing at all when ${SKIP_ENV}=1`, async () => {
    // Any look at the context would throw: the hook must return before reading it.
    const untouchable = new Proxy(
      {},
      {
        get: () => {
          throw new Error('the hook read its context');
        },
      },
    );
    await withEnv(SKIP_ENV, '1', async () => {
      await expect(hook.beforePack(untouchable)).resolves.toBeUndefined();
      await expect(hook.afterPack(untouchable)).resolves.toBeUndefined();
    });
  });

  it('refuses to package a native module for another OS instead of shipping one that cannot load', async () => {
    const root = makeTemp();
    const otherOs = process.platform === 'win32' ? 'linux' : 'win32';
    const context = {
      arch: 1, // x64 in electron-builder's Arch enum
      electronPlatformName: otherOs,
      packager: { projectDir: root, info: { framework: { version: '45.5.0' } } },
    };
    await withEnv(SKIP_ENV, undefined, async () => {
      await expect(hook.beforePack(context)).rejects.toThrow(/do not cross-compile/);
    });
    expect(fs.readdirSync(root)).toEqual([]);
  });

  it('packs the Electron build, puts the Node build back after, and never writes into a shared file', async () => {
    // A throwaway project: a copy of the hook, a "Node build" of better-sqlite3, and a fake
    // @electron/rebuild that records how it was called and writes a recognisable "Electron build".
    const project = makeTemp();
    fs.mkdirSync(path.join(project, 'scripts'));
    fs.copyFileSync(path.join(REPO, 'scripts', 'before-pack.cjs'), path.join(project, 'scripts', 'before-pack.cjs'));
    const moduleDir = path.join(project, 'node_modules', 'better-sqlite3');
    fs.mkdirSync(path.join(moduleDir, 'build', 'Release'), { recursive: true });
    fs.mkdirSync(path.join(moduleDir, 'lib'));
    fs.writeFileSync(
      path.join(moduleDir, 'package.json'),
      JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }),
    );
    fs.writeFileSync(path.join(moduleDir, 'lib', 'index.js'), 'module.exports = {};');
    const installed = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
    fs.writeFileSync(installed, 'node-build');
    // Stands in for a copy electron-builder may have hard-linked into an earlier package.
    const sharedLink = path.join(project, 'shared-link.node');
    fs.linkSync(installed, sharedLink);
    const fake = path.join(project, 'node_modules', '@electron', 'rebuild');
    fs.mkdirSync(fake, { recursive: true });
    fs.writeFileSync(
      path.join(fake, 'package.json'),
      JSON.stringify({ name: '@electron/rebuild', type: 'module', exports: './index.js' }),
    );
    fs.writeFileSync(
      path.join(fake, 'index.js'),
      [
        "import fs from 'node:fs';",
        "import path from 'node:path';",
        'export async function rebuild(options) {',
        "  const release = path.join(options.buildPath, 'node_modules', 'better-sqlite3', 'build', 'Release');",
        '  const seen = { ...options, hadNodeBuild: fs.existsSync(release), nodedir: process.env.npm_config_nodedir ?? null };',
        "  fs.writeFileSync(path.join(options.buildPath, 'seen.json'), JSON.stringify(seen));",
        '  fs.mkdirSync(release, { recursive: true });',
        "  fs.writeFileSync(path.join(release, 'better_sqlite3.node'), 'electron-build');",
        '}',
      ].join('\n'),
    );
    const projectHook = createRequire(path.join(project, 'package.json'))('./scripts/before-pack.cjs') as HookModule;
    const arch = Math.max(0, ['ia32', 'x64', 'armv7l', 'arm64'].indexOf(process.arch));
    const context = {
      arch,
      electronPlatformName: process.platform,
      packager: { projectDir: project, info: { framework: { version: '45.5.0' } } },
    };

    await withEnv(SKIP_ENV, undefined, () =>
      withEnv('npm_config_nodedir', '/usr', async () => {
        await projectHook.beforePack(context);
        expect(fs.readFileSync(installed, 'utf8')).toBe('electron-build');
        expect(process.env.npm_config_nodedir).toBe('/usr');
        await projectHook.afterPack(context);
      }),
    );

    expect(fs.readFileSync(installed, 'utf8')).toBe('node-build');
    expect(fs.readFileSync(sharedLink, 'utf8')).toBe('node-build');
    const workDirs = fs.readdirSync(path.join(project, '.tmp', 'native-electron'));
    expect(workDirs).toEqual([`${process.platform}-${['ia32', 'x64', 'armv7l', 'arm64'][arch]}-electron-45.5.0`]);
    const seen: unknown = JSON.parse(
      fs.readFileSync(path.join(project, '.tmp', 'native-electron', workDirs[0] ?? '', 'seen.json'), 'utf8'),
    );
    expect(seen).toMatchObject({
      electronVersion: '45.5.0',
      onlyModules: ['better-sqlite3'],
      force: true,
      hadNodeBuild: false, // compiled from sources, not from the Node build's objects
      nodedir: null, // npm's nodedir hidden from node-gyp during the build
    });
    const work = path.join(project, '.tmp', 'native-electron', workDirs[0] ?? '');
    expect(seen).toMatchObject({ buildPath: work, projectRootPath: work });
  });

  it.skipIf(!fs.existsSync(NODE_BUILD))(
    'rejects a "rebuilt" addon that still loads in Node (the nodedir=/usr trap)',
    () => {
      expect(() =>
        hook._internals.verifyAbi({ arch: process.arch, built: NODE_BUILD, electronVersion: '45.5.0' }),
      ).toThrow(/built for Node/);
    },
  );
});
