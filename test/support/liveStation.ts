// A packing station as the app runs it: a real core on a real SQLite file, its link to the hub live
// (following the hub's pushes, asking it regularly), talking to the hubs over the real client.
import { startTestCore, type TestCore } from './core';

export async function startLiveStation(
  hubUrls: string | readonly string[],
  token: string,
  o: { autoRelease?: boolean; heartbeatMs?: number } = {},
): Promise<TestCore> {
  const core = startTestCore({
    hub: { live: true, ...(o.heartbeatMs ? { heartbeatMs: o.heartbeatMs } : {}) },
    autoRelease: o.autoRelease ?? false,
  });
  await core.joinHub({ url: hubUrls, token });
  return core;
}

/**
 * Waits until `check` holds, looking again every 100 ms; fails with `what` after `timeoutMs`. The
 * timeout is generous: it only bounds a test that would otherwise hang, it measures nothing.
 */
export async function eventually<T>(
  what: string,
  check: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Still not so after ${timeoutMs / 1000} s: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
