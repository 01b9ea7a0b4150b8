// Counts carry "+" only when the core capped them: a shipment-number prefix that matches more than
// 10,000 shipments is counted per tab up to the cap, so only the tabs that reached it are lower
// bounds; the others are exact. 24,000 demo shipments.
import type { Page } from '@playwright/test';
import { expectTotal, openDesk, sqlCount, TIME_ZONE } from './helpers/desk';
import { expect, test } from './helpers/fixture';

test.use({ deskOptions: { demo: { shipments: 24_000, seed: 9 } }, locale: 'en-US', timezoneId: TIME_ZONE });
test.setTimeout(120_000);

const CAP = 10_000;
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search text' });

test('a broad search shows "10,000+" on the tabs that reached the cap, exact counts elsewhere', async ({
  page,
  desk,
}) => {
  const where = "s.region = 'domestic' AND s.tab = ? AND s.shipment_no LIKE 'SD00000%'";
  const perTab = Object.fromEntries(
    (['preparing', 'inDelivery', 'failed', 'delivered'] as const).map((tab) => [tab, sqlCount(desk.core, where, tab)]),
  );
  const capped = Object.keys(perTab).filter((tab) => (perTab[tab] ?? 0) > CAP);
  const exact = Object.keys(perTab).filter((tab) => (perTab[tab] ?? 0) <= CAP);
  expect(capped.length, 'some tab beyond the cap').toBeGreaterThan(0);
  expect(exact.length, 'some tab within it').toBeGreaterThan(0);

  await openDesk(page, desk);
  await searchBox(page).fill('SD00000');
  for (const tab of capped) await expect(page.getByTestId(`count-${tab}`)).toHaveText('10,000+');
  for (const tab of exact)
    await expect(page.getByTestId(`count-${tab}`)).toHaveText((perTab[tab] ?? 0).toLocaleString('en-US'));

  // Preparing to Release is counted exactly: its sub-statuses and the result count carry no "+".
  expect(exact).toContain('preparing');
  await expectTotal(page, perTab.preparing ?? 0);
  await expect(page.getByTestId('result-count')).not.toContainText('+');
  await expect(page.getByRole('list', { name: 'In this tab' })).not.toContainText('+');

  // A capped tab: its count and the result count say "at least".
  const big = capped[0] ?? 'delivered';
  const names: Record<string, RegExp> = {
    inDelivery: /^In delivery/,
    failed: /^Shipping failed/,
    delivered: /^Delivered/,
    preparing: /^Preparing/,
  };
  await page.getByRole('tab', { name: names[big] }).click();
  await expect(page.getByTestId('result-count')).toHaveText('10,000+ shipments');
  await page.screenshot({ path: 'test-results/screens/counts-capped-en.png' });
});
