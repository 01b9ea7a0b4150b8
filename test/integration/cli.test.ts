// `shipdesk` on the command line: the envelope on stdout, exit 0 / 1 / 2.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/core';

const repo = path.resolve(__dirname, '../..');
const bin = path.join(repo, 'bin/shipdesk.cjs');
let dir: string;
let db: string;

function shipdesk(...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: dir, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  if (!fs.existsSync(path.join(repo, 'dist/main/cli.cjs'))) {
    throw new Error('dist/main/cli.cjs is missing: run `npm run build` first (npm test does).');
  }
  dir = tempDir('shipdesk-cli-');
  db = path.join(dir, 'desk.db');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('shipdesk CLI', () => {
  it('creates demo data and lists it through `call`, printing only the envelope', () => {
    const demo = shipdesk('demo', '--db', db, '--shipments', '300', '--seed', '3');
    expect(demo.code).toBe(0);
    expect(JSON.parse(demo.stdout)).toMatchObject({ ok: true, value: { shipments: 300 } });

    const list = shipdesk('call', 'shipments.list', '{"tab":"preparing","region":"domestic","limit":5}', '--db', db);
    expect(list.code).toBe(0);
    const env = JSON.parse(list.stdout) as { ok: boolean; value: { rows: unknown[]; counts: Record<string, number> } };
    expect(env.ok).toBe(true);
    expect(env.value.rows.length).toBeGreaterThan(0);
    expect(list.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('registers an invoice by script and records the operator and via api', () => {
    const list = JSON.parse(
      shipdesk('call', 'shipments.list', '{"tab":"preparing","region":"domestic","limit":50}', '--db', db).stdout,
    ) as {
      value: { rows: { shipmentNo: string; status: string }[] };
    };
    const target = list.value.rows.find((r) => r.status === 'AWAITING_INVOICE')!;
    const reg = shipdesk(
      'call',
      'invoices.register',
      JSON.stringify({ shipmentNo: target.shipmentNo, carrierId: 'kr.lotte', invoiceNo: '241743423084' }),
      '--db',
      db,
      '--operator',
      'script-bot',
    );
    expect(reg.code).toBe(0);
    expect(JSON.parse(reg.stdout)).toMatchObject({ ok: true, value: { shipment: { invoiceNo: '241743423084' } } });
    const history = JSON.parse(
      shipdesk('call', 'invoices.history', JSON.stringify({ shipmentNo: target.shipmentNo }), '--db', db).stdout,
    ) as {
      value: { operator: string; via: string }[];
    };
    expect(history.value[0]).toMatchObject({ operator: 'script-bot', via: 'api' });
    // the release was sent before the process ended
    const get = JSON.parse(
      shipdesk('call', 'shipments.get', JSON.stringify({ shipmentNo: target.shipmentNo }), '--db', db).stdout,
    ) as { value: { status: string } };
    expect(get.value.status).toBe('RELEASED');
  });

  it('exits 1 with the error envelope when the core refuses', () => {
    const r = shipdesk('call', 'invoices.delete', '{"shipmentNo":"SD0000999999"}', '--db', db);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const unknown = shipdesk('call', 'shipments.explode', '{}', '--db', db);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('exits 2 on bad usage, with a hint on stderr and nothing on stdout', () => {
    for (const args of [
      [],
      ['call'],
      ['call', 'shipments.list', '{not json', '--db', db],
      ['call', 'shipments.list', '{}'],
      ['frobnicate'],
      ['demo', '--db', db, '--shipments', 'lots'],
    ]) {
      const r = shipdesk(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/Usage:/);
    }
  });

  it('refuses to mix demo data into a database that has shipments', () => {
    const again = shipdesk('demo', '--db', db, '--shipments', '10');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already/i);
  });
});
