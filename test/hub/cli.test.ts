// `shipdesk hub ...` on the command line: exit codes and what scripts read on stdout.
import { HUB_MIGRATIONS } from '../../main/hub/db/migrations';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createHubClient } from '../../main/core/poolLink/client';
import { createTestDatabase, PG_ADMIN_URL_KEY } from '../support/postgres';

const repo = path.resolve(__dirname, '../..');
const bin = path.join(repo, 'bin/shipdesk.cjs');
let url: string;

function shipdesk(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, 'dist/main/cli.cjs')))
    throw new Error('dist/main/cli.cjs is missing: run `npm run build` first (npm test does).');
  url = await createTestDatabase(inject(PG_ADMIN_URL_KEY), 'cli');
  expect(shipdesk('hub', 'init', '--pg', url).code).toBe(0);
});

/** A pool of its own, for a test that must see it empty or unset. */
const freshPool = () => createTestDatabase(inject(PG_ADMIN_URL_KEY), 'cli_fresh');

describe('shipdesk hub', () => {
  it('refuses to work on a pool that was never initialised, then init creates the schema once', async () => {
    const url = await freshPool();
    const early = shipdesk('hub', 'add-station', 'A', '--pg', url);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/shipdesk hub init/);
    const init = shipdesk('hub', 'init', '--pg', url);
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout)).toEqual({ ok: true, schema: { from: 0, to: HUB_MIGRATIONS.length } });
    const again = shipdesk('hub', 'init', '--pg', url);
    expect(JSON.parse(again.stdout)).toEqual({
      ok: true,
      schema: { from: HUB_MIGRATIONS.length, to: HUB_MIGRATIONS.length },
    });
  });

  it('issues a station token as one JSON line and revokes it', () => {
    const add = shipdesk('hub', 'add-station', 'packing-1', '--pg', url);
    expect(add.code).toBe(0);
    expect(add.stdout.trim().split('\n')).toHaveLength(1);
    const issued = JSON.parse(add.stdout) as { station: string; token: string };
    expect(issued.station).toBe('packing-1');
    expect(issued.token.length).toBeGreaterThan(40);
    const revoke = shipdesk('hub', 'revoke-station', 'packing-1', '--pg', url);
    expect(revoke.code).toBe(0);
    expect(JSON.parse(revoke.stdout)).toEqual({ station: 'packing-1', revoked: true });
    expect(shipdesk('hub', 'revoke-station', 'nobody', '--pg', url).code).toBe(1);
  });

  it('answers bad usage with exit 2 and the usage text', () => {
    for (const args of [
      ['hub', 'add-station', '--pg', url],
      ['hub', 'add-station', '../evil', '--pg', url],
      ['hub', 'init'],
      ['hub', 'init', '--pg', 'mysql://x'],
      ['hub', 'frobnicate', '--pg', url],
      ['hub', '--pg', url, '--port', 'abc'],
      ['hub', 'demo', '--pg', url, '--shipments', '-5'],
    ]) {
      const r = shipdesk(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/Usage:/);
    }
  });

  it('fills an empty pool with demo data and refuses a second fill', async () => {
    const url = await freshPool();
    expect(shipdesk('hub', 'init', '--pg', url).code).toBe(0);
    const demo = shipdesk('hub', 'demo', '--pg', url, '--shipments', '300', '--seed', '4');
    expect(demo.code).toBe(0);
    expect(JSON.parse(demo.stdout)).toMatchObject({ ok: true, shipments: 300 });
    const again = shipdesk('hub', 'demo', '--pg', url, '--shipments', '300', '--seed', '4');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/empty pool/);
  });

  it('serves, printing its address, answers an enrolled station, and stops on SIGTERM with exit 0', async () => {
    const { token } = JSON.parse(shipdesk('hub', 'add-station', 'packing-2', '--pg', url).stdout) as { token: string };
    const child = spawn(process.execPath, [bin, 'hub', '--pg', url, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]!);
        });
        child.once('exit', (code) => reject(new Error(`hub exited ${code}`)));
      });
      expect(line).toMatch(/^Shipdesk hub: http:\/\/127\.0\.0\.1:\d+$/);
      const hello = await createHubClient({ url: line.slice('Shipdesk hub: '.length), token }).hello();
      expect(hello.station).toBe('packing-2');
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
