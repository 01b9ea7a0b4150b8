// `shipdesk sync --once` killed with SIGKILL in the middle of a cycle, then run again: the dead run's
// leases are taken back at once, nothing is lost, and nothing is applied twice upstream (the release
// endpoint sees a replayed idempotency key, never a second key for the same work).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/core/db/open';
import { sampleInvoiceNumber } from '../../main/core/domain/invoiceNumber';
import type { CarrierId } from '../../shared/carriers';
import { startTestCore, type TestCore } from '../support/core';
import { seedFacets, seedShipments } from '../support/seed';
import { startFakeCarrier, type FakeCarrier } from '../fake-carrier/server';
import { scriptedTimeline } from '../../main/demoCarrier/timelines';

const repo = path.resolve(__dirname, '../..');
const KEY = 'crash-test:key';
const CARRIERS: CarrierId[] = ['kr.cjlogistics', 'kr.hanjin', 'kr.lotte', 'kr.logen'];
const SHIPMENTS = 40;

let fake: FakeCarrier;
let core: TestCore;
let env: NodeJS.ProcessEnv;

function sync(...extra: string[]) {
  // The CLI from source (tsx), so the test needs no build.
  return spawn(
    process.execPath,
    ['--import', 'tsx', 'main/cli/index.ts', 'sync', '--once', '--db', core.dbPath, ...extra],
    { cwd: repo, env },
  );
}

function finished(
  child: ReturnType<typeof sync>,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

beforeAll(async () => {
  fake = await startFakeCarrier({ apiKey: KEY, latencyMs: 150 });
  core = startTestCore({ clock: () => Date.now(), env: {} });
  seedFacets(core.db);
  const nos = seedShipments(
    core.db,
    Array.from({ length: SHIPMENTS }, () => ({})),
  );
  for (const [i, shipmentNo] of nos.entries()) {
    const carrierId = CARRIERS[i % CARRIERS.length]!;
    const invoiceNo = sampleInvoiceNumber(carrierId, 700 + i);
    await core.ok('invoices.register', { shipmentNo, carrierId, invoiceNo });
    fake.script(carrierId, invoiceNo, scriptedTimeline('delivered', Date.now() - 2 * 86_400_000));
  }
  core.close(); // the CLI owns the database from here
  env = {
    ...process.env,
    SHIPDESK_TRACKER_URL: fake.graphqlUrl,
    SHIPDESK_TRACKER_KEY: KEY,
    SHIPDESK_RELEASE_URL: fake.releaseUrl,
  };
});
afterAll(async () => {
  core.cleanup();
  await fake.close();
});

describe('a sync killed mid-cycle', () => {
  it('is restarted without losing or doubling anything', async () => {
    const first = sync();
    const killed = finished(first);
    // Upstream applies each release first and answers 150 ms later: kill while answers are owed.
    for (let waited = 0; fake.releases.applied.size < 12 && waited < 30_000; waited += 10)
      await new Promise((r) => setTimeout(r, 10));
    first.kill('SIGKILL');
    expect((await killed).signal).toBe('SIGKILL');

    // Look without starting a core: a core takes dead leases back as it starts.
    const probe = openDatabase(core.dbPath);
    const leased = probe.prepare(`SELECT lease_owner FROM outbox WHERE state = 'leased'`).all() as {
      lease_owner: string;
    }[];
    const doneBefore = (probe.prepare(`SELECT count(*) AS n FROM outbox WHERE state = 'done'`).get() as { n: number })
      .n;
    probe.close();
    expect(leased.length).toBeGreaterThan(0); // the dead run held work in flight
    expect(leased.every((l) => l.lease_owner.split('/')[1] === String(first.pid))).toBe(true);
    expect(doneBefore).toBeLessThan(SHIPMENTS);

    fake.setLatency(0);
    const second = await finished(sync('--all'));
    expect(second.code, second.stderr).toBe(0);
    const summary = JSON.parse(second.stdout) as {
      released: number;
      polled: number;
      eventsStored: number;
      errorsByCode: Record<string, number>;
    };
    expect(summary.released).toBe(SHIPMENTS - doneBefore);
    expect(summary.polled).toBe(SHIPMENTS);

    const after = openDatabase(core.dbPath);
    try {
      const states = after.prepare('SELECT state, count(*) AS n FROM outbox GROUP BY state').all();
      expect(states).toEqual([{ state: 'done', n: SHIPMENTS }]);
      // upstream: one key per invoice, each applied once; the work owed at the kill was replayed under its own key
      const keys = after
        .prepare(
          `SELECT o.idempotency_key AS key FROM invoices i
           JOIN outbox o ON o.kind = 'release' AND json_extract(o.payload, '$.invoiceId') = i.id`,
        )
        .all() as { key: string }[];
      expect(keys).toHaveLength(SHIPMENTS);
      expect([...fake.releases.applied.keys()].sort()).toEqual(keys.map((k) => k.key).sort());
      const replays = fake.releases.receipts.filter((r) => r.replay);
      expect(replays.length).toBeGreaterThan(0);
      for (const r of replays) expect(fake.releases.applied.get(r.key)?.invoiceNo).toBe(r.invoiceNo);
      // every parcel followed to the end, every event stored once
      const statuses = after.prepare('SELECT status, count(*) AS n FROM shipments GROUP BY status').all();
      expect(statuses).toEqual([{ status: 'DELIVERED', n: SHIPMENTS }]);
      expect((after.prepare('SELECT count(*) AS n FROM tracking_events').get() as { n: number }).n).toBe(SHIPMENTS * 6);
    } finally {
      after.close();
    }
  });

  it('answers bad usage with exit 2 and a usage line', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'sync', '--db', core.dbPath], {
      cwd: repo,
      env,
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/needs --once/);
    expect(r.stderr).toContain('shipdesk sync --once --db FILE [--all]');
  });
});
