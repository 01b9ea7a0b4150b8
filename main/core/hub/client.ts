// A station's side of the wire to the hub: post operations, pull changes, listen for pushes.
// Every answer is parsed with the protocol's schemas; a hub that answers nothing is "unreachable".
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
import { SHIPDESK_VERSION } from '../version';

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
  url: string;
  token: string;
  /** Tests speak other protocol versions to see the hub refuse them. */
  protocol?: number;
  timeoutMs?: number;
}

export interface HubClient {
  hello(): Promise<Hello>;
  push(ops: readonly unknown[]): Promise<Verdict[]>;
  changes(after: string, limit: number): Promise<ChangePage>;
  /** Calls `onPull` whenever the hub says changes are ready; reconnects until closed. */
  listen(onPull: () => void, onState?: (connected: boolean) => void): { close(): void };
}

export function createHubClient(o: HubClientOptions): HubClient {
  const base = o.url.replace(/\/+$/, '');
  const headers = {
    Authorization: `Bearer ${o.token}`,
    [PROTOCOL_HEADER]: String(o.protocol ?? HUB_PROTOCOL),
    [APP_HEADER]: SHIPDESK_VERSION,
  };
  async function request(path: string, init: { method: string; body?: string }): Promise<unknown> {
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
        const socket = new WebSocket(`${base.replace(/^http/, 'ws')}/v1/push`, { headers });
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
