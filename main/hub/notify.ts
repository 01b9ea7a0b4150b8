// How a hub hears that the pool changed, to tell its connected stations to pull now. Two ways, so a
// lost notification never stalls a station for more than a few seconds (docs/HUB.md, "When
// PostgreSQL goes away"):
//   - LISTEN on one connection: PostgreSQL delivers a NOTIFY at every commit that changed the pool.
//     When the connection drops (the database restarted), it is made again with backoff, forever.
//   - a poll of the feed's head every few seconds: when it moved, pull now.
import pg from 'pg';
import { feedHead } from './feed';
import { CHANGES_CHANNEL, type HubPool } from './db/pool';

export interface ChangeListener {
  /** LISTEN is in place (false while the database is away). */
  listening(): boolean;
  stop(): Promise<void>;
}

export interface ListenOptions {
  /** At most one wake-up per this many ms. Default 10. */
  coalesceMs?: number;
  /** The feed's head is read this often, through the hub's pool; 0: no polling. Default 2000. */
  pollMs?: number;
  pool?: HubPool;
  /** Backoff between reconnections: from `retryMs` doubling up to `maxRetryMs`. Defaults 250 / 5000. */
  retryMs?: number;
  maxRetryMs?: number;
  onError?: (err: Error) => void;
  /** LISTEN is back after the connection was lost. */
  onListening?: () => void;
}

/** Calls `onChange` (coalesced) after every committed change, and whenever the feed's head moved. */
export async function listenForChanges(
  url: string,
  onChange: () => void,
  o: ListenOptions = {},
): Promise<ChangeListener> {
  let stopped = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let retry: NodeJS.Timeout | null = null;
  let poller: NodeJS.Timeout | null = null;
  let delay = o.retryMs ?? 250;
  let lostOnce = false;
  const coalesce = o.coalesceMs ?? 10;
  const fire = () => {
    if (timer || stopped) return;
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, coalesce);
  };

  const again = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, delay);
    delay = Math.min(delay * 2, o.maxRetryMs ?? 5000);
  };

  const lose = (c: pg.Client, err: Error) => {
    if (client === c) client = null;
    lostOnce = true;
    o.onError?.(err);
    c.end().catch(() => undefined);
    again();
  };

  async function connect(): Promise<void> {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, application_name: 'shipdesk-hub-listen' });
    let gone = false;
    const drop = (err: Error) => {
      if (gone) return;
      gone = true;
      lose(c, err);
    };
    c.on('notification', fire);
    c.on('error', drop);
    // A server that closes the connection without an error (shutdown) ends it just the same.
    c.on('end', () => drop(new Error('the LISTEN connection ended')));
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (err) {
      drop(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    if (gone) return;
    if (stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    delay = o.retryMs ?? 250;
    if (lostOnce) o.onListening?.();
    // Changes may have committed while we were not listening: let stations look once.
    fire();
  }

  // The poll: a notification lost with its connection, or never sent, still reaches the stations.
  let head: string | null = null;
  let polling = false;
  const poll = async () => {
    if (!o.pool || polling || stopped) return;
    polling = true;
    try {
      const now = await feedHead(o.pool);
      if (head !== null && now !== head) fire();
      head = now;
    } catch {
      // The database is away: LISTEN's reconnection says so; the next poll tries again.
    } finally {
      polling = false;
    }
  };
  const pollMs = o.pollMs ?? 2000;
  if (o.pool && pollMs > 0) {
    await poll();
    poller = setInterval(() => void poll(), pollMs);
  }

  // Down at start too: the hub serves (503 until the database answers) and keeps trying.
  await connect();
  return {
    listening: () => client !== null,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (retry) clearTimeout(retry);
      if (poller) clearInterval(poller);
      const c = client;
      client = null;
      c?.removeAllListeners('end');
      await c?.end().catch(() => undefined);
    },
  };
}
