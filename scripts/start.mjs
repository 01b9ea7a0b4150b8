// `npm start` (after `npm run build`): make sure an Electron build of better-sqlite3 exists, then open
// the desktop app.
// The tests keep using node_modules' Node build; the app is pointed at the Electron one.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

let binding;
try {
  binding = await require('./before-pack.cjs').developmentBinding(root);
} catch (err) {
  console.error(
    `Shipdesk: could not build the database driver for Electron.\n${err instanceof Error ? err.message : err}`,
  );
  process.exit(1);
}

const electron = require('electron'); // the path to the Electron binary when required from Node
const child = spawn(electron, ['.'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, SHIPDESK_NATIVE_BINDING: binding },
});
child.on('exit', (code) => process.exit(code ?? 0));
