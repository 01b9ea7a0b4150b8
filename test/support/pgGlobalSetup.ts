// vitest globalSetup for the hub tests: one throwaway PostgreSQL cluster for the run, stopped by its
// PID at the end even when tests failed. Test files get its admin URL with inject() and make their own
// database (test/support/hubEnv.ts).
import type { TestProject } from 'vitest/node';
import { PG_ADMIN_URL_KEY, startTestCluster } from './postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    [PG_ADMIN_URL_KEY]: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startTestCluster();
  project.provide(PG_ADMIN_URL_KEY, cluster.url('postgres'));
  return () => cluster.stop();
}
