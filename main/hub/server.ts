// The hub's HTTP face: stations post operations and pull changes; a WebSocket tells them to pull now.
// Stateless: every answer comes from PostgreSQL, so any number of hubs can serve one pool.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { APP_HEADER, HUB_PROTOCOL_RANGE, OperationBatchSchema, PROTOCOL_HEADER, type Verdict } from '../../shared/hub';
import { applyBatch, type StationCall } from './apply';
import type { HubPool } from './db/pool';
import { isCursor, MAX_PAGE, readChanges, START_CURSOR } from './feed';
import { listenForChanges, type ChangeListener } from './notify';
import { listStations } from './poolView';
import { adminOf, recordPull, stationOf } from './stations';

export interface HubLog {
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
}

export interface HubServerOptions {
  pool: HubPool;
  /** For the LISTEN connection (the pool's own connections stay free for requests). */
  url: string;
  port: number;
  /** 127.0.0.1 unless the hub is meant to be reached over a network (then use TLS: docs/HUB.md). */
  host?: string;
  tls?: { cert: Buffer; key: Buffer };
  log: HubLog;
  /** The Shipdesk version, reported to stations. */
  version: string;
}

export interface HubServer {
  url: string;
  port: number;
  /** Stations connected for pushes. */
  connected(): number;
  close(): Promise<void>;
}

const MAX_BODY = 8 * 1024 * 1024;

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const NOT_ENROLLED = new Refusal(
  401,
  'UNAUTHORIZED',
  'This station is not enrolled with the hub. Ask the administrator for a token (shipdesk hub add-station) and join again.',
);

const NOT_ADMIN = new Refusal(
  401,
  'UNAUTHORIZED',
  "This needs an administrator's token (shipdesk hub add-admin NAME); a station's token does not show the pool.",
);

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7).trim() : null;
}

/** A station too new or too old for this hub is told which side to update. */
export function protocolOf(req: IncomingMessage): number {
  const raw = req.headers[PROTOCOL_HEADER];
  const n = typeof raw === 'string' && /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isNaN(n)) {
    throw new Refusal(
      426,
      'UPGRADE_REQUIRED',
      'This station did not say which hub protocol it speaks. Update Shipdesk on this station.',
    );
  }
  if (n > HUB_PROTOCOL_RANGE.max) {
    throw new Refusal(
      426,
      'UPGRADE_REQUIRED',
      `This station is newer than the hub (protocol ${n}; the hub speaks ${HUB_PROTOCOL_RANGE.min} to ${HUB_PROTOCOL_RANGE.max}). Update the hub to this station's Shipdesk version; the station keeps its work queued meanwhile.`,
    );
  }
  if (n < HUB_PROTOCOL_RANGE.min) {
    throw new Refusal(
      426,
      'UPGRADE_REQUIRED',
      `This station's Shipdesk is too old for the hub (protocol ${n}; the hub needs ${HUB_PROTOCOL_RANGE.min} or later). Update Shipdesk on this station; its work stays queued meanwhile.`,
    );
  }
  return n;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += b.length;
    if (size > MAX_BODY)
      throw new Refusal(413, 'INVALID_INPUT', 'The request is too large; send fewer operations at once.');
    chunks.push(b);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new Refusal(400, 'INVALID_INPUT', 'The request is not JSON.');
  }
}

const HEALTH_TIMEOUT_MS = 3000;

/** Whether the database answers a trivial query within a few seconds. */
async function databaseAnswers(pool: HubPool): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS)));
  const answered = pool.query('SELECT 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function startHubServer(o: HubServerOptions): Promise<HubServer> {
  const sockets = new Set<WebSocket>();
  let listener: ChangeListener | null = null;
  const push = () => {
    for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send('{"type":"changes"}');
  };

  async function station(req: IncomingMessage, touch = true): Promise<StationCall> {
    const protocol = protocolOf(req);
    const header = req.headers[APP_HEADER];
    const app = typeof header === 'string' ? header.slice(0, 40) : null;
    const enrolled = await stationOf(o.pool, bearer(req), app, touch);
    if (!enrolled) throw NOT_ENROLLED;
    return {
      station: enrolled.name,
      stationCode: enrolled.code,
      protocol,
      app: app ?? 'unknown',
      seenDue: enrolled.seenDue,
    };
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://hub');
    const path = url.pathname;
    if (req.method === 'GET' && path === '/v1/health') {
      // No token, no data: whether this hub's database answers (docs/HUB.md, "When PostgreSQL goes away").
      const database = await databaseAnswers(o.pool);
      return send(res, database ? 200 : 503, {
        ok: database,
        database: database ? 'up' : 'down',
        listening: listener?.listening() ?? false,
      });
    }
    if (req.method === 'GET' && path === '/v1/hello') {
      const call = await station(req);
      return send(res, 200, {
        station: call.station,
        stationCode: call.stationCode,
        hub: o.version,
        protocol: HUB_PROTOCOL_RANGE,
      });
    }
    if (req.method === 'POST' && path === '/v1/ops') {
      const call = await station(req, false);
      const batch = OperationBatchSchema.safeParse(await readBody(req));
      if (!batch.success)
        throw new Refusal(400, 'INVALID_INPUT', 'The hub expects { ops: [...] } with 1 to 500 operations.');
      const verdicts: Verdict[] = await applyBatch(o.pool, call, batch.data.ops);
      return send(res, 200, { verdicts });
    }
    if (req.method === 'GET' && path === '/v1/stations') {
      // docs/HUB.md, "Seeing the pool": administrators only.
      if (!(await adminOf(o.pool, bearer(req)))) throw NOT_ADMIN;
      return send(res, 200, { stations: await listStations(o.pool) });
    }
    if (req.method === 'GET' && path === '/v1/changes') {
      const call = await station(req);
      const after = url.searchParams.get('after') ?? START_CURSOR;
      const limit = Number(url.searchParams.get('limit') ?? 1000);
      if (!isCursor(after) || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE)
        throw new Refusal(400, 'INVALID_INPUT', `Pass after=<cursor from the last page> and limit=1..${MAX_PAGE}.`);
      await recordPull(o.pool, call.station, after);
      return send(res, 200, await readChanges(o.pool, after, limit));
    }
    throw new Refusal(
      404,
      'NOT_FOUND',
      'The hub answers /v1/hello, /v1/ops, /v1/changes, /v1/push, /v1/health and /v1/stations.',
    );
  }

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    route(req, res).catch((err: unknown) => {
      if (err instanceof Refusal) {
        if (err.status === 401) o.log.warn('hub refused a station', { path: req.url?.split('?')[0], status: 401 });
        req.resume();
        return send(res, err.status, { error: { code: err.code, message: err.message } });
      }
      o.log.error('hub request failed', { error: err instanceof Error ? err.message : String(err) });
      if (!res.headersSent)
        send(res, 503, {
          error: { code: 'INTERNAL', message: 'The hub could not reach its database; the station will retry.' },
        });
      else res.destroy();
    });
  };
  const server = o.tls ? createHttpsServer({ cert: o.tls.cert, key: o.tls.key }, handler) : createHttpServer(handler);

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096, perMessageDeflate: false });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    const refuse = (status: number, text: string) =>
      socket.end(
        `HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
      );
    if (new URL(req.url ?? '/', 'http://hub').pathname !== '/v1/push') return refuse(404, 'The socket is at /v1/push.');
    station(req).then(
      () =>
        wss.handleUpgrade(req, socket, head, (ws) => {
          sockets.add(ws);
          ws.on('close', () => sockets.delete(ws));
          ws.on('error', () => ws.terminate());
          ws.send('{"type":"changes"}');
        }),
      (err: unknown) =>
        refuse(err instanceof Refusal ? err.status : 503, err instanceof Error ? err.message : 'refused'),
    );
  });

  listener = await listenForChanges(o.url, push, {
    pool: o.pool,
    onError: (err) => o.log.warn('hub lost its change listener; reconnecting', { error: err.message }),
    onListening: () => o.log.warn('hub listens for changes again'),
  });
  const host = o.host ?? '127.0.0.1';
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: o.port, host }, () => {
      const a = server.address();
      resolve(typeof a === 'object' && a ? a.port : o.port);
    });
  });
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${o.tls ? 'https' : 'http'}://${shownHost}:${port}`,
    port,
    connected: () => sockets.size,
    async close() {
      await listener?.stop();
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
      const closed = new Promise<void>((r) => server.close(() => r()));
      server.closeAllConnections();
      await closed;
    },
  };
}
