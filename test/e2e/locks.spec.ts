// What the core says may not be done, as the invoice dialog shows it: a delivered parcel's Modify and
// Delete stay closed, with the core's reason in the operator's language (the detail's `allowed`; the
// screen only words the code, docs/ARCHITECTURE.md "Shipments, invoices and statuses").
import { openDesk, TIME_ZONE } from './helpers/desk';
import { expect, test } from './helpers/fixture';

test.use({ deskOptions: { demo: { shipments: 400, seed: 23 } }, timezoneId: TIME_ZONE });

for (const lang of [
  {
    locale: 'en-US',
    tab: /^Delivered/,
    dialog: /^Shipment SD/,
    buttons: ['Modify', 'Delete invoice'],
    note: 'Not possible now: The parcel was delivered; its invoice can no longer be changed.',
  },
  {
    locale: 'ko-KR',
    tab: /^배송 완료/,
    dialog: /^배송 건 SD/,
    buttons: ['수정', '송장 삭제'],
    note: '지금은 할 수 없음: 배송이 완료되어 송장을 더 이상 바꿀 수 없습니다.',
  },
]) {
  test.describe(`in ${lang.locale}`, () => {
    test.use({ locale: lang.locale });
    test('a delivered parcel’s dialog keeps Modify and Delete closed and says why (screenshot)', async ({
      page,
      desk,
    }) => {
      await openDesk(page, desk);
      await page.getByRole('tab', { name: lang.tab }).click();
      const first = page.locator('.grid-body [role="row"][data-status="DELIVERED"]').first();
      await first.getByRole('button', { name: /^SD\d{10}$/ }).click();
      const dialog = page.getByRole('dialog', { name: lang.dialog });
      for (const name of lang.buttons) {
        const button = dialog.getByRole('button', { name, exact: true });
        await expect(button).toBeDisabled();
        await expect(button).toHaveAccessibleDescription(lang.note);
        await button.click({ force: true });
        await expect(button).toBeVisible(); // still the buttons: no form opened in their place
      }
      await expect(dialog.locator('#invoice-lock-reason')).toHaveText(lang.note);
      await page.screenshot({ path: `test-results/screens/invoice-locked-${lang.locale}.png` });
    });
  });
}
