// What an administrator sees of the pool (docs/HUB.md, "Seeing the pool"): per station its name,
// code, when it was last seen, its app version, the operations the pool applied from it today, and
// its lag (feed entries readable now that it has not pulled yet). `shipdesk hub stations` and
// `GET /v1/stations` (admin token) print the same rows.
import { z } from 'zod';
import type { HubPool } from './db/pool';

/** Counting stops here: a station this far behind is "at least" this far. */
const LAG_CAP = 100_000;

export interface StationView {
  name: string;
  code: number | null;
  revoked: boolean;
  lastSeenAt: string | null;
  appVersion: string | null;
  /** Applied today (the database server's day). */
  appliedToday: number;
  /** Feed entries readable now that the station has not pulled (capped); null: it never pulled. */
  lag: number | null;
  lastPullAt: string | null;
}

const Row = z.object({
  name: z.string(),
  code: z.number().nullable(),
  revoked: z.boolean(),
  last_seen_at: z.date().nullable(),
  app_version: z.string().nullable(),
  applied_today: z.number(),
  lag: z.number().nullable(),
  pulled_at: z.date().nullable(),
});

export async function listStations(pool: HubPool): Promise<StationView[]> {
  const { rows } = await pool.query(
    `WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
     SELECT s.name, s.code, s.revoked_at IS NOT NULL AS revoked, s.last_seen_at, s.app_version, s.pulled_at,
       (SELECT count(*)::int FROM operations o
        WHERE o.station = s.name AND o.verdict = 'applied' AND o.received_at >= date_trunc('day', now())) AS applied_today,
       CASE WHEN s.feed_cursor IS NULL THEN NULL ELSE
         (SELECT count(*)::int FROM (
            SELECT 1 FROM changes c, horizon h
            WHERE (c.txid, c.seq) > (split_part(s.feed_cursor, '.', 1)::xid8, split_part(s.feed_cursor, '.', 2)::bigint)
              AND c.txid < h.xmin
            LIMIT $1) behind)
       END AS lag
     FROM stations s ORDER BY s.name`,
    [LAG_CAP],
  );
  return rows.map((raw) => {
    const r = Row.parse(raw);
    return {
      name: r.name,
      code: r.code,
      revoked: r.revoked,
      lastSeenAt: r.last_seen_at?.toISOString() ?? null,
      appVersion: r.app_version,
      appliedToday: r.applied_today,
      lag: r.lag,
      lastPullAt: r.pulled_at?.toISOString() ?? null,
    };
  });
}
