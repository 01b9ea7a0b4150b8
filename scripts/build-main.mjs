// Bundles the main-process entry points (Electron shell, preload, web host, CLI) to CommonJS.
// better-sqlite3 and electron stay external: one is native, the other is the runtime.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // pg-native is pg's optional libpq binding, never used (pure JavaScript pg). ws stays a package
  // (a production dependency): bundled, its optional native helpers would be left as bare requires.
  external: ['better-sqlite3', 'electron', 'exceljs', 'pg-native', 'ws'],
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: {
    electron: 'main/electron/main.ts',
    preload: 'main/electron/preload.ts',
    web: 'main/web/cli.ts',
    cli: 'main/cli/index.ts',
    // The Excel parse worker, started by main/core/sheets/workerHost.ts from beside the bundle.
    importWorker: 'main/core/sheets/worker.ts',
    // The import commit's transaction, off the main thread (main/core/commitWorker/commitWorkerHost.ts).
    commitWorker: 'main/core/commitWorker/commitWorker.ts',
  },
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
});
