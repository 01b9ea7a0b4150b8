// `npm test`: lint and the type check side by side (each keeps one core busy for most of a minute),
// then the build, vitest and Playwright, stopping at the first that fails. Prints how long each
// phase took, so a slow phase shows (README, "Set up, run, test").
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs `npm run <script>` and resolves with its exit code; the output goes straight to the terminal. */
function phase(script) {
  const started = Date.now();
  return new Promise((resolve) => {
    // A shell: npm is npm.cmd on Windows, which Node starts only through one.
    const child = spawn(`npm run -s ${script}`, { cwd: root, stdio: 'inherit', shell: true });
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      console.log(`npm test: ${script} ${code === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

const started = Date.now();
const stages = [['lint', 'typecheck'], ['build'], ['test:unit'], ['test:e2e']];
for (const stage of stages) {
  const codes = await Promise.all(stage.map(phase));
  const failed = codes.find((c) => c !== 0);
  if (failed !== undefined) process.exit(failed);
}
console.log(`npm test: all passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
