// The tests' fake carrier: the product's demo carrier server (main/demoCarrier) with what only tests
// need stepped in through its tap: injected faults, added latency, and a record of every request (per
// carrier, with real and business time) so tests can check rate limits and replays.
import type http from 'node:http';
import { performance } from 'node:perf_hooks';
import { graphqlError } from '../../main/demoCarrier/graphql';
import type { ReleaseBook } from '../../main/demoCarrier/release';
import { sendJson } from '../../main/demoCarrier/respond';
import { startCarrierServer, type ReleaseCall } from '../../main/demoCarrier/server';
import type { Timeline } from '../../main/demoCarrier/timelines';
import { FaultInjector, type FaultKind, type FaultPlan } from './faults';

export interface FakeCarrierOptions {
  /** Business time: when scripted events become visible (a test's fake clock, or Date.now). */
  clock?: () => number;
  /** The key a request must carry ("id:secret"); none: any or no key is accepted. */
  apiKey?: string;
  /** Timelines for numbers nobody scripted, chosen by the number; off: such numbers are NOT_FOUND. */
  automatic?: { scale: number };
  port?: number;
  /** Added to every answer. */
  latencyMs?: number;
}

export interface TrackRecord {
  carrierId: string;
  trackingNumber: string;
  /** performance.now() at arrival. */
  real: number;
  business: number;
  fault: FaultKind | null;
  authorization: string | undefined;
}

export interface ReleaseRecord {
  key: string;
  kind: string;
  shipmentNo: string;
  carrierId: string;
  invoiceNo: string;
  recipientCountry: string;
  real: number;
  business: number;
  replay: boolean;
  fault: FaultKind | null;
}

export interface FakeReleaseBook extends ReleaseBook {
  /** Every request that reached the endpoint, in arrival order. */
  receipts: ReleaseRecord[];
}

export interface FakeCarrier {
  url: string;
  graphqlUrl: string;
  releaseUrl: string;
  script(carrierId: string, trackingNumber: string, timeline: Timeline): void;
  readonly trackFaults: FaultInjector;
  readonly releaseFaults: FaultInjector;
  readonly tracks: TrackRecord[];
  readonly releases: FakeReleaseBook;
  setOffline(offline: boolean): void;
  setLatency(ms: number): void;
  /** The most requests for one carrier inside any window of `windowMs` (real time). */
  maxInWindow(carrierId: string, windowMs: number): number;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let huge: { bytes: number; body: string } | null = null;
/** A valid answer padded far past any sane size; built once, it is sent often under fault injection. */
function hugeBody(bytes: number): string {
  if (huge?.bytes !== bytes)
    huge = {
      bytes,
      body: JSON.stringify({ data: { track: { lastEvent: null, events: { edges: [] } } }, padding: 'x'.repeat(bytes) }),
    };
  return huge.body;
}

/** A fault that ends the exchange without a proper answer; true when it did. */
function abortive(
  fault: FaultKind | null,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  plan: FaultPlan | null,
): boolean {
  if (fault === 'reset') req.socket.destroy();
  else if (fault === 'timeout')
    res.on('close', () => undefined); // held until the client gives up or close()
  else if (fault === 'server_error') sendJson(res, 503, graphqlError('INTERNAL', 'service unavailable'));
  else if (fault === 'rate_limited')
    sendJson(res, 429, graphqlError('TOO_MANY_REQUESTS', 'slow down'), {
      'retry-after': String(plan?.retryAfterSeconds ?? 1),
    });
  else return false;
  return true;
}

/** Answers the faults that reply with something other than the timeline; true when it did. */
function answeredWithFault(fault: FaultKind | null, res: http.ServerResponse, plan: FaultPlan | null): boolean {
  if (fault === 'malformed') sendJson(res, 200, '{"data": {"track": {"events": {"edges": [');
  else if (fault === 'wrong_shape') sendJson(res, 200, { data: { track: { events: { edges: 'not a list' } } } });
  else if (fault === 'bad_request') sendJson(res, 200, graphqlError('BAD_REQUEST', 'invalid tracking number'));
  else if (fault === 'not_found') sendJson(res, 200, graphqlError('NOT_FOUND', 'no tracking information yet'));
  else if (fault === 'internal') sendJson(res, 200, graphqlError('INTERNAL', 'carrier backend failed'));
  else if (fault === 'huge') sendJson(res, 200, hugeBody(plan?.hugeBytes ?? 2_000_000));
  else return false;
  return true;
}

export async function startFakeCarrier(options: FakeCarrierOptions = {}): Promise<FakeCarrier> {
  const clock = options.clock ?? Date.now;
  const trackFaults = new FaultInjector();
  const releaseFaults = new FaultInjector();
  const tracks: TrackRecord[] = [];
  const receipts: ReleaseRecord[] = [];
  const releaseFaultOf = new WeakMap<ReleaseCall, FaultKind | null>();
  let latency = options.latencyMs ?? 0;

  const server = await startCarrierServer({
    clock,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    ...(options.automatic ? { automatic: options.automatic } : {}),
    port: options.port ?? 0,
    tap: {
      async track({ req, res, request }) {
        const fault = trackFaults.pick(`${request.carrierId}:${request.trackingNumber}`);
        tracks.push({
          carrierId: request.carrierId,
          trackingNumber: request.trackingNumber,
          real: performance.now(),
          business: clock(),
          fault,
          authorization: req.headers.authorization,
        });
        const plan = trackFaults.settings;
        if (abortive(fault, req, res, plan)) return true;
        if (fault === 'latency') await sleep(plan?.latencyMs ?? 50);
        if (latency) await sleep(latency);
        return answeredWithFault(fault, res, plan);
      },
      release(call) {
        const { release } = call;
        const fault = releaseFaults.pick(release.invoiceNo);
        releaseFaultOf.set(call, fault);
        receipts.push({
          key: release.key,
          kind: release.kind,
          shipmentNo: release.shipmentNo,
          carrierId: release.carrierId,
          invoiceNo: release.invoiceNo,
          recipientCountry: release.recipientCountry,
          real: performance.now(),
          business: release.at,
          replay: call.replay,
          fault,
        });
        return abortive(fault, call.req, call.res, releaseFaults.settings);
      },
      // Applied, then answered late: a crash between the two is what the crash tests need.
      async applied(call) {
        if (releaseFaultOf.get(call) === 'latency') await sleep(releaseFaults.settings?.latencyMs ?? 50);
        if (latency) await sleep(latency);
      },
    },
  });

  return {
    url: server.url,
    graphqlUrl: server.graphqlUrl,
    releaseUrl: server.releaseUrl,
    script: server.script,
    trackFaults,
    releaseFaults,
    tracks,
    releases: Object.assign(server.releases, { receipts }),
    setOffline: server.setOffline,
    setLatency(ms) {
      latency = ms;
    },
    maxInWindow(carrierId, windowMs) {
      const times = tracks
        .filter((t) => t.carrierId === carrierId)
        .map((t) => t.real)
        .sort((a, b) => a - b);
      let best = 0;
      for (let i = 0, j = 0; j < times.length; j++) {
        while (times[j]! - times[i]! >= windowMs) i++;
        best = Math.max(best, j - i + 1);
      }
      return best;
    },
    close: server.close,
  };
}
