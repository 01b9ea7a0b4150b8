// Where the tracker and the release endpoint are, and the customer's key: from settings or the
// environment, kept in a 0600 key file (web host), never returned, logged or written to the database.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { encryptedKeyStore } from '../../main/core/sync/config';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleInvoiceNumber } from '../../main/core/domain/invoiceNumber';
import { startFakeCarrier, type FakeCarrier } from '../fake-carrier/server';
import { scriptedTimeline } from '../../main/demoCarrier/timelines';
import { startTestCore, type TestCore } from '../support/core';
import { seedFacets, seedShipments } from '../support/seed';
import { createLogger } from '../../main/core/log/logger';

const KEY = 'client-7:Sup3r-Secret-Value';
let fake: FakeCarrier;
let core: TestCore;
let logged: string[];
const leftovers: TestCore[] = [];

function start(env: Record<string, string> = {}, dbPath?: string): TestCore {
  logged = [];
  const log = createLogger({ sinks: [{ write: (line) => void logged.push(line) }] });
  return startTestCore({ env, log, ...(dbPath ? { dbPath } : {}) });
}

async function registerOne(serial: number): Promise<{ shipmentNo: string; invoiceNo: string }> {
  const [shipmentNo] = seedShipments(core.db, [{}]);
  const invoiceNo = sampleInvoiceNumber('kr.cjlogistics', serial);
  await core.ok('invoices.register', { shipmentNo: shipmentNo!, carrierId: 'kr.cjlogistics', invoiceNo });
  fake.script('kr.cjlogistics', invoiceNo, scriptedTimeline('delivered', core.now.value - 2 * 86_400_000));
  return { shipmentNo: shipmentNo!, invoiceNo };
}

beforeEach(async () => {
  fake = await startFakeCarrier({ apiKey: KEY });
  core = start();
  seedFacets(core.db);
});
afterEach(async () => {
  core.cleanup();
  for (const old of leftovers.splice(0)) old.cleanup();
  await fake.close();
});

describe('tracker settings', () => {
  it('without a tracker, releases confirm locally and nothing is polled', async () => {
    const { shipmentNo } = await registerOne(1);
    expect(await core.ok('sync.state', {})).toMatchObject({ tracking: false, demo: false, trackerLabel: null });
    expect(await core.ok('sync.settings', {})).toEqual({
      trackerUrl: null,
      trackerUrlFrom: null,
      hasKey: false,
      keyFrom: null,
      keyStore: 'file',
      releaseUrl: null,
      releaseUrlFrom: null,
    });
    expect(await core.sync.runCycle()).toMatchObject({ released: 1, polled: 0 });
    expect((await core.ok('shipments.get', { shipmentNo })).status).toBe('RELEASED');
    expect(fake.tracks).toHaveLength(0);
  });

  it('takes the endpoint and key from settings, keeps the key in a 0600 file, and never shows it', async () => {
    const { shipmentNo } = await registerOne(2);
    const view = await core.ok('sync.updateSettings', {
      trackerUrl: fake.graphqlUrl,
      trackerKey: KEY,
      releaseUrl: fake.releaseUrl,
    });
    expect(view).toEqual({
      trackerUrl: fake.graphqlUrl,
      trackerUrlFrom: 'settings',
      hasKey: true,
      keyFrom: 'store',
      keyStore: 'file',
      releaseUrl: fake.releaseUrl,
      releaseUrlFrom: 'settings',
    });
    expect(JSON.stringify(view)).not.toContain('Secret');
    const keyFile = `${core.dbPath}.tracker-key`;
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);

    core.now.value += 2 * 60_000;
    await core.sync.runCycle();
    core.now.value += 2 * 60_000;
    await core.sync.runCycle();
    expect(fake.releases.applied.size).toBe(1);
    expect(fake.tracks.map((t) => t.authorization)).toEqual([`TRACKQL-API-KEY ${KEY}`]);
    expect((await core.ok('shipments.get', { shipmentNo })).status).toBe('DELIVERED');

    // nowhere else: not in the logs, not in the database file
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(logged.join('\n')).not.toContain('Secret');
    expect(fs.readFileSync(core.dbPath).includes('Sup3r-Secret')).toBe(false);

    // cleared: tracking is off again
    expect(await core.ok('sync.updateSettings', { trackerKey: null })).toMatchObject({ hasKey: false });
    expect(fs.existsSync(keyFile)).toBe(false);
    expect((await core.ok('sync.state', {})).tracking).toBe(false);
  });

  it('the environment overrides the settings', async () => {
    await core.ok('sync.updateSettings', { trackerUrl: 'https://tracker.invalid/graphql', trackerKey: 'wrong:key' });
    const dbPath = core.dbPath;
    core.close();
    leftovers.push(core);
    core = start({ SHIPDESK_TRACKER_URL: fake.graphqlUrl, SHIPDESK_TRACKER_KEY: KEY }, dbPath);
    expect(await core.ok('sync.settings', {})).toMatchObject({
      trackerUrl: fake.graphqlUrl,
      trackerUrlFrom: 'env',
      hasKey: true,
      keyFrom: 'env',
    });
    await registerOne(3);
    await core.sync.runCycle();
    core.now.value += 2 * 60_000;
    expect((await core.sync.runCycle()).polled).toBe(1);
    expect(fake.tracks[0]?.authorization).toBe(`TRACKQL-API-KEY ${KEY}`);
  });

  it('refuses unsafe endpoints and malformed keys', async () => {
    for (const trackerUrl of [
      'http://10.1.2.3/graphql',
      'https://someone:pw@tracker.invalid/graphql',
      'ftp://tracker.invalid/graphql',
      'not a url',
    ]) {
      const r = await core.call('sync.updateSettings', { trackerUrl });
      expect(!r.ok && r.error.code).toBe('INVALID_INPUT');
    }
    const r = await core.call('sync.updateSettings', { trackerKey: 'no-colon-here' });
    expect(!r.ok && r.error.message).toMatch(/clientId:clientSecret/);
  });

  it('a key file others can read is not used, and the operator is told why', async () => {
    await core.ok('sync.updateSettings', { trackerUrl: fake.graphqlUrl, trackerKey: KEY });
    fs.chmodSync(`${core.dbPath}.tracker-key`, 0o644);
    expect((await core.ok('sync.state', {})).tracking).toBe(false);
    const problems = await core.ok('sync.problems', {});
    expect(problems[0]).toMatchObject({ kind: 'key_file', detail: expect.stringMatching(/chmod 600/) });
    expect(JSON.stringify(problems)).not.toContain('Secret');
  });

  it.skipIf(process.platform === 'win32')('a FIFO named as the key file is refused, never waited on', async () => {
    const dbPath = core.dbPath;
    core.close();
    leftovers.push(core);
    const fifo = path.join(path.dirname(dbPath), 'key.fifo');
    execFileSync('mkfifo', ['-m', '600', fifo]);
    core = start({ SHIPDESK_TRACKER_URL: fake.graphqlUrl, SHIPDESK_TRACKER_KEY_FILE: fifo }, dbPath);
    expect(await core.ok('sync.settings', {})).toMatchObject({ hasKey: false });
    const problems = await core.ok('sync.problems', {});
    expect(problems[0]).toMatchObject({ kind: 'key_file', detail: expect.stringMatching(/is a pipe/) });
  });

  it('a wrong key is an UNAUTHORIZED poll, shown as a problem, not a crash', async () => {
    await core.ok('sync.updateSettings', { trackerUrl: fake.graphqlUrl, trackerKey: 'client-7:wrong' });
    await registerOne(4);
    await core.sync.runCycle();
    core.now.value += 2 * 60_000;
    expect((await core.sync.runCycle()).errorsByCode).toEqual({ UNAUTHORIZED: 1 });
    expect((await core.ok('sync.problems', {}))[0]).toMatchObject({ kind: 'unauthorized' });
  });

  it('a new tracker address without the key forgets the key: it is never sent to the new address', async () => {
    await core.ok('sync.updateSettings', { trackerUrl: fake.graphqlUrl, trackerKey: KEY });
    const keyFile = `${core.dbPath}.tracker-key`;
    expect(fs.existsSync(keyFile)).toBe(true);
    const other = await startFakeCarrier({ apiKey: 'someone-else:key' });
    try {
      const moved = await core.ok('sync.updateSettings', { trackerUrl: other.graphqlUrl });
      expect(moved).toMatchObject({ trackerUrl: other.graphqlUrl, hasKey: false, keyFrom: null });
      expect(fs.existsSync(keyFile)).toBe(false);
      await registerOne(11);
      await core.sync.runCycle({ all: true });
      expect((await core.ok('sync.state', {})).tracking).toBe(false); // no key: nothing is sent anywhere
      expect(other.tracks).toEqual([]);
      // Given again in the same call, the key goes with the new address.
      const again = await core.ok('sync.updateSettings', { trackerUrl: fake.graphqlUrl, trackerKey: KEY });
      expect(again).toMatchObject({ hasKey: true, keyFrom: 'store' });
      // Changing only the release endpoint leaves the tracker key alone.
      expect(await core.ok('sync.updateSettings', { releaseUrl: null })).toMatchObject({ hasKey: true });
    } finally {
      await other.close();
    }
  });

  it('a key from the environment goes only to the address the environment names, never to one set in settings', async () => {
    // Another host: records the Authorization header of every request, whatever it asks.
    const seen: (string | undefined)[] = [];
    const other = http.createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"errors":[{"message":"unauthorized"}]}');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const address = other.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const otherUrl = `http://127.0.0.1:${address.port}/graphql`;
    try {
      // The key alone in the environment: an address typed into settings gets no key.
      const dbPath = core.dbPath;
      core.close();
      leftovers.push(core);
      core = start({ SHIPDESK_TRACKER_KEY: KEY }, dbPath);
      const moved = await core.ok('sync.updateSettings', { trackerUrl: otherUrl });
      expect(moved).toMatchObject({ trackerUrl: otherUrl, trackerUrlFrom: 'settings', hasKey: false });
      await registerOne(12);
      await core.sync.runCycle({ all: true });
      core.now.value += 2 * 60_000;
      await core.sync.runCycle({ all: true });
      expect(seen.filter((a) => a?.includes('Secret'))).toEqual([]);

      // With the address beside it, the key goes to that address, whatever settings say.
      core.close();
      leftovers.push(core);
      core = start({ SHIPDESK_TRACKER_KEY: KEY, SHIPDESK_TRACKER_URL: fake.graphqlUrl }, dbPath);
      await core.ok('sync.updateSettings', { trackerUrl: otherUrl });
      expect(await core.ok('sync.settings', {})).toMatchObject({ trackerUrlFrom: 'env', hasKey: true, keyFrom: 'env' });
      core.now.value += 2 * 60_000;
      expect((await core.sync.runCycle({ all: true })).polled).toBe(1);
      expect(fake.tracks.map((t) => t.authorization)).toEqual([`TRACKQL-API-KEY ${KEY}`]);
      expect(seen.filter((a) => a?.includes('Secret'))).toEqual([]);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('a key entered before any address is kept and shown as set; a first address without it forgets it', async () => {
    expect(await core.ok('sync.updateSettings', { trackerKey: KEY })).toMatchObject({ hasKey: true, keyFrom: 'store' });
    expect(await core.ok('sync.settings', {})).toMatchObject({ trackerUrl: null, hasKey: true });
    expect(await core.ok('sync.updateSettings', { trackerUrl: fake.graphqlUrl })).toMatchObject({ hasKey: false });
  });

  it('never writes the key into a log line, a problem, a setting or the database', async () => {
    await core.ok('sync.updateSettings', { trackerUrl: fake.graphqlUrl, trackerKey: KEY });
    await registerOne(12);
    await core.sync.runCycle({ all: true });
    await core.ok('sync.updateSettings', { trackerKey: 'client-7:wrong' });
    core.now.value += 10 * 60_000;
    await core.sync.runCycle({ all: true });
    const seen = [
      ...logged,
      JSON.stringify(await core.ok('sync.problems', {})),
      JSON.stringify(await core.ok('sync.settings', {})),
      JSON.stringify(core.db.prepare('SELECT * FROM sync_meta').all()),
      JSON.stringify(core.db.prepare('SELECT * FROM settings').all()),
    ].join('\n');
    expect(seen).not.toContain('Sup3r-Secret-Value');
    expect(seen).not.toContain('client-7:wrong');
  });

  it('on the desktop the key is kept encrypted with the storage the shell lends (safeStorage)', async () => {
    const available = { value: true };
    const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
    const cipher = {
      isAvailable: () => available.value,
      encrypt: (t: string) => xor(Buffer.from(t)),
      decrypt: (b: Buffer) => xor(b).toString(),
    };
    const file = path.join(core.dir, 'tracker-key.bin');
    const desk = startTestCore({ env: {}, trackerKeyStore: encryptedKeyStore(file, cipher) });
    leftovers.push(desk);
    expect(await desk.ok('sync.updateSettings', { trackerUrl: fake.graphqlUrl, trackerKey: KEY })).toMatchObject({
      hasKey: true,
      keyStore: 'encrypted',
      keyFrom: 'store',
    });
    expect(fs.readFileSync(file).includes('Sup3r')).toBe(false);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect((await desk.ok('sync.state', {})).tracking).toBe(true);
    available.value = false;
    const refused = await desk.call('sync.updateSettings', { trackerKey: 'client-7:another' });
    expect(!refused.ok && refused.error.code).toBe('KEY_STORE_UNAVAILABLE');
  });
});
