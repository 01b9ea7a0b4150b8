// The hub applies each operation once and answers applied / same / conflict / rejected, deciding
// inside PostgreSQL: two hubs on one pool agree because neither decides in its own memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../main/core/poolLink/client';
import { HubRequestError, createHubClient } from '../../main/core/poolLink/client';
import { op, poolShipment, startTestPool, validNumber, type TestPool } from '../support/hubEnv';

let env: TestPool;
let a: HubClient;
/** Station A again, through the other hub (a retry after its hub went away). */
let aThroughHub2: HubClient;
let b: HubClient;
let c: HubClient;
const who = { operator: 'kim', via: 'scan' as const };

beforeAll(async () => {
  env = await startTestPool('operations');
  const [hub1, hub2] = [await env.startHub(), await env.startHub()];
  const tokenA = await env.enrol('A');
  a = env.client(hub1, tokenA);
  aThroughHub2 = env.client(hub2, tokenA);
  b = env.client(hub2, await env.enrol('B'));
  c = env.client(hub1, await env.enrol('C'));
  const shipments = Array.from({ length: 40 }, (_, i) => poolShipment(i + 1));
  const [v] = await a.push([op('importOrders', shipments[0]!.shipmentNo, { shipments, operator: 'kim' })]);
  expect(v?.verdict).toBe('applied');
});
afterAll(() => env.close());

const no = (n: number) => poolShipment(n).shipmentNo;

describe('registering a number', () => {
  it('applies the first, merges the same number from another station, and refuses a different one with the winner', async () => {
    const first = await a.push([
      op('register', no(1), { carrierId: 'kr.cjlogistics', invoiceNo: validNumber(5555), ...who }),
    ]);
    expect(first[0]).toMatchObject({ verdict: 'applied', state: { version: 2, status: 'PREPARING_TO_SHIP' } });
    expect(first[0]?.state?.invoice).toMatchObject({ invoiceNo: validNumber(5555), station: 'A', registeredBy: 'kim' });

    const again = await b.push([
      op('register', no(1), { carrierId: 'kr.cjlogistics', invoiceNo: validNumber(5555), ...who }),
    ]);
    expect(again[0]?.verdict).toBe('same');

    const other = await b.push([
      op('register', no(1), {
        carrierId: 'kr.cjlogistics',
        invoiceNo: validNumber(4444),
        operator: 'lee',
        via: 'scan',
      }),
    ]);
    expect(other[0]).toMatchObject({
      verdict: 'conflict',
      winner: { station: 'A', operator: 'kim', invoice: { carrierId: 'kr.cjlogistics', invoiceNo: validNumber(5555) } },
    });
    expect(other[0]?.state?.invoice?.invoiceNo).toBe(validNumber(5555));
  });

  it('answers a retried operation id with the stored verdict and applies nothing twice', async () => {
    const register = op('register', no(2), { carrierId: 'kr.cjlogistics', invoiceNo: validNumber(7001), ...who });
    const first = await a.push([register]);
    const retried = await aThroughHub2.push([register]);
    expect(retried[0]).toEqual(first[0]);
    const { rows } = await env.pool.query('SELECT count(*)::int AS n FROM invoices WHERE shipment_no = $1', [no(2)]);
    expect(rows[0]).toEqual({ n: 1 });
  });

  it('lets exactly one of two stations racing through two hubs win, on every shipment', async () => {
    const targets = [10, 11, 12, 13, 14, 15, 16, 17];
    const results = await Promise.all(
      targets.flatMap((n) => [
        a.push([op('register', no(n), { carrierId: 'kr.cjlogistics', invoiceNo: validNumber(10_000 + n), ...who })]),
        b.push([op('register', no(n), { carrierId: 'kr.cjlogistics', invoiceNo: validNumber(20_000 + n), ...who })]),
      ]),
    );
    const verdicts = results.map((r) => r[0]!.verdict);
    expect(verdicts.filter((v) => v === 'applied')).toHaveLength(targets.length);
    expect(verdicts.filter((v) => v === 'conflict')).toHaveLength(targets.length);
    const { rows } = await env.pool.query(
      `SELECT shipment_no, count(*)::int AS n FROM invoices WHERE active AND shipment_no = ANY($1) GROUP BY shipment_no`,
      [targets.map(no)],
    );
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(rows).toHaveLength(targets.length);
  });

  it('refuses the same number on another recipient’s shipment, naming the shipment that has it', async () => {
    const [v] = await c.push([
      op('register', no(3), { carrierId: 'kr.cjlogistics', invoiceNo: validNumber(5555), ...who }),
    ]);
    expect(v).toMatchObject({ verdict: 'conflict', winner: { shipmentNo: no(1), station: 'A' } });
  });

  it('rejects an invalid number and an unknown shipment with a reason', async () => {
    const [bad] = await a.push([op('register', no(4), { carrierId: 'kr.cjlogistics', invoiceNo: '123', ...who })]);
    expect(bad).toMatchObject({ verdict: 'rejected', code: 'INVALID_INVOICE_NUMBER' });
    // The sentence the station itself gives (and stores as "Not sent: …"), never "[object Object]".
    expect(bad?.reason).toBe('This is too short to be a CJ Logistics number (3 digits).');
    const [missing] = await a.push([
      op('register', 'SD9999999999', { carrierId: 'kr.cjlogistics', invoiceNo: validNumber(1), ...who }),
    ]);
    expect(missing).toMatchObject({ verdict: 'rejected', code: 'NOT_FOUND' });
  });
});

describe('modify, delete and address against the version they were based on', () => {
  it('applies a modify based on the current version and refuses one based on an older version', async () => {
    const [reg] = await a.push([
      op('register', no(20), { carrierId: 'kr.cjlogistics', invoiceNo: validNumber(3000), ...who }),
    ]);
    const base = reg!.state!.version;
    const [online] = await a.push([
      op(
        'modify',
        no(20),
        { carrierId: 'kr.cjlogistics', invoiceNo: validNumber(3001), reason: null, ...who },
        { baseVersion: base },
      ),
    ]);
    expect(online).toMatchObject({ verdict: 'applied', state: { version: base + 1 } });
    const [offline] = await b.push([
      op(
        'modify',
        no(20),
        { carrierId: 'kr.cjlogistics', invoiceNo: validNumber(3002), reason: null, ...who },
        { baseVersion: base },
      ),
    ]);
    expect(offline).toMatchObject({
      verdict: 'conflict',
      winner: { station: 'A', invoice: { invoiceNo: validNumber(3001) } },
    });
    const [late] = await b.push([op('delete', no(20), { reason: null, ...who }, { baseVersion: base })]);
    expect(late?.verdict).toBe('conflict');
    const [current] = await b.push([op('delete', no(20), { reason: null, ...who }, { baseVersion: base + 1 })]);
    expect(current).toMatchObject({ verdict: 'applied', state: { invoice: null, status: 'AWAITING_INVOICE' } });
  });

  it('locks the address once a number is registered', async () => {
    const address = { country: 'KR', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '3층' };
    const [edit] = await a.push([
      op('address', no(21), { address, region: 'domestic', reason: null, ...who }, { baseVersion: 1 }),
    ]);
    expect(edit).toMatchObject({ verdict: 'applied', state: { address } });
    await a.push([op('register', no(21), { carrierId: 'kr.cjlogistics', invoiceNo: validNumber(3100), ...who })]);
    const [locked] = await a.push([
      op(
        'address',
        no(21),
        { address: { ...address, line2: '4층' }, region: 'domestic', reason: null, ...who },
        { baseVersion: 3 },
      ),
    ]);
    expect(locked).toMatchObject({ verdict: 'rejected', code: 'ADDRESS_LOCKED' });
  });
});

describe('bad input', () => {
  it('refuses a malformed operation without touching the pool, and applies the good ones beside it', async () => {
    const good = op('register', no(30), { carrierId: 'kr.cjlogistics', invoiceNo: validNumber(3300), ...who });
    const verdicts = await a.push([{ opId: 'not-a-uuid', kind: 'register', shipmentNo: no(31) }, good]);
    expect(verdicts[0]).toMatchObject({ verdict: 'rejected', code: 'INVALID_INPUT', opId: 'not-a-uuid' });
    expect(verdicts[0]?.reason).toMatch(/stays in the station's queue/);
    expect(verdicts[1]?.verdict).toBe('applied');
  });

  it('refuses a wrong and a revoked token with the same words, and tells a newer or older station what to update', async () => {
    const hub = env.hubs[0]!;
    const wrong = createHubClient({ url: hub.url, token: 'sdst_not-a-real-token' });
    const revokedToken = await env.enrol('D');
    await env.pool.query(`UPDATE stations SET revoked_at = now() WHERE name = 'D'`);
    const revoked = createHubClient({ url: hub.url, token: revokedToken });
    const e1 = await wrong.hello().catch((e: unknown) => e);
    const e2 = await revoked.push([]).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(HubRequestError);
    expect(e2).toBeInstanceOf(HubRequestError);
    expect((e1 as HubRequestError).message).toBe((e2 as HubRequestError).message);
    expect((e1 as HubRequestError).code).toBe('UNAUTHORIZED');

    const token = await env.enrol('E');
    const newer = await createHubClient({ url: hub.url, token, protocol: 99 })
      .hello()
      .catch((e: unknown) => e);
    expect((newer as HubRequestError).message).toMatch(/newer than the hub.*Update the hub/);
    const older = await createHubClient({ url: hub.url, token, protocol: 0 })
      .hello()
      .catch((e: unknown) => e);
    expect((older as HubRequestError).message).toMatch(/too old.*Update Shipdesk on this station/);
  });
});

describe('split and merge (regroup)', () => {
  it('replaces shipments without an invoice when their versions are current, and refuses otherwise', async () => {
    const [s35, s36] = [poolShipment(35), poolShipment(36)];
    const merged = poolShipment(1035, { orderNo: s35.orderNo, items: [...s35.items, ...s36.items] });
    const stale = await a.push([
      op('regroup', s35.shipmentNo, {
        orderNo: s35.orderNo,
        retire: [
          { shipmentNo: s35.shipmentNo, version: 7 },
          { shipmentNo: s36.shipmentNo, version: 1 },
        ],
        add: [merged],
        operator: 'kim',
      }),
    ]);
    expect(stale[0]?.verdict).toBe('conflict');
    const [done] = await a.push([
      op('regroup', s35.shipmentNo, {
        orderNo: s35.orderNo,
        retire: [
          { shipmentNo: s35.shipmentNo, version: 1 },
          { shipmentNo: s36.shipmentNo, version: 1 },
        ],
        add: [merged],
        operator: 'kim',
      }),
    ]);
    expect(done).toMatchObject({ verdict: 'applied', state: { retired: true } });
    const { rows } = await env.pool.query(
      'SELECT shipment_no, retired FROM shipments WHERE shipment_no = ANY($1) ORDER BY shipment_no',
      [[s35.shipmentNo, s36.shipmentNo, merged.shipmentNo]],
    );
    expect(rows).toEqual([
      { shipment_no: s35.shipmentNo, retired: true },
      { shipment_no: s36.shipmentNo, retired: true },
      { shipment_no: merged.shipmentNo, retired: false },
    ]);
    const [late] = await b.push([
      op('register', s35.shipmentNo, { carrierId: 'kr.cjlogistics', invoiceNo: validNumber(3500), ...who }),
    ]);
    expect(late).toMatchObject({ verdict: 'rejected', code: 'NOT_FOUND' });
  });
});
