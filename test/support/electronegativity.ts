// Electronegativity (Doyensec's Electron scanner) through its modules, not its CLI: the CLI exits 0
// on findings, fetches translations from the network on every run and checks Electron releases
// online. Here: its parser, its atomic checks and its global checks, offline, the release check
// (AvailableSecurityFixesGlobalCheck) left out, and .cjs files read as the JavaScript they are (its
// file lister only takes .js/.ts/.html).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';

const repo = path.resolve(__dirname, '../..');
const requireHere = createRequire(path.join(repo, 'package.json'));
const base = path.dirname(requireHere.resolve('@doyensec/electronegativity/package.json'));
const requireThere = createRequire(path.join(base, 'package.json'));

export const ELECTRON_VERSION = '45.5.0';
const OFFLINE_EXCLUDES = ['availablesecurityfixesglobalcheck'];

const Finding = z.object({
  id: z.string(),
  file: z.string(),
  location: z.object({ line: z.number(), column: z.number() }),
  severity: z.object({ value: z.number(), name: z.string() }),
  confidence: z.object({ name: z.string() }),
  manualReview: z.boolean().optional(),
  description: z.string().optional(),
});
export type Finding = z.infer<typeof Finding> & { relative: string };

interface ParserLike {
  parse(file: string, content: Buffer): [unknown, unknown, unknown, unknown];
}
interface FinderLike {
  find(file: string, data: unknown, type: unknown, content: unknown, u: null, version: string): Promise<unknown[]>;
}
interface GlobalLike {
  getResults(issues: unknown[], output: undefined): Promise<unknown[]>;
}

function construct<T>(moduleFile: string, name: string, args: unknown[]): T {
  const loaded: unknown = requireThere(path.join(base, 'dist', moduleFile));
  const ctor: unknown = typeof loaded === 'object' && loaded !== null ? Reflect.get(loaded, name) : undefined;
  if (typeof ctor !== 'function') throw new Error(`electronegativity has no ${name} in ${moduleFile}`);
  return Reflect.construct(ctor, args) as T;
}

let ready = false;
function setUpMessages(): void {
  if (ready) return;
  // The checks describe themselves through i18n's global __(); the same set-up as the tool's own,
  // without its download of translations.
  const i18n: unknown = requireThere('i18n');
  const configure = typeof i18n === 'object' && i18n !== null ? Reflect.get(i18n, 'configure') : undefined;
  const setLocale = typeof i18n === 'object' && i18n !== null ? Reflect.get(i18n, 'setLocale') : undefined;
  if (typeof configure !== 'function' || typeof setLocale !== 'function') throw new Error('i18n is not usable');
  Reflect.apply(configure, i18n, [
    {
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: path.join(base, 'dist', 'locales'),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: global,
    },
  ]);
  Reflect.apply(setLocale, i18n, ['en-US']);
  ready = true;
}

/** Scans these files (paths relative to the repo) and returns every finding the tool keeps. */
export async function scan(files: string[]): Promise<Finding[]> {
  setUpMessages();
  const parser = construct<ParserLike>('parser', 'Parser', [false, true]);
  const finder = await Promise.resolve(construct<FinderLike>('finder', 'Finder', [[], [], undefined]));
  const globals = construct<GlobalLike>('finder', 'GlobalChecks', [[], OFFLINE_EXCLUDES, undefined]);
  let issues: unknown[] = [];
  for (const relative of files) {
    const file = path.join(repo, relative);
    // The parser picks the language by extension: a .cjs bundle is JavaScript.
    const [type, data, content] = parser.parse(file.replace(/\.cjs$/, '.js'), fs.readFileSync(file));
    if (data === null) continue;
    issues.push(...(await finder.find(file, data, type, content, null, ELECTRON_VERSION)));
  }
  issues = await globals.getResults(issues, undefined);
  const visible = issues.filter((issue) => {
    const visibility: unknown = typeof issue === 'object' && issue !== null ? Reflect.get(issue, 'visibility') : null;
    if (typeof visibility !== 'object' || visibility === null) return true;
    return !Reflect.get(visibility, 'inlineDisabled') && !Reflect.get(visibility, 'globalCheckDisabled');
  });
  return visible.map((issue) => {
    const finding = Finding.parse(issue);
    return { ...finding, relative: path.relative(repo, finding.file).replaceAll('\\', '/') };
  });
}

/** Files under `dir` (relative to the repo) whose names end with one of `exts`. */
export function filesUnder(dir: string, exts: string[]): string[] {
  const root = path.join(repo, dir);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => exts.some((e) => f.endsWith(e)))
    .map((f) => path.join(dir, f).replaceAll('\\', '/'))
    .sort();
}
