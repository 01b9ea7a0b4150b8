// Every command that reads or writes an operator's file goes through the one opener
// (main/core/files/operatorFile.ts): a link to a device, a FIFO or a folder is FILE_NOT_REGULAR in the
// JSON envelope with exit 1, never a hang, gigabytes read, or a raw stack; a link to an ordinary file
// is fine. From the built CLI (dist/).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/db/open';
import { tempDir } from '../support/core';
import { seedFacets, seedShipments } from '../support/seed';

const repo = path.resolve(__dirname, '../..');
const bin = path.join(repo, 'bin/shipdesk.cjs');
const POSIX = process.platform !== 'win32';
let dir: string;
let db: string;

function shipdesk(...args: string[]) {
  // The timeout only ends a hung child so the assertion below can say so; nothing is timed.
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function envelope(stdout: string): unknown {
  expect(stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(stdout);
}

/** A link to /dev/zero, a FIFO and a folder, each under `name` plus the ending. */
function oddFiles(stem: string, ending: string): string[] {
  const zero = `${stem}-zero${ending}`;
  const pipe = `${stem}-pipe${ending}`;
  const folder = `${stem}-folder${ending}`;
  fs.symlinkSync('/dev/zero', path.join(dir, zero));
  spawnSync('mkfifo', [path.join(dir, pipe)]);
  fs.mkdirSync(path.join(dir, folder));
  return [zero, pipe, folder];
}

function expectRefused(args: string[], name: string): void {
  const r = shipdesk(...args);
  expect(r.code, `${args[0]} ${name}: ${r.stderr}`).toBe(1);
  expect(envelope(r.stdout), name).toMatchObject({
    ok: false,
    error: { code: 'FILE_NOT_REGULAR', message: expect.stringContaining(name) },
  });
  expect(r.stderr, name).toBe('');
}

beforeAll(() => {
  if (!fs.existsSync(path.join(repo, 'dist/main/cli.cjs')))
    throw new Error('dist/main/cli.cjs is missing: run `npm run build` first (npm test does).');
  dir = tempDir('shipdesk-operator-files-');
  db = path.join(dir, 'desk.db');
  const handle = openDatabase(db);
  seedFacets(handle);
  seedShipments(handle, [{}, {}]);
  handle.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!POSIX)('one opener for every operator file', () => {
  it('import-orders refuses a link to /dev/zero, a FIFO and a folder with FILE_NOT_REGULAR', () => {
    for (const name of oddFiles('orders', '.xlsx')) expectRefused(['import-orders', name, '--db', db], name);
  });

  it('export and export-invoices refuse a folder, a device and a FIFO as --out, and leave nothing behind', () => {
    for (const name of oddFiles('grid', '.xlsx')) expectRefused(['export', '--db', db, '--out', name], name);
    for (const name of oddFiles('invoices', '.xlsx'))
      expectRefused(
        ['export-invoices', '--channel', 'generic', '--date', '2026-11-20', '--db', db, '--out', name],
        name,
      );
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('template and backup refuse a folder, a device and a FIFO as --out; restore refuses them as --from', () => {
    for (const name of oddFiles('template', '.xlsx')) expectRefused(['template', '--out', name], name);
    for (const name of oddFiles('copy', '.db')) expectRefused(['backup', '--db', db, '--out', name], name);
    for (const name of oddFiles('from', '.db')) expectRefused(['restore', '--db', db, '--from', name], name);
  });

  it('writes through a link to an ordinary file, and the link stays a link', () => {
    const real = path.join(dir, 'real-grid.csv');
    fs.writeFileSync(real, 'old\n');
    fs.symlinkSync(real, path.join(dir, 'grid-link.csv'));
    const r = shipdesk('export', '--db', db, '--out', 'grid-link.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(envelope(r.stdout)).toMatchObject({ ok: true, rows: 2 });
    expect(fs.lstatSync(path.join(dir, 'grid-link.csv')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(real, 'utf8').split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('a folder that does not exist is an envelope too, not a stack', () => {
    const r = shipdesk('template', '--out', 'no-such-folder/template.xlsx');
    expect(r.code).toBe(1);
    expect(envelope(r.stdout)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('its folder does not exist') },
    });
    expect(r.stderr).toBe('');
  });
});
