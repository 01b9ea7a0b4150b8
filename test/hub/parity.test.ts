// One rule book (docs/ARCHITECTURE.md "Where each rule lives"): the same change, asked of a station
// (its core, through the dispatcher) and of a hub on a real PostgreSQL (an operation another station
// sends), is allowed or refused alike, with the same code and the same words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HubClient } from '../../main/core/poolLink/client';
import type { CarrierId } from '../../shared/carriers';
import type { Envelope } from '../../shared/errors';
import type { Operation, Verdict } from '../../shared/hub';
import { op, poolShipment, startTestPool, validNumber, type TestPool } from '../support/hubEnv';
import { startStation, type TestStation } from '../support/stations';

let env: TestPool;
let A: TestStation;
/** Another station of the pool: it sends the hub the change the table asks, by hand. */
let B: HubClient;
const who = { operator: 'lee', via: 'scan' as const };
const cj = 'kr.cjlogistics' as const;
const no = (n: number) => poolShipment(n).shipmentNo;

/** Shipments of the table: their roles by number. */
const HOLDER = 1; // holds NUMBER
const OTHER_RECIPIENT = 2;
const SAME_RECIPIENT = [3, 4] as const; // the holder's recipient and address
const OVERSEAS = 5;
const FRESH = [6, 7] as const;
const DELIVERED = 8;
const FAILED = 9;
const SECOND_PARCEL = 10; // the holder's order, no invoice
const LATE = [11, 12, 13] as const; // a number registered here while another station already has it
const NUMBER = validNumber(4242);

function shipmentsOfThePool() {
  const holder = poolShipment(HOLDER);
  return [
    holder,
    poolShipment(OTHER_RECIPIENT),
    ...SAME_RECIPIENT.map((n) => poolShipment(n, { recipient: holder.recipient, address: holder.address })),
    poolShipment(OVERSEAS, {
      address: { country: 'US', postalCode: '10001', line1: '350 5th Ave', line2: '' },
      region: 'international',
    }),
    ...FRESH.map((n) => poolShipment(n)),
    poolShipment(DELIVERED),
    poolShipment(FAILED),
    poolShipment(SECOND_PARCEL, { orderNo: holder.orderNo, recipient: holder.recipient, address: holder.address }),
    ...LATE.map((n) => poolShipment(n)),
  ];
}

/** A number of the carrier with its last (check) digit changed. */
function wrongCheckDigit(valid: string): string {
  const last = Number(valid.slice(-1));
  return `${valid.slice(0, -1)}${(last + 1) % 10}`;
}

async function poolVersion(shipmentNo: string): Promise<number> {
  const { rows } = await env.pool.query<{ version: number }>('SELECT version FROM shipments WHERE shipment_no = $1', [
    shipmentNo,
  ]);
  return rows[0]!.version;
}

/** The same facts on both sides: a status the carrier's scans would have given. */
async function setStatus(n: number, status: 'DELIVERED' | 'FAILED'): Promise<void> {
  const tab = status === 'DELIVERED' ? 'delivered' : 'failed';
  A.core.db.prepare('UPDATE shipments SET status = ?, tab = ? WHERE shipment_no = ?').run(status, tab, no(n));
  await env.pool.query('UPDATE shipments SET status = $2 WHERE shipment_no = $1', [no(n), status]);
}

interface Outcome {
  refused: boolean;
  code: string | null;
  words: string | null;
}

const atStation = (e: Envelope<unknown>): Outcome =>
  e.ok ? { refused: false, code: null, words: null } : { refused: true, code: e.error.code, words: e.error.message };

const atHub = (v: Verdict | undefined): Outcome => {
  if (!v) throw new Error('the hub gave no verdict');
  const refused = v.verdict !== 'applied' && v.verdict !== 'same';
  return refused ? { refused, code: v.code, words: v.reason } : { refused, code: null, words: null };
};

async function hubSays(operation: Operation | Record<string, unknown>): Promise<Outcome> {
  const [v] = await B.push([operation]);
  return atHub(v);
}

beforeAll(async () => {
  env = await startTestPool('parity');
  const hub = await env.startHub();
  const admin = env.client(hub, await env.enrol('admin'));
  const shipments = shipmentsOfThePool();
  const [imported] = await admin.push([op('importOrders', shipments[0]!.shipmentNo, { shipments, operator: 'admin' })]);
  expect(imported?.verdict).toBe('applied');
  A = await startStation(env, hub, 'A');
  B = env.client(hub, await env.enrol('B'));
  await A.sync();
  // The facts the table needs, made at the station and shared with the pool.
  for (const n of [HOLDER, DELIVERED, FAILED])
    await A.core.ok('invoices.register', {
      shipmentNo: no(n),
      carrierId: cj,
      invoiceNo: n === HOLDER ? NUMBER : validNumber(5000 + n),
      via: 'scan',
    });
  await A.sync();
  await setStatus(DELIVERED, 'DELIVERED');
  await setStatus(FAILED, 'FAILED');
});
afterAll(async () => {
  A?.close();
  await env?.close();
});

describe('the station and the hub decide alike', () => {
  const register = (n: number, invoiceNo: string, carrierId: CarrierId = cj) => ({
    station: () => A.core.call('invoices.register', { shipmentNo: no(n), carrierId, invoiceNo, via: 'scan' }),
    hub: () => hubSays(op('register', no(n), { carrierId, invoiceNo, ...who })),
  });
  const modify = (n: number, invoiceNo: string, carrierId: CarrierId = cj) => ({
    station: () => A.core.call('invoices.modify', { shipmentNo: no(n), carrierId, invoiceNo, via: 'scan' }),
    hub: async () =>
      hubSays(
        op('modify', no(n), { carrierId, invoiceNo, reason: null, ...who }, { baseVersion: await poolVersion(no(n)) }),
      ),
  });

  const table: {
    name: string;
    expected: Pick<Outcome, 'refused' | 'code'>;
    station: () => Promise<Envelope<unknown>>;
    hub: () => Promise<Outcome>;
  }[] = [
    {
      name: 'a carrier of the other region',
      expected: { refused: true, code: 'CARRIER_NOT_FOR_REGION' },
      ...register(OVERSEAS, validNumber(6001)),
    },
    {
      name: 'a number with a wrong check digit',
      expected: { refused: true, code: 'INVALID_INVOICE_NUMBER' },
      // Lotte's check digit blocks (CJ Logistics' only warns: docs/CARRIERS.md "Number rules").
      ...register(FRESH[0], wrongCheckDigit(validNumber(6002, 'kr.lotte')), 'kr.lotte'),
    },
    {
      name: 'a number far too short',
      expected: { refused: true, code: 'INVALID_INVOICE_NUMBER' },
      ...register(FRESH[0], '123'),
    },
    {
      name: "the number on another recipient's shipment",
      expected: { refused: true, code: 'DUPLICATE_INVOICE' },
      ...register(OTHER_RECIPIENT, NUMBER),
    },
    {
      name: 'modifying a delivered parcel’s number',
      expected: { refused: true, code: 'INVALID_STATE' },
      ...modify(DELIVERED, validNumber(6003)),
    },
    {
      name: 'modifying a delivered parcel’s number to an invalid one (its status speaks first)',
      expected: { refused: true, code: 'INVALID_STATE' },
      ...modify(DELIVERED, '123'),
    },
    {
      name: 'modifying a failed parcel’s number to a carrier of the other region',
      expected: { refused: true, code: 'INVALID_STATE' },
      ...modify(FAILED, validNumber(6004), 'us.ups'),
    },
    {
      name: 'registering an invalid number on a parcel that has one (its invoice speaks first)',
      expected: { refused: true, code: 'INVALID_STATE' },
      ...register(HOLDER, '123'),
    },
    {
      name: 'registering a wrong check digit on a delivered parcel',
      expected: { refused: true, code: 'INVALID_STATE' },
      ...register(DELIVERED, wrongCheckDigit(validNumber(6005, 'kr.lotte')), 'kr.lotte'),
    },
    {
      name: 'deleting a failed parcel’s number',
      expected: { refused: true, code: 'INVALID_STATE' },
      station: () => A.core.call('invoices.delete', { shipmentNo: no(FAILED), via: 'scan' }),
      hub: async () =>
        hubSays(op('delete', no(FAILED), { reason: null, ...who }, { baseVersion: await poolVersion(no(FAILED)) })),
    },
    {
      name: 'changing the address while a number is registered',
      expected: { refused: true, code: 'ADDRESS_LOCKED' },
      station: () =>
        A.core.call('shipments.updateAddress', {
          shipmentNo: no(HOLDER),
          address: { ...poolShipment(HOLDER).address, line2: '2층' },
          via: 'manual',
        }),
      hub: async () =>
        hubSays(
          op(
            'address',
            no(HOLDER),
            { address: { ...poolShipment(HOLDER).address, line2: '2층' }, region: 'domestic', reason: null, ...who },
            { baseVersion: await poolVersion(no(HOLDER)) },
          ),
        ),
    },
    {
      name: 'splitting a parcel that has a number',
      expected: { refused: true, code: 'INVALID_STATE' },
      station: async () => {
        const detail = await A.core.ok('shipments.get', { shipmentNo: no(HOLDER) });
        return A.core.call('shipments.split', {
          shipmentNo: no(HOLDER),
          lines: [{ lineId: detail.items[0]!.lineId, quantity: 1 }],
        });
      },
      hub: async () =>
        hubSays(
          op('regroup', no(HOLDER), {
            orderNo: poolShipment(HOLDER).orderNo,
            retire: [{ shipmentNo: no(HOLDER), version: await poolVersion(no(HOLDER)) }],
            add: [poolShipment(HOLDER), poolShipment(901, { orderNo: poolShipment(HOLDER).orderNo })],
            operator: 'lee',
          }),
        ),
    },
    {
      name: 'merging a parcel that has a number',
      expected: { refused: true, code: 'INVALID_STATE' },
      station: () => A.core.call('shipments.merge', { shipmentNos: [no(HOLDER), no(SECOND_PARCEL)] }),
      hub: async () =>
        hubSays(
          op('regroup', no(HOLDER), {
            orderNo: poolShipment(HOLDER).orderNo,
            retire: [
              { shipmentNo: no(HOLDER), version: await poolVersion(no(HOLDER)) },
              { shipmentNo: no(SECOND_PARCEL), version: await poolVersion(no(SECOND_PARCEL)) },
            ],
            add: [poolShipment(HOLDER)],
            operator: 'lee',
          }),
        ),
    },
  ];

  it.each(table)('$name', async (c) => {
    const station = atStation(await c.station());
    const hub = await c.hub();
    expect(station).toMatchObject(c.expected);
    expect(hub).toEqual(station);
  });

  it('allows a valid number on each side, and the number on the same recipient’s other parcel (combined packing)', async () => {
    const station = await A.core.call('invoices.register', {
      shipmentNo: no(FRESH[0]),
      carrierId: cj,
      invoiceNo: validNumber(6100),
      via: 'scan',
    });
    expect(atStation(station).refused).toBe(false);
    expect(
      await hubSays(op('register', no(FRESH[1]), { carrierId: cj, invoiceNo: validNumber(6101), ...who })),
    ).toEqual({ refused: false, code: null, words: null });
    const combined = await A.core.call('invoices.register', {
      shipmentNo: no(SAME_RECIPIENT[0]),
      carrierId: cj,
      invoiceNo: NUMBER,
      via: 'scan',
    });
    expect(combined.ok && combined.value.warnings.map((w) => w.code)).toEqual(['COMBINED_PACKING']);
    expect(await hubSays(op('register', no(SAME_RECIPIENT[1]), { carrierId: cj, invoiceNo: NUMBER, ...who }))).toEqual({
      refused: false,
      code: null,
      words: null,
    });
  });

  it('refuses a carrier it does not know at both doors, before any rule', async () => {
    // Both doors' schemas list the carriers (shared/api/common.ts, shared/hub.ts): an unknown one is
    // unreadable input at each, in each door's own words; no rule is asked.
    const station = atStation(
      await A.core.call('invoices.register', {
        shipmentNo: no(FRESH[0]),
        carrierId: 'kr.pigeon' as typeof cj,
        invoiceNo: validNumber(6200),
        via: 'scan',
      }),
    );
    const hub = await hubSays({
      ...op('register', no(FRESH[0]), { carrierId: cj, invoiceNo: validNumber(6200), ...who }),
      payload: { carrierId: 'kr.pigeon', invoiceNo: validNumber(6200), ...who },
    });
    expect(station).toMatchObject({ refused: true, code: 'INVALID_INPUT' });
    expect(hub).toMatchObject({ refused: true, code: 'INVALID_INPUT' });
  });

  it("keeps the hub's refusal of a station's own change in the station's words (\"Not sent: …\")", async () => {
    // B registers the number first; A, not yet told, registers it on another recipient's parcel.
    const late = validNumber(6300);
    expect(await hubSays(op('register', no(LATE[0]), { carrierId: cj, invoiceNo: late, ...who }))).toMatchObject({
      refused: false,
    });
    await A.core.ok('invoices.register', { shipmentNo: no(LATE[1]), carrierId: cj, invoiceNo: late, via: 'scan' });
    await A.sync();
    // What A says itself, now that it knows: the words the hub answered.
    const own = atStation(
      await A.core.call('invoices.register', { shipmentNo: no(LATE[2]), carrierId: cj, invoiceNo: late, via: 'scan' }),
    );
    expect(own).toMatchObject({ refused: true, code: 'DUPLICATE_INVOICE' });
    const notSent = A.core.db
      .prepare(
        `SELECT o.last_error FROM outbox o JOIN shipments s ON s.id = o.shipment_id
         WHERE s.shipment_no = ? AND o.kind = 'release'`,
      )
      .get(no(LATE[1])) as { last_error: string } | undefined;
    expect(notSent?.last_error).toBe(`Not sent: ${own.words}`);
    const conflict = (await A.core.ok('conflicts.list', {})).find((c) => c.shipmentNo === no(LATE[1]));
    expect(conflict).toMatchObject({ code: 'DUPLICATE_INVOICE', reason: own.words });
  });
});
