// A test core wired to a fake carrier on loopback: the tracker adapter and the HTTP release connector
// point at it, both sides share the test's clock, and timeouts are short so faults cost little time.
import { sampleInvoiceNumber } from '../../main/core/domain/invoiceNumber';
import { createStationContext } from '../../main/core/poolLink/record';
import { registerInvoice } from '../../main/core/services/invoices';
import { enqueueOutbox } from '../../main/core/services/outboxQueue';
import { httpReleaseConnector } from '../../main/core/sync/releaseHttp';
import { trackerDeliveryProvider } from '../../main/core/sync/trackerDelivery';
import type { SyncTuningInput } from '../../main/core/sync/tuning';
import type { Logger } from '../../main/core/createCore';
import type { CarrierId } from '../../shared/carriers';
import type { PushEvent } from '../../shared/api/contract';
import { startTestCore, type TestCore } from '../support/core';
import { seedFacets, seedShipments, type SeedShipment } from '../support/seed';
import { startFakeCarrier, type FakeCarrier, type FakeCarrierOptions } from './server';

export const TEST_KEY = 'shipdesk-test:s3cret-value';

export const TEST_TUNING: SyncTuningInput = {
  carrierLimit: { perSecond: 200, burst: 1, concurrency: 4 },
  releaseLimit: { perSecond: 500, burst: 10, concurrency: 8 },
  // Retry-After pauses are kept in business time, so a test's clock decides when they end.
  maxInlineWaitMs: 0,
};

export interface Parcel {
  shipmentNo: string;
  carrierId: CarrierId;
  invoiceNo: string;
}

export interface SyncHarness {
  core: TestCore;
  fake: FakeCarrier;
  pushes: PushEvent[];
  /** Moves the shared clock forward. */
  advance(ms: number): void;
  /** Seeds shipments awaiting an invoice and registers one number on each through the service (queued for release). */
  registerMany(carrierIds: readonly CarrierId[], serialBase: number, spec?: SeedShipment): Promise<Parcel[]>;
  /** The same end state written straight into the schema (invoice + queued release), for big tests. */
  seedRegistered(carrierIds: readonly CarrierId[], serialBase: number): Parcel[];
  cleanup(): Promise<void>;
}

export interface HarnessOptions {
  tuning?: SyncTuningInput;
  log?: Logger;
  fake?: FakeCarrierOptions;
  timeoutMs?: number;
}

export async function startSyncHarness(options: HarnessOptions = {}): Promise<SyncHarness> {
  const clock = { now: () => Date.now() };
  const fake = await startFakeCarrier({ apiKey: TEST_KEY, ...options.fake, clock: () => clock.now() });
  // Generous by default: on a busy machine a short timeout turns answers into faults nobody injected.
  const timeoutMs = options.timeoutMs ?? 3000;
  const core = startTestCore({
    trackingProvider: trackerDeliveryProvider({ url: fake.graphqlUrl, key: () => TEST_KEY, timeoutMs }),
    releaseConnector: httpReleaseConnector({ url: fake.releaseUrl, timeoutMs }),
    syncTuning: { ...TEST_TUNING, ...options.tuning },
    env: {},
    ...(options.log ? { log: options.log } : {}),
  });
  clock.now = () => core.now.value;
  seedFacets(core.db);
  const pushes: PushEvent[] = [];
  core.events.on((e) => pushes.push(e));
  return {
    core,
    fake,
    pushes,
    advance(ms) {
      core.now.value += ms;
    },
    async registerMany(carrierIds, serialBase, spec = {}) {
      const nos = seedShipments(
        core.db,
        carrierIds.map(() => ({ ...spec })),
      );
      const parcels = nos.map((shipmentNo, i) => {
        const carrierId = carrierIds[i]!;
        return { shipmentNo, carrierId, invoiceNo: sampleInvoiceNumber(carrierId, serialBase + i) };
      });
      // The service itself, in one commit: a durable commit per registration would dominate big tests.
      const ctx = createStationContext(core.db, () => core.now.value, core.events);
      core.db.transaction(() => {
        for (const p of parcels) registerInvoice(ctx, p, { operator: 'kim', via: 'scan' });
      })();
      return parcels;
    },
    seedRegistered(carrierIds, serialBase) {
      const numbers = carrierIds.map((carrierId, i) => ({
        carrierId,
        invoiceNo: sampleInvoiceNumber(carrierId, serialBase + i),
      }));
      const nos = seedShipments(
        core.db,
        numbers.map((n) => ({ status: 'PREPARING_TO_SHIP', invoice: { ...n, released: false } })),
      );
      const ctx = createStationContext(core.db, () => core.now.value, core.events);
      const invoiceOf = core.db.prepare(
        'SELECT i.id, i.shipment_id FROM invoices i JOIN shipments s ON s.id = i.shipment_id WHERE s.shipment_no = ?',
      );
      core.db.transaction(() => {
        nos.forEach((shipmentNo, i) => {
          const { id: invoiceId, shipment_id: shipmentId } = invoiceOf.get(shipmentNo) as {
            id: number;
            shipment_id: number;
          };
          const payload = { shipmentNo, ...numbers[i]!, invoiceId };
          enqueueOutbox(ctx, {
            kind: 'release',
            shipmentId,
            idempotencyKey: `release:${invoiceId}`,
            payload,
            at: core.now.value,
          });
        });
      })();
      return nos.map((shipmentNo, i) => ({ shipmentNo, ...numbers[i]! }));
    },
    async cleanup() {
      core.cleanup();
      await fake.close();
    },
  };
}
