// A desk on a small hand-seeded database: for specs that change shipments and must own every row
// they touch. Its own temp directory, a real core behind the real web host; fixed order times.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from '../../../main/core/createCore';
import { startWebHost, type WebHost } from '../../../main/web/host';
import { silentLogger } from '../../../main/core/log/logger';
import { errorsOnly } from '../../support/log';
import { seedFacets, seedShipments, type SeedShipment } from '../../support/seed';
import { ensureRenderer, OPERATOR, RENDERER, SCREENS } from './desk';

export interface SeededDesk {
  core: Core;
  host: WebHost;
  /** The seeded shipment numbers, in the order of the specs. */
  nos: string[];
  /** Stops the web host only (the page loses its connection); `restart` brings it back on the same address. */
  stopHost(): Promise<void>;
  restartHost(): Promise<void>;
  close(): Promise<void>;
}

const log = errorsOnly;

export async function startSeededDesk(specs: SeedShipment[]): Promise<SeededDesk> {
  ensureRenderer();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipdesk-e2e-seeded-'));
  // autoRelease off: a registered invoice stays "Registered" until the test says otherwise.
  const core = createCore({
    dbPath: path.join(dir, 'shipdesk.db'),
    autoRelease: false,
    log: silentLogger,
  });
  seedFacets(core.db);
  const nos = seedShipments(core.db, specs);
  fs.mkdirSync(SCREENS, { recursive: true });
  const start = (port = 0, token?: string) =>
    startWebHost({ core, port, ...(token ? { token } : {}), rendererDir: RENDERER, operator: OPERATOR, log });
  let host: WebHost | null = await start();
  let address = { port: host.port, token: host.token };
  const desk: SeededDesk = {
    core,
    get host(): WebHost {
      if (!host) throw new Error('the web host is stopped');
      return host;
    },
    nos,
    async stopHost() {
      if (!host) return;
      address = { port: host.port, token: host.token };
      await host.close();
      host = null;
    },
    async restartHost() {
      if (!host) host = await start(address.port, address.token);
    },
    async close() {
      await host?.close();
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return desk;
}
