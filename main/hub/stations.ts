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
}

/** The station a token belongs to, or null (unknown, revoked, malformed: all the same to the caller). */
export async function stationOf(db: HubPool | HubClient, token: string | null): Promise<EnrolledStation | null> {
  if (!token || token.length > 200) return null;
  const hash = hashOf(token);
  const { rows } = await db.query<{ name: string; code: number | null; stale: boolean }>(
    `SELECT name, code, last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute' AS stale
     FROM stations WHERE token_hash = $1 AND revoked_at IS NULL`,
    [hash],
  );
  const row = rows[0];
  if (!row || row.code === null) return null;
  // "Last seen" for the administrator, written at most once a minute so requests never queue on it.
  if (row.stale) await db.query('UPDATE stations SET last_seen_at = now() WHERE token_hash = $1', [hash]);
  return { name: row.name, code: row.code };
}
