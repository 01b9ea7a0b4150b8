// Three packing stations and two hubs on one pool: races, offline work, lost answers and cut
// networks. After every scenario every station and the database agree, and no loser is silent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trackerDeliveryProvider } from '../../main/core/sync/trackerDelivery';
import { startHubTracking } from '../../main/hub/tracking';
import type { CarrierId } from '../../shared/carriers';
import { startFakeCarrier } from '../fake-carrier/server';
import { scriptedTimeline } from '../../main/demoCarrier/timelines';
import { op, poolShipment, silentHubLog, startTestPool, validNumber, type TestPool } from '../support/hubEnv';
import { expectAgreement, startStation, type TestStation } from '../support/stations';

let env: TestPool;
let A: TestStation;
let B: TestStation;
let C: TestStation;
const CJ: CarrierId = 'kr.cjlogistics';
const no = (n: number) => poolShipment(n).shipmentNo;

beforeAll(async () => {
  env = await startTestPool('stations');
  const [hub1, hub2] = [await env.startHub(), await env.startHub()];
  const admin = env.client(hub1, await env.enrol('admin'));
  const shipments = Array.from({ length: 30 }, (_, i) => poolShipment(i + 1));
  await admin.push([op('importOrders', shipments[0]!.shipmentNo, { shipments, operator: 'admin' })]);
  A = await startStation(env, hub1, 'A');
  B = await startStation(env, hub2, 'B', { batch: 2 });
  C = await startStation(env, hub1, 'C');
  await expectAgreement(env, [A, B, C]);
});
afterAll(async () => {
  for (const s of [A, B, C]) s?.close();
  await env.close();
});

const register = (s: TestStation, n: number, serial: number) =>
  s.core.ok('invoices.register', { shipmentNo: no(n), carrierId: CJ, invoiceNo: validNumber(serial), via: 'scan' });
const invoiceOf = async (s: TestStation, n: number) =>
  (await s.core.ok('shipments.get', { shipmentNo: no(n) })).invoiceNo;
const releasesOf = (s: TestStation, n: number) => s.sent.filter((x) => x.kind === 'release' && x.shipmentNo === no(n));

describe('many stations, one pool', () => {
  it('two stations race to register different numbers: one wins everywhere, the loser sees a conflict and releases nothing', async () => {
    await register(A, 1, 1111);
    await register(B, 1, 2222);
    const [ra, rb] = await Promise.all([A.sync(), B.sync()]);
    expect(ra.conflicts + rb.conflicts).toBe(1);
    const [winner, loser, lost] = ra.conflicts ? [B, A, 1111] : [A, B, 2222];
    const won = lost === 1111 ? 2222 : 1111;
    const conflicts = await loser.core.ok('conflicts.list', {});
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({
      shipmentNo: no(1),
      verdict: 'conflict',
      station: winner.name,
      mine: { invoiceNo: validNumber(lost) },
      theirs: { invoiceNo: validNumber(won) },
    });
    expect(await invoiceOf(loser, 1)).toBe(validNumber(won));
    expect(releasesOf(winner, 1).map((r) => r.invoiceNo)).toEqual([validNumber(won)]);
    expect(releasesOf(loser, 1)).toEqual([]);
    await expectAgreement(env, [A, B, C]);
  });

  it('the same number scanned at two stations is merged: no conflict, released once', async () => {
    await register(A, 2, 3333);
    await register(C, 2, 3333);
    const ra = await A.sync();
    const rc = await C.sync();
    expect(ra.conflicts + rc.conflicts).toBe(0);
    expect([...releasesOf(A, 2), ...releasesOf(C, 2)]).toHaveLength(1);
    await expectAgreement(env, [A, B, C]);
  });

  it('a station that registered offline loses to a station that registered the same shipment online, and never released its number', async () => {
    B.net.cut = true;
    await register(B, 3, 4444);
    B.core.now.value += 60_000; // B's operator scanned a minute after...
    await register(A, 3, 5555);
    await A.sync();
    expect((await B.sync()).offline).toBe(true);
    expect(releasesOf(B, 3)).toEqual([]); // held while offline
    B.net.cut = false;
    const back = await B.sync();
    expect(back.conflicts).toBe(1);
    const [item] = await B.core.ok('conflicts.list', {});
    expect(item).toMatchObject({
      shipmentNo: no(3),
      station: 'A',
      mine: { invoiceNo: validNumber(4444) },
      theirs: { invoiceNo: validNumber(5555) },
    });
    expect(releasesOf(B, 3)).toEqual([]);
    expect(await invoiceOf(B, 3)).toBe(validNumber(5555));
    await expectAgreement(env, [A, B, C]);
  });

  it('an uncontested offline registration is applied when the network returns, and released only then', async () => {
    C.net.cut = true;
    await register(C, 4, 6666);
    await C.sync();
    expect(releasesOf(C, 4)).toEqual([]);
    C.net.cut = false;
    const back = await C.sync();
    expect(back.conflicts).toBe(0);
    expect(releasesOf(C, 4).map((r) => r.invoiceNo)).toEqual([validNumber(6666)]);
    const rows = await expectAgreement(env, [A, B, C]);
    expect(rows.find((r) => r.shipment_no === no(4))).toMatchObject({
      invoice_no: validNumber(6666),
      status: 'RELEASED',
    });
  });

  it('an offline modify loses to an online modify of the same invoice', async () => {
    await register(A, 5, 7000);
    await expectAgreement(env, [A, B, C]);
    B.net.cut = true;
    await B.core.ok('invoices.modify', { shipmentNo: no(5), carrierId: CJ, invoiceNo: validNumber(7002) });
    await A.core.ok('invoices.modify', { shipmentNo: no(5), carrierId: CJ, invoiceNo: validNumber(7001) });
    await A.sync();
    B.net.cut = false;
    expect((await B.sync()).conflicts).toBe(1);
    expect(await invoiceOf(B, 5)).toBe(validNumber(7001));
    expect(releasesOf(B, 5)).toEqual([]);
    await expectAgreement(env, [A, B, C]);
  });

  it('a station killed after the hub committed but before it recorded the answer gets the stored verdict, nothing twice', async () => {
    await register(C, 6, 8000);
    C.net.loseAnswers = 1;
    expect((await C.sync()).offline).toBe(true);
    await C.restart();
    const again = await C.sync();
    expect(again.conflicts).toBe(0);
    const { rows } = await env.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM invoices WHERE shipment_no = $1`,
      [no(6)],
    );
    expect(rows[0]?.n).toBe(1);
    expect(releasesOf(C, 6)).toHaveLength(1);
    await expectAgreement(env, [A, B, C]);
  });

  it('a network cut in the middle of a drain resumes where it stopped, each operation once', async () => {
    B.net.cut = true;
    for (let n = 10; n < 16; n++) await register(B, n, 9000 + n);
    B.net.cut = false;
    B.net.failAfterPushes = B.net.pushes + 1; // the first batch of two goes, then the network drops
    const cut = await B.sync();
    expect(cut.offline).toBe(true);
    expect(cut.pushed).toBe(2);
    B.net.cut = false;
    const rest = await B.sync();
    expect(rest.offline).toBe(false);
    expect(B.core.db.prepare(`SELECT count(*) AS n FROM hub_ops WHERE state = 'pending'`).get()).toEqual({ n: 0 });
    const { rows } = await env.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM operations WHERE station = 'B' AND kind = 'register' AND shipment_no = ANY($1)`,
      [[10, 11, 12, 13, 14, 15].map(no)],
    );
    expect(rows[0]?.n).toBe(6);
    await expectAgreement(env, [A, B, C]);
  });
});

describe('carrier events and the operator’s way out of a conflict', () => {
  it('one carrier event, polled once by the hub, is seen by every station', async () => {
    const fake = await startFakeCarrier({});
    const tracking = await startHubTracking({
      pool: env.pool,
      url: env.url,
      log: silentHubLog,
      provider: trackerDeliveryProvider({ url: fake.graphqlUrl, key: () => 'k:s', timeoutMs: 5000 }),
      intervalMs: 0,
    });
    try {
      fake.script(CJ, validNumber(12_000), scriptedTimeline('delivered', Date.now() - 5 * 86_400_000));
      await register(A, 20, 12_000);
      await A.sync(); // applied, then released: the hub now follows the number
      const r = await tracking.runOnce();
      expect(r.eventsStored).toBeGreaterThan(0);
      expect(fake.tracks.filter((t) => t.trackingNumber === validNumber(12_000))).toHaveLength(1);
      const rows = await expectAgreement(env, [A, B, C]);
      expect(rows.find((x) => x.shipment_no === no(20))?.status).toBe('DELIVERED');
      const { rows: pool } = await env.pool.query<{ fingerprint: string }>(
        'SELECT fingerprint FROM tracking_events WHERE invoice_no = $1 ORDER BY fingerprint',
        [validNumber(12_000)],
      );
      for (const s of [A, B, C]) {
        const local = s.core.db
          .prepare('SELECT fingerprint FROM tracking_events WHERE invoice_no = ? ORDER BY fingerprint')
          .all(validNumber(12_000));
        expect(local).toEqual(pool);
        const detail = await s.core.ok('shipments.get', { shipmentNo: no(20) });
        expect(detail.events.length).toBe(pool.length);
      }
    } finally {
      await tracking.stop();
      await fake.close();
    }
  });

  it('the loser can keep theirs, or use mine, which is a normal online modify that every station then sees', async () => {
    await register(A, 21, 13_001);
    await register(C, 21, 13_002);
    await A.sync();
    await C.sync();
    const [item] = (await C.core.ok('conflicts.list', {})).filter((c) => c.shipmentNo === no(21));
    expect(item).toMatchObject({ station: 'A', theirs: { invoiceNo: validNumber(13_001) } });
    const resolved = await C.core.ok('conflicts.resolve', { id: item!.id, action: 'useMine' });
    expect(resolved.resolved?.action).toBe('useMine');
    expect((await C.sync()).conflicts).toBe(0);
    const rows = await expectAgreement(env, [A, B, C]);
    expect(rows.find((x) => x.shipment_no === no(21))?.invoice_no).toBe(validNumber(13_002));
    expect((await C.core.ok('conflicts.list', {})).some((c) => c.id === item!.id)).toBe(false);

    await register(B, 22, 13_003);
    await register(A, 22, 13_004);
    await B.sync();
    await A.sync();
    const [other] = (await A.core.ok('conflicts.list', {})).filter((c) => c.shipmentNo === no(22));
    await A.core.ok('conflicts.resolve', { id: other!.id, action: 'keepTheirs' });
    expect(
      (await A.core.ok('conflicts.list', { includeResolved: true })).find((c) => c.id === other!.id)?.resolved?.action,
    ).toBe('keepTheirs');
    expect(await invoiceOf(A, 22)).toBe(validNumber(13_003));
  });

  it('an operation the hub cannot accept stays visible at the station, and its number is never released', async () => {
    // A shipment the pool does not know (created only on this station): the hub refuses the registration.
    C.core.db
      .prepare(
        `INSERT INTO shipments (shipment_no, order_id, ordered_at, order_day, claim, recipient_name, recipient_phone, country,
           postal_code, address_line1, memo, warehouse_id, policy_id, option_id, region, status, tab, updated_at)
         SELECT 'SD9000000001', order_id, ordered_at, order_day, claim, recipient_name, recipient_phone, country, postal_code,
           address_line1, memo, warehouse_id, policy_id, option_id, region, 'AWAITING_INVOICE', 'preparing', updated_at
         FROM shipments WHERE shipment_no = ?`,
      )
      .run(no(29));
    await C.core.ok('invoices.register', { shipmentNo: 'SD9000000001', carrierId: CJ, invoiceNo: validNumber(14_000) });
    await C.sync();
    const refused = (await C.core.ok('conflicts.list', {})).find((c) => c.shipmentNo === 'SD9000000001');
    expect(refused).toMatchObject({ verdict: 'rejected', code: 'NOT_FOUND', mine: { invoiceNo: validNumber(14_000) } });
    expect(C.sent.filter((x) => x.shipmentNo === 'SD9000000001')).toEqual([]);
    const state = await C.core.ok('pool.state', {});
    expect(state).toMatchObject({ member: true, station: 'C', pending: 0 });
    expect(state.openConflicts).toBeGreaterThan(0);
    C.core.db.prepare(`DELETE FROM hub_conflicts WHERE shipment_no = 'SD9000000001'`).run();
  });
});
