// The web host: the built renderer and the dispatcher over HTTP + WebSocket, on 127.0.0.1 only.
// Every request passes the Host door, posts and sockets the Origin door, and every call and socket
// the token door (a header of its own, never a cookie); the page's files hold no data and need no
// token. A refusal is logged in one line without the token, and the host keeps serving.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_UPLOAD_BASE64 } from '../../shared/api/contract';
import type { Core } from '../core/createCore';
import { createLogger, stderrSink, type Logger } from '../core/log/logger';
import {
  describeRequest,
  hostAllowed,
  newToken,
  originVerdict,
  presentedToken,
  sameToken,
  splitTarget,
} from './guards';
import { SOCKET_PROTOCOL } from '../../shared/api/wire';
import { sendText } from './headers';
import { answerHttpRpc, rpcMethodOf } from './httpRpc';
import { attachSocketRpc } from './socketRpc';
import { createStaticFiles, sendMissing } from './staticFiles';

export const WEB_HOST_ADDRESS = '127.0.0.1';
export const SOCKET_PATH = '/ws';
/** The largest message the contract allows is an Excel upload in base64; leave room for its JSON framing. */
export const DEFAULT_MAX_MESSAGE_BYTES = MAX_UPLOAD_BASE64 + 1024 * 1024;

export interface WebHostOptions {
  /** The core, or the desk that stands in for it (main/core/recovery/desk.ts): calls and pushes. */
  core: Pick<Core, 'dispatch' | 'events'>;
  /** 0 picks any free port. */
  port?: number;
  rendererDir: string;
  /** A fixed token for tests and scripts; otherwise a random one per run. */
  token?: string;
  /** Who acts for calls through this host; empty lets the settings' operator name win. */
  operator?: string;
  /** Largest WebSocket message and POST body; default fits the contract's largest upload. */
  maxMessageBytes?: number;
  log?: Logger;
}

export interface WebHost {
  /** Open this in a browser: it carries the token in the fragment, which no browser sends to any server. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

type Refusal = { status: number; reason: string; text: string };

const STATUS_LINES: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  421: 'Misdirected Request',
};

/** Host, Origin (when it matters) and token (when it matters): the first door that says no. */
function refusalFor(req: IncomingMessage, port: number, token: string | null, checkOrigin: boolean): Refusal | null {
  if (!hostAllowed(req, port)) {
    return { status: 421, reason: 'unexpected Host header', text: `Use http://127.0.0.1:${port}/ to reach Shipdesk.` };
  }
  if (checkOrigin && originVerdict(req, port) === 'foreign') {
    return { status: 403, reason: 'foreign Origin', text: 'Requests from other sites are refused.' };
  }
  if (token !== null && !sameToken(presentedToken(req), token)) {
    return {
      status: 401,
      reason: 'missing or wrong token',
      text:
        'Open the address Shipdesk printed when it started (it carries the access token), ' +
        'or send the token as "Authorization: Bearer <token>".',
    };
  }
  return null;
}

function refuseUpgrade(socket: Duplex, refusal: Refusal): void {
  const body = refusal.text + '\n';
  socket.on('error', () => undefined);
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_LINES[refusal.status] ?? 'Refused'}\r\n` +
      'Connection: close\r\nContent-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      const message =
        err.code === 'EADDRINUSE'
          ? `Port ${port} on ${WEB_HOST_ADDRESS} is already in use. Stop the other program or choose another port with --port.`
          : err.code === 'EACCES'
            ? `Shipdesk may not listen on port ${port}. Choose a port above 1024 with --port.`
            : `Shipdesk could not listen on ${WEB_HOST_ADDRESS}:${port}: ${err.message}`;
      reject(Object.assign(new Error(message), { code: err.code }));
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ port, host: WEB_HOST_ADDRESS });
  });
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  // Refusals and socket trouble, one line each.
  const log = options.log ?? createLogger({ sinks: [stderrSink()], fields: { scope: 'web' } });
  const token = options.token ?? newToken();
  const operator = options.operator ?? '';
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const files = createStaticFiles(options.rendererDir);
  let port = options.port ?? 0;

  const refuse = (req: IncomingMessage, refusal: Pick<Refusal, 'reason' | 'status'>) =>
    log.warn(`web host refused ${describeRequest(req)}: ${refusal.reason} (${refusal.status})`);

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const readOnly = method === 'GET' || method === 'HEAD';
    const { path } = splitTarget(req.url);
    const rpcMethod = rpcMethodOf(path);
    // The page's files hold no data: they are served without the token, so a reload works with the
    // token kept in the tab (sessionStorage) and nothing has to live in a cookie.
    const refusal = refusalFor(req, port, readOnly ? null : token, !readOnly);
    if (refusal) {
      refuse(req, refusal);
      sendText(res, refusal.status, refusal.text);
      req.resume();
      return;
    }
    if (method === 'POST' && rpcMethod !== null) {
      await answerHttpRpc(req, res, rpcMethod, {
        core: options.core,
        operator,
        maxBodyBytes: maxMessageBytes,
        refused: (reason, status) => refuse(req, { reason, status }),
      });
      return;
    }
    if (!readOnly) {
      refuse(req, { reason: 'method not allowed', status: 405 });
      sendText(res, 405, 'Only GET, and POST to /rpc/<method>, are answered here.', { Allow: 'GET, HEAD, POST' });
      req.resume();
      return;
    }
    const verdict = await files.resolve(path);
    if (verdict.kind === 'bad-path') {
      refuse(req, { reason: 'path outside the renderer folder', status: 400 });
      sendText(res, 400, 'Bad path.');
      return;
    }
    if (verdict.kind === 'missing') {
      sendMissing(res);
      return;
    }
    await files.send(req, res, verdict.file);
  }

  const server = createServer((req, res) => {
    answer(req, res).catch((err: unknown) => {
      log.error('web host request failed', { error: err });
      if (!res.headersSent) sendText(res, 500, 'Shipdesk hit an unexpected problem.');
      else res.destroy();
    });
  });

  // perMessageDeflate stays off: a compressed message could inflate past maxPayload's intent.
  // The page offers the token as a second subprotocol; the host answers with the plain one only.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: maxMessageBytes,
    perMessageDeflate: false,
    handleProtocols: (offered) => (offered.has(SOCKET_PROTOCOL) ? SOCKET_PROTOCOL : false),
  });
  const stopSocketRpc = attachSocketRpc(wss, { core: options.core, operator, log });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    if (splitTarget(req.url).path !== SOCKET_PATH) {
      const refusal = { status: 404, reason: 'no socket at this path', text: `The socket is at ${SOCKET_PATH}.` };
      refuse(req, refusal);
      refuseUpgrade(socket, refusal);
      return;
    }
    const refusal = refusalFor(req, port, token, true);
    if (refusal) {
      refuse(req, refusal);
      refuseUpgrade(socket, refusal);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  port = await listen(server, port);

  let closing: Promise<void> | null = null;
  return {
    url: `http://${WEB_HOST_ADDRESS}:${port}/#token=${encodeURIComponent(token)}`,
    port,
    token,
    close() {
      closing ??= (async () => {
        stopSocketRpc();
        for (const ws of wss.clients) ws.close(1001, 'Shipdesk is shutting down');
        // Give the closing handshakes a moment, then cut whatever is left.
        await new Promise((r) => setTimeout(r, wss.clients.size ? 300 : 0));
        for (const ws of wss.clients) ws.terminate();
        await new Promise<void>((r) => wss.close(() => r()));
        const closed = new Promise<void>((r) => server.close(() => r()));
        server.closeAllConnections();
        await closed;
      })();
      return closing;
    },
  };
}
