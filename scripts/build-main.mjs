// Bundles the main-process entry points (Electron shell, preload, web host, CLI) to CommonJS.
// better-sqlite3 and electron stay external: one is native, the other is the runtime.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['better-sqlite3', 'electron', 'exceljs'],
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: {
    electron: 'main/electron/main.ts',
    preload: 'main/electron/preload.ts',
    web: 'main/web/cli.ts',
    cli: 'main/cli/index.ts',
    // The Excel parse worker, started by main/core/imports/workerHost.ts from beside the bundle.
    importWorker: 'main/core/imports/worker.ts',
    // The import commit's transaction, off the main thread (main/core/imports/commitWorkerHost.ts).
    commitWorker: 'main/core/imports/commitWorker.ts',
  },
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
});
