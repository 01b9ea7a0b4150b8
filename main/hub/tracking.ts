// Tracking in a pool: each warehouse's numbers are polled by one hub instance only, the one holding
// that warehouse's PostgreSQL advisory lock (held on a dedicated connection for the hub's life, so it
// passes to another hub when this one stops or loses its connection). Events are stored once by
// fingerprint and reach every station through the change feed.
import pg from 'pg';
import { findCarrier } from '../../shared/carriers';
import { isSafeEndpoint } from '../../shared/api/contract';
import type { ProblemLog } from '../core/sync/problems';
import type { TrackingProvider } from '../core/sync/provider';
import { normalizeEvent } from '../core/sync/ingest';
import { trackerDeliveryProvider } from '../core/sync/trackerDelivery';
import { CHANGES_CHANNEL, inTransaction, type HubPool } from './db/pool';
import { bump, refreshStatus } from './poolRows';
import type { HubLog } from './server';

/** Advisory-lock class for "polls this warehouse"; the warehouse's hash is the object id. */
const TRACKING_LOCK_CLASS = 0x5d02;

export interface HubTracking {
  /** One pass over due numbers of the warehouses this hub holds; resolves with how many were polled. */
  runOnce(): Promise<{ polled: number; eventsStored: number; warehouses: string[] }>;
  stop(): Promise<void>;
}

export interface HubTrackingOptions {
  pool: HubPool;
  url: string;
  log: HubLog;
  env?: Record<string, string | undefined>;
  /** Instead of SHIPDESK_TRACKER_URL / SHIPDESK_TRACKER_KEY: tests and the demo carrier. */
  provider?: TrackingProvider;
  /** Between passes; 0 runs no loop (call runOnce). Default 30 s. */
  intervalMs?: number;
  /** A number that moved or did not is asked again after this long. Default 30 min. */
  repollMs?: number;
  batch?: number;
}

function providerFromEnv(env: Record<string, string | undefined>): TrackingProvider | null {
  const url = env['SHIPDESK_TRACKER_URL']?.trim();
  const key = env['SHIPDESK_TRACKER_KEY']?.trim();
  if (!url || !key || !isSafeEndpoint(url)) return null;
  return trackerDeliveryProvider({ url, key: () => key });
}

export async function startHubTracking(o: HubTrackingOptions): Promise<HubTracking> {
  const provider = o.provider ?? providerFromEnv(o.env ?? {});
  const repollMs = o.repollMs ?? 30 * 60_000;
  const batch = o.batch ?? 200;
  const problems: ProblemLog = {
    record: (kind, carrierId, subject, detail) => o.log.warn(`tracking: ${detail}`, { kind, carrierId, subject }),
  };
  let lockClient: pg.Client | null = null;
  const held = new Set<string>();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();

  const locks = async (): Promise<pg.Client> => {
    if (lockClient) return lockClient;
    const c = new pg.Client({ connectionString: o.url, application_name: 'shipdesk-hub-tracking' });
    const gone = () => {
      // The connection is gone, and with it every lock it held: another hub takes over, and the next
      // pass connects again (docs/HUB.md, "When PostgreSQL goes away").
      if (lockClient !== c) return;
      held.clear();
      lockClient = null;
    };
    c.on('error', gone);
    c.on('end', gone);
    await c.connect();
    lockClient = c;
    return c;
  };

  const ingest = async (
    carrierId: string,
    invoiceNo: string,
    outcome: Awaited<ReturnType<TrackingProvider['track']>>,
  ) =>
    inTransaction(o.pool, async (c) => {
      let stored = 0;
      let delivered = false;
      if (outcome.kind === 'events') {
        const now = Date.now();
        for (const e of outcome.events) {
          const n = normalizeEvent({ carrierId, invoiceNo }, e, now, problems);
          if (!n) continue;
          if (n.code === 'DELIVERED') delivered = true;
          const r = await c.query(
            `INSERT INTO tracking_events (fingerprint, carrier_id, invoice_no, at, zone, code, raw_code, raw_text, location)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (fingerprint) DO NOTHING`,
            [n.fingerprint, carrierId, invoiceNo, n.at, n.zone, n.code, n.rawCode, n.rawText, n.location],
          );
          if (r.rowCount) {
            stored++;
            await c.query('INSERT INTO changes (fingerprint) VALUES ($1)', [n.fingerprint]);
          }
        }
      }
      if (stored) {
        const { rows } = await c.query<{ shipment_no: string }>(
          'SELECT shipment_no FROM invoices WHERE active AND carrier_id = $1 AND invoice_no = $2 ORDER BY shipment_no',
          [carrierId, invoiceNo],
        );
        for (const r of rows) {
          await refreshStatus(c, r.shipment_no);
          await bump(c, r.shipment_no, false);
        }
        await c.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, '']);
      }
      const failed = outcome.kind === 'failed' ? outcome.reason.slice(0, 300) : null;
      const stop = delivered || outcome.kind === 'invalid';
      await c.query(
        `UPDATE poll_schedule SET last_polled_at = now(), failures = CASE WHEN $3::text IS NULL THEN 0 ELSE failures + 1 END,
           last_error = $3, next_poll_at = CASE WHEN $4 THEN NULL ELSE now() + make_interval(secs => $5::float8 / 1000) END
         WHERE carrier_id = $1 AND invoice_no = $2`,
        [carrierId, invoiceNo, failed, stop, failed ? Math.min(repollMs, 60_000) : repollMs],
      );
      return stored;
    });

  const runOnce = async () => {
    const report = { polled: 0, eventsStored: 0, warehouses: [] as string[] };
    if (!provider || stopped) return report;
    const c = await locks();
    const { rows } = await o.pool.query<{ warehouse: string }>(
      'SELECT DISTINCT warehouse FROM poll_schedule WHERE next_poll_at <= now()',
    );
    for (const { warehouse } of rows) {
      if (held.has(warehouse)) continue;
      const got = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [
        TRACKING_LOCK_CLASS,
        warehouse,
      ]);
      if (got.rows[0]?.ok) held.add(warehouse);
    }
    report.warehouses = [...held].sort();
    if (!held.size) return report;
    const due = await o.pool.query<{ carrier_id: string; invoice_no: string }>(
      `SELECT carrier_id, invoice_no FROM poll_schedule WHERE warehouse = ANY($1) AND next_poll_at <= now()
       ORDER BY next_poll_at LIMIT $2`,
      [[...held], batch],
    );
    for (const n of due.rows) {
      if (stopped) break;
      const carrier = findCarrier(n.carrier_id);
      if (!carrier) continue;
      const outcome = await provider.track(carrier.trackedAs ?? carrier.id, n.invoice_no);
      report.polled++;
      report.eventsStored += await ingest(n.carrier_id, n.invoice_no, outcome);
    }
    return report;
  };

  const loop = () => {
    timer = null;
    running = runOnce()
      .catch((err: unknown) =>
        o.log.error('tracking pass failed', { error: err instanceof Error ? err.message : String(err) }),
      )
      .finally(() => {
        if (!stopped && o.intervalMs !== 0) timer = setTimeout(loop, o.intervalMs ?? 30_000);
      });
  };
  if (provider && o.intervalMs !== 0) timer = setTimeout(loop, 0);
  else if (!provider)
    o.log.warn('tracking is off: set SHIPDESK_TRACKER_URL and SHIPDESK_TRACKER_KEY for the hub to poll carriers');

  return {
    runOnce: () => {
      const next = running.then(runOnce);
      running = next.catch(() => undefined);
      return next;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running.catch(() => undefined);
      await lockClient?.end().catch(() => undefined);
      lockClient = null;
    },
  };
}
