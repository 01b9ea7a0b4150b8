// `npm run web -- [args]`: runs the built web host, building first when dist/ is missing.
// Build output goes to stderr so stdout stays the host's one line (its address).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist/main/web.cjs');
const page = path.join(root, 'dist/renderer/index.html');

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

const child = spawn(process.execPath, [entry, ...process.argv.slice(2)], { cwd: process.cwd(), stdio: 'inherit' });
// Ctrl+C reaches the whole process group; the host closes itself. A SIGTERM sent to this script only
// is passed on, so a supervisor stopping `npm run web` stops the host too.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
