// One LISTEN connection per hub: PostgreSQL tells every hub when a transaction that changed the pool
// commits (NOTIFY is delivered at commit), and the hub tells its connected stations to pull now.
import pg from 'pg';

/** The feed's wake-up call: delivered to every hub's listener when the transaction commits. */
export const CHANGES_CHANNEL = 'shipdesk_changes';

export interface ChangeListener {
  stop(): Promise<void>;
}

/** Calls `onChange` (coalesced: at most once per `coalesceMs`) after every committed change. Reconnects when dropped. */
export async function listenForChanges(
  url: string,
  onChange: () => void,
  o: { coalesceMs?: number; onError?: (err: Error) => void } = {},
): Promise<ChangeListener> {
  let stopped = false;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let retry: NodeJS.Timeout | null = null;
  const coalesce = o.coalesceMs ?? 10;
  const fire = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, coalesce);
  };
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, application_name: 'shipdesk-hub-listen' });
    c.on('notification', fire);
    c.on('error', (err) => {
      o.onError?.(err);
      c.end().catch(() => undefined);
      if (client === c) client = null;
      if (!stopped) retry = setTimeout(() => void connect().catch(() => undefined), 1000);
    });
    await c.connect();
    await c.query(`LISTEN ${CHANGES_CHANNEL}`);
    client = c;
    // Changes may have committed while we were not listening: let stations look once.
    fire();
  };
  await connect();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
