// The pool can be seen (docs/HUB.md, "Seeing the pool"): `shipdesk hub stations` prints a JSON line
// per station, and GET /v1/stations gives the same rows to an administrator's token only. The
// database password comes from PGPASSWORD or --pg-password-file, never the command line: this file
// runs its own cluster that asks for a password (the shared one trusts every connection).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHIPDESK_VERSION } from '../../main/core/runtime/version';
import { tempDir } from '../support/core';
import { op, poolShipment, startTestPoolAt, validNumber, type TestPool } from '../support/hubEnv';
import { PG_SUPERUSER, startTestCluster, type TestCluster } from '../support/postgres';

const repo = path.resolve(__dirname, '../..');
const bin = path.join(repo, 'bin/shipdesk.cjs');
const PASSWORD = 'pool view s3cret/?';

let cluster: TestCluster;
let env: TestPool;
let dir: string;
/** The URL an administrator types: no password in it. */
let bare: string;

function shipdesk(args: string[], extraEnv: Record<string, string> = {}) {
  const { PGPASSWORD: _ignored, ...inherited } = process.env;
  const env = { ...inherited, ...extraEnv };
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000, env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, 'dist/main/cli.cjs')))
    throw new Error('dist/main/cli.cjs is missing: run `npm run build` first (npm test does).');
  cluster = await startTestCluster({ password: PASSWORD });
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  await admin.query('CREATE DATABASE pool_view');
  await admin.end();
  bare = `postgres://${PG_SUPERUSER}@127.0.0.1:${cluster.port}/pool_view`;
  dir = tempDir('shipdesk-pool-view-');
  env = await startTestPoolAt(cluster.url('pool_view'));
}, 120_000);

afterAll(async () => {
  await env?.close();
  await cluster?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the database password', () => {
  it('is taken from PGPASSWORD or --pg-password-file, and refused when wrong', () => {
    const viaEnv = shipdesk(['hub', 'init', '--pg', bare], { PGPASSWORD: PASSWORD });
    expect(viaEnv.stderr).toBe('');
    expect(viaEnv.code).toBe(0);
    const file = path.join(dir, 'pg-password');
    fs.writeFileSync(file, PASSWORD + '\n', { mode: 0o600 });
    const viaFile = shipdesk(['hub', 'add-station', 'packing-1', '--pg', bare, '--pg-password-file', file]);
    expect(viaFile.code).toBe(0);
    expect(JSON.parse(viaFile.stdout)).toMatchObject({ station: 'packing-1' });
    fs.writeFileSync(file, 'wrong\n');
    const wrong = shipdesk(['hub', 'stations', '--pg', bare, '--pg-password-file', file]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/password/i);
    expect(wrong.stderr).not.toContain('    at ');
  });
});

describe('seeing the pool', () => {
  it('lists every station with its code, last seen, app version, operations applied today and lag, on the command line and to an admin token', async () => {
    const hub = await env.startHub();
    const a = env.client(hub, await env.enrol('A'));
    const b = env.client(hub, await env.enrol('B'));
    const shipments = Array.from({ length: 5 }, (_, i) => poolShipment(i + 1));
    await a.push([op('importOrders', shipments[0]!.shipmentNo, { shipments, operator: 'kim' })]);
    const who = { operator: 'kim', via: 'scan' as const };
    await a.push([
      op('register', shipments[1]!.shipmentNo, { carrierId: 'kr.cjlogistics', invoiceNo: validNumber(1), ...who }),
    ]);
    // B reads the feed to its end; A never pulls: A lags by what is in the feed.
    let page = await b.changes('0.0', 1000);
    while (page.more) page = await b.changes(page.cursor, 1000);
    await b.changes(page.cursor, 1000);
    await a.changes('0.0', 1);

    const cli = shipdesk(['hub', 'stations', '--pg', bare], { PGPASSWORD: PASSWORD });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const lines = cli.stdout.trim().split('\n');
    const rows = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const byName = new Map(rows.map((r) => [r['name'], r]));
    expect(byName.get('A')).toMatchObject({
      code: expect.any(Number),
      revoked: false,
      appVersion: SHIPDESK_VERSION,
      appliedToday: 2,
      lag: 6,
    });
    expect(typeof byName.get('A')?.['lastSeenAt']).toBe('string');
    expect(byName.get('B')).toMatchObject({ appliedToday: 0, lag: 0, appVersion: SHIPDESK_VERSION });
    expect(byName.get('packing-1')).toMatchObject({ lastSeenAt: null, appVersion: null, appliedToday: 0, lag: null });

    const issued = shipdesk(['hub', 'add-admin', 'ops-lead', '--pg', bare], { PGPASSWORD: PASSWORD });
    expect(issued.code).toBe(0);
    const { token } = JSON.parse(issued.stdout) as { token: string };
    const seen = await fetch(`${hub.url}/v1/stations`, { headers: { Authorization: `Bearer ${token}` } });
    expect(seen.status).toBe(200);
    expect(((await seen.json()) as { stations: unknown[] }).stations).toEqual(rows);

    const asStation = await fetch(`${hub.url}/v1/stations`, {
      headers: { Authorization: `Bearer ${await env.enrol('C')}` },
    });
    expect(asStation.status).toBe(401);
    expect(await asStation.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
    expect((await fetch(`${hub.url}/v1/stations`)).status).toBe(401);
  });
});
