// One station's batch is one transaction, yet every operation in it stands alone (docs/HUB.md,
// "Operations"): one PostgreSQL cannot store is refused and the rest applied, the same operation
// twice is applied once, and a later operation sees what the earlier ones of the batch did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../main/core/poolLink/client';
import { op, poolShipment, startTestPool, validNumber, type TestPool } from '../support/hubEnv';

let env: TestPool;
let a: HubClient;
const who = { operator: 'kim', via: 'scan' as const };
const no = (n: number) => poolShipment(n).shipmentNo;
const register = (n: number, serial: number, o: { baseVersion?: number | null } = {}) =>
  op('register', no(n), { carrierId: 'kr.cjlogistics', invoiceNo: validNumber(serial), ...who }, o);

beforeAll(async () => {
  env = await startTestPool('batch');
  a = env.client(await env.startHub(), await env.enrol('A'));
  const shipments = Array.from({ length: 10 }, (_, i) => poolShipment(i + 1));
  const [v] = await a.push([op('importOrders', shipments[0]!.shipmentNo, { shipments, operator: 'kim' })]);
  expect(v?.verdict).toBe('applied');
});
afterAll(() => env.close());

const invoicesOn = async (ns: number[]) =>
  (
    await env.pool.query<{ shipment_no: string }>(
      'SELECT shipment_no FROM invoices WHERE shipment_no = ANY($1) ORDER BY shipment_no',
      [ns.map(no)],
    )
  ).rows.map((r) => r.shipment_no);

describe('one batch', () => {
  it('refuses the one operation PostgreSQL cannot store, keeps nothing of it, and applies the others', async () => {
    // A base version beyond PostgreSQL's integer: the station's file is damaged, the others are fine.
    const bad = register(2, 9002, { baseVersion: 3_000_000_000 });
    const good = register(1, 9001);
    const verdicts = await a.push([good, bad, register(3, 9003)]);
    expect(verdicts.map((v) => v.verdict)).toEqual(['applied', 'rejected', 'applied']);
    expect(verdicts[1]).toMatchObject({ code: 'INVALID_INPUT', opId: bad.opId });
    expect(verdicts[1]?.reason).toMatch(/cannot store/);
    expect(await invoicesOn([1, 2, 3])).toEqual([no(1), no(3)]);
    const { rows } = await env.pool.query('SELECT op_id FROM operations WHERE op_id = $1', [bad.opId]);
    expect(rows).toEqual([]);
    // The stored answer is the one the station got: a retry gets it again.
    const [replayed] = await a.push([good]);
    expect(replayed).toEqual(verdicts[0]);
  });

  it('answers an operation sent twice in one batch with the same verdict, applied once', async () => {
    const twice = register(4, 9004);
    const verdicts = await a.push([twice, twice]);
    expect(verdicts[0]).toMatchObject({ verdict: 'applied', opId: twice.opId });
    expect(verdicts[1]).toEqual(verdicts[0]);
    expect(await invoicesOn([4])).toEqual([no(4)]);
    const [later] = await a.push([twice]);
    expect(later).toEqual(verdicts[0]);
  });

  it("names the batch's own earlier change as the winner of a conflict later in the same batch", async () => {
    const address = (line2: string) => ({ country: 'KR', postalCode: '04524', line1: '서울 중구 세종대로 110', line2 });
    const first = op(
      'address',
      no(5),
      { address: address('3층'), region: 'domestic', reason: null, operator: 'lee', via: 'manual' },
      { baseVersion: 1 },
    );
    const stale = op(
      'address',
      no(5),
      { address: address('4층'), region: 'domestic', reason: null, ...who },
      { baseVersion: 1 },
    );
    const [applied, lost] = await a.push([first, stale]);
    expect(applied).toMatchObject({ verdict: 'applied', state: { address: address('3층') } });
    expect(lost).toMatchObject({
      verdict: 'conflict',
      winner: { station: 'A', operator: 'lee', address: address('3층') },
      state: { address: address('3층') },
    });
  });
});
