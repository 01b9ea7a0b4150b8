// Demo shipments registered but not yet released wait in the outbox, and the sync releases them.
import path from 'node:path';
import fs from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { createCore } from '../../main/core/createCore';
import { openDatabase } from '../../main/core/db/open';
import { generateDemo } from '../../main/core/demo/generate';
import { tempDir } from '../support/core';
import { silentLogger } from '../../main/core/log/logger';

const dir = tempDir('shipdesk-demo-release-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('queues a release for every PREPARING_TO_SHIP demo shipment, and a sync pass releases them', async () => {
  const file = path.join(dir, 'demo.db');
  const db = openDatabase(file);
  const summary = generateDemo(db, { shipments: 1_500, seed: 4 });
  db.close();
  expect(summary.byStatus.PREPARING_TO_SHIP).toBeGreaterThan(0);

  const core = createCore({ dbPath: file, autoRelease: false, log: silentLogger });
  const pending = core.db
    .prepare(`SELECT count(*) AS n FROM outbox WHERE kind = 'release' AND state = 'pending'`)
    .get() as { n: number };
  expect(pending.n).toBe(summary.byStatus.PREPARING_TO_SHIP);
  await core.runOutbox();
  const left = core.db.prepare(`SELECT count(*) AS n FROM shipments WHERE status = 'PREPARING_TO_SHIP'`).get() as {
    n: number;
  };
  expect(left.n).toBe(0);
  core.close();
});
