// A search prefix that matches most shipments must not lead the query: rows come in grid order,
// counts stop at 10,000 and say so. Checked against plain SQL on 24,000 demo shipments.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore, type Core } from '../../main/core/createCore';
import { openDatabase } from '../../main/core/db/open';
import { generateDemo } from '../../main/core/demo/generate';
import type { ShipmentListResult } from '../../shared/api/contract';
import { tempDir } from '../support/core';
import { silentLogger } from '../../main/core/log/logger';

const dir = tempDir('shipdesk-broad-');
let core: Core;
beforeAll(() => {
  const file = path.join(dir, 'demo.db');
  const db = openDatabase(file);
  generateDemo(db, { shipments: 24_000, seed: 9 });
  db.close();
  core = createCore({ dbPath: file, autoRelease: false, log: silentLogger });
});
afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function list(input: unknown): Promise<ShipmentListResult> {
  const env = await core.dispatch('shipments.list', input, { operator: 't', via: 'manual' });
  if (!env.ok) throw new Error(env.error.message);
  return env.value as ShipmentListResult;
}

it('a broad shipment-number prefix gives capped counts per tab and the newest matching rows', async () => {
  const res = await list({
    tab: 'delivered',
    region: 'domestic',
    search: { field: 'shipmentNo', text: 'SD00000', mode: 'prefix' },
  });
  const sql = core.db
    .prepare(
      `SELECT tab, count(*) AS n FROM shipments WHERE region = 'domestic' AND shipment_no LIKE 'SD00000%' GROUP BY tab`,
    )
    .all() as { tab: 'preparing' | 'inDelivery' | 'failed' | 'delivered'; n: number }[];
  for (const { tab, n } of sql) expect(res.counts[tab]).toBe(Math.min(n, 10_000));
  expect(res.countsCapped).toBe(true); // 24,000 matches: the broad path, not the search index
  expect(sql.some((r) => r.n > 10_000)).toBe(true);
  // Capped per tab: only the tabs that reached the cap are lower bounds ("+" on those only).
  expect(res.cappedTabs.sort()).toEqual(
    sql
      .filter((r) => r.n > 10_000)
      .map((r) => r.tab)
      .sort(),
  );
  expect(sql.some((r) => r.n > 0 && r.n <= 10_000)).toBe(true); // and some tab was counted exactly
  const newest = core.db
    .prepare(
      `SELECT shipment_no FROM shipments WHERE region = 'domestic' AND tab = 'delivered' AND shipment_no LIKE 'SD00000%' ORDER BY ordered_at DESC, id DESC LIMIT 50`,
    )
    .all() as { shipment_no: string }[];
  expect(res.rows.map((r) => r.shipmentNo)).toEqual(newest.map((r) => r.shipment_no));
});

it('a broad order-number prefix finds the same rows as SQL and marks counts as lower bounds when capped', async () => {
  const prefix = '2026';
  const res = await list({
    tab: 'preparing',
    region: 'domestic',
    search: { field: 'orderNo', text: prefix, mode: 'prefix' },
  });
  const expected = core.db
    .prepare(
      `SELECT s.shipment_no FROM shipments s JOIN orders o ON o.id = s.order_id
       WHERE s.region = 'domestic' AND s.tab = 'preparing' AND o.order_no LIKE '2026%' ORDER BY s.ordered_at DESC, s.id DESC LIMIT 50`,
    )
    .all() as { shipment_no: string }[];
  expect(res.rows.map((r) => r.shipmentNo)).toEqual(expected.map((r) => r.shipment_no));
  const all = (core.db.prepare(`SELECT count(*) AS n FROM shipments WHERE region = 'domestic'`).get() as { n: number })
    .n;
  expect(res.countsCapped).toBe(all > 10_000);
  // The first 10,000 matches were counted, whatever their tab: every tab's count is a lower bound.
  expect(res.cappedTabs.sort()).toEqual(all > 10_000 ? ['delivered', 'failed', 'inDelivery', 'preparing'] : []);
  const sum = res.counts.preparing + res.counts.inDelivery + res.counts.failed + res.counts.delivered;
  expect(sum).toBeLessThanOrEqual(10_001);
});
