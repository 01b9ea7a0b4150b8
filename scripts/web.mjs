// `npm run web -- [args]`: runs the built web host, building first when dist/ is missing.
// Build output goes to stderr so stdout stays the host's one line (its address).
//
// Stopping: SIGINT (Ctrl+C) or SIGTERM to this process, or to the npm that started it, is passed to
// the host once, and this process ends with it. The host runs in its own process group, so a Ctrl+C does not reach it twice (from the
// terminal and from here), and it holds an IPC channel to this process: if this one dies without a
// word (SIGKILL), the channel closes and the host stops itself. No host outlives `npm run web`.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist/main/web.cjs');
const page = path.join(root, 'dist/renderer/index.html');
/** A second signal this soon after the first is the same stop (npm passes Ctrl+C on too). */
const SAME_STOP_MS = 1000;

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) {
    process.stderr.write(`Shipdesk web: the build failed (${command} ${args.join(' ')}).\n`);
    process.exit(1);
  }
}

if (!existsSync(entry) || !existsSync(page)) {
  process.stderr.write('Shipdesk web: building first (dist/ is missing)...\n');
  run(process.execPath, [path.join(root, 'scripts/build-main.mjs')]);
  run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.config.mts']);
}

const child = spawn(process.execPath, [entry, ...process.argv.slice(2)], {
  cwd: process.cwd(),
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  // Windows has no process groups to leave, and detached would open a console window there.
  detached: process.platform !== 'win32',
});

let lastSignalAt = 0;
const pass = (signal) => {
  const now = Date.now();
  if (now - lastSignalAt < SAME_STOP_MS) return;
  lastSignalAt = now;
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
process.on('SIGINT', () => pass('SIGINT'));
process.on('SIGTERM', () => pass('SIGTERM'));
process.on('SIGHUP', () => pass('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

// `npm run web` puts a shell between npm and this script; npm passes a SIGTERM to that shell, which
// dies without passing it on. So watch for the parent going away, and stop the host then too.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) pass('SIGTERM');
}, 500).unref();
