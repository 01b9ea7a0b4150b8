// Stations enrol with a token an administrator issues; the pool keeps only its sha256 (a random
// 32-byte token needs no slow hash). A revoked or unknown token gets the same answer: no details.
import { createHash, randomBytes } from 'node:crypto';
import { MAX_STATION_CODE } from '../../shared/shipmentNo';
import { inTransaction, type HubClient, type HubPool } from './db/pool';

export const STATION_NAME = /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$/;

/** A fixed key for handing out station codes (any bigint, the same in every hub). */
const STATION_CODE_LOCK = 0x5d_0002;

export class StationError extends Error {}

const hashOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** Issues a new token for the station (a re-issue replaces the old one and lifts a revocation). */
export async function addStation(pool: HubPool, name: string): Promise<{ station: string; token: string }> {
  if (!STATION_NAME.test(name)) {
    throw new StationError(
      'A station name is 1 to 64 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit.',
    );
  }
  const token = `sdst_${randomBytes(32).toString('base64url')}`;
  const { rows } = await inTransaction(pool, async (c) => {
    // One enrolment at a time hands out codes: the next free one, kept when a token is re-issued.
    await c.query('SELECT pg_advisory_xact_lock($1)', [STATION_CODE_LOCK]);
    return c.query<{ code: number | null }>(
      `INSERT INTO stations (name, token_hash, code)
       VALUES ($1, $2, (SELECT min(n) FROM generate_series(1, $3::int) n WHERE n NOT IN (SELECT code FROM stations WHERE code IS NOT NULL)))
       ON CONFLICT (name) DO UPDATE SET token_hash = excluded.token_hash, revoked_at = NULL, created_at = now(),
         code = coalesce(stations.code, excluded.code)
       RETURNING code`,
      [name, hashOf(token), MAX_STATION_CODE],
    );
  });
  if (rows[0]?.code == null) {
    throw new StationError(
      `The pool already has ${MAX_STATION_CODE} station codes in use; a pool serves at most ${MAX_STATION_CODE} stations.`,
    );
  }
  return { station: name, token };
}

/** Returns false when no such station exists. Its token stops working at once, on every hub. */
export async function revokeStation(pool: HubPool, name: string): Promise<boolean> {
  const r = await pool.query(`UPDATE stations SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL`, [name]);
  if (r.rowCount) return true;
  const known = await pool.query('SELECT 1 FROM stations WHERE name = $1', [name]);
  return (known.rowCount ?? 0) > 0;
}

export interface EnrolledStation {
  name: string;
  /** The short code that goes into the shipment numbers the station mints. */
  code: number;
  /** "Last seen" (or the app version) is due to be written and was not: the caller writes it. */
  seenDue: boolean;
}

/** The station a token belongs to, or null (unknown, revoked, malformed: all the same to the caller). */
export async function stationOf(
  db: HubPool | HubClient,
  token: string | null,
  /** The app version the station reports (x-shipdesk-app), kept for the administrator. */
  app: string | null = null,
  /** false: leave "last seen" to the caller (a batch writes it in its own transaction: one commit). */
  touch = true,
): Promise<EnrolledStation | null> {
  if (!token || token.length > 200) return null;
  const hash = hashOf(token);
  const { rows } = await db.query<{ name: string; code: number | null; stale: boolean }>(
    `SELECT name, code, last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute'
              OR ($2::text IS NOT NULL AND app_version IS DISTINCT FROM $2) AS stale
     FROM stations WHERE token_hash = $1 AND revoked_at IS NULL`,
    [hash, app],
  );
  const row = rows[0];
  if (!row || row.code === null) return null;
  // "Last seen" for the administrator, written at most once a minute so requests never queue on it.
  if (row.stale && touch) await markSeen(db, row.name, app);
  return { name: row.name, code: row.code, seenDue: row.stale && !touch };
}

export async function markSeen(db: HubPool | HubClient, station: string, app: string | null): Promise<void> {
  await db.query('UPDATE stations SET last_seen_at = now(), app_version = coalesce($2, app_version) WHERE name = $1', [
    station,
    app,
  ]);
}

/**
 * How far the station has read the feed (the cursor it asked from: what it has stored). Written on
 * every pull that moved, so without waiting for the disk: a crash may forget the last few, which only
 * the administrator's "lag" reads.
 */
export async function recordPull(pool: HubPool, station: string, cursor: string): Promise<void> {
  await inTransaction(pool, async (c) => {
    await c.query('SET LOCAL synchronous_commit = off');
    await c.query(
      `UPDATE stations SET feed_cursor = $2, pulled_at = now() WHERE name = $1 AND feed_cursor IS DISTINCT FROM $2`,
      [station, cursor],
    );
  });
}

/** Issues an administrator's token (reads the pool's state over HTTP; never pushes operations). */
export async function addAdmin(pool: HubPool, name: string): Promise<{ admin: string; token: string }> {
  if (!STATION_NAME.test(name)) {
    throw new StationError(
      'An administrator name is 1 to 64 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit.',
    );
  }
  const token = `sdad_${randomBytes(32).toString('base64url')}`;
  await pool.query(
    `INSERT INTO admins (name, token_hash) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET token_hash = excluded.token_hash, revoked_at = NULL, created_at = now()`,
    [name, hashOf(token)],
  );
  return { admin: name, token };
}

/** The administrator a token belongs to, or null. */
export async function adminOf(pool: HubPool, token: string | null): Promise<string | null> {
  if (!token || token.length > 200) return null;
  const { rows } = await pool.query<{ name: string }>(
    'SELECT name FROM admins WHERE token_hash = $1 AND revoked_at IS NULL',
    [hashOf(token)],
  );
  return rows[0]?.name ?? null;
}
