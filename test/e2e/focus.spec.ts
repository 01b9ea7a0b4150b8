// Focus and keys in dialogs: "Edit address" moves focus into the form and back when it closes;
// Escape closes the top dialog wherever focus is (even after the focused control left the page);
// focus returns to what opened the dialog. By role, as a keyboard user meets them.
import type { Db } from '../../main/core/db/open';
import { seedFacets, seedShipments } from '../support/seed';
import { openDesk, row } from './helpers/desk';
import { expect, test } from './helpers/fixture';
import { seededNos } from './helpers/seeded';

function fill(db: Db, now: number): void {
  seedFacets(db);
  seedShipments(db, [
    { recipient: '김하나', orderedAt: now - 3_600_000 },
    { recipient: '이두리', orderedAt: now - 7_200_000 },
  ]);
}

test.use({ deskOptions: { fill }, locale: 'en-US' });

test('"Edit address" moves focus into the form, Cancel brings it back; Escape closes and returns focus', async ({
  page,
  desk,
}) => {
  const no = seededNos(desk)[0] ?? '';
  await openDesk(page, desk);
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

test('Escape closes the top dialog even when focus left it, and focus returns to its opener', async ({
  page,
  desk,
}) => {
  const no = seededNos(desk)[1] ?? '';
  await openDesk(page, desk);
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
