// The screen on a laptop: at 1280x720 (a 1920x1080 Windows laptop at 150 % scaling) and 1366x768
// nothing scrolls sideways, in English and Korean; the columns that do not fit give way in a fixed
// order; text cut short shows whole on hover and on keyboard focus. Screenshots at 1280x720 and
// 1600x900. Read-only on its own demo desk.
import type { Page } from '@playwright/test';
import { openDesk, table, TIME_ZONE } from './helpers/desk';
import { expect, test } from './helpers/fixture';

test.use({ deskOptions: { demo: { shipments: 400, seed: 17 } }, timezoneId: TIME_ZONE });

async function sidewaysScroll(page: Page): Promise<{ page: number; grid: number }> {
  return page.evaluate(() => {
    const grid = document.getElementById('shipment-grid');
    const root = document.documentElement;
    return {
      page: root.scrollWidth - root.clientWidth,
      grid: grid ? grid.scrollWidth - grid.clientWidth : -1,
    };
  });
}

const headers = (page: Page) => table(page).getByRole('columnheader').allTextContents();

for (const locale of ['en-US', 'ko-KR'] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    test('no sideways scroll at 1280x720 and 1366x768; columns give way in order (screenshots)', async ({
      page,
      desk,
    }) => {
      const lang = locale === 'en-US' ? 'en' : 'ko';
      for (const viewport of [
        { width: 1280, height: 720 },
        { width: 1366, height: 768 },
        { width: 1600, height: 900 },
      ]) {
        await page.setViewportSize(viewport);
        await openDesk(page, desk);
        await expect(table(page).locator('.grid-body [role="row"]').first()).toBeVisible();
        expect(await sidewaysScroll(page), `${viewport.width}x${viewport.height}`).toEqual({ page: 0, grid: 0 });
        if (viewport.width !== 1366)
          await page.screenshot({ path: `test-results/screens/main-${lang}-${viewport.width}x${viewport.height}.png` });
      }
      // Narrower still (a window not maximised): more columns give way, still no sideways scroll.
      await page.setViewportSize({ width: 1100, height: 720 });
      await expect.poll(() => sidewaysScroll(page)).toEqual({ page: 0, grid: 0 });
      const names = await headers(page);
      expect(names.length).toBeLessThan(12);
    });
  });
}

test.describe('in en-US', () => {
  test.use({ locale: 'en-US' });
  test('columns give way in their order; cut text shows whole on hover and on keyboard focus', async ({
    page,
    desk,
  }) => {
    await page.setViewportSize({ width: 1600, height: 900 });
    await openDesk(page, desk);
    expect(await headers(page)).toEqual(expect.arrayContaining(['Country', 'Last event']));
    // 1366: in Domestic every row's country is the home country, so Country gives way first…
    await page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(() => headers(page)).not.toContain('Country');
    expect(await headers(page)).toEqual(
      expect.arrayContaining(['Shipment No.', 'Order No.', 'Invoice No.', 'Status', 'Last event']),
    );
    // …in International the country matters, and Last event (in the details dialog) gives way.
    await page.getByRole('button', { name: 'International' }).click();
    await expect.poll(() => headers(page)).not.toContain('Last event');
    expect(await headers(page)).toContain('Country');
    expect(await sidewaysScroll(page)).toEqual({ page: 0, grid: 0 });
    // 1280: both.
    await page.getByRole('button', { name: 'Domestic' }).click();
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(() => headers(page)).not.toContain('Last event');
    expect(await headers(page)).not.toContain('Country');
    expect(await headers(page)).toEqual(expect.arrayContaining(['Product(s)', 'Recipient', 'Order No.']));

    // A product name longer than its column: cut on screen, whole in the tooltip.
    const rowOfCut = table(page)
      .locator('.grid-body [role="row"]')
      .filter({ has: page.locator('[role="cell"][data-cut]') })
      .first();
    const cut = rowOfCut.locator('[role="cell"][data-cut]').first();
    await expect(cut).toBeVisible();
    const whole = ((await cut.textContent()) ?? '').trim();
    await cut.hover();
    const tip = page.getByRole('tooltip');
    await expect(tip).toHaveText(whole);
    await page.mouse.move(2, 2);
    await expect(tip).toHaveCount(0);

    // By keyboard: Tab from the row's Shipment No. reaches the cut cell (a tab stop only while cut);
    // focused, it shows the same tooltip, tied to it.
    await rowOfCut.locator('.shipment-link').focus();
    for (let i = 0; i < 4 && !(await cut.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect(cut).toBeFocused();
    await expect(tip).toHaveText(whole);
    await expect(cut).toHaveAttribute('aria-describedby', (await tip.getAttribute('id')) ?? 'missing');
    await page.keyboard.press('Escape');
    await expect(tip).toHaveCount(0);
  });
});
