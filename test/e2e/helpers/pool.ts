// A pool for the e2e specs: one throwaway PostgreSQL cluster per Playwright worker (started only when
// a spec asks for it: about 5 s), a database of its own per test, a hub on a free port of 127.0.0.1,
// and stations enrolled. Every test stops what it started; the worker stops the cluster by its PID.
import { test as deskTest } from './fixture';
import { createHubPool, migrateHub, type HubPool } from '../../../main/hub/db/pool';
import { startHubServer, type HubServer } from '../../../main/hub/server';
import { addStation } from '../../../main/hub/stations';
import { createTestDatabase, startTestCluster, type TestCluster } from '../../support/postgres';

const quiet = { warn: () => undefined, error: () => undefined };

export interface E2ePool {
  /** The test's own connections, for asking the pool what it holds. */
  pool: HubPool;
  hub: HubServer;
  /** Enrols a station; returns its token. */
  enrol(name: string): Promise<string>;
}

export const test = deskTest.extend<{ hubPool: E2ePool }, { pgCluster: TestCluster }>({
  pgCluster: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
    async ({}, use) => {
      const cluster = await startTestCluster();
      try {
        await use(cluster);
      } finally {
        await cluster.stop();
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  hubPool: async ({ pgCluster }, use, info) => {
    const url = await createTestDatabase(pgCluster.url('postgres'), `e2e_${info.title}`);
    const pool = createHubPool(url, { max: 4 });
    const hubConnections = createHubPool(url, { max: 4 });
    try {
      await migrateHub(pool);
      const hub = await startHubServer({ pool: hubConnections, url, port: 0, log: quiet, version: 'e2e' });
      try {
        await use({ pool, hub, enrol: async (name) => (await addStation(pool, name)).token });
      } finally {
        await hub.close();
      }
    } finally {
      await hubConnections.end();
      await pool.end();
    }
  },
});

export { expect } from '@playwright/test';
