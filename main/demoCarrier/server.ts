// A carrier on 127.0.0.1 for the demo (`npm run web -- --demo`): tracker.delivery's GraphQL API
// (POST /graphql) over scripted timelines, and a release endpoint (POST /release) that applies each
// idempotency key once. Tests build their fake carrier on it and step in through `tap` (faults,
// request records); the product never does.
import http from 'node:http';
import type { Socket } from 'node:net';
import { graphqlError, parseTrackRequest, trackAnswer, visibleEvents, type TrackRequest } from './graphql';
import { applyRelease, newReleaseBook, readRelease, type ReleaseBook, type ReleaseRequest } from './release';
import { sendJson } from './respond';
import { automaticTimeline, type Timeline } from './timelines';

export interface TrackCall {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  request: TrackRequest;
}

export interface ReleaseCall {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  release: ReleaseRequest;
  /** The key was answered before. */
  replay: boolean;
}

/** Stands between a request and its answer. Every hook is optional. */
export interface CarrierTap {
  /** A track request was understood; true when the tap answered it itself. */
  track?(call: TrackCall): boolean | Promise<boolean>;
  /** A release was understood; true when the tap answered it itself (nothing is applied). */
  release?(call: ReleaseCall): boolean | Promise<boolean>;
  /** The release was applied; its answer goes out once this settles. */
  applied?(call: ReleaseCall): void | Promise<void>;
}

export interface CarrierServerOptions {
  /** Business time: when scripted events become visible (a test's clock, the core's clock, or Date.now). */
  clock?: () => number;
  /** The key a request must carry ("id:secret"); none: any or no key is accepted. */
  apiKey?: string;
  /** Timelines for numbers nobody scripted, chosen by the number; off: such numbers are NOT_FOUND. */
  automatic?: { scale: number };
  port?: number;
  tap?: CarrierTap;
}

export interface CarrierServer {
  url: string;
  graphqlUrl: string;
  releaseUrl: string;
  script(carrierId: string, trackingNumber: string, timeline: Timeline): void;
  readonly releases: ReleaseBook;
  /** Offline: every connection is cut, as when the carrier's network is down. */
  setOffline(offline: boolean): void;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;

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

export async function startCarrierServer(options: CarrierServerOptions = {}): Promise<CarrierServer> {
  const clock = options.clock ?? Date.now;
  const tap = options.tap ?? {};
  const scripts = new Map<string, Timeline>();
  const releases = newReleaseBook();
  const sockets = new Set<Socket>();
  let offline = false;
  let closing = false;

  const answerTrack = async (req: http.IncomingMessage, res: http.ServerResponse, body: string) => {
    if (options.apiKey && req.headers.authorization !== `TRACKQL-API-KEY ${options.apiKey}`) {
      return sendJson(res, 401, graphqlError('UNAUTHENTICATED', 'a valid API key is required'));
    }
    const parsed = parseTrackRequest(body);
    if ('error' in parsed) return sendJson(res, 400, graphqlError('BAD_REQUEST', parsed.error));
    if (await tap.track?.({ req, res, request: parsed })) return;
    const key = `${parsed.carrierId}:${parsed.trackingNumber}`;
    let timeline = scripts.get(key);
    if (!timeline && options.automatic) {
      timeline = automaticTimeline(parsed.carrierId, parsed.trackingNumber, clock(), options.automatic.scale);
      scripts.set(key, timeline);
    }
    const visible = timeline ? visibleEvents(timeline, clock()) : [];
    if (!timeline || !visible.length)
      return sendJson(res, 200, graphqlError('NOT_FOUND', 'no tracking information yet'));
    sendJson(res, 200, trackAnswer(parsed, timeline, visible));
  };

  const answerRelease = async (req: http.IncomingMessage, res: http.ServerResponse, body: string) => {
    const release = readRelease(req, res, body, clock());
    if (!release) return;
    const call: ReleaseCall = { req, res, release, replay: releases.responses.has(release.key) };
    if (await tap.release?.(call)) return;
    // Applied first, answered after: a crash between the two is possible, as with a real carrier.
    const answer = applyRelease(releases, release);
    await tap.applied?.(call);
    sendJson(res, answer.status, answer.body);
  };

  const server = http.createServer((req, res) => {
    if (offline || closing) {
      req.socket.destroy();
      return;
    }
    void (async () => {
      const body = await readBody(req, MAX_BODY_BYTES);
      if (body === null) return sendJson(res, 413, graphqlError('BAD_REQUEST', 'request too large'));
      if (req.method === 'POST' && req.url === '/graphql') return answerTrack(req, res, body);
      if (req.method === 'POST' && req.url === '/release') return answerRelease(req, res, body);
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
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    graphqlUrl: `${url}/graphql`,
    releaseUrl: `${url}/release`,
    script: (carrierId, trackingNumber, timeline) => void scripts.set(`${carrierId}:${trackingNumber}`, timeline),
    releases,
    setOffline(value) {
      offline = value;
      if (value) for (const s of sockets) s.destroy();
    },
    async close() {
      closing = true;
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
