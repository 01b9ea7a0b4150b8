// Backups of a running desk (daily, kept N, checked), restore (refused while the desk is open, keeps
// the file it replaces), and the retention purge that keeps counts.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabaseFile, databaseInUse, restoreDatabase } from '../../main/core/backup/restore';
import { sampleInvoiceNumber } from '../../main/core/domain/invoiceNumber';
import { ShipdeskError } from '../../shared/errors';
import { startTestCore, type TestCore } from '../support/core';
import { BASE_TIME, lotteNumber, seedFacets, seedShipments } from '../support/seed';

const HAS_MODES = process.platform !== 'win32';
const DAY = 86_400_000;
const cores: TestCore[] = [];
afterEach(() => cores.splice(0).forEach((c) => c.cleanup()));
const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

function desk(n: number, specs: Parameters<typeof seedShipments>[1] = []): { core: TestCore; nos: string[] } {
  const core = startTestCore();
  cores.push(core);
  seedFacets(core.db);
  const nos = seedShipments(core.db, specs.length ? specs : Array.from({ length: n }, () => ({})));
  return { core, nos };
}

const backupsOf = (core: TestCore) => path.join(core.dir, 'backups');
const count = (file: string, sql: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

function thrown(fn: () => unknown): ShipdeskError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ShipdeskError) return err;
    throw err;
  }
  throw new Error('nothing was thrown');
}

describe('backups of a running desk', () => {
  it('backupNow writes a private, complete copy while the desk keeps answering', async () => {
    const { core, nos } = desk(50);
    await core.ok('invoices.register', {
      shipmentNo: nos[0]!,
      carrierId: 'kr.cjlogistics',
      invoiceNo: sampleInvoiceNumber('kr.cjlogistics', 1),
    });
    const [made, list] = await Promise.all([
      core.ok('data.backupNow', {}),
      core.ok('shipments.list', { tab: 'preparing', limit: 10 }),
    ]);
    expect(list.total).toBe(50);
    expect(made).toMatchObject({ reason: 'manual', takenAt: '2026-11-26T01:00:00.000Z' });
    const file = path.join(backupsOf(core), made.fileName);
    if (HAS_MODES) {
      expect(mode(backupsOf(core))).toBe('700');
      expect(mode(file)).toBe('600');
    }
    expect(count(file, 'SELECT count(*) AS n FROM shipments')).toBe(50);
    expect(count(file, 'SELECT count(*) AS n FROM invoices')).toBe(1);
    expect(fs.readdirSync(backupsOf(core))).toEqual([made.fileName]); // no partial file left
  });

  it("a killed backup's half copy is gone at the next start; one another live process is writing is kept", async () => {
    const { core } = desk(3);
    const made = await core.ok('data.backupNow', {});
    core.close();
    const folder = backupsOf(core);
    // A process that has ended (its id names the copy it was writing) and one that still runs.
    const ended = spawnSync(process.execPath, ['-e', '']).pid;
    const live = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      const half = Buffer.alloc(1024 * 1024, 7);
      const killed = `shipdesk-20261125-090000-daily.db.partial-${ended}`;
      const older = 'shipdesk-20261124-090000-daily.db.partial'; // named before copies carried their process id
      const inProgress = `shipdesk-20261126-090000-manual.db.partial-${live.pid}`;
      for (const name of [killed, older, inProgress]) fs.writeFileSync(path.join(folder, name), half);

      const reopened = startTestCore({}, { dir: core.dir, now: core.now.value });
      expect(fs.readdirSync(folder).sort()).toEqual([made.fileName, inProgress].sort());
      reopened.close();

      live.kill();
      await new Promise((resolve) => live.once('exit', resolve));
      const again = startTestCore({}, { dir: core.dir, now: core.now.value });
      cores.push(again);
      expect(fs.readdirSync(folder)).toEqual([made.fileName]);
      expect(await again.ok('data.state', {})).toMatchObject({ backups: [{ fileName: made.fileName }] });
    } finally {
      live.kill();
    }
  });

  it('keeps the newest N and removes older ones', async () => {
    const { core } = desk(3);
    await core.ok('data.updateSettings', { backupKeep: 2 });
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      core.now.value += 60_000;
      names.push((await core.ok('data.backupNow', {})).fileName);
    }
    const state = await core.ok('data.state', {});
    expect(state.backupKeep).toBe(2);
    expect(state.backups.map((b) => b.fileName)).toEqual([names[2], names[1]]);
  });

  it('the daily pass backs up once a day and checks the copy', async () => {
    const { core } = desk(20);
    await core.dataCare.dailyPass();
    await core.dataCare.dailyPass(); // same day: nothing new
    expect((await core.ok('data.state', {})).backups.map((b) => b.reason)).toEqual(['daily']);
    core.now.value += DAY + 1;
    await core.dataCare.dailyPass();
    const state = await core.ok('data.state', {});
    expect(state.backups.map((b) => b.reason)).toEqual(['daily', 'daily']);
    expect(state.lastCheck).toMatchObject({ sound: true, problem: null });
  });

  it('the daily check finds damage the start-up check did not read', async () => {
    const { core } = desk(800);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const pageSize = Number(core.db.pragma('page_size', { simple: true }));
    const leaf = core.db
      .prepare("SELECT pageno FROM dbstat WHERE name = 'order_items' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1")
      .get() as { pageno: number };
    const fd = fs.openSync(core.dbPath, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize / 2, 0xa5), 0, pageSize / 2, (leaf.pageno - 1) * pageSize);
    fs.closeSync(fd);
    await core.dataCare.dailyPass();
    const { lastCheck } = await core.ok('data.state', {});
    expect(lastCheck?.sound).toBe(false);
    expect(lastCheck?.problem).toBeTruthy();
  });
});

describe('restore', () => {
  it('is refused while a desk has the database open, and nothing changes', async () => {
    const { core } = desk(5);
    const made = await core.ok('data.backupNow', {});
    const before = fs.readFileSync(core.dbPath);
    expect(databaseInUse(core.dbPath)).toBe(true);
    const err = thrown(() =>
      restoreDatabase(core.dbPath, path.join(backupsOf(core), made.fileName), { at: core.now.value }),
    );
    expect(err.code).toBe('DATABASE_IN_USE');
    expect(err.message).toMatch(/has .* open\. Close it, then restore again; nothing was changed/);
    expect(fs.readFileSync(core.dbPath).equals(before)).toBe(true);
    expect(await core.ok('shipments.list', { limit: 1 })).toMatchObject({ total: 5 });
  });

  it('puts the backup in place and keeps the database it replaces', async () => {
    const { core, nos } = desk(5);
    const made = await core.ok('data.backupNow', {});
    await core.ok('invoices.register', {
      shipmentNo: nos[0]!,
      carrierId: 'kr.cjlogistics',
      invoiceNo: sampleInvoiceNumber('kr.cjlogistics', 7),
    });
    core.close();
    expect(databaseInUse(core.dbPath)).toBe(false);
    const result = restoreDatabase(core.dbPath, path.join(backupsOf(core), made.fileName), {
      at: Date.parse('2026-11-27T08:00:00Z'),
    });
    expect(result.replacedKeptAt).toBe(path.join(backupsOf(core), 'shipdesk-20261127-080000-replaced.db'));
    expect(count(core.dbPath, 'SELECT count(*) AS n FROM invoices')).toBe(0); // as backed up
    expect(count(result.replacedKeptAt!, 'SELECT count(*) AS n FROM invoices')).toBe(1); // kept, not lost
    if (HAS_MODES) expect(mode(core.dbPath)).toBe('600');
    const reopened = startTestCore({ dbPath: core.dbPath });
    cores.push(reopened);
    expect((await reopened.ok('shipments.list', { limit: 1 })).total).toBe(5);
  });

  it('refuses a file that is not a sound Shipdesk database', () => {
    const { core } = desk(1);
    core.close();
    const junk = path.join(core.dir, 'junk.db');
    fs.writeFileSync(junk, 'not a database at all');
    expect(thrown(() => restoreDatabase(core.dbPath, junk, { at: 0 })).code).toBe('NOT_SHIPDESK_DATABASE');
    expect(thrown(() => restoreDatabase(core.dbPath, core.dbPath, { at: 0 })).code).toBe('INVALID_INPUT');
  });

  it('backupDatabaseFile copies a closed database and never overwrites a file', async () => {
    const { core } = desk(4);
    core.close();
    const out = path.join(core.dir, 'copy.db');
    const copy = await backupDatabaseFile(core.dbPath, out);
    expect(copy.problems).toEqual([]);
    expect(count(out, 'SELECT count(*) AS n FROM shipments')).toBe(4);
    if (HAS_MODES) expect(mode(out)).toBe('600');
    await expect(backupDatabaseFile(core.dbPath, out)).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('retention', () => {
  it('is off by default; when set, purges untouched old shipments and keeps their counts', async () => {
    const old = BASE_TIME - 400 * DAY;
    const { core, nos } = desk(0, [
      { orderedAt: old, status: 'DELIVERED', invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(1) } },
      { orderedAt: old, status: 'DELIVERED', invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(2) } },
      { orderedAt: old },
      { orderedAt: BASE_TIME - DAY },
    ]);
    core.db.prepare('UPDATE shipments SET updated_at = ordered_at').run();
    expect(await core.call('data.purgeOld', {})).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    // The preview counts exactly what a purge would take, for any period, and removes nothing.
    const preview = await core.ok('data.purgePreview', { retentionDays: 365 });
    expect(preview).toEqual({ shipments: 3, cutoff: new Date(core.now.value - 365 * DAY).toISOString() });
    expect((await core.ok('data.purgePreview', { retentionDays: 3650 })).shipments).toBe(0);
    expect(await core.call('data.purgePreview', { retentionDays: 7 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect((await core.ok('shipments.list', { limit: 10 })).rows).toHaveLength(4);
    await core.ok('data.updateSettings', { retentionDays: 365 });

    const result = await core.ok('data.purgeOld', {});
    expect(result.purged).toBe(preview.shipments);
    const remaining = (await core.ok('shipments.list', { limit: 10 })).rows.map((r) => r.shipmentNo);
    expect(remaining).toEqual([nos[3]]);
    const db = core.db;
    for (const table of ['invoices', 'tracking_events', 'history', 'orders', 'order_items']) {
      const left = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect(left, table).toBe(table === 'orders' || table === 'order_items' ? 1 : 0);
    }
    const counts = db.prepare('SELECT status, shipments, invoices FROM purged_counts ORDER BY status').all() as {
      status: string;
      shipments: number;
      invoices: number;
    }[];
    expect(counts).toEqual([
      { status: 'AWAITING_INVOICE', shipments: 1, invoices: 0 },
      { status: 'DELIVERED', shipments: 2, invoices: 2 },
    ]);
    // The tab counters follow the rows, and the file is sound.
    const counted = (db.prepare('SELECT sum(n) AS n FROM count_by_facet').get() as { n: number }).n;
    expect(counted).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
