// Where the parse worker's script is. Built: importWorker.cjs beside the running bundle (see
// scripts/build-main.mjs). From TypeScript source (tests, benchmarks, tsx): worker.ts bundled on the
// spot with esbuild (a dev dependency) into node_modules/.cache, so the worker runs plain JS exactly
// like the built one; exceljs stays external and resolves from node_modules.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

let cached: string | null = null;

interface EsbuildLike {
  buildSync(options: Record<string, unknown>): { outputFiles?: { contents: Uint8Array }[] };
}

function isEsbuild(value: unknown): value is EsbuildLike {
  return typeof value === 'object' && value !== null && 'buildSync' in value && typeof value.buildSync === 'function';
}

function buildFromSource(source: string): string {
  const root = path.resolve(__dirname, '../../..');
  const esbuild: unknown = createRequire(path.join(root, 'package.json'))('esbuild');
  if (!isEsbuild(esbuild))
    throw new Error('esbuild is needed to run the import worker from source; run `npm run build` instead.');
  const result = esbuild.buildSync({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['exceljs'],
    write: false,
    logLevel: 'silent',
  });
  const contents = result.outputFiles?.[0]?.contents;
  if (!contents) throw new Error('esbuild produced no import worker');
  // Named by content, written by rename: parallel test processes never read a half-written file.
  const dir = path.join(root, 'node_modules', '.cache', 'shipdesk');
  const file = path.join(dir, `importWorker-${createHash('sha256').update(contents).digest('hex').slice(0, 16)}.cjs`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, contents);
    fs.renameSync(temp, file);
  }
  return file;
}

export function importWorkerFile(): string {
  if (cached && fs.existsSync(cached)) return cached;
  const built = path.join(__dirname, 'importWorker.cjs');
  if (fs.existsSync(built)) return (cached = built);
  const source = path.join(__dirname, 'worker.ts');
  if (fs.existsSync(source)) return (cached = buildFromSource(source));
  throw new Error(`The import worker is missing: expected ${built}. Run \`npm run build\`.`);
}
