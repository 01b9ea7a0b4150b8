// Every command answers a database it cannot open with its JSON envelope and exit 1, and
// `shipdesk backup` / `shipdesk restore` work from the built CLI.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/createCore';
import { openDatabase } from '../../main/core/db/open';
import { silentLogger } from '../../main/core/log/logger';
import { tempDir } from '../support/core';
import { seedFacets, seedShipments } from '../support/seed';

const repo = path.resolve(__dirname, '../..');
const bin = path.join(repo, 'bin/shipdesk.cjs');
let dir: string;

function shipdesk(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function envelope(stdout: string): unknown {
  const lines = stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0] ?? '');
}

beforeAll(() => {
  if (!fs.existsSync(path.join(repo, 'dist/main/cli.cjs'))) throw new Error('run `npm run build` first');
  dir = tempDir('shipdesk-cli-db-');
  fs.writeFileSync(path.join(dir, 'empty.db'), '');
  fs.writeFileSync(path.join(dir, 'random.db'), crypto.randomBytes(32 * 1024));
  fs.writeFileSync(path.join(dir, 'rows.csv'), 'Shipment No.,Carrier,Invoice No.\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a database the CLI cannot open', () => {
  const commands = (db: string) => [
    ['call', 'settings.get', '{}', '--db', db],
    ['sync', '--once', '--db', db],
    ['import-invoices', 'rows.csv', '--db', db],
    ['demo', '--db', db, '--shipments', '5'],
    ['backup', '--db', db, '--out', 'copy.db'],
  ];
  for (const db of ['empty.db', 'random.db']) {
    it(`${db}: every command answers NOT_SHIPDESK_DATABASE as JSON, exit 1, and leaves the file alone`, () => {
      const before = fs.readFileSync(path.join(dir, db));
      for (const args of commands(db)) {
        const r = shipdesk(...args);
        expect(r.code, args.join(' ')).toBe(1);
        expect(envelope(r.stdout), args.join(' ')).toMatchObject({
          ok: false,
          error: { code: 'NOT_SHIPDESK_DATABASE', message: expect.stringContaining('is not a Shipdesk database') },
        });
        expect(r.stderr, args.join(' ')).not.toMatch(/SqliteError|at .*\.js/);
      }
      expect(fs.readFileSync(path.join(dir, db)).equals(before)).toBe(true);
      expect(fs.existsSync(path.join(dir, 'copy.db'))).toBe(false);
    });
  }
});

describe('shipdesk backup / restore', () => {
  it('backs up a desk, refuses to restore while it is open, restores once closed and keeps the replaced file', () => {
    const db = path.join(dir, 'desk.db');
    const handle = openDatabase(db);
    seedFacets(handle);
    seedShipments(handle, [{}, {}, {}]);
    handle.close();

    const made = shipdesk('backup', '--db', 'desk.db', '--out', 'desk-copy.db');
    expect(made.code, made.stderr).toBe(0);
    expect(envelope(made.stdout)).toMatchObject({ ok: true, value: { file: path.join(dir, 'desk-copy.db') } });
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, 'desk-copy.db')).mode & 0o777).toBe(0o600);
    expect(shipdesk('backup', '--db', 'desk.db', '--out', 'desk-copy.db').code).toBe(1); // never overwrites

    const host = createCore({ dbPath: db, autoRelease: false, log: silentLogger });
    const busy = shipdesk('restore', '--db', 'desk.db', '--from', 'desk-copy.db');
    expect(busy.code).toBe(1);
    expect(envelope(busy.stdout)).toMatchObject({ ok: false, error: { code: 'DATABASE_IN_USE' } });
    host.close();

    const done = shipdesk('restore', '--db', 'desk.db', '--from', 'desk-copy.db');
    expect(done.code, done.stderr).toBe(0);
    const value = (envelope(done.stdout) as { value: { replacedKeptAt: string } }).value;
    expect(path.dirname(value.replacedKeptAt)).toBe(path.join(dir, 'backups'));
    const listed = envelope(shipdesk('call', 'shipments.list', '{"limit":5}', '--db', 'desk.db').stdout);
    expect(listed).toMatchObject({ ok: true, value: { total: 3 } });
  });

  it('explains itself with --help', () => {
    for (const command of ['backup', 'restore']) {
      const r = shipdesk(command, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`shipdesk ${command}`);
    }
  });
});
