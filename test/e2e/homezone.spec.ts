// A day means the same on the screen as in the core: both count it in the home time zone from the
// settings (Asia/Seoul here), whatever zone the computer is in. The browser runs in Los Angeles
// with a fixed clock at a moment when Seoul is already a day ahead.
import type { Db } from '../../main/core/db/open';
import { dayOf } from '../../shared/days';
import { seedFacets, seedShipments } from '../support/seed';
import { expectTotal, openDesk, shownNos, sqlCount } from './helpers/desk';
import { expect, test } from './helpers/fixture';
import { seededNos } from './helpers/seeded';

/** 20:00 UTC: 05:00 the next day in Seoul, 12:00 in Los Angeles. */
const NOW = Date.parse('2026-11-25T20:00:00Z');
const SEOUL_TODAY = '2026-11-26';

function fill(db: Db): void {
  seedFacets(db);
  seedShipments(db, [
    { recipient: '서울 오늘 새벽', orderedAt: Date.parse('2026-11-25T19:00:00Z') }, // Seoul 11-26 04:00
    { recipient: '서울 오늘 자정 후', orderedAt: Date.parse('2026-11-25T16:00:00Z') }, // Seoul 11-26 01:00
    { recipient: 'LA today, Seoul yesterday', orderedAt: Date.parse('2026-11-25T10:00:00Z') }, // Seoul 11-25 19:00
    { recipient: '서울 어제', orderedAt: Date.parse('2026-11-24T20:00:00Z') }, // Seoul 11-25 05:00
  ]);
}

test.use({ deskOptions: { fill, now: NOW }, locale: 'en-US', timezoneId: 'America/Los_Angeles' });

test('"Today" on a computer in Los Angeles selects the core’s day in Seoul; dates show in Seoul time', async ({
  page,
  desk,
}) => {
  const nos = seededNos(desk);
  expect(dayOf(NOW, 'Asia/Seoul')).toBe(SEOUL_TODAY);
  expect(await desk.core.dispatch('settings.get', {}, { operator: 'e2e', via: 'manual' })).toMatchObject({
    ok: true,
    value: { homeTimeZone: 'Asia/Seoul' },
  });
  await openDesk(page, desk); // the browser's clock at the desk's NOW
  await expectTotal(page, 4);

  await page.getByRole('button', { name: 'Today', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Today', exact: true })).toHaveAttribute('aria-pressed', 'true');
  const where = "s.region = 'domestic' AND s.tab = 'preparing' AND s.order_day = ?";
  expect(sqlCount(desk.core, where, SEOUL_TODAY)).toBe(2);
  await expectTotal(page, 2);
  expect(await shownNos(page)).toEqual([nos[0], nos[1]]);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Order date: 11/26/2026 – 11/26/2026');
  await expect(page.getByLabel('Order date from')).toHaveValue('11/26/2026');

  // The grid's order date is the desk's (Seoul) wall clock, the day the filter counts it in.
  await expect(page.locator(`.grid-body [role="row"][data-shipment-no="${nos[1]}"] .col-orderDate`)).toHaveText(
    '11/26/26 01:00',
  );

  // 7 days: Seoul's 11-20 to 11-26, all four.
  await page.getByRole('button', { name: '7 days' }).click();
  await expectTotal(page, 4);
  await expect(page.getByLabel('Order date from')).toHaveValue('11/20/2026');
});
