// Focus and keys in dialogs: "Edit address" moves focus into the form and back when it closes;
// Escape closes the top dialog wherever focus is (even after the focused control left the page);
// focus returns to what opened the dialog. By role, as a keyboard user meets them.
import { expect, test } from '@playwright/test';
import { BASE_TIME } from '../support/seed';
import { row } from './helpers/desk';
import { startSeededDesk, type SeededDesk } from './helpers/seededDesk';

let desk: SeededDesk;

test.beforeAll(async () => {
  desk = await startSeededDesk([
    { recipient: '김하나', orderedAt: BASE_TIME },
    { recipient: '이두리', orderedAt: BASE_TIME - 3_600_000 },
  ]);
});
test.afterAll(async () => {
  await desk?.close();
});
test.use({ locale: 'en-US' });

test('"Edit address" moves focus into the form, Cancel brings it back; Escape closes and returns focus', async ({
  page,
}) => {
  const no = desk.nos[0] ?? '';
  await page.goto(desk.host.url);
  const link = row(page, no).getByRole('button', { name: no, exact: true });
  await link.click();
  const dialog = page.getByRole('dialog', { name: `Shipment ${no}` });
  await dialog.getByRole('button', { name: 'Edit address' }).click();
  await expect(dialog.getByRole('textbox', { name: 'Country code' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog.getByRole('button', { name: 'Edit address' })).toBeFocused();

  // Escape from inside the address form closes the dialog; focus goes back to the Shipment No.
  await dialog.getByRole('button', { name: 'Edit address' }).press('Enter');
  await expect(dialog.getByRole('textbox', { name: 'Country code' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(link).toBeFocused();
});

test('Escape closes the top dialog even when focus left it, and focus returns to its opener', async ({ page }) => {
  const no = desk.nos[1] ?? '';
  await page.goto(desk.host.url);
  const history = row(page, no).getByRole('button', { name: 'History' });
  await history.click();
  const dialog = page.getByRole('dialog', { name: `History: ${no}` });
  await expect(dialog).toBeVisible();
  // The focused control goes away (as a replaced step's button does): focus falls to the page.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await expect(dialog.locator(':focus')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(history).toBeFocused();

  // Settings, opened from the header: the same.
  const settings = page.getByRole('button', { name: 'Settings' });
  await settings.click();
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(settings).toBeFocused();
});
