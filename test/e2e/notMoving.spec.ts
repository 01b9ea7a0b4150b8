// Issue 19 item 10: the status bar's "N not moving" is a button that shows those shipments in the
// grid, and its name says why they count. A real sync loop against the fake carrier on loopback;
// the desk's clock jumps four days after the releases, so the carrier's "not found" turns into
// "not moving" (3 days domestic) the way it would on a slow week.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test as base } from '@playwright/test';
import { createCore, type Core } from '../../main/core/createCore';
import { httpReleaseConnector } from '../../main/core/sync/releaseHttp';
import { trackerDeliveryProvider } from '../../main/core/sync/trackerDelivery';
import { startWebHost, type WebHost } from '../../main/web/host';
import { startFakeCarrier, type FakeCarrier } from '../fake-carrier/server';
import { lotteNumber, seedFacets, seedShipments } from '../support/seed';
import { ensureRenderer, expectTotal, OPERATOR, RENDERER, row } from './helpers/desk';
import { silentLogger } from '../../main/core/log/logger';
import { errorsOnly } from '../support/log';

const DAY = 24 * 60 * 60_000;

interface Desk {
  fake: FakeCarrier;
  core: Core;
  host: WebHost;
  nos: string[];
  /** Moves the desk's clock forward. */
  later(ms: number): void;
}

const test = base.extend<{ desk: Desk }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's needs from this pattern: none
  desk: async ({}, use) => {
    ensureRenderer();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipdesk-e2e-notmoving-'));
    const fake = await startFakeCarrier({});
    let offset = 0;
    const core = createCore({
      dbPath: path.join(dir, 'shipdesk.db'),
      log: silentLogger,
      clock: () => Date.now() + offset,
      trackingProvider: trackerDeliveryProvider({ url: fake.graphqlUrl, key: () => 'e2e:e2e', timeoutMs: 2_000 }),
      releaseConnector: httpReleaseConnector({ url: fake.releaseUrl, timeoutMs: 2_000 }),
      syncTuning: { carrierLimit: { perSecond: 50, burst: 5, concurrency: 4 }, poll: { firstAfterMs: 300 } },
      sync: { intervalMs: 250 },
      env: {},
    });
    seedFacets(core.db);
    const nos = seedShipments(core.db, [
      { recipient: '김하나' },
      { recipient: '이두리' },
      { recipient: '박세나' },
      { recipient: '최네오' },
    ]);
    const host = await startWebHost({ core, port: 0, rendererDir: RENDERER, operator: OPERATOR, log: errorsOnly });
    try {
      await use({ fake, core, host, nos, later: (ms) => (offset += ms) });
    } finally {
      await host.close();
      core.close();
      await fake.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
});

const register = async (desk: Desk, shipmentNo: string, serial: number) => {
  const answer = await desk.core.dispatch(
    'invoices.register',
    { shipmentNo, carrierId: 'kr.lotte', invoiceNo: lotteNumber(serial) },
    { operator: 'another-desk', via: 'scan' },
  );
  expect(answer.ok).toBe(true);
  return lotteNumber(serial);
};

const words = {
  'en-US': {
    button: /^2 not moving: released, with no carrier scan after 3 days \(7 days abroad\)/,
    chip: 'Not moving',
  },
  'ko-KR': { button: /^움직임 없음 2건: 출고 후 3일\(해외 7일\) 동안 택배사 스캔이 없습니다/, chip: '움직임 없음' },
} as const;

for (const locale of ['en-US', 'ko-KR'] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale, viewport: { width: 1280, height: 720 } });

    test('"2 not moving" shows exactly those shipments and says why they count (screenshot)', async ({
      page,
      desk,
    }) => {
      const [stuckA, stuckB, moving, waiting] = desk.nos as [string, string, string, string];
      await register(desk, stuckA, 9201);
      await register(desk, stuckB, 9202);
      const number = await register(desk, moving, 9203);
      desk.fake.script('kr.lotte', number, {
        startAt: Date.now() - 60_000,
        events: [{ afterMs: 0, code: 'AT_PICKUP', name: '집화처리', location: '성남중원' }],
      });
      await page.goto(desk.host.url);
      for (const no of [stuckA, stuckB]) await expect(row(page, no)).toHaveAttribute('data-has-invoice', 'true');
      await expect
        .poll(() => desk.core.db.prepare('SELECT count(*) AS n FROM invoices WHERE released_at IS NOT NULL').get(), {
          timeout: 15_000,
        })
        .toEqual({ n: 3 });

      // Four days on: the carrier still has never scanned two of them.
      desk.later(4 * DAY);
      const link = page.getByRole('button', { name: words[locale].button });
      await expect(link).toBeVisible({ timeout: 20_000 });
      await link.click();

      await expect(
        page.getByRole('list', { name: locale === 'en-US' ? 'Active filters' : '적용된 필터' }),
      ).toContainText(words[locale].chip);
      await expectTotal(page, 2);
      await expect(row(page, stuckA)).toBeVisible();
      await expect(row(page, stuckB)).toBeVisible();
      await expect(row(page, moving)).toHaveCount(0);
      await expect(row(page, waiting)).toHaveCount(0);
      await page.screenshot({ path: `test-results/screens/not-moving-${locale === 'en-US' ? 'en' : 'ko'}.png` });
    });
  });
}
