import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two files at a time even on two cores (vitest's default there is one): most files wait on child
    // processes, fsync, PostgreSQL or sockets, and a second file fills the gaps (README, "Set up, run,
    // test": 295 s for the whole vitest run on a loaded machine, against about 470 s one at a time).
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: 'core', include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'] } },
      // The many-stations tests start one throwaway PostgreSQL for their run (about 5 s). Its files run
      // one at a time (beside the core files): the pool's feed shows a change once every older
      // transaction of the whole cluster has ended (docs/HUB.md, "The change feed and its cursor"), so
      // another file's traffic in the shared cluster could hold back what a test has just synced.
      {
        extends: true,
        test: {
          name: 'hub',
          include: ['test/hub/**/*.test.ts'],
          globalSetup: ['test/support/pgGlobalSetup.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
