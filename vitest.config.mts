import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'core', include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'] } },
      // The many-stations tests start one throwaway PostgreSQL for their run (about 5 s).
      {
        extends: true,
        test: { name: 'hub', include: ['test/hub/**/*.test.ts'], globalSetup: ['test/support/pgGlobalSetup.ts'] },
      },
    ],
  },
});
