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

  it("says why in one line, then shows that command's usage", () => {
    const r = shipdesk('demo', '--db', db, '--shipments', 'lots');
    const [reason, usage] = r.stderr.split('\n');
    expect(reason).toBe('shipdesk demo: --shipments must be a whole number, not "lots"');
    expect(usage).toBe('Usage: shipdesk demo --db FILE [--shipments N] [--seed S] [--now ISO]');
    expect(r.stderr).not.toMatch(/shipdesk call/);
    const unknown = shipdesk('sync', '--once', '--db', db, '--every');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split('\n')[0]).toBe("shipdesk sync: Unknown option '--every'");
  });

  it('explains every command with --help, and tells its version', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { version: string };
    expect(shipdesk('--version')).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const overview = shipdesk('--help');
    expect(overview.code).toBe(0);
    for (const command of ['call', 'demo', 'import-invoices', 'template', 'sync']) {
      expect(overview.stdout).toContain(`shipdesk ${command}`);
      const help = shipdesk(command, '--help');
      expect(help.code, command).toBe(0);
      expect(help.stdout.split('\n')[0]).toMatch(new RegExp(`^Usage: shipdesk ${command}`));
      expect(help.stdout, command).toMatch(/^ {2}--\w/m);
    }
    expect(shipdesk('demo', '--help').stdout).toContain('--now ISO');
  });

  it('demo data with the same seed and --now is the same file, byte for byte; without --now it ends today', () => {
    const files = ['a.db', 'b.db', 'c.db'].map((f) => path.join(dir, f));
    const now = '2026-11-20T09:00:00+09:00';
    for (const file of files.slice(0, 2)) {
      const r = shipdesk('demo', '--db', file, '--shipments', '400', '--seed', '11', '--now', now);
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ value: { now: '2026-11-20T00:00:00.000Z' } });
    }
    expect(fs.readFileSync(files[1]!).equals(fs.readFileSync(files[0]!))).toBe(true);

    const before = Date.now();
    const today = shipdesk('demo', '--db', files[2]!, '--shipments', '400', '--seed', '11');
    const after = Date.now();
    const anchored = Date.parse((JSON.parse(today.stdout) as { value: { now: string } }).value.now);
    expect(anchored).toBeGreaterThanOrEqual(before);
    expect(anchored).toBeLessThanOrEqual(after);
    const newest = JSON.parse(
      shipdesk('call', 'shipments.list', '{"sort":{"key":"orderDate","dir":"desc"},"limit":1}', '--db', files[2]!)
        .stdout,
    ) as { value: { rows: { orderedAt: string }[] } };
    // The newest order is from the last day before now, so "Today" and "7 days" find rows.
    expect(after - Date.parse(newest.value.rows[0]!.orderedAt)).toBeLessThan(2 * 86_400_000);

    const zoneless = shipdesk('demo', '--db', path.join(dir, 'd.db'), '--now', '2026-11-20T09:00');
    expect(zoneless.code).toBe(2);
    expect(zoneless.stderr).toMatch(/--now must be an ISO time with its zone/);
  });

  it('refuses to mix demo data into a database that has shipments', () => {
    const again = shipdesk('demo', '--db', db, '--shipments', '10');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already/i);
  });
});
