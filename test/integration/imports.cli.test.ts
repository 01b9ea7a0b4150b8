// `shipdesk import-invoices` and `shipdesk template` from the built CLI (dist/, with the built worker).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/db/open';
import { tempDir } from '../support/core';
import { seedFacets, seedShipments } from '../support/seed';
import { cj } from '../fixtures/excel/desk';
import { ENGLISH_HEADER, encrypted, fillTemplate, sheet } from '../fixtures/excel/workbooks';

const repo = path.resolve(__dirname, '../..');
const bin = path.join(repo, 'bin/shipdesk.cjs');
let dir: string;
let db: string;
let nos: string[];

function shipdesk(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(stdout: string): Record<string, unknown> {
  expect(stdout.trim().split('\n')).toHaveLength(1);
  const value: unknown = JSON.parse(stdout);
  if (!value || typeof value !== 'object') throw new Error('not a JSON object');
  return Object.fromEntries(Object.entries(value));
}

beforeAll(() => {
  for (const built of ['dist/main/cli.cjs', 'dist/main/importWorker.cjs']) {
    if (!fs.existsSync(path.join(repo, built)))
      throw new Error(`${built} is missing: run \`npm run build\` first (npm test does).`);
  }
  dir = tempDir('shipdesk-import-cli-');
  db = path.join(dir, 'desk.db');
  const handle = openDatabase(db);
  seedFacets(handle);
  nos = seedShipments(handle, [{}, {}, {}]);
  handle.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('shipdesk template / import-invoices', () => {
  it('writes the template, which fills in and previews with every row ok (nothing saved)', async () => {
    const t = shipdesk('template', '--out', 'template.xlsx');
    expect(t.code).toBe(0);
    expect(json(t.stdout)).toMatchObject({ ok: true, file: path.join(dir, 'template.xlsx') });
    const filled = await fillTemplate(fs.readFileSync(path.join(dir, 'template.xlsx')), [
      [nos[0]!, 'CJ대한통운 (CJ Logistics)', cj(1)],
      [nos[1]!, 'kr.cjlogistics', cj(2)],
    ]);
    fs.writeFileSync(path.join(dir, 'filled.xlsx'), filled);
    const r = shipdesk('import-invoices', 'filled.xlsx', '--db', db);
    expect(r.code).toBe(0);
    expect(json(r.stdout)).toMatchObject({
      ok: true,
      committed: false,
      totals: { rows: 2, ok: 2 },
      rows: [
        { row: 2, shipmentNo: nos[0], verdict: 'ok' },
        { row: 3, verdict: 'ok' },
      ],
    });
  });

  it('--commit saves the valid rows as the named operator, exit 0 even with row errors', async () => {
    fs.writeFileSync(
      path.join(dir, 'mixed.xlsx'),
      await sheet(ENGLISH_HEADER, [
        [nos[0]!, 'kr.cjlogistics', cj(1)],
        ['SD0000099999', 'kr.cjlogistics', cj(3)],
      ]),
    );
    const r = shipdesk('import-invoices', 'mixed.xlsx', '--db', db, '--commit', '--operator', 'night-shift');
    expect(r.code).toBe(0);
    const out = json(r.stdout);
    expect(out).toMatchObject({ ok: true, committed: true, registered: 1, failed: 1 });
    expect(out['rows']).toEqual([
      expect.objectContaining({ row: 2, verdict: 'ok', outcome: 'register' }),
      expect.objectContaining({
        row: 3,
        verdict: 'error',
        code: 'NOT_FOUND',
        message: expect.stringContaining('SD0000099999'),
      }),
    ]);
    const history = json(
      shipdesk('call', 'invoices.history', JSON.stringify({ shipmentNo: nos[0] }), '--db', db).stdout,
    );
    expect(history).toMatchObject({
      ok: true,
      value: [{ action: 'registered', operator: 'night-shift', via: 'excel' }],
    });
    const again = json(shipdesk('import-invoices', 'mixed.xlsx', '--db', db, '--commit').stdout);
    expect(again).toMatchObject({ registered: 0, skippedAlreadyRegistered: 1 });
  });

  it('exits 1 with the whole-file error for a refused file', async () => {
    fs.writeFileSync(
      path.join(dir, 'locked.xlsx'),
      encrypted(await sheet(ENGLISH_HEADER, [[nos[2]!, 'kr.cjlogistics', cj(4)]])),
    );
    const r = shipdesk('import-invoices', 'locked.xlsx', '--db', db);
    expect(r.code).toBe(1);
    expect(json(r.stdout)).toMatchObject({
      ok: false,
      error: { code: 'FILE_ENCRYPTED', message: expect.stringMatching(/password-protected/) },
      rows: [],
    });
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello\nworld\n');
    expect(json(shipdesk('import-invoices', 'notes.txt', '--db', db).stdout)).toMatchObject({
      ok: false,
      error: { code: 'HEADER_MISMATCH' },
    });
  });

  it.skipIf(process.platform === 'win32')(
    'refuses a link to /dev/zero, a FIFO and a folder with exit 1 and FILE_NOT_REGULAR',
    () => {
      fs.symlinkSync('/dev/zero', path.join(dir, 'zero.xlsx'));
      spawnSync('mkfifo', [path.join(dir, 'pipe.csv')]);
      fs.mkdirSync(path.join(dir, 'folder.xlsx'));
      for (const name of ['zero.xlsx', 'pipe.csv', 'folder.xlsx']) {
        const r = shipdesk('import-invoices', name, '--db', db, '--commit');
        expect(r.code, name).toBe(1);
        expect(json(r.stdout), name).toMatchObject({ ok: false, error: { code: 'FILE_NOT_REGULAR' }, rows: [] });
        expect(r.stderr, name).toBe('');
      }
    },
  );

  it('exits 2 on bad usage', () => {
    for (const args of [
      ['import-invoices'],
      ['import-invoices', 'filled.xlsx'],
      ['import-invoices', 'nope.xlsx', '--db', db],
      ['template'],
      ['import-invoices', 'filled.xlsx', '--db', db, '--frobnicate'],
    ]) {
      const r = shipdesk(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/Usage:/);
    }
  });
});
