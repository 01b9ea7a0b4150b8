// The status bar against a real sync loop and the fake carrier on loopback: online, the queue that
// drains, offline while the carrier side is unreachable (registrations still accepted, queued), back
// online; and a row that moves to Delivered when the carrier reports delivery after "Refresh now".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createCore, type Core } from '../../main/core/createCore';
import { httpReleaseConnector } from '../../main/core/sync/releaseHttp';
import { trackerDeliveryProvider } from '../../main/core/sync/trackerDelivery';
import { startWebHost, type WebHost } from '../../main/web/host';
import { startFakeCarrier, type FakeCarrier } from '../fake-carrier/server';
import { lotteNumber, seedFacets, seedShipments } from '../support/seed';
import { ensureRenderer, expectTotal, OPERATOR, RENDERER, row } from './helpers/desk';
import { silentLogger } from '../../main/core/log/logger';
import { errorsOnly } from '../support/log';

let dir: string;
let fake: FakeCarrier;
let core: Core;
let host: WebHost;
let nos: string[];
const quick = { baseMs: 150, capMs: 600, minMs: 100 };

test.beforeAll(async () => {
  ensureRenderer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipdesk-e2e-sync-'));
  fake = await startFakeCarrier({});
  core = createCore({
    dbPath: path.join(dir, 'shipdesk.db'),
    log: silentLogger,
    trackingProvider: trackerDeliveryProvider({ url: fake.graphqlUrl, key: () => 'e2e:e2e', timeoutMs: 2_000 }),
    releaseConnector: httpReleaseConnector({ url: fake.releaseUrl, timeoutMs: 2_000 }),
    syncTuning: {
      carrierLimit: { perSecond: 50, burst: 5, concurrency: 4 },
      offlineAfter: 2,
      outbox: { retry: quick },
      poll: { firstAfterMs: 60 * 60_000, retry: quick },
      breaker: { failureThreshold: 50, cooldownMs: 300 },
    },
    sync: { intervalMs: 250 },
    env: {},
  });
  seedFacets(core.db);
  nos = seedShipments(core.db, [{ recipient: '김하나' }, { recipient: '이두리' }, { recipient: '박세나' }]);
  host = await startWebHost({
    core,
    port: 0,
    rendererDir: RENDERER,
    operator: OPERATOR,
    log: errorsOnly,
  });
});

test.afterAll(async () => {
  await host?.close();
  core?.close();
  await fake?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test.use({ locale: 'en-US' });
test.describe.configure({ mode: 'serial' });

const register = async (shipmentNo: string, serial: number) => {
  const answer = await core.dispatch(
    'invoices.register',
    { shipmentNo, carrierId: 'kr.lotte', invoiceNo: lotteNumber(serial) },
    { operator: 'another-desk', via: 'scan' },
  );
  expect(answer.ok).toBe(true);
  return lotteNumber(serial);
};

test('the status bar shows online, the queue draining, offline with work queued, and online again', async ({
  page,
}) => {
  await page.goto(host.url);
  const online = page.getByTestId('sync-online');
  await expect(online).toHaveText(/Online/);
  await expect(page.getByTestId('sync-queue')).toHaveText('Queue 0');

  await register(nos[0] ?? '', 9101);
  await expect(row(page, nos[0] ?? '')).toContainText(/Registered|Released/);
  await expect(row(page, nos[0] ?? '')).toContainText('Released', { timeout: 15_000 }); // released upstream
  await expect(page.getByTestId('sync-queue')).toHaveText('Queue 0');
  await expect(page.getByTestId('sync-last')).toHaveText(/Last sync/);

  fake.setOffline(true);
  await register(nos[1] ?? '', 9102);
  await expect(online).toHaveText(/Offline: work is queued/, { timeout: 20_000 });
  await expect(page.getByTestId('sync-queue')).toHaveText('Queue 1');
  await expect(row(page, nos[1] ?? '')).toContainText('Registered');
  await expect(row(page, nos[1] ?? '').locator('[data-sync]')).toHaveAttribute('data-sync', /queued|retrying|sending/);

  fake.setOffline(false);
  await expect(online).toHaveText(/Online/, { timeout: 20_000 });
  await expect(page.getByTestId('sync-queue')).toHaveText('Queue 0', { timeout: 20_000 });
  await expect(row(page, nos[1] ?? '')).toContainText('Released', { timeout: 15_000 });
});

test('after "Refresh now", a row moves to Delivered when the carrier reports delivery', async ({ page }) => {
  const shipmentNo = nos[2] ?? '';
  const number = await register(shipmentNo, 9103);
  fake.script('kr.lotte', number, {
    startAt: Date.now() - 60_000,
    events: [
      { afterMs: 0, code: 'AT_PICKUP', name: '집화처리', location: '성남중원' },
      { afterMs: 1_000, code: 'IN_TRANSIT', name: '간선상차', location: '곤지암Hub' },
      { afterMs: 2_000, code: 'DELIVERED', name: '배송완료', location: '서울강남' },
    ],
  });
  await page.goto(host.url);
  await expect(row(page, shipmentNo)).toContainText('Released', { timeout: 15_000 });
  const before = Number(await page.getByTestId('count-delivered').textContent());
  await page.getByRole('button', { name: 'Refresh now' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Asked the carriers about \d+ shipments\./ })).toBeVisible();
  await expect(row(page, shipmentNo)).toHaveCount(0, { timeout: 20_000 }); // it left Preparing to Release
  await expect(page.getByTestId('count-delivered')).toHaveText(String(before + 1));
  await page.getByRole('tab', { name: /Delivered/ }).click();
  await expectTotal(page, before + 1);
  await expect(row(page, shipmentNo)).toContainText('Delivered');
  await row(page, shipmentNo).getByRole('button', { name: 'View shipment details' }).click();
  await expect(page.getByRole('dialog').getByRole('cell', { name: '배송완료' })).toBeVisible();
});
