// Where a worker's script is (the parse worker here, the commit worker in main/core/commitWorker/). Built: <name>.cjs beside the
// running bundle (see scripts/build-main.mjs). From TypeScript source (tests, benchmarks, tsx): the
// source bundled on the spot with esbuild (a dev dependency) into node_modules/.cache, so the worker
// runs plain JS exactly like the built one; exceljs and better-sqlite3 stay external.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const cached = new Map<string, string>();

interface EsbuildLike {
  buildSync(options: Record<string, unknown>): { outputFiles?: { contents: Uint8Array }[] };
}

function isEsbuild(value: unknown): value is EsbuildLike {
  return typeof value === 'object' && value !== null && 'buildSync' in value && typeof value.buildSync === 'function';
}

function buildFromSource(source: string, name: string): string {
  const root = path.resolve(__dirname, '../../..');
  const esbuild: unknown = createRequire(path.join(root, 'package.json'))('esbuild');
  if (!isEsbuild(esbuild))
    throw new Error(`esbuild is needed to run the ${name} from source; run \`npm run build\` instead.`);
  const result = esbuild.buildSync({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['exceljs', 'better-sqlite3'],
    write: false,
    logLevel: 'silent',
  });
  const contents = result.outputFiles?.[0]?.contents;
  if (!contents) throw new Error(`esbuild produced no ${name}`);
  // Named by content, written by rename: parallel test processes never read a half-written file.
  const dir = path.join(root, 'node_modules', '.cache', 'shipdesk');
  const file = path.join(dir, `${name}-${createHash('sha256').update(contents).digest('hex').slice(0, 16)}.cjs`);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temp, contents);
    fs.renameSync(temp, file);
  }
  return file;
}

/** The worker `name`: its built bundle beside this one, else `source` (a .ts file) bundled on the spot. */
export function workerFile(name: string, source: string): string {
  const known = cached.get(name);
  if (known && fs.existsSync(known)) return known;
  const built = path.join(__dirname, `${name}.cjs`);
  const file = fs.existsSync(built) ? built : fs.existsSync(source) ? buildFromSource(source, name) : null;
  if (!file) throw new Error(`The ${name} is missing: expected ${built}. Run \`npm run build\`.`);
  cached.set(name, file);
  return file;
}

export function importWorkerFile(): string {
  return workerFile('importWorker', path.join(__dirname, 'worker.ts'));
}
