// "Online" means a hub answered in the last few seconds: the link asks the hub regularly, so a dead
// hub shows Offline with no local write, and a revoked station shows that the hub refuses it
// (docs/HUB.md, "Status").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushEvent } from '../../shared/api/pushes';
import { revokeStation } from '../../main/hub/stations';
import type { HubServer } from '../../main/hub/server';
import type { TestCore } from '../support/core';
import { startTestPool, type TestPool } from '../support/hubEnv';
import { startHubProxy } from '../support/hubProxy';
import { eventually, startLiveStation } from '../support/liveStation';

let env: TestPool;
const stations: TestCore[] = [];

beforeAll(async () => {
  env = await startTestPool('station-status');
});
afterAll(async () => {
  for (const s of stations) s.cleanup();
  await env?.close();
});

async function live(hub: HubServer, name: string): Promise<{ core: TestCore; pushes: PushEvent[] }> {
  const core = await startLiveStation(hub.url, await env.enrol(name));
  stations.push(core);
  const pushes: PushEvent[] = [];
  core.events.on((e) => pushes.push(e));
  return { core, pushes };
}

const linkIs = (core: TestCore, link: string) =>
  eventually(`the station's pool link is ${link}`, async () => {
    const s = await core.ok('pool.state', {});
    return s.link === link ? s : null;
  });

describe('the pool link in the status bar', () => {
  it('says Offline once the hub stops answering, without any write at the station', async () => {
    const hub = await env.startHub();
    const { core, pushes } = await live(hub, 'A');
    expect(await linkIs(core, 'online')).toMatchObject({ online: true });
    await hub.close();
    env.hubs.splice(env.hubs.indexOf(hub), 1);
    expect(await linkIs(core, 'offline')).toMatchObject({ online: false, refusal: null });
    // The screen was told, not left to find out.
    expect(pushes).toContainEqual({ type: 'pool.state', link: 'offline' });
  });

  it('says Offline when the hub stops answering but keeps its connections open', async () => {
    const hub = await env.startHub();
    const proxy = await startHubProxy(hub);
    try {
      const core = await startLiveStation(proxy.url, await env.enrol('H'));
      stations.push(core);
      await linkIs(core, 'online');
      proxy.hang();
      expect(await linkIs(core, 'offline')).toMatchObject({ online: false });
    } finally {
      await proxy.close();
    }
  });

  it('says the station is revoked once the pool refuses its token', async () => {
    const hub = await env.startHub();
    const { core, pushes } = await live(hub, 'R');
    await linkIs(core, 'online');
    expect(await revokeStation(env.pool, 'R')).toBe(true);
    const state = await linkIs(core, 'revoked');
    expect(state).toMatchObject({ online: false, refusal: expect.stringMatching(/token/) });
    expect(pushes).toContainEqual({ type: 'pool.state', link: 'revoked' });
  });
});
