// The dispatcher over WebSocket: one request frame in, one envelope out; every core event pushed to
// every open socket. A bad frame gets an INVALID_INPUT reply and the socket keeps working.
import type { WebSocket, WebSocketServer, RawData } from 'ws';
import type { Core } from '../core/createCore';
import type { Logger } from '../core/log/logger';
import { invalidInput, parseRequestFrame, type ServerFrame } from '../../shared/api/wire';
import { boundsProblem, frameMethod, REQUEST_LIMITS, sizeFitsMethod } from './bounds';

/** A screen that stops reading must not make the host buffer pushes forever. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
const HEARTBEAT_MS = 30_000;

export interface SocketRpcOptions {
  /** The core, or the desk that stands in for it (main/core/recovery/desk.ts): calls and pushes. */
  core: Pick<Core, 'dispatch' | 'events'>;
  operator: string;
  log: Logger;
}

function send(ws: WebSocket, frame: ServerFrame, log: Logger): void {
  if (ws.readyState !== ws.OPEN) return;
  if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
    log.warn('web host: closing a socket that stopped reading', { buffered: ws.bufferedAmount });
    ws.terminate();
    return;
  }
  ws.send(JSON.stringify(frame));
}

function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/** Wires the server's sockets to the core. Returns a function that stops pushes and heartbeats. */
export function attachSocketRpc(wss: WebSocketServer, options: SocketRpcOptions): () => void {
  const { core, operator, log } = options;
  const alive = new WeakSet<WebSocket>();

  wss.on('connection', (ws: WebSocket) => {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    ws.on('error', (err: Error & { code?: string }) => {
      // ws has already answered (1009 for an oversized message); the host keeps serving the others.
      const detail =
        err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? 'message too large, closed with 1009' : err.message;
      log.warn(`web host: socket error: ${detail}`, { code: err.code ?? 'unknown' });
    });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) {
        send(ws, { id: null, envelope: invalidInput('Send requests as JSON text frames, not binary.') }, log);
        return;
      }
      const text = textOf(data);
      const tooMuch = boundsProblem(frameMethod(text), text);
      if (tooMuch) {
        send(ws, { id: null, envelope: invalidInput(tooMuch) }, log);
        return;
      }
      const parsed = parseRequestFrame(text);
      if (!parsed.ok) {
        send(ws, { id: parsed.id, envelope: invalidInput(parsed.message) }, log);
        return;
      }
      const request = parsed.frame;
      // The cap was chosen by the method found before the parse; the parse must agree (docs/ARCHITECTURE.md, "The wire").
      if (!sizeFitsMethod(request.method, text)) {
        const message = `The request is larger than ${REQUEST_LIMITS.maxBytes / 1024} KiB; only a file upload may be that large.`;
        send(ws, { id: request.id, envelope: invalidInput(message) }, log);
        return;
      }
      void core.dispatch(request.method, request.input, { operator, via: 'manual' }).then(
        (envelope) => send(ws, { id: request.id, envelope }, log),
        // dispatch never rejects; this is the belt to its braces.
        () =>
          send(
            ws,
            {
              id: request.id,
              envelope: { ok: false, error: { code: 'INTERNAL', message: 'Shipdesk could not answer this request.' } },
            },
            log,
          ),
      );
    });
  });

  const stopPushes = core.events.on((event) => {
    for (const ws of wss.clients) send(ws, { push: event }, log);
  });

  // Sockets of a laptop that slept or a cable that was pulled never say goodbye: ping, and drop the silent.
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return () => {
    stopPushes();
    clearInterval(heartbeat);
  };
}
