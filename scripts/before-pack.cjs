// electron-builder hooks (beforePack + afterPack, both in this file) that put an Electron build of
// better-sqlite3 into the package while the working tree keeps its Node build for the tests.
//
// Why not npmRebuild / install-app-deps / a postinstall: those rebuild node_modules in place and
// never restore it, which breaks every Node test; offline they delete the build outright.
//
// What happens, per platform/arch being packaged:
//   beforePack: copy better-sqlite3's sources to .tmp/native-electron/<platform>-<arch>-electron-<v>/,
//               build them there with @electron/rebuild for the target Electron, check the result's
//               ABI, then swap it into node_modules (the Node build is moved aside, not copied over).
//   packing:    electron-builder copies node_modules, so the package gets the Electron build and
//               the asar header's size/integrity for the unpacked file match what ships.
//   afterPack:  move the Node build back. A crash in between is repaired by the next run or by
//               `npm rebuild better-sqlite3`; the swap is also undone when the process exits.
//
// Native modules cannot be cross-compiled: package each OS on that OS (CI runners per platform).
// SHIPDESK_SKIP_NATIVE_REBUILD=1 skips all of this; the package then holds the Node build and will
// not start. That is only for checking the package layout offline (test/integration/packaging).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const SKIP_ENV = 'SHIPDESK_SKIP_NATIVE_REBUILD';
const MODULE = 'better-sqlite3';
const BINARY = path.join('build', 'Release', 'better_sqlite3.node');
// electron-builder's Arch enum order (builder-util): ia32, x64, armv7l, arm64, universal.
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

function say(message) {
  console.log(`  • shipdesk native: ${message}`);
}

function skipped() {
  if (process.env[SKIP_ENV] === '1') {
    say(`skipped (${SKIP_ENV}=1): this package keeps the Node build of ${MODULE} and will not start`);
    return true;
  }
  return false;
}

function targetOf(context) {
  const arch = ARCH_NAMES[context.arch];
  if (arch === undefined) throw new Error(`shipdesk native: unknown electron-builder arch ${context.arch}`);
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const projectDir = context.packager.projectDir;
  const electronVersion = context.packager.info.framework.version;
  const moduleDir = path.join(projectDir, 'node_modules', MODULE);
  const workRoot = path.join(projectDir, '.tmp', 'native-electron');
  const workDir = path.join(workRoot, `${platform}-${arch}-electron-${electronVersion}`);
  return {
    arch,
    platform,
    electronVersion,
    moduleDir,
    workDir,
    installed: path.join(moduleDir, BINARY),
    built: path.join(workDir, 'node_modules', MODULE, BINARY),
    backup: path.join(workRoot, 'node-build-backup.node'),
  };
}

/** Put the Node build back if a backup exists (after afterPack, a crash, or Ctrl+C). */
function restoreNodeBuild(t) {
  if (!fs.existsSync(t.backup)) return;
  fs.renameSync(t.backup, t.installed); // rename, not copy: never write into a file the package may share
  say(`restored the Node build of ${MODULE}`);
}

let exitHookInstalled = false;
function restoreOnExit(t) {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => restoreNodeBuild(t));
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      restoreNodeBuild(t);
      // Let electron-builder's own handler finish the job if it has one; otherwise stop like Node would.
      if (process.listenerCount(signal) === 0) process.exit(130);
    });
  }
}

function copySources(t) {
  fs.rmSync(t.workDir, { recursive: true, force: true });
  const target = path.join(t.workDir, 'node_modules', MODULE);
  fs.mkdirSync(target, { recursive: true });
  // Everything but build/: the copy must compile from scratch, not reuse Node objects.
  fs.cpSync(t.moduleDir, target, {
    recursive: true,
    filter: (src) => path.relative(t.moduleDir, src).split(path.sep)[0] !== 'build',
  });
  const version = JSON.parse(fs.readFileSync(path.join(t.moduleDir, 'package.json'), 'utf8')).version;
  const pkg = { name: 'shipdesk-native-build', private: true, dependencies: { [MODULE]: version } };
  fs.writeFileSync(path.join(t.workDir, 'package.json'), JSON.stringify(pkg, null, 2));
}

async function loadRebuild() {
  try {
    return (await import('@electron/rebuild')).rebuild;
  } catch {
    throw new Error(
      `shipdesk native: @electron/rebuild is not installed (electron-builder normally brings it).\n` +
        `Install it (npm install --no-save @electron/rebuild) and package again, or set ${SKIP_ENV}=1 ` +
        `to produce a package for layout checks only (it will not start).`,
    );
  }
}

async function buildForElectron(t) {
  const rebuild = await loadRebuild();
  // npm's `nodedir=/usr` (set on some machines) makes node-gyp compile against Node's headers
  // and still report success; hide it so the Electron headers are used.
  const hidden = {};
  for (const key of Object.keys(process.env)) {
    if (key.toLowerCase() === 'npm_config_nodedir') {
      hidden[key] = process.env[key];
      delete process.env[key];
    }
  }
  try {
    await rebuild({
      buildPath: t.workDir,
      projectRootPath: t.workDir, // never walk up into the project's own node_modules
      electronVersion: t.electronVersion,
      arch: t.arch,
      platform: t.platform,
      onlyModules: [MODULE],
      force: true,
      mode: 'sequential',
    });
  } finally {
    Object.assign(process.env, hidden);
  }
  if (!fs.existsSync(t.built)) throw new Error(`shipdesk native: the Electron build produced no ${BINARY}`);
}

function expectedAbi(electronVersion) {
  try {
    return String(require('node-abi').getAbi(electronVersion, 'electron'));
  } catch {
    return null;
  }
}

/** A binary built for Electron must refuse to load in Node, naming Electron's ABI. */
function verifyAbi(t) {
  if (t.arch !== process.arch) {
    say(`cannot load an ${t.arch} binary on ${process.arch} to check its ABI; trusting @electron/rebuild`);
    return;
  }
  const probe = spawnSync(process.execPath, ['-e', 'process.dlopen({ exports: {} }, process.argv[1])', t.built], {
    encoding: 'utf8',
  });
  if (probe.status === 0) {
    throw new Error(
      `shipdesk native: the "Electron" build of ${MODULE} loads in Node ${process.version}, so it was built ` +
        `for Node (check npm's nodedir setting). Refusing to package it.`,
    );
  }
  const found = /NODE_MODULE_VERSION (\d+)/.exec(probe.stderr);
  const expected = expectedAbi(t.electronVersion);
  if (found && expected && found[1] !== expected) {
    throw new Error(`shipdesk native: built for ABI ${found[1]}, Electron ${t.electronVersion} needs ${expected}`);
  }
  say(`built ${MODULE} for Electron ${t.electronVersion} (ABI ${found ? found[1] : 'unknown'})`);
}

function swapIn(t) {
  restoreNodeBuild(t); // a leftover backup is the Node build from an interrupted run
  fs.mkdirSync(path.dirname(t.backup), { recursive: true });
  restoreOnExit(t);
  fs.renameSync(t.installed, t.backup);
  const incoming = `${t.installed}.electron-tmp`;
  fs.copyFileSync(t.built, incoming);
  fs.renameSync(incoming, t.installed);
}

exports.beforePack = async function beforePack(context) {
  if (skipped()) return;
  const t = targetOf(context);
  if (t.arch === 'universal') return; // merged from the per-arch packs, which were each rebuilt
  if (t.platform !== process.platform) {
    throw new Error(
      `shipdesk native: cannot build ${MODULE} for ${t.platform} on ${process.platform} ` +
        `(native modules do not cross-compile). Package ${t.platform} on a ${t.platform} machine.`,
    );
  }
  if (!fs.existsSync(t.installed)) {
    throw new Error(`shipdesk native: ${t.installed} is missing; run \`npm rebuild ${MODULE}\` first`);
  }
  say(`building ${MODULE} for Electron ${t.electronVersion} ${t.platform}-${t.arch} in ${t.workDir}`);
  copySources(t);
  await buildForElectron(t);
  verifyAbi(t);
  swapIn(t);
};

exports.afterPack = async function afterPack(context) {
  if (process.env[SKIP_ENV] === '1') return;
  restoreNodeBuild(targetOf(context));
};

/**
 * `npm start`: an Electron build of better-sqlite3 beside node_modules (built once per Electron
 * version), loaded through better-sqlite3's nativeBinding option. node_modules keeps its Node build.
 */
exports.developmentBinding = async function developmentBinding(projectDir) {
  const electronVersion = JSON.parse(
    fs.readFileSync(path.join(projectDir, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  const t = targetOf({
    arch: ARCH_NAMES.indexOf(process.arch),
    electronPlatformName: process.platform,
    packager: { projectDir, info: { framework: { version: electronVersion } } },
  });
  if (fs.existsSync(t.built)) return t.built;
  say(`first start: building ${MODULE} for Electron ${electronVersion} in ${t.workDir} (needs network once)`);
  copySources(t);
  await buildForElectron(t);
  verifyAbi(t);
  return t.built;
};

// For test/integration/packaging.test.ts only.
exports._internals = { targetOf, verifyAbi, SKIP_ENV };
