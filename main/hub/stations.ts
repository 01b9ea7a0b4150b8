// Stations enrol with a token an administrator issues; the pool keeps only its sha256 (a random
// 32-byte token needs no slow hash). A revoked or unknown token gets the same answer: no details.
import { createHash, randomBytes } from 'node:crypto';
import type { HubClient, HubPool } from './db/pool';

export const STATION_NAME = /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}$/;

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
  await pool.query(
    `INSERT INTO stations (name, token_hash) VALUES ($1, $2)
     ON CONFLICT (name) DO UPDATE SET token_hash = excluded.token_hash, revoked_at = NULL, created_at = now()`,
    [name, hashOf(token)],
  );
  return { station: name, token };
}

/** Returns false when no such station exists. Its token stops working at once, on every hub. */
export async function revokeStation(pool: HubPool, name: string): Promise<boolean> {
  const r = await pool.query(`UPDATE stations SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL`, [name]);
  if (r.rowCount) return true;
  const known = await pool.query('SELECT 1 FROM stations WHERE name = $1', [name]);
  return (known.rowCount ?? 0) > 0;
}

/** The station a token belongs to, or null (unknown, revoked, malformed: all the same to the caller). */
export async function stationOf(db: HubPool | HubClient, token: string | null): Promise<string | null> {
  if (!token || token.length > 200) return null;
  const hash = hashOf(token);
  const { rows } = await db.query<{ name: string; stale: boolean }>(
    `SELECT name, last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute' AS stale
     FROM stations WHERE token_hash = $1 AND revoked_at IS NULL`,
    [hash],
  );
  const row = rows[0];
  if (!row) return null;
  // "Last seen" for the administrator, written at most once a minute so requests never queue on it.
  if (row.stale) await db.query('UPDATE stations SET last_seen_at = now() WHERE token_hash = $1', [hash]);
  return row.name;
}
