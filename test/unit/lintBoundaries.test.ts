// The layer boundaries fail `npm run lint`: dependency-cruiser, with the repo's own
// .dependency-cruiser.cjs, is run over a small tree of its own in a temporary folder, laid out like
// the product (main/core/sync, main/hub, renderer/src/features/grid, shared, ...), and must refuse
// each wrong import by the rule that forbids it, and pass a tree of right ones.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../..');
const depcruise = path.join(repo, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const made: string[] = [];

afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A throwaway tree of `files` (path: source), cruised with the repo's config: its exit code and report. */
function cruise(files: Record<string, string>): { status: number | null; report: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipdesk-layers-'));
  made.push(dir);
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', strict: true } }),
  );
  // Packages (zod) resolve as in the repo, through a link kept as this tree's own node_modules.
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(
    path.join(dir, 'layers.cjs'),
    `module.exports = { extends: ${JSON.stringify(path.join(repo, '.dependency-cruiser.cjs'))}, options: { preserveSymlinks: true } };`,
  );
  for (const [file, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), source);
  }
  const run = spawnSync(
    process.execPath,
    [depcruise, '--config', 'layers.cjs', '--output-type', 'err-long', 'main', 'renderer', 'shared'],
    {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { status: run.status, report: `${run.stdout}${run.stderr}` };
}

/** The report's line for one refused import: "error <rule>: <from> → <to>". */
const refusal = (rule: string, from: string, to: string) =>
  new RegExp(
    `error ${rule.replace(/[/.]/g, '\\$&')}: ${from.replace(/[/.]/g, '\\$&')} → ${to.replace(/[/.]/g, '\\$&')}`,
  );

// Modules that the fixtures import, each allowed where it is.
const STUBS = {
  'main/hub/server.ts': 'export const startHubServer = 1;\n',
  'main/core/db/open.ts': 'export const openDatabase = 1;\n',
  'shared/domain.ts': 'export const TABS = 1;\n',
};

describe('layer boundaries (.dependency-cruiser.cjs)', () => {
  it('refuses an import outside a folder’s allow-list, a circle, a folder circle and an undeclared folder', () => {
    const { status, report } = cruise({
      ...STUBS,
      // The core never imports the hub's server (main/hub, not the core's own pool link).
      'main/core/sync/fixture.ts':
        "import { startHubServer } from '../../hub/server';\nexport const a = startHubServer;\n",
      // The screen reaches the core only through its client.
      'renderer/src/features/grid/fixture.ts':
        "import { openDatabase } from '../../../../main/core/db/open';\nexport const b = openDatabase;\n",
      // shared/ is pure TypeScript for every process: no Node modules.
      'shared/fixture.ts': "import fs from 'node:fs';\nexport const c = fs;\n",
      // Product code never imports tests.
      'main/web/fixture.ts': "import { seed } from '../../test/support/seed';\nexport const d = seed;\n",
      'test/support/seed.ts': 'export const seed = 1;\n',
      // Two modules that import each other.
      'main/core/services/first.ts': "import { second } from './second';\nexport const first = () => second;\n",
      'main/core/services/second.ts': "import { first } from './first';\nexport const second = () => first;\n",
      // Two folders that import each other: the database layer reaching up into the services.
      'main/core/db/upward.ts': "import { first } from '../services/first';\nexport const e = first;\n",
      'main/core/services/downward.ts': "import { openDatabase } from '../db/open';\nexport const f = openDatabase;\n",
      // A folder nobody declared.
      'main/core/newRoom/fixture.ts': "import { TABS } from '../../../shared/domain';\nexport const g = TABS;\n",
    });
    expect(status).not.toBe(0);
    expect(report).toMatch(
      refusal('allowed-imports-of:main/core/sync', 'main/core/sync/fixture.ts', 'main/hub/server.ts'),
    );
    expect(report).toMatch(
      refusal(
        'allowed-imports-of:renderer/src/features/grid',
        'renderer/src/features/grid/fixture.ts',
        'main/core/db/open.ts',
      ),
    );
    expect(report).toMatch(refusal('allowed-imports-of:shared', 'shared/fixture.ts', 'fs'));
    expect(report).toMatch(refusal('allowed-imports-of:main/web', 'main/web/fixture.ts', 'test/support/seed.ts'));
    expect(report).toMatch(/error no-circular: main\/core\/services\/(first|second)\.ts → /);
    expect(report).toMatch(
      refusal('allowed-imports-of:main/core/db', 'main/core/db/upward.ts', 'main/core/services/first.ts'),
    );
    expect(report).toMatch(/error no-folder-circular: main\/core\/(db|services) →\s+main\/core\/(services|db) →/);
    expect(report).toMatch(refusal('folder-without-allow-list', 'main/core/newRoom/fixture.ts', 'shared/domain.ts'));
    // The rule's own words say where to look.
    expect(report).toMatch(
      /main\/core\/sync may import only its own files and:\s+main\/core\/db,\s+main\/core\/domain,/,
    );
  });

  it('passes imports each folder declares: its own files, lower folders, its packages and Node modules', () => {
    const { status, report } = cruise({
      ...STUBS,
      'main/core/services/fixture.ts': [
        "import { randomUUID } from 'node:crypto';",
        "import { z } from 'zod';",
        "import { openDatabase } from '../db/open';",
        "import { TABS } from '../../../shared/domain';",
        'export const h = [randomUUID, z, openDatabase, TABS];',
      ].join('\n'),
      'main/hub/fixture.ts': "import { startHubServer } from './server';\nexport const i = startHubServer;\n",
      'renderer/src/features/grid/fixture.ts':
        "import { TABS } from '../../../../shared/domain';\nexport const j = TABS;\n",
    });
    expect(report).toMatch(/no dependency violations found/);
    expect(status).toBe(0);
  });
});
