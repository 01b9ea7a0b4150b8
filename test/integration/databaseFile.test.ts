// The database file as a bad disk and a careless copy leave it: private modes, a clear verdict on
// files that are not Shipdesk databases or are damaged, and named answers (DISK_FULL,
// DATABASE_READ_ONLY, DATABASE_DAMAGED) from a running core that keeps serving reads.
import { damagePages } from '../support/damage';
import { silentLogger } from '../../main/core/log/logger';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/createCore';
import { openDatabase } from '../../main/core/db/open';
import { MIGRATIONS } from '../../main/core/db/migrations';
import { storageCodeOf } from '../../main/core/db/storageErrors';
import { backupBeforeMigration } from '../../main/core/db/snapshot';
import { sampleInvoiceNumber } from '../../main/core/domain/invoiceNumber';
import { ShipdeskError, type Envelope } from '../../shared/errors';
import { tempDir } from '../support/core';
import { handOver, runProbe } from '../support/otherUser';
import { seedFacets, seedShipments } from '../support/seed';

const HAS_MODES = process.platform !== 'win32';
const dirs: string[] = [];
const cores: Core[] = [];
afterEach(() => {
  cores.splice(0).forEach((c) => c.close());
  dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});
const folder = () => {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
};
const ctx = { operator: 'kim', via: 'manual' as const };
const mode = (file: string) => fs.statSync(file).mode & 0o777;
const hash = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function refusal(open: () => unknown): ShipdeskError {
  try {
    open();
  } catch (err) {
    if (err instanceof ShipdeskError) return err;
    throw err;
  }
  throw new Error('the file was opened');
}

function start(dbPath: string): Core {
  const core = createCore({ dbPath, autoRelease: false, log: silentLogger });
  cores.push(core);
  return core;
}

/** A real desk: facets and `n` shipments waiting for an invoice, closed so everything is in the main file. */
function desk(dbPath: string, n: number): string[] {
  const db = openDatabase(dbPath);
  seedFacets(db);
  const nos = seedShipments(
    db,
    Array.from({ length: n }, () => ({})),
  );
  db.close();
  return nos;
}

const register = (core: Core, shipmentNo: string, serial: number) =>
  core.dispatch(
    'invoices.register',
    { shipmentNo, carrierId: 'kr.cjlogistics', invoiceNo: sampleInvoiceNumber('kr.cjlogistics', serial) },
    ctx,
  );

function errorCode(env: Envelope<unknown>): string | null {
  return env.ok ? null : env.error.code;
}

describe('a new database', () => {
  it.skipIf(!HAS_MODES)('is created 0600 in a 0700 folder, and so are its -wal and -shm', () => {
    const parent = folder();
    const dbPath = path.join(parent, 'station', 'shipdesk.db');
    const core = start(dbPath);
    expect(mode(path.dirname(dbPath)).toString(8)).toBe('700');
    for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) expect(mode(file).toString(8), file).toBe('600');
    core.close();
    // no half-made file is left from the creation
    expect(fs.readdirSync(path.dirname(dbPath)).filter((f) => f.includes('creating'))).toEqual([]);
  });

  it.skipIf(!HAS_MODES)('an older database readable by everyone is made private when opened', () => {
    const dbPath = path.join(folder(), 'shipdesk.db');
    desk(dbPath, 1);
    fs.chmodSync(dbPath, 0o644);
    start(dbPath);
    expect(mode(dbPath).toString(8)).toBe('600');
  });
});

describe('a file that is not a Shipdesk database is refused and left untouched', () => {
  const cases: [string, (file: string) => void, RegExp][] = [
    ['an empty file', (f) => fs.writeFileSync(f, ''), /empty \(0 bytes\)/],
    ['random bytes', (f) => fs.writeFileSync(f, crypto.randomBytes(64 * 1024)), /not a SQLite database file/],
    ['a spreadsheet', (f) => fs.writeFileSync(f, Buffer.from('PK\u0003\u0004 not a database')), /not a SQLite/],
    [
      "another program's SQLite file",
      (f) => {
        const other = new Database(f);
        other.exec('CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES (1)');
        other.close();
      },
      /another program's SQLite database/,
    ],
  ];
  for (const [name, make, why] of cases) {
    it(name, () => {
      const dbPath = path.join(folder(), 'shipdesk.db');
      make(dbPath);
      const before = hash(dbPath);
      const err = refusal(() => createCore({ dbPath, log: silentLogger }));
      expect(err.code).toBe('NOT_SHIPDESK_DATABASE');
      expect(err.message).toMatch(why);
      expect(err.message).toContain('did not change it');
      expect(hash(dbPath)).toBe(before);
      expect(fs.readdirSync(path.dirname(dbPath))).toEqual(['shipdesk.db']); // no -wal, no -shm, no backup
    });
  }

  it('a folder where the file should be', () => {
    const dbPath = path.join(folder(), 'shipdesk.db');
    fs.mkdirSync(dbPath);
    expect(refusal(() => openDatabase(dbPath))).toMatchObject({ code: 'NOT_SHIPDESK_DATABASE' });
  });
});

describe('a damaged database', () => {
  it('is refused with DATABASE_DAMAGED and the way out: the last backup', () => {
    const dir = folder();
    const dbPath = path.join(dir, 'shipdesk.db');
    desk(dbPath, 400);
    // A backup taken while the file was sound.
    const db = openDatabase(dbPath);
    const backup = backupBeforeMigration(db, dbPath, 5, Date.parse('2026-11-25T09:00:00Z'));
    db.close();
    expect(damagePages(dbPath, 'shipments', 3)).toBe(3);
    const before = hash(dbPath);

    const err = refusal(() => createCore({ dbPath, log: silentLogger }));
    expect(err.code).toBe('DATABASE_DAMAGED');
    expect(err.message).toContain('is damaged');
    expect(err.message).toContain(`shipdesk restore --db "${dbPath}" --from "${backup}"`);
    expect(err.details).toMatchObject({ lastBackup: backup });
    expect(hash(dbPath)).toBe(before);
    // …and the backup it points at opens and holds every shipment.
    const restored = new Database(backup, { readonly: true });
    expect(restored.prepare('SELECT count(*) AS n FROM shipments').get()).toEqual({ n: 400 });
    restored.close();
  });

  it('found mid-run answers DATABASE_DAMAGED for what it touches, and the rest keeps answering', async () => {
    const dbPath = path.join(folder(), 'shipdesk.db');
    desk(dbPath, 600);
    const core = start(dbPath);
    expect(await core.dispatch('shipments.list', { tab: 'preparing', limit: 5 }, ctx)).toMatchObject({ ok: true });
    // The disk damages pages under the running app; another program's write makes it read them again.
    expect(damagePages(dbPath, 'order_items', 4)).toBe(4);
    const other = new Database(dbPath);
    other.prepare("INSERT INTO settings (key, value) VALUES ('touch', '1')").run();
    other.close();

    const list = await core.dispatch('shipments.list', { tab: 'preparing', limit: 500 }, ctx);
    expect(errorCode(list)).toBe('DATABASE_DAMAGED');
    if (!list.ok) expect(list.error.message).toMatch(/restore the last backup/);
    // Reads that do not touch the damaged pages still answer.
    expect(await core.dispatch('settings.get', {}, ctx)).toMatchObject({ ok: true });
    expect(await core.dispatch('carriers.list', {}, ctx)).toMatchObject({ ok: true });
    expect(await core.dispatch('sync.state', {}, ctx)).toMatchObject({ ok: true });
  });
});

describe('a full disk', () => {
  it('answers DISK_FULL, saves nothing of the refused change, keeps serving reads and saves again once there is room', async () => {
    const dbPath = path.join(folder(), 'shipdesk.db');
    const nos = desk(dbPath, 300);
    const core = start(dbPath);
    // SQLite's page limit is a real SQLITE_FULL: the same error a full disk gives, without filling one.
    const pages = Number(core.db.pragma('page_count', { simple: true }));
    core.db.pragma(`max_page_count = ${pages}`);

    let serial = 1;
    let full: Envelope<unknown> | null = null;
    let registered = 0;
    for (const shipmentNo of nos) {
      const env = await register(core, shipmentNo, serial++);
      if (!env.ok) {
        full = env;
        break;
      }
      registered += 1;
    }
    expect(full, 'the page limit was never reached').not.toBeNull();
    expect(errorCode(full!)).toBe('DISK_FULL');
    if (full && !full.ok) expect(full.error.message).toMatch(/disk .* is full.*Free some space/);
    const refusedNo = nos[registered]!;
    const shown = await core.dispatch('shipments.get', { shipmentNo: refusedNo }, ctx);
    expect(shown).toMatchObject({ ok: true, value: { status: 'AWAITING_INVOICE' } });
    const history = await core.dispatch('invoices.history', { shipmentNo: refusedNo }, ctx);
    expect(history).toMatchObject({ ok: true, value: [] });
    expect(await core.dispatch('shipments.list', { tab: 'preparing', limit: 50 }, ctx)).toMatchObject({ ok: true });

    core.db.pragma('max_page_count = 1073741823');
    expect(await register(core, refusedNo, serial)).toMatchObject({ ok: true });
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('a read-only database', () => {
  it.skipIf(!HAS_MODES)('a read-only file opens for lookups; writes answer DATABASE_READ_ONLY', () => {
    const dir = folder();
    const dbPath = path.join(dir, 'shipdesk.db');
    const nos = desk(dbPath, 3);
    fs.chmodSync(dbPath, 0o400);
    handOver(dir);
    const before = hash(dbPath);
    const out = runProbe('test/support/readOnlyProbe.ts', [
      dbPath,
      nos[0]!,
      sampleInvoiceNumber('kr.cjlogistics', 9),
    ]) as Record<string, Envelope<unknown> | boolean>;
    expect(out.opened).toBe(true);
    expect(out.read).toMatchObject({ ok: true, value: { shipmentNo: nos[0], status: 'AWAITING_INVOICE' } });
    expect(out.write).toMatchObject({ ok: false, error: { code: 'DATABASE_READ_ONLY' } });
    expect(out.readAfter).toMatchObject({ ok: true });
    expect(hash(dbPath)).toBe(before);
  });

  it.skipIf(!HAS_MODES)('a read-only folder is refused at start with the folder named', () => {
    const dir = folder();
    const dbPath = path.join(dir, 'shipdesk.db');
    const nos = desk(dbPath, 1);
    handOver(dir);
    fs.chmodSync(dir, 0o500);
    const out = runProbe('test/support/readOnlyProbe.ts', [dbPath, nos[0]!, '1']) as {
      opened: boolean;
      code: string;
      message: string;
    };
    fs.chmodSync(dir, 0o700);
    expect(out).toMatchObject({ opened: false, code: 'DATABASE_READ_ONLY' });
    expect(out.message).toMatch(/cannot write in the folder/);
  });
});

describe('an update of the schema', () => {
  it('is preceded by a private backup the previous Shipdesk can still open', () => {
    const dir = folder();
    const dbPath = path.join(dir, 'shipdesk.db');
    // A database as Shipdesk wrote it four schema versions ago, with a shipment in it.
    const old = new Database(dbPath);
    old.pragma('journal_mode = WAL');
    for (const sql of MIGRATIONS.slice(0, 4)) old.exec(sql);
    old.pragma('user_version = 4');
    seedFacets(old);
    seedShipments(old, [{}]);
    old.close();

    const db = openDatabase(dbPath, { clock: () => Date.parse('2026-11-26T09:30:00Z') });
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
    const backups = path.join(dir, 'backups');
    expect(fs.readdirSync(backups)).toEqual(['shipdesk-20261126-093000-before-v4.db']);
    const backup = path.join(backups, 'shipdesk-20261126-093000-before-v4.db');
    if (HAS_MODES) {
      expect(mode(backups).toString(8)).toBe('700');
      expect(mode(backup).toString(8)).toBe('600');
    }
    const copy = new Database(backup, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(4);
    expect(copy.prepare('SELECT count(*) AS n FROM shipments').get()).toEqual({ n: 1 });
    copy.close();
  });
});

describe('storage errors are named in one place', () => {
  it('maps SQLite and file-system codes to what an operator can act on', () => {
    const named = (code: string) => storageCodeOf(Object.assign(new Error('x'), { code }));
    expect(named('SQLITE_FULL')).toBe('DISK_FULL');
    expect(named('ENOSPC')).toBe('DISK_FULL');
    expect(named('SQLITE_READONLY')).toBe('DATABASE_READ_ONLY');
    expect(named('SQLITE_READONLY_DBMOVED')).toBe('DATABASE_READ_ONLY');
    expect(named('SQLITE_CORRUPT_INDEX')).toBe('DATABASE_DAMAGED');
    expect(named('SQLITE_NOTADB')).toBe('DATABASE_DAMAGED');
    expect(named('SQLITE_IOERR_WRITE')).toBe('DISK_ERROR');
    expect(named('SQLITE_BUSY')).toBe('DATABASE_BUSY');
    expect(named('SQLITE_CONSTRAINT_UNIQUE')).toBeNull();
    expect(storageCodeOf(new Error('plain'))).toBeNull();
    expect(storageCodeOf('text')).toBeNull();
  });
});
