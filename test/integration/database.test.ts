// The SQLite file: durable pragmas, migrations, and a newer database refused untouched.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_VERSION } from '../../main/core/db/open';
import { createCore } from '../../main/core/createCore';
import { ShipdeskError } from '../../shared/errors';
import { tempDir } from '../support/core';
import { silentLogger } from '../../main/core/log/logger';
import { captureLog } from '../support/log';

const dirs: string[] = [];
const fresh = () => {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, 'shipdesk.db');
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('database', () => {
  it('opens with WAL, synchronous FULL, foreign keys and a busy timeout, at the current schema', () => {
    const db = openDatabase(fresh());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('keeps data across reopening and does not migrate twice', () => {
    const file = fresh();
    const a = openDatabase(file);
    a.prepare("INSERT INTO settings VALUES ('operatorName', 'kim')").run();
    a.close();
    const b = openDatabase(file);
    expect(b.prepare('SELECT value FROM settings').get()).toEqual({ value: 'kim' });
    b.close();
  });

  it('refuses a database from a newer Shipdesk with a clear message and leaves the file as it was', () => {
    const file = fresh();
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.exec('CREATE TABLE future (x)');
    raw.close();
    const before = hash(file);
    let caught: unknown;
    try {
      createCore({ dbPath: file });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ShipdeskError);
    expect((caught as ShipdeskError).code).toBe('DATABASE_TOO_NEW');
    expect((caught as ShipdeskError).message).toMatch(/newer version of Shipdesk.*not changed/);
    expect(hash(file)).toBe(before);
  });

  it('refuses rows that break the schema rules', () => {
    const db = openDatabase(fresh());
    expect(() =>
      db
        .prepare(
          "INSERT INTO orders (order_no, ordered_at, sales_channel, buyer_name, claim) VALUES ('X', 0, 'web', 'b', 'exchange')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('dispatcher', () => {
  it('answers an unexpected failure with INTERNAL and keeps serving', async () => {
    const file = fresh();
    const captured = captureLog();
    const core = createCore({ dbPath: file, log: captured.log, autoRelease: false });
    core.db.exec('DROP TABLE settings');
    const broken = await core.dispatch('settings.get', {}, { operator: 'kim', via: 'manual' });
    expect(broken).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(captured.lines.filter((l) => l.level === 'error')).toHaveLength(1);
    const fine = await core.dispatch('carriers.list', { region: 'domestic' }, { operator: 'kim', via: 'manual' });
    expect(fine.ok).toBe(true);
    core.close();
  });

  it('names the field and the problem in invalid input', async () => {
    const core = createCore({ dbPath: fresh(), log: silentLogger });
    const res = await core.dispatch(
      'invoices.register',
      { shipmentNo: 'SD1', carrierId: 'kr.nowhere', invoiceNo: '' },
      { operator: 'kim', via: 'manual' },
    );
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('INVALID_INPUT');
      expect(res.error.message).toContain('carrierId: unknown carrier id');
      expect(res.error.message).toContain('invoiceNo: an invoice number is required');
    }
    for (const bad of [null, 42, 'text', [1, 2]]) {
      const r = await core.dispatch('shipments.get', bad, { operator: 'kim', via: 'manual' });
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    core.close();
  });
});
