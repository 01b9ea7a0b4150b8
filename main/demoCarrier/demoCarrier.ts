// `npm run web -- --demo`: a carrier on 127.0.0.1 (server.ts) wired into the core, so a newcomer sees
// statuses move without a tracker account. Every number gets a timeline chosen by the number itself,
// with hours played as seconds. The provider is labelled a demo, and the screen says so.
import type { ReleaseConnector } from '../core/sync/outbox';
import type { TrackingProvider } from '../core/sync/provider';
import { httpReleaseConnector } from '../core/sync/releaseHttp';
import { trackerDeliveryProvider } from '../core/sync/trackerDelivery';
import type { SyncTuningInput } from '../core/sync/tuning';
import { startCarrierServer } from './server';

export interface DemoCarrier {
  url: string;
  /** Spread into createCore's options. */
  coreOptions: {
    trackingProvider: TrackingProvider;
    releaseConnector: ReleaseConnector;
    syncTuning: SyncTuningInput;
    sync: { intervalMs: number };
  };
  close(): Promise<void>;
}

export interface DemoCarrierOptions {
  port?: number;
  /** Real seconds per carrier hour / 3600: 0.003 plays a day in about four minutes. */
  scale?: number;
  /** The core's clock, so the carrier's event times agree with it (`--now`). Default Date.now. */
  clock?: () => number;
}

export async function startDemoCarrier(options: DemoCarrierOptions = {}): Promise<DemoCarrier> {
  const scale = options.scale ?? 0.003;
  const carrier = await startCarrierServer({
    port: options.port ?? 0,
    automatic: { scale },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const hour = 3_600_000 * scale;
  return {
    url: carrier.url,
    coreOptions: {
      trackingProvider: trackerDeliveryProvider({
        url: carrier.graphqlUrl,
        key: () => 'demo:demo',
        label: 'Demo carrier (local)',
        demo: true,
        timeoutMs: 5_000,
      }),
      releaseConnector: httpReleaseConnector({ url: carrier.releaseUrl, timeoutMs: 5_000 }),
      syncTuning: {
        carrierLimit: { perSecond: 20, burst: 5, concurrency: 4 },
        poll: {
          firstAfterMs: Math.min(2_000, hour),
          releasedMs: hour,
          processedMs: hour,
          shippingMs: hour,
          outForDeliveryMs: hour / 2,
          failedMs: 2 * hour,
          returnedMs: 6 * hour,
          notMovingDays: { domestic: 3 * scale, international: 7 * scale },
        },
      },
      sync: { intervalMs: 3_000 },
    },
    close: () => carrier.close(),
  };
}
