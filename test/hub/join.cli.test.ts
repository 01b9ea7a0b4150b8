// `shipdesk join` and `shipdesk sync --once` for a station in a pool: what scripts read, and exit codes.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/core';
import { op, poolShipment, startTestPool, validNumber, type TestPool } from '../support/hubEnv';

const repo = path.resolve(__dirname, '../..');
const bin = path.join(repo, 'bin/shipdesk.cjs');
let env: TestPool;
let hubUrl: string;
let dir: string;

/** Asynchronous: the hub answering these commands runs in this very process. */
function shipdesk(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, 'dist/main/cli.cjs')))
    throw new Error('dist/main/cli.cjs is missing: run `npm run build` first (npm test does).');
  env = await startTestPool('join_cli');
  const hub = await env.startHub();
  hubUrl = hub.url;
  const admin = env.client(hub, await env.enrol('admin'));
  const shipments = Array.from({ length: 5 }, (_, i) => poolShipment(i + 1));
  await admin.push([op('importOrders', shipments[0]!.shipmentNo, { shipments, operator: 'admin' })]);
  dir = tempDir('shipdesk-join-');
});
afterAll(async () => {
  await env.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('shipdesk join and sync --once in a pool', () => {
  it('joins with a token, pulls the pool, and pushes a registration on the next sync', async () => {
    const db = path.join(dir, 'packing-1.db');
    const token = await env.enrol('packing-1');
    const join = await shipdesk('join', '--db', db, '--hub', hubUrl, '--token', token);
    expect(join.code).toBe(0);
    expect(JSON.parse(join.stdout)).toMatchObject({ ok: true, value: { station: 'packing-1', offered: 0, pushed: 0 } });
    expect(JSON.parse(join.stdout).value.pulled).toBeGreaterThanOrEqual(5);
    expect((fs.statSync(`${db}.hub-token`).mode & 0o777).toString(8)).toBe('600');

    const reg = await shipdesk(
      'call',
      'invoices.register',
      JSON.stringify({
        shipmentNo: poolShipment(1).shipmentNo,
        carrierId: 'kr.cjlogistics',
        invoiceNo: validNumber(42),
      }),
      '--db',
      db,
    );
    expect(reg.code).toBe(0);
    const sync = await shipdesk('sync', '--once', '--db', db);
    expect(sync.code).toBe(0);
    const summary = JSON.parse(sync.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ pushed: 1, conflicts: 0, hubOnline: true, released: 1 });
    const { rows } = await env.pool.query('SELECT station FROM invoices WHERE shipment_no = $1 AND active', [
      poolShipment(1).shipmentNo,
    ]);
    expect(rows).toEqual([{ station: 'packing-1' }]);
  });

  it('takes every hub of the pool, repeated or comma-separated, and keeps the single form', async () => {
    const second = await env.startHub();
    // A hub address where nothing listens any more: the station goes on to the next hub.
    const gone = net.createServer();
    await new Promise<void>((r) => gone.listen(0, '127.0.0.1', r));
    const dead = `http://127.0.0.1:${(gone.address() as net.AddressInfo).port}`;
    await new Promise<void>((r) => gone.close(() => r()));
    for (const [name, hubs] of [
      ['packing-3', ['--hub', `${dead},${hubUrl}`]],
      ['packing-4', ['--hub', dead, '--hub', second.url]],
    ] as const) {
      const db = path.join(dir, `${name}.db`);
      const join = await shipdesk('join', '--db', db, ...hubs, '--token', await env.enrol(name));
      expect(join.code).toBe(0);
      expect(JSON.parse(join.stdout)).toMatchObject({ ok: true, value: { station: name } });
      const sync = await shipdesk('sync', '--once', '--db', db);
      expect(JSON.parse(sync.stdout)).toMatchObject({ hubOnline: true });
    }
  });

  it('refuses a wrong token with exit 1 and an envelope, and bad usage with exit 2', async () => {
    const db = path.join(dir, 'packing-2.db');
    const wrong = await shipdesk('join', '--db', db, '--hub', hubUrl, '--token', 'sdst_wrong');
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect((await shipdesk('join', '--db', db, '--token', 'x')).code).toBe(2);
    expect((await shipdesk('join', '--db', db, '--hub', 'ftp://x', '--token', 'x')).code).toBe(2);
  });
});
