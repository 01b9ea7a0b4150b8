// A desk whose database is refused still starts and offers the last backup: recovery.state says what
// is wrong and lists the backups (newest first, time and size), recovery.restore puts one back (the
// refused file kept aside, as `shipdesk restore` does) and the desk opens with the backup's rows.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/createCore';
import { silentLogger } from '../../main/core/log/logger';
import { openDesk, type Desk } from '../../main/core/recovery/desk';
import { startWebHost } from '../../main/web/host';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract';
import type { Envelope } from '../../shared/errors';
import { damagePages } from '../support/damage';
import { tempDir } from '../support/core';
import { seedFacets, seedShipments } from '../support/seed';

const NOW = Date.parse('2026-11-26T01:00:00Z');
const HOUR = 3_600_000;
const dirs: string[] = [];
const desks: Desk[] = [];

afterEach(() => {
  for (const d of desks.splice(0)) d.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const hash = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function call<M extends MethodName>(desk: Desk, method: M, input: MethodInput<M>) {
  return desk.dispatch(method, input, { operator: 'kim', via: 'manual' }) as Promise<Envelope<MethodResult<M>>>;
}

async function ok<M extends MethodName>(desk: Desk, method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const answer = await call(desk, method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.value;
}

function open(dbPath: string, now: { value: number }): Desk {
  const desk = openDesk({ dbPath, clock: () => now.value, log: silentLogger, autoRelease: false });
  desks.push(desk);
  return desk;
}

/**
 * A desk with `before` shipments backed up twice (an hour apart), then `after` more written since
 * the last backup, then damaged on disk. Returns the file and the backups' names, newest first.
 */
async function damagedDesk(before: number, after: number) {
  const dir = tempDir('shipdesk-recovery-');
  dirs.push(dir);
  const dbPath = path.join(dir, 'shipdesk.db');
  const now = { value: NOW };
  const desk = open(dbPath, now);
  const core = desk.core!;
  seedFacets(core.db);
  seedShipments(
    core.db,
    Array.from({ length: before }, (_, i) => ({ recipient: `Before ${i}`, productId: `P-BEFORE-${i}` })),
  );
  const older = await ok(desk, 'data.backupNow', {});
  now.value += HOUR;
  const newer = await ok(desk, 'data.backupNow', {});
  seedShipments(
    core.db,
    Array.from({ length: after }, (_, i) => ({ recipient: `After ${i}`, productId: `P-AFTER-${i}` })),
  );
  desk.close();
  desks.splice(desks.indexOf(desk), 1);
  expect(damagePages(dbPath, 'shipments', 2)).toBeGreaterThan(0);
  return { dir, dbPath, now, older, newer };
}

describe('a damaged database', () => {
  it('starts the recovery desk: the problem in words, the backups newest first with time and size', async () => {
    const { dbPath, now, older, newer } = await damagedDesk(300, 40);
    const desk = open(dbPath, now);
    expect(desk.core).toBeNull();

    const state = await ok(desk, 'recovery.state', {});
    expect(state.state).toBe('needed');
    expect(state.problem?.code).toBe('DATABASE_DAMAGED');
    expect(state.problem?.message).toContain('is damaged');
    expect(state.problem?.message).toContain('Restore the last backup');
    expect(state.databaseFile).toBe(path.resolve(dbPath));
    expect(state.backups.map((b) => b.fileName)).toEqual([newer.fileName, older.fileName]);
    expect(state.backups[0]).toMatchObject({
      reason: 'manual',
      takenAt: new Date(NOW + HOUR).toISOString().replace(/\.\d{3}Z$/, '.000Z'),
    });
    for (const b of state.backups)
      expect(b.bytes).toBe(fs.statSync(path.join(path.dirname(dbPath), 'backups', b.fileName)).size);

    // Everything else answers why the desk is not open, and nothing touches the file.
    const before = hash(dbPath);
    const list = await call(desk, 'shipments.list', { tab: 'preparing', region: 'domestic' });
    expect(list).toMatchObject({ ok: false, error: { code: 'DATABASE_DAMAGED' } });
    expect(await call(desk, 'data.purgeOld', {})).toMatchObject({ ok: false, error: { code: 'DATABASE_DAMAGED' } });
    expect(hash(dbPath)).toBe(before);
  });

  it('restores the last backup: the damaged file is kept aside and the desk opens with the backup’s rows', async () => {
    const { dir, dbPath, now, newer } = await damagedDesk(300, 40);
    const damagedHash = hash(dbPath);
    now.value += HOUR;
    const desk = open(dbPath, now);
    const pushed: string[] = [];
    desk.events.on((e) => pushed.push(e.type));

    const restored = await ok(desk, 'recovery.restore', { fileName: newer.fileName });
    expect(restored.restoredFrom).toBe(newer.fileName);
    expect(restored.replacedKeptAs).toMatch(/^shipdesk-\d{8}-\d{6}-replaced\.db$/);
    const keptAside = path.join(dir, 'backups', restored.replacedKeptAs!);
    expect(hash(keptAside)).toBe(damagedHash);
    expect(fs.statSync(keptAside).mode & 0o777).toBe(0o600);

    expect(desk.core).not.toBeNull();
    expect(await ok(desk, 'recovery.state', {})).toEqual({
      state: 'open',
      problem: null,
      databaseFile: null,
      backups: [],
    });
    // The backup's 300 shipments, not the 40 written after it.
    const list = await ok(desk, 'shipments.list', { tab: 'preparing', region: 'domestic', limit: 10 });
    expect(list.counts.preparing).toBe(300);
    const integrity = desk.core!.db.pragma('integrity_check', { simple: true });
    expect(integrity).toBe('ok');
    // A restored desk works: a write goes through and its push reaches the hosts' listeners.
    const no = list.rows[0]!.shipmentNo;
    await ok(desk, 'invoices.register', { shipmentNo: no, carrierId: 'kr.cjlogistics', invoiceNo: '123456789012' });
    expect(pushed).toContain('shipments.changed');
    // A second restore is refused now that the desk is open.
    expect(await call(desk, 'recovery.restore', { fileName: newer.fileName })).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_IN_USE' },
    });
  });

  it('answers the web host’s calls the same way, over HTTP with the token', async () => {
    const { dir, dbPath, now, newer } = await damagedDesk(20, 5);
    const desk = open(dbPath, now);
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    const host = await startWebHost({ core: desk, port: 0, rendererDir, log: silentLogger });
    try {
      const post = async (method: string, body: unknown) => {
        const res = await fetch(`http://127.0.0.1:${host.port}/rpc/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
          body: JSON.stringify(body),
        });
        return (await res.json()) as { ok: boolean; value?: { state?: string }; error?: { code: string } };
      };
      expect(await post('recovery.state', {})).toMatchObject({ ok: true, value: { state: 'needed' } });
      expect(await post('recovery.restore', { fileName: '../shipdesk.db' })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT' },
      });
      expect(await post('recovery.restore', { fileName: newer.fileName })).toMatchObject({ ok: true });
      expect(await post('settings.get', {})).toMatchObject({ ok: true });
    } finally {
      await host.close();
    }
  });
});

describe('a file that is not a Shipdesk database', () => {
  it('starts the recovery desk with NOT_SHIPDESK_DATABASE; with no backup, a restore names nothing to restore', async () => {
    const dir = tempDir('shipdesk-recovery-');
    dirs.push(dir);
    const dbPath = path.join(dir, 'shipdesk.db');
    fs.writeFileSync(dbPath, '');
    const desk = open(dbPath, { value: NOW });
    const state = await ok(desk, 'recovery.state', {});
    expect(state).toMatchObject({ state: 'needed', problem: { code: 'NOT_SHIPDESK_DATABASE' }, backups: [] });
    expect(await call(desk, 'recovery.restore', { fileName: 'shipdesk-20261126-010000-manual.db' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(fs.statSync(dbPath).size).toBe(0); // untouched
  });
});

describe('a sound database', () => {
  it('opens as usual: recovery.state says open and recovery.restore is refused', async () => {
    const dir = tempDir('shipdesk-recovery-');
    dirs.push(dir);
    const dbPath = path.join(dir, 'shipdesk.db');
    createCore({ dbPath, log: silentLogger }).close();
    const desk = open(dbPath, { value: NOW });
    expect(desk.core).not.toBeNull();
    expect((await ok(desk, 'recovery.state', {})).state).toBe('open');
    expect(await call(desk, 'recovery.restore', { fileName: 'x.db' })).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_IN_USE' },
    });
  });

  it('a refusal a backup cannot cure still stops the start', () => {
    const dir = tempDir('shipdesk-recovery-');
    dirs.push(dir);
    const dbPath = path.join(dir, 'shipdesk.db');
    createCore({ dbPath, log: silentLogger }).close();
    const newer = new Database(dbPath);
    newer.pragma('user_version = 999'); // written by a newer Shipdesk: a backup is not the answer
    newer.close();
    expect(() => openDesk({ dbPath, log: silentLogger })).toThrow(/newer version of Shipdesk/);
  });
});
