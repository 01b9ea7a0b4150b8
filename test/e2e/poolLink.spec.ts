// The pool link in the status bar, with a real hub on a throwaway PostgreSQL: "Hub online" after the
// hub answered, and a station whose token was revoked says so, in words, in English and Korean
// (docs/HUB.md, "Status").
import type { Db } from '../../main/core/db/open';
import { revokeStation } from '../../main/hub/stations';
import { seedFacets, seedShipments } from '../support/seed';
import { openDesk } from './helpers/desk';
import { expect, test } from './helpers/pool';

test.use({
  deskOptions: {
    fill: (db: Db) => {
      seedFacets(db);
      seedShipments(db, [{ recipient: '김하나' }]);
    },
  },
});

for (const [language, online, revoked] of [
  ['en', 'Hub online', 'Station revoked by the hub'],
  ['ko', '허브 연결됨', '허브가 이 스테이션을 해지함'],
] as const) {
  test(`a revoked station says the hub refuses it (${language})`, async ({ page, desk, hubPool }) => {
    await desk.core.dispatch('settings.update', { language }, { operator: '', via: 'manual' });
    await desk.core.joinHub({ url: hubPool.hub.url, token: await hubPool.enrol('A') });
    await desk.core.hub!.syncOnce();
    await page.setViewportSize({ width: 1280, height: 720 });
    await openDesk(page, desk);
    // The hub answers again while the screen is open (the app's heartbeat, made by hand here).
    await desk.core.hub!.syncOnce();
    await expect(page.getByTestId('pool-link')).toHaveText(online);

    expect(await revokeStation(hubPool.pool, 'A')).toBe(true);
    expect((await desk.core.hub!.syncOnce()).refused).not.toBeNull();
    await expect(page.getByTestId('pool-link')).toHaveText(revoked);
    await page.screenshot({ path: `test-results/screens/pool-revoked-${language}.png` });
  });
}
