import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { createTestDatabase, PG_ADMIN_URL_KEY } from '../support/postgres';

describe('the throwaway PostgreSQL', () => {
  it('gives each test file its own empty database', async () => {
    const admin = inject(PG_ADMIN_URL_KEY);
    const a = await createTestDatabase(admin, 'one');
    const b = await createTestDatabase(admin, 'two');
    expect(a).not.toBe(b);
    const client = new pg.Client({ connectionString: a });
    await client.connect();
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`,
    );
    await client.end();
    expect(rows[0]?.n).toBe('0');
  });
});
