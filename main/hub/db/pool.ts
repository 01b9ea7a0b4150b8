// The hub's connections to PostgreSQL: one pool per hub process, transactions that retry when the
// database asks (serialization failure, deadlock), and the schema migrations.
import pg from 'pg';
import { HUB_MIGRATIONS } from './migrations';

export type HubPool = pg.Pool;
export type HubClient = pg.PoolClient;

export interface PoolOptions {
  /** Connections this hub may hold (the LISTEN and tracking-lock connections come on top: 2 more). */
  max?: number;
  /** An idle connection failed (the database restarted); the pool replaces it. */
  onError?: (err: Error) => void;
}

export const DEFAULT_POOL_SIZE = 10;

/**
 * The feed's wake-up call (notify.ts listens): delivered to every hub's listener when the transaction
 * that wrote a change commits. Here, with the connection, so the writers need not import the listener.
 */
export const CHANGES_CHANNEL = 'shipdesk_changes';

export function createHubPool(url: string, o: PoolOptions = {}): HubPool {
  const pool = new pg.Pool({
    connectionString: url,
    max: o.max ?? DEFAULT_POOL_SIZE,
    application_name: 'shipdesk-hub',
    // A database that is down or restarting answers a station with 503 within seconds, never a hang.
    connectionTimeoutMillis: 10_000,
  });
  // An idle connection that the server dropped (a restart: 57P01) must not crash the hub: the pool
  // replaces it at the next request (docs/HUB.md, "When PostgreSQL goes away").
  pool.on('error', (err) => o.onError?.(err));
  return pool;
}

/**
 * A connection checked out of the pool has no error listener of the pool's: a server that goes away
 * between two statements would emit an unhandled 'error' and end the process. This one records it;
 * the next statement on the connection fails and the caller's transaction answers 503.
 */
export async function checkOut(pool: HubPool): Promise<HubClient> {
  const client = await pool.connect();
  const lost = () => undefined;
  client.on('error', lost);
  const release = client.release.bind(client);
  client.release = (err?: Error | boolean) => {
    client.removeListener('error', lost);
    return release(err);
  };
  return client;
}

const RETRYABLE = new Set(['40001', '40P01']);

export function pgCode(err: unknown): string | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string') return err.code;
  return undefined;
}

/** Runs `work` in one transaction: all of it commits or none. Retried a few times when PostgreSQL asks. */
export async function inTransaction<T>(pool: HubPool, work: (c: HubClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await checkOut(pool);
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      if (!RETRYABLE.has(pgCode(err) ?? '') || attempt >= 5) throw err;
    } finally {
      // A connection that could not even roll back is dead: the pool must not hand it out again.
      client.release(broken);
    }
  }
}

/** A fixed key for the migration lock (any bigint, the same in every hub). */
const MIGRATION_LOCK = 0x5d_0001;

export interface MigrationReport {
  from: number;
  to: number;
}

/** Creates or migrates the pool's schema. Several hubs may call it at once: one migrates, the others wait. */
export async function migrateHub(pool: HubPool): Promise<MigrationReport> {
  const client = await checkOut(pool);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const from = rows[0]?.v ?? 0;
    if (from > HUB_MIGRATIONS.length) {
      throw new Error(
        `This pool's schema (version ${from}) was written by a newer Shipdesk hub (this one knows ${HUB_MIGRATIONS.length}). Update the hub.`,
      );
    }
    for (let v = from; v < HUB_MIGRATIONS.length; v++) {
      await client.query('BEGIN');
      try {
        await client.query(HUB_MIGRATIONS[v]!);
        await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [v + 1]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
    }
    return { from, to: HUB_MIGRATIONS.length };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

/** The schema version a serving hub needs: refuse to serve an uninitialised or newer pool. */
export async function schemaVersion(pool: HubPool): Promise<number> {
  const exists = await pool.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`);
  if (!exists.rows[0]?.t) return 0;
  const { rows } = await pool.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}
