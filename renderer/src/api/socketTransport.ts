// The browser: one WebSocket to the web host, request ids, reconnect with backoff.
// A call made while connecting waits for the socket; calls in flight when it drops are rejected
// (their effect is unknown, so the screen reloads rather than guessing).
import type { PushEvent } from '../../../shared/api/contract';
import type { Envelope } from '../../../shared/errors';
import { listeners, TransportError, type ConnectionState, type Transport } from './transport';
import { parseServerFrame, type RequestFrame } from '../../../shared/api/wire';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;
const CALL_TIMEOUT_MS = 30_000;

interface Pending {
  method: string;
  frame: string;
  sent: boolean;
  resolve(envelope: Envelope<unknown>): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

/** ws(s)://<this host>/ws; the token travels as a subprotocol (see webToken.ts), never in the URL. */
export function socketUrlFor(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ws`;
}

export function createSocketTransport(url: string, protocols: string[] = []): Transport {
  const pushes = listeners<PushEvent>();
  const states = listeners<ConnectionState>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let state: ConnectionState = 'connecting';
  let failures = 0;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    states.emit(next);
  };

  const settle = (id: number): Pending | undefined => {
    const p = pending.get(id);
    if (p) {
      clearTimeout(p.timer);
      pending.delete(id);
    }
    return p;
  };

  const flush = () => {
    if (socket?.readyState !== WebSocket.OPEN) return;
    for (const p of pending.values()) {
      if (p.sent) continue;
      socket.send(p.frame);
      p.sent = true;
    }
  };

  const onMessage = (event: MessageEvent) => {
    if (typeof event.data !== 'string') return;
    const frame = parseServerFrame(event.data);
    if (!frame) {
      console.warn('[shipdesk] ignored a frame that is not part of the protocol');
      return;
    }
    if (frame.kind === 'unknown-push') return;
    if (frame.kind === 'push') {
      pushes.emit(frame.event);
      return;
    }
    if (typeof frame.id !== 'number') {
      console.warn('[shipdesk] the host could not read a request', frame.envelope);
      return;
    }
    settle(frame.id)?.resolve(frame.envelope);
  };

  const connect = () => {
    setState('connecting');
    const ws = new WebSocket(url, protocols);
    socket = ws;
    ws.addEventListener('open', () => {
      failures = 0;
      setState('open');
      flush();
    });
    ws.addEventListener('message', onMessage);
    ws.addEventListener('close', () => {
      socket = null;
      for (const [id, p] of pending) {
        settle(id);
        p.reject(new TransportError('The connection to Shipdesk dropped before the answer came.'));
      }
      setState('closed');
      failures += 1;
      // Exponential backoff with jitter, so several tabs do not all knock at once after a restart.
      const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (failures - 1)) * (0.75 + Math.random() * 0.5);
      setTimeout(connect, delay);
    });
  };

  connect();

  return {
    get connection() {
      return state;
    },
    invoke(method, input) {
      return new Promise((resolve, reject) => {
        const id = nextId++;
        const timer = setTimeout(() => {
          settle(id);
          reject(new TransportError('Shipdesk did not answer in time.'));
        }, CALL_TIMEOUT_MS);
        const frame: RequestFrame = { id, method, input };
        pending.set(id, { method, frame: JSON.stringify(frame), sent: false, resolve, reject, timer });
        flush();
      });
    },
    onPush: pushes.add,
    onConnection: states.add,
  };
}
