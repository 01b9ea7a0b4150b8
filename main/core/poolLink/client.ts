// A station's side of the wire to the hub: post operations, pull changes, listen for pushes.
// Every answer is parsed with the protocol's schemas; a hub that answers nothing is "unreachable".
// A pool may have several hubs on one database: a request that one hub cannot answer goes to the
// next, and the station goes back to its first hub now and then (docs/HUB.md, "Membership").
import WebSocket from 'ws';
import {
  APP_HEADER,
  ChangePageSchema,
  HelloSchema,
  HUB_PROTOCOL,
  HubErrorSchema,
  PROTOCOL_HEADER,
  VerdictBatchSchema,
  type ChangePage,
  type Hello,
  type Verdict,
} from '../../../shared/hub';
import { SHIPDESK_VERSION } from '../runtime/version';

/** Why a request to the hub brought no verdicts. */
export class HubRequestError extends Error {
  constructor(
    /** unreachable: no answer (offline); refused: the hub said no (token, version, malformed); failed: 5xx. */
    readonly kind: 'unreachable' | 'refused' | 'failed',
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface HubClientOptions {
  /** Every hub of the pool, the station's own first. */
  url: string | readonly string[];
  token: string;
  /** Tests speak other protocol versions to see the hub refuse them. */
  protocol?: number;
  timeoutMs?: number;
  /** How long a station stays on another hub before it tries its first one again. */
  returnAfterMs?: number;
}

export interface HubClient {
  hello(): Promise<Hello>;
  push(ops: readonly unknown[]): Promise<Verdict[]>;
  changes(after: string, limit: number): Promise<ChangePage>;
  /** Calls `onPull` whenever the hub says changes are ready; reconnects until closed. */
  listen(onPull: () => void, onState?: (connected: boolean) => void): { close(): void };
}

const hubsOf = (url: string | readonly string[]): string[] =>
  (typeof url === 'string' ? [url] : [...url]).map((u) => u.replace(/\/+$/, ''));

export function createHubClient(o: HubClientOptions): HubClient {
  const bases = hubsOf(o.url);
  if (!bases.length) throw new Error('A hub client needs at least one hub address.');
  const returnAfterMs = o.returnAfterMs ?? 30_000;
  let current = 0;
  let movedAt = 0;
  const headers = {
    Authorization: `Bearer ${o.token}`,
    [PROTOCOL_HEADER]: String(o.protocol ?? HUB_PROTOCOL),
    [APP_HEADER]: SHIPDESK_VERSION,
  };
  async function requestOne(base: string, path: string, init: { method: string; body?: string }): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(base + path, {
        method: init.method,
        headers: init.body ? { ...headers, 'Content-Type': 'application/json' } : headers,
        body: init.body,
        signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
      });
    } catch (err) {
      throw new HubRequestError(
        'unreachable',
        'OFFLINE',
        `The hub did not answer (${err instanceof Error ? err.message : String(err)}).`,
      );
    }
    const body: unknown = await res.json().catch(() => null);
    if (res.ok) return body;
    const refusal = HubErrorSchema.safeParse(body);
    const message = refusal.success ? refusal.data.error.message : `The hub answered ${res.status}.`;
    const code = refusal.success ? refusal.data.error.code : 'INTERNAL';
    throw new HubRequestError(res.status >= 500 ? 'failed' : 'refused', code, message);
  }
  /**
   * Tries the hub in use, then the others in order. A refusal (token, version, request) is the pool's
   * answer and is not asked again elsewhere; no answer or a 5xx is one hub's trouble. An operation
   * sent twice this way is applied once (its id), so moving on is always safe.
   */
  async function request(path: string, init: { method: string; body?: string }): Promise<unknown> {
    if (current !== 0 && Date.now() - movedAt >= returnAfterMs) current = 0;
    let last: unknown = null;
    for (let i = 0; i < bases.length; i++) {
      const at = (current + i) % bases.length;
      try {
        const body = await requestOne(bases[at]!, path, init);
        if (at !== current) {
          current = at;
          movedAt = Date.now();
        }
        return body;
      } catch (err) {
        if (!(err instanceof HubRequestError) || err.kind === 'refused') throw err;
        last = err;
      }
    }
    throw last;
  }
  return {
    async hello() {
      return HelloSchema.parse(await request('/v1/hello', { method: 'GET' }));
    },
    async push(ops) {
      const body = await request('/v1/ops', { method: 'POST', body: JSON.stringify({ ops }) });
      return VerdictBatchSchema.parse(body).verdicts;
    },
    async changes(after, limit) {
      const q = new URLSearchParams({ after, limit: String(limit) });
      return ChangePageSchema.parse(await request(`/v1/changes?${q}`, { method: 'GET' }));
    },
    listen(onPull, onState) {
      let closed = false;
      let ws: WebSocket | null = null;
      let retry: NodeJS.Timeout | null = null;
      const open = () => {
        if (closed) return;
        // The hub in use at the time: after a move, the socket follows the station to the next hub.
        const socket = new WebSocket(`${bases[current]!.replace(/^http/, 'ws')}/v1/push`, { headers });
        ws = socket;
        socket.on('open', () => onState?.(true));
        socket.on('message', () => onPull());
        socket.on('error', () => undefined);
        socket.on('close', () => {
          onState?.(false);
          if (!closed) retry = setTimeout(open, 1000);
        });
      };
      open();
      return {
        close() {
          closed = true;
          if (retry) clearTimeout(retry);
          ws?.terminate();
        },
      };
    },
  };
}
