// A pool for one test file: its own database in the run's PostgreSQL, migrated, with hubs started
// in this process on free ports of 127.0.0.1, and stations enrolled. Everything stops in close().
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import type { CarrierId } from '../../shared/carriers';
import { OperationSchema, type Operation, type PoolShipment } from '../../shared/hub';
import { sampleInvoiceNumber } from '../../main/core/domain/invoiceNumber';
import { createHubClient, type HubClient } from '../../main/core/poolLink/client';
import { createHubPool, migrateHub, type HubPool } from '../../main/hub/db/pool';
import { startHubServer, type HubServer } from '../../main/hub/server';
import { addStation } from '../../main/hub/stations';
import { createTestDatabase, PG_ADMIN_URL_KEY } from './postgres';

export const silentHubLog = { warn: () => undefined, error: () => undefined };

export interface TestPool {
  url: string;
  /** The test's own connections, for looking at the pool directly. */
  pool: HubPool;
  hubs: HubServer[];
  startHub(o?: { poolSize?: number }): Promise<HubServer>;
  /** Enrols a station and returns its token. */
  enrol(name: string): Promise<string>;
  client(hub: HubServer, token: string): HubClient;
  close(): Promise<void>;
}

export async function startTestPool(label: string): Promise<TestPool> {
  return startTestPoolAt(await createTestDatabase(inject(PG_ADMIN_URL_KEY), label));
}

/** A pool on a database the test made itself (e.g. in its own cluster, to restart it). */
export async function startTestPoolAt(url: string): Promise<TestPool> {
  const pool = createHubPool(url, { max: 4 });
  await migrateHub(pool);
  const hubs: HubServer[] = [];
  const hubPools: HubPool[] = [];
  return {
    url,
    pool,
    hubs,
    async startHub(o = {}) {
      const hubPool = createHubPool(url, { max: o.poolSize ?? 8 });
      hubPools.push(hubPool);
      const hub = await startHubServer({ pool: hubPool, url, port: 0, log: silentHubLog, version: 'test' });
      hubs.push(hub);
      return hub;
    },
    async enrol(name) {
      return (await addStation(pool, name)).token;
    },
    client: (hub, token) => createHubClient({ url: hub.url, token }),
    async close() {
      await Promise.all(hubs.map((h) => h.close()));
      await Promise.all(hubPools.map((p) => p.end()));
      await pool.end();
    },
  };
}

/** A pool shipment with plausible facts; `n` picks the number and the recipient. */
export function poolShipment(n: number, o: Partial<PoolShipment> = {}): PoolShipment {
  const no = `SD${String(n).padStart(10, '0')}`;
  return {
    shipmentNo: no,
    orderNo: `ORD-${n}`,
    orderedAt: Date.parse('2026-11-20T00:00:00Z') + n * 60_000,
    salesChannel: 'naver',
    buyerName: `구매자 ${n}`,
    claim: 'general',
    originalOrderNo: null,
    recipient: { name: `수령인 ${n}`, phone: `010-0000-${String(n % 10000).padStart(4, '0')}` },
    address: { country: 'KR', postalCode: '06236', line1: `서울 강남구 테헤란로 ${n}`, line2: '' },
    region: 'domestic',
    memo: '',
    warehouse: { code: 'WH-ICN', name: '인천 1센터' },
    policy: { code: 'STD', name: '일반배송' },
    option: { code: 'PARCEL', name: '택배' },
    items: [{ productId: `P-${n}`, productName: '상품', optionName: '', quantity: 1 }],
    ...o,
  };
}

/** A valid tracking number for the carrier (check digit and all). */
export const validNumber = (serial: number, carrierId: CarrierId = 'kr.cjlogistics') =>
  sampleInvoiceNumber(carrierId, serial);

/** Operations as a station builds them. */
export function op<K extends Operation['kind']>(
  kind: K,
  shipmentNo: string,
  payload: Extract<Operation, { kind: K }>['payload'],
  o: { baseVersion?: number | null; scanAt?: number; opId?: string } = {},
): Operation {
  const built = {
    opId: o.opId ?? randomUUID(),
    kind,
    shipmentNo,
    baseVersion: o.baseVersion ?? null,
    scanAt: o.scanAt ?? Date.parse('2026-11-26T01:00:00Z'),
    payload,
  };
  return OperationSchema.parse(built);
}
