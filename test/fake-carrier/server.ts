// A fake carrier on 127.0.0.1: tracker.delivery's GraphQL API (POST /graphql) over scripted timelines,
// and a release endpoint (POST /release) that applies each idempotency key once. Every request is
// recorded (per carrier, with real and business time) so tests can check rate limits and replays.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { FaultInjector, type FaultKind } from './faults';
import { graphqlError, parseTrackRequest, trackAnswer, visibleEvents, type TrackRequest } from './graphql';
import { automaticTimeline, type Timeline } from './timelines';
import { handleRelease, type ReleaseBook } from './release';
import { sendJson, sleep } from './respond';

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

export interface FakeCarrier {
  url: string;
  graphqlUrl: string;
  releaseUrl: string;
  script(carrierId: string, trackingNumber: string, timeline: Timeline): void;
  readonly trackFaults: FaultInjector;
  readonly releaseFaults: FaultInjector;
  readonly tracks: TrackRecord[];
  readonly releases: ReleaseBook;
  setOffline(offline: boolean): void;
  setLatency(ms: number): void;
  /** The most requests for one carrier inside any window of `windowMs` (real time). */
  maxInWindow(carrierId: string, windowMs: number): number;
  close(): Promise<void>;
}

async function readBody(req: http.IncomingMessage, max: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > max) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

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

export async function startFakeCarrier(options: FakeCarrierOptions = {}): Promise<FakeCarrier> {
  const clock = options.clock ?? Date.now;
  const scripts = new Map<string, Timeline>();
  const trackFaults = new FaultInjector();
  const releaseFaults = new FaultInjector();
  const tracks: TrackRecord[] = [];
  const releases: ReleaseBook = { receipts: [], applied: new Map(), responses: new Map(), refused: new Map() };
  const sockets = new Set<Socket>();
  let offline = false;
  let latency = options.latencyMs ?? 0;
  let closing = false;

  /** A fault that ends the exchange without a proper answer; true when it did. */
  const abortive = (
    fault: FaultKind | null,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    plan = trackFaults.settings,
  ): boolean => {
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
  };

  const answerTrack = async (req: http.IncomingMessage, res: http.ServerResponse, body: string) => {
    if (options.apiKey && req.headers.authorization !== `TRACKQL-API-KEY ${options.apiKey}`) {
      return sendJson(res, 401, graphqlError('UNAUTHENTICATED', 'a valid API key is required'));
    }
    const parsed = parseTrackRequest(body);
    if ('error' in parsed) return sendJson(res, 400, graphqlError('BAD_REQUEST', parsed.error));
    const r: TrackRequest = parsed;
    const fault = trackFaults.pick(`${r.carrierId}:${r.trackingNumber}`);
    tracks.push({
      carrierId: r.carrierId,
      trackingNumber: r.trackingNumber,
      real: performance.now(),
      business: clock(),
      fault,
      authorization: req.headers.authorization,
    });
    if (abortive(fault, req, res)) return;
    const plan = trackFaults.settings;
    if (fault === 'latency') await sleep(plan?.latencyMs ?? 50);
    if (latency) await sleep(latency);
    if (fault === 'malformed') return sendJson(res, 200, '{"data": {"track": {"events": {"edges": [');
    if (fault === 'wrong_shape') return sendJson(res, 200, { data: { track: { events: { edges: 'not a list' } } } });
    if (fault === 'bad_request') return sendJson(res, 200, graphqlError('BAD_REQUEST', 'invalid tracking number'));
    if (fault === 'not_found') return sendJson(res, 200, graphqlError('NOT_FOUND', 'no tracking information yet'));
    if (fault === 'internal') return sendJson(res, 200, graphqlError('INTERNAL', 'carrier backend failed'));
    if (fault === 'huge') return sendJson(res, 200, hugeBody(plan?.hugeBytes ?? 2_000_000));
    const key = `${r.carrierId}:${r.trackingNumber}`;
    let timeline = scripts.get(key);
    if (!timeline && options.automatic) {
      timeline = automaticTimeline(r.carrierId, r.trackingNumber, clock(), options.automatic.scale);
      scripts.set(key, timeline);
    }
    const visible = timeline ? visibleEvents(timeline, clock()) : [];
    if (!timeline || !visible.length)
      return sendJson(res, 200, graphqlError('NOT_FOUND', 'no tracking information yet'));
    sendJson(res, 200, trackAnswer(r, timeline, visible));
  };

  const server = http.createServer((req, res) => {
    if (offline || closing) {
      req.socket.destroy();
      return;
    }
    void (async () => {
      const body = await readBody(req, 1024 * 1024);
      if (body === null) return sendJson(res, 413, graphqlError('BAD_REQUEST', 'request too large'));
      if (req.method === 'POST' && req.url === '/graphql') return answerTrack(req, res, body);
      if (req.method === 'POST' && req.url === '/release') {
        return handleRelease({
          req,
          res,
          body,
          book: releases,
          faults: releaseFaults,
          clock,
          latency: () => latency,
          abortive,
        });
      }
      sendJson(res, 404, { error: { code: 'NOT_FOUND', message: 'no such endpoint' } });
    })().catch(() => req.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    if (offline) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    graphqlUrl: `${url}/graphql`,
    releaseUrl: `${url}/release`,
    script: (carrierId, trackingNumber, timeline) => void scripts.set(`${carrierId}:${trackingNumber}`, timeline),
    trackFaults,
    releaseFaults,
    tracks,
    releases,
    setOffline(value) {
      offline = value;
      if (value) for (const s of sockets) s.destroy();
    },
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
    async close() {
      closing = true;
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
