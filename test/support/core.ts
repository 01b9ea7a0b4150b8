// A real core on a real SQLite file in a temp folder, with a controllable clock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../main/core/createCore';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract';
import type { Envelope } from '../../shared/errors';
import { silentLogger } from '../../main/core/log/logger';

export interface TestCore extends Core {
  dir: string;
  dbPath: string;
  now: { value: number };
  call<M extends MethodName>(method: M, input: MethodInput<M>, operator?: string): Promise<Envelope<MethodResult<M>>>;
  /** Calls and returns the value, failing the test with the error message otherwise. */
  ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>>;
  cleanup(): void;
}

export function tempDir(prefix = 'shipdesk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** `reopen`: start again on the file of a core that was closed (a station killed and restarted). */
export function startTestCore(options: Partial<CoreOptions> = {}, reopen?: { dir: string; now: number }): TestCore {
  const dir = reopen?.dir ?? tempDir();
  const dbPath = path.join(dir, 'shipdesk.db');
  const now = { value: reopen?.now ?? Date.parse('2026-11-26T01:00:00Z') };
  const core = createCore({ dbPath, clock: () => now.value, log: silentLogger, autoRelease: false, ...options });
  const call = <M extends MethodName>(method: M, input: MethodInput<M>, operator = 'kim') =>
    core.dispatch(method, input, { operator, via: 'manual' }) as Promise<Envelope<MethodResult<M>>>;
  return {
    ...core,
    // The pool link appears when the station joins: read it live, not as copied here.
    get hub() {
      return core.hub;
    },
    dir,
    dbPath,
    now,
    call,
    async ok(method, input) {
      const env = await call(method, input);
      if (!env.ok) throw new Error(`${method} failed: ${env.error.code} ${env.error.message}`);
      return env.value;
    },
    cleanup() {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
