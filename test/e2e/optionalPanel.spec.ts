// The page loads clean (no request fails, no CSP warning in the console) and the "Optional +" panel
// fits a 1280x720 window and closes on Escape, focus back on its button. Screenshots in English and
// Korean at 1280x720. Read-only on its own demo desk.
import { openDesk, TIME_ZONE } from './helpers/desk';
import { expect, test } from './helpers/fixture';

test.use({ deskOptions: { demo: { shipments: 60, seed: 23 } }, timezoneId: TIME_ZONE });

test.describe('in en-US', () => {
  test.use({ locale: 'en-US', viewport: { width: 1280, height: 720 } });
  test('a page load asks for nothing that is missing and the console carries no CSP warning', async ({
    page,
    desk,
  }) => {
    const messages: string[] = [];
    const failed: string[] = [];
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.url()} ${r.status()}`);
    });
    await openDesk(page, desk);
    await expect(page.getByRole('button', { name: /^Optional/ })).toBeVisible();
    // The favicon is asked for after load; give it its moment.
    await page.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
    expect(messages.filter((m) => /frame-ancestors|404|Failed to load/i.test(m))).toEqual([]);
  });
});

for (const [locale, lang, name, done] of [
  ['en-US', 'en', /^Optional/, 'Done'],
  ['ko-KR', 'ko', /^상세 조건/, '닫기'],
] as const) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale, viewport: { width: 1280, height: 720 } });
    test('the Optional panel fits 1280x720 and Escape closes it, focus on its button (screenshot)', async ({
      page,
      desk,
    }) => {
      await openDesk(page, desk);
      const button = page.getByRole('button', { name });
      await button.click();
      await expect(button).toHaveAttribute('aria-expanded', 'true');
      const closeButton = page.getByRole('button', { name: done, exact: true });
      await expect(closeButton).toBeVisible();
      const panel = page.locator(`#${await button.getAttribute('aria-controls')}`);
      const box = await panel.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
      expect(box!.y + box!.height).toBeLessThanOrEqual(720);
      // No name spills past its column or out of the panel ("Convenience store pickup" did at 1280).
      for (const group of await panel.getByRole('group').all()) {
        for (const label of await group.locator('label').all()) {
          const spill = await label.evaluate((el) => el.scrollWidth - el.clientWidth);
          expect(spill, await label.innerText()).toBeLessThanOrEqual(1);
          const lb = (await label.boundingBox())!;
          expect(lb.x + lb.width).toBeLessThanOrEqual(box!.x + box!.width);
        }
      }
      await page.screenshot({ path: `test-results/screens/optional-panel-${lang}-1280x720.png` });

      // Escape right after opening it with the mouse (focus still on the button) closes it.
      await page.keyboard.press('Escape');
      await expect(closeButton).toBeHidden();
      await expect(button).toHaveAttribute('aria-expanded', 'false');
      await expect(button).toBeFocused();

      // And from inside the panel: a checkbox has focus, Escape closes and focus returns to the button.
      await button.click();
      await page.getByRole('checkbox').first().focus();
      await page.keyboard.press('Escape');
      await expect(closeButton).toBeHidden();
      await expect(button).toBeFocused();
    });
  });
}
