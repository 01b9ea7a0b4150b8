// A hub refuses what it cannot or must not take one operation at a time, and applies the rest of the
// batch (docs/HUB.md, "Operations"): text PostgreSQL cannot store, an operation id reused for another
// change or by another station, and shipment numbers from another station's range.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../main/core/poolLink/client';
import { stationShipmentNo } from '../../shared/shipmentNo';
import { op, poolShipment, startTestPool, validNumber, type TestPool } from '../support/hubEnv';

let env: TestPool;
let a: HubClient;
let b: HubClient;
const who = { operator: 'kim', via: 'scan' as const };
const no = (n: number) => poolShipment(n).shipmentNo;
const register = (n: number, serial: number, o: { opId?: string; scanAt?: number } = {}) =>
  op('register', no(n), { carrierId: 'kr.cjlogistics', invoiceNo: validNumber(serial), ...who }, o);

beforeAll(async () => {
  env = await startTestPool('bad_operations');
  const [hub1, hub2] = [await env.startHub(), await env.startHub()];
  a = env.client(hub1, await env.enrol('A'));
  b = env.client(hub2, await env.enrol('B'));
  const shipments = Array.from({ length: 20 }, (_, i) => poolShipment(i + 1));
  const [v] = await a.push([op('importOrders', shipments[0]!.shipmentNo, { shipments, operator: 'kim' })]);
  expect(v?.verdict).toBe('applied');
});
afterAll(() => env.close());

describe('text the pool cannot store', () => {
  it('refuses an operation with a NUL or a lone surrogate, naming the field, and applies the rest of the batch', async () => {
    const nul = op('importOrders', 'SD0000000901', {
      shipments: [poolShipment(901, { memo: '문 앞\u0000에 두세요' })],
      operator: 'kim',
    });
    const surrogate = op('register', no(2), {
      carrierId: 'kr.cjlogistics',
      invoiceNo: validNumber(8002),
      operator: 'kim\uD800',
      via: 'scan',
    });
    const verdicts = await a.push([register(1, 8001), nul, surrogate, register(3, 8003)]);
    expect(verdicts.map((v) => v.verdict)).toEqual(['applied', 'rejected', 'rejected', 'applied']);
    expect(verdicts[1]).toMatchObject({ code: 'INVALID_TEXT', opId: nul.opId });
    expect(verdicts[1]?.reason).toMatch(/payload\.shipments\.0\.memo.*NUL/);
    expect(verdicts[2]).toMatchObject({ code: 'INVALID_TEXT', opId: surrogate.opId });
    expect(verdicts[2]?.reason).toMatch(/payload\.operator.*surrogate/);
    const { rows } = await env.pool.query(
      `SELECT shipment_no FROM shipments WHERE shipment_no = 'SD0000000901'
       UNION ALL SELECT shipment_no FROM invoices WHERE shipment_no = $1`,
      [no(2)],
    );
    expect(rows).toEqual([]);
  });
});

describe('an operation id used twice', () => {
  it('answers the stored verdict to the same operation from the same station, and refuses the id reused for another change or by another station', async () => {
    const first = register(5, 8005);
    const [applied] = await a.push([first]);
    expect(applied?.verdict).toBe('applied');

    const [replayed] = await a.push([first]);
    expect(replayed).toEqual(applied);

    const other = register(6, 8006, { opId: first.opId });
    const [reused] = await a.push([other]);
    expect(reused).toMatchObject({ verdict: 'rejected', code: 'OP_ID_REUSED', opId: first.opId });

    const [stolen] = await b.push([first]);
    expect(stolen).toMatchObject({ verdict: 'rejected', code: 'OP_ID_REUSED' });

    const { rows } = await env.pool.query(
      'SELECT shipment_no FROM invoices WHERE shipment_no = ANY($1) ORDER BY shipment_no',
      [[no(5), no(6)]],
    );
    expect(rows).toEqual([{ shipment_no: no(5) }]);
  });
});

describe("each station's Shipment No. range", () => {
  it("refuses new shipments numbered in another station's range, and takes the station's own and stand-alone numbers", async () => {
    const { rows } = await env.pool.query<{ name: string; code: number }>(
      `SELECT name, code FROM stations WHERE name IN ('A', 'B') ORDER BY name`,
    );
    const codeOf = new Map(rows.map((r) => [r.name, r.code]));
    const mine = poolShipment(0, { shipmentNo: stationShipmentNo(codeOf.get('A')!, 1), orderNo: 'RANGE-1' });
    const theirs = poolShipment(0, { shipmentNo: stationShipmentNo(codeOf.get('B')!, 1), orderNo: 'RANGE-2' });
    const standAlone = poolShipment(950, { orderNo: 'RANGE-3' });
    const verdicts = await a.push([
      op('importOrders', mine.shipmentNo, { shipments: [mine], operator: 'kim' }),
      op('importOrders', theirs.shipmentNo, { shipments: [theirs], operator: 'kim' }),
      op('importOrders', standAlone.shipmentNo, { shipments: [standAlone], operator: 'kim' }),
    ]);
    expect(verdicts.map((v) => v.verdict)).toEqual(['applied', 'rejected', 'applied']);
    expect(verdicts[1]).toMatchObject({ code: 'SHIPMENT_NO_RANGE' });
    expect(verdicts[1]?.reason).toContain(theirs.shipmentNo);
    const held = await env.pool.query('SELECT 1 FROM shipments WHERE shipment_no = $1', [theirs.shipmentNo]);
    expect(held.rowCount).toBe(0);
  });

  it("keeps a station's clock far in the future as its scan time, never as the time the pool took the number", async () => {
    const future = Date.parse('2036-01-01T00:00:00Z');
    const before = Date.now();
    const [v] = await a.push([register(8, 8008, { scanAt: future })]);
    expect(v?.verdict).toBe('applied');
    expect(v?.state?.invoice?.scanAt).toBe(future);
    expect(v?.state?.invoice?.registeredAt).toBeLessThan(future);
    expect(v?.state?.invoice?.registeredAt).toBeGreaterThanOrEqual(before - 60_000);
    const [lost] = await b.push([register(8, 8009)]);
    expect(lost?.verdict).toBe('conflict');
    expect(lost?.winner?.scanAt).toBe(future);
    expect(lost?.winner?.at).toBeLessThan(future);
    expect(lost?.reason).not.toContain('2036');
  });
});
