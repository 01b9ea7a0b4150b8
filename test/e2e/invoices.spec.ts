// The invoice dialog against a real core: register, modify and delete move rows between tabs and
// write history; refusals keep what was typed; the address locks; the carrier is already chosen or
// auto-detected; one message at a time; warnings need a confirmation. (The scanner: scanner.spec.ts.)
// Every test has a desk of its own (its own copy of the demo data, the same fixed "now").
import { expectTotal, historyOf, openDesk, OPERATOR, row, sqlOne, TIME_ZONE } from './helpers/desk';
import { expect, test } from './helpers/fixture';
import {
  awaiting,
  expectCounts,
  findRow,
  firstAwaiting,
  lotte,
  openShipment,
  setSettings,
  statusOf,
} from './helpers/invoiceDesk';

test.use({ deskOptions: { demo: { shipments: 400, seed: 23 } }, locale: 'en-US', timezoneId: TIME_ZONE });

test('registering through the dialog updates the row, keeps the counts true and writes history; the address then locks', async ({
  page,
  desk,
}) => {
  await openDesk(page, desk);
  const no = firstAwaiting(desk);
  const dialog = await openShipment(page, no);
  await expect(dialog.getByLabel('Invoice No.')).toBeFocused();
  await dialog.getByLabel('Carrier').selectOption({ label: 'Lotte' });
  const number = lotte(1);
  await dialog.getByLabel('Invoice No.').fill(number.replace(/(\d{4})(?=\d)/g, '$1-'));
  await expect(dialog.getByText(`Will be saved as ${number}.`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Register', exact: true }).click();

  await expect(dialog).toHaveCount(0);
  await expect(row(page, no)).toContainText('Lotte');
  await expect(row(page, no)).toContainText(number);
  await expect(row(page, no)).toContainText('Registered');
  await expect(page.getByRole('status').filter({ hasText: `Lotte ${number} registered on ${no}.` })).toBeVisible();
  expect(statusOf(desk, no)).toBe('PREPARING_TO_SHIP');
  expect(historyOf(desk.core, no)).toEqual([
    expect.objectContaining({ action: 'registered', via: 'manual', operator: OPERATOR }),
  ]);
  await expectCounts(page, desk);
  await findRow(page, no);

  await row(page, no).getByRole('button', { name: no, exact: true }).click();
  const again = page.getByRole('dialog', { name: `Shipment ${no}` });
  await expect(again.getByText('Locked')).toBeVisible();
  await expect(
    again.getByText('An invoice is registered, so the address cannot change.', { exact: false }),
  ).toBeVisible();
  await expect(again.getByRole('button', { name: 'Edit address' })).toHaveCount(0);
  await expect(again.getByRole('button', { name: 'Modify' })).toBeEnabled();
});

test('a refused save keeps what was typed and says why next to the field', async ({ page, desk }) => {
  await openDesk(page, desk);
  const no = firstAwaiting(desk);
  const dialog = await openShipment(page, no);
  const field = dialog.getByLabel('Invoice No.');
  await dialog.getByLabel('Carrier').selectOption({ label: 'Lotte' });
  await field.fill('2400-0000-0053');
  // One message, the one that matters: why Lotte refuses it (and what it would fit instead).
  const why = /^The check digit does not match: the last digit should be \d for a Lotte number\./;
  await expect(dialog.locator('.field-text')).toHaveCount(1);
  await expect(dialog.locator('.field-text')).toHaveText(why);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  const register = dialog.getByRole('button', { name: 'Register', exact: true });
  await expect(register).toBeDisabled(); // aria-disabled: still focusable, and it says why
  await expect(register).toHaveAccessibleDescription(why);
  await field.press('Enter');
  await expect(dialog.locator('.field-text')).toHaveText(why);
  await expect(field).toHaveValue('2400-0000-0053');

  const taken = sqlOne<{ invoice_no: string; shipment_no: string }>(
    desk.core,
    "SELECT i.invoice_no, s.shipment_no FROM invoices i JOIN shipments s ON s.id = i.shipment_id WHERE i.active = 1 AND i.carrier_id = 'kr.lotte' AND s.region = 'domestic' LIMIT 1",
  );
  await field.fill(taken.invoice_no);
  await dialog.getByRole('button', { name: 'Register', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('This number is already used on another recipient’s shipment.');
  await expect(alert).toContainText(taken.shipment_no);
  await expect(field).toHaveValue(taken.invoice_no);
  await expect(field).toBeFocused();
  await expect(dialog).toBeVisible();
  expect(historyOf(desk.core, no)).toEqual([]);
  expect(statusOf(desk, no)).toBe('AWAITING_INVOICE');
});

test('the address is editable before registration and written to history', async ({ page, desk }) => {
  await openDesk(page, desk);
  const no = firstAwaiting(desk);
  const dialog = await openShipment(page, no);
  await dialog.getByRole('button', { name: 'Edit address' }).click();
  await dialog.getByLabel('Address line 2').fill('101동 1203호 (경비실 옆)');
  await dialog.getByRole('button', { name: 'Save address' }).click();
  await expect(dialog.getByText('101동 1203호 (경비실 옆)')).toBeVisible();
  expect(
    sqlOne<{ line2: string }>(desk.core, 'SELECT address_line2 AS line2 FROM shipments WHERE shipment_no = ?', no)
      .line2,
  ).toBe('101동 1203호 (경비실 옆)');
  expect(historyOf(desk.core, no)).toEqual([
    expect.objectContaining({ action: 'address_changed', operator: OPERATOR }),
  ]);
});

test('modify from the pencil moves an In delivery row back to Preparing and writes history with the reason', async ({
  page,
  desk,
}) => {
  const target = sqlOne<{ no: string; carrier: string; number: string }>(
    desk.core,
    "SELECT s.shipment_no AS no, i.carrier_id AS carrier, i.invoice_no AS number FROM shipments s JOIN invoices i ON i.id = s.invoice_id WHERE s.region = 'domestic' AND s.status = 'SHIPPING' ORDER BY s.ordered_at DESC LIMIT 1",
  );
  await openDesk(page, desk);
  await page.getByRole('tab', { name: /In delivery/ }).click();
  await (await findRow(page, target.no)).getByRole('button', { name: 'Modify invoice' }).click();
  const dialog = page.getByRole('dialog', { name: `Shipment ${target.no}` });
  await expect(dialog.getByLabel('Invoice No.')).toBeFocused();
  await dialog.getByLabel('Carrier').selectOption({ label: 'Lotte' });
  const number = lotte(2);
  await dialog.getByLabel('Invoice No.').fill(number);
  await dialog.getByLabel('Reason (optional)').fill('label torn, relabelled');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `${target.no} now has Lotte ${number}.` })).toBeVisible();
  // It left In delivery: the row stays, dimmed, saying where it went, until the operator moves on...
  await expect(row(page, target.no).getByRole('button', { name: /^Moved to Preparing to Release/ })).toBeVisible();
  await page.getByRole('tab', { name: /Preparing to Release/ }).click(); // ...to Preparing to Release
  await expectTotal(page, 1);
  await expect(row(page, target.no)).toContainText(number);
  await expect(row(page, target.no)).toContainText('Registered');
  const last = historyOf(desk.core, target.no).at(-1);
  expect(last).toMatchObject({
    action: 'modified',
    via: 'manual',
    operator: OPERATOR,
    reason: 'label torn, relabelled',
  });
  expect(JSON.parse(last?.before_json ?? '{}')).toMatchObject({ invoiceNo: target.number });
  expect(JSON.parse(last?.after_json ?? '{}')).toMatchObject({ invoiceNo: number, carrierId: 'kr.lotte' });
  await expectCounts(page, desk);
});

test('delete from the wastebasket asks first; confirmed, the shipment awaits an invoice again', async ({
  page,
  desk,
}) => {
  const target = sqlOne<{ no: string; number: string }>(
    desk.core,
    "SELECT s.shipment_no AS no, i.invoice_no AS number FROM shipments s JOIN invoices i ON i.id = s.invoice_id WHERE s.region = 'domestic' AND s.status = 'PROCESSED' ORDER BY s.ordered_at DESC LIMIT 1",
  );
  await openDesk(page, desk);
  await page.getByRole('tab', { name: /In delivery/ }).click();
  await (await findRow(page, target.no)).getByRole('button', { name: 'Delete invoice' }).click();
  const dialog = page.getByRole('dialog', { name: `Shipment ${target.no}` });
  await expect(dialog.getByText(`Delete`, { exact: false }).first()).toBeVisible();
  await expect(dialog.getByText(new RegExp(`Delete .* ${target.number} from ${target.no}\\?`))).toBeVisible();
  // The safe choice has focus: Enter keeps the invoice.
  await expect(dialog.getByRole('button', { name: 'Keep the invoice' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Keep the invoice' })).toHaveCount(0);
  expect(statusOf(desk, target.no)).toBe('PROCESSED');

  await dialog.getByRole('button', { name: 'Delete invoice' }).click();
  await dialog.getByLabel('Reason (optional)').fill('customer cancelled');
  await dialog.getByRole('button', { name: 'Delete invoice' }).click();
  await expect(dialog).toHaveCount(0);
  // It left In delivery: the row stays, dimmed, saying where it went, until the operator moves on.
  await expect(row(page, target.no).getByRole('button', { name: /^Moved to Preparing to Release/ })).toBeVisible();
  expect(statusOf(desk, target.no)).toBe('AWAITING_INVOICE');
  await page.getByRole('tab', { name: /Preparing to Release/ }).click();
  await expect(row(page, target.no)).toContainText('Awaiting invoice');
  await expect(row(page, target.no).getByRole('button', { name: `Register invoice for ${target.no}` })).toBeVisible();
  expect(historyOf(desk.core, target.no).at(-1)).toMatchObject({
    action: 'deleted',
    reason: 'customer cancelled',
    operator: OPERATOR,
  });
  await expectCounts(page, desk);
});

test('the only carrier that fits is preselected; a warning needs a confirmation', async ({ page, desk }) => {
  await openDesk(page, desk);
  await page.getByRole('button', { name: 'International' }).click();
  const intl = firstAwaiting(desk, 'international');
  const dialog = await openShipment(page, intl);
  await expect(dialog.getByLabel('Carrier')).toHaveValue('');
  await dialog.getByLabel('Invoice No.').fill('1Z999AA10123456784');
  await expect(dialog.getByLabel('Carrier')).toHaveValue('us.ups');
  await expect(dialog.getByText('Detected carrier: UPS.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  expect(
    sqlOne<{ c: string }>(
      desk.core,
      'SELECT i.carrier_id AS c FROM shipments s JOIN invoices i ON i.id = s.invoice_id WHERE s.shipment_no = ?',
      intl,
    ).c,
  ).toBe('us.ups');

  await page.getByRole('button', { name: 'Domestic' }).click();
  const no = firstAwaiting(desk);
  const second = await openShipment(page, no);
  await second.getByLabel('Carrier').selectOption({ label: 'CJ Logistics' });
  await second.getByLabel('Invoice No.').fill('353563075656');
  await expect(second.getByText(/^Check: The check digit does not match/)).toBeVisible();
  await expect(second.getByRole('button', { name: 'Register despite the warning' })).toBeVisible();
  await second.getByLabel('Invoice No.').press('Enter');
  await expect(second.getByText('Press Enter again, or the button, to register despite the warning.')).toBeVisible();
  expect(statusOf(desk, no)).toBe('AWAITING_INVOICE');
  await second.getByLabel('Invoice No.').press('Enter');
  await expect(second).toHaveCount(0);
  expect(statusOf(desk, no)).toBe('PREPARING_TO_SHIP');
});

test('the carrier is already chosen: the warehouse default, the last one when remembering; a number the default refuses is said', async ({
  page,
  desk,
}) => {
  const [a = '', b = ''] = awaiting(desk, 2);
  const warehouseOf = (no: string) =>
    sqlOne<{ code: string }>(
      desk.core,
      'SELECT w.code FROM shipments s JOIN warehouses w ON w.id = s.warehouse_id WHERE s.shipment_no = ?',
      no,
    ).code;
  const intl = firstAwaiting(desk, 'international');
  // Remembering is on, but nothing was registered at this station yet: the defaults apply.
  await setSettings(desk, {
    defaultCarriers: { [warehouseOf(a)]: 'kr.lotte', [warehouseOf(intl)]: 'kr.epost.ems' },
    rememberLastCarrier: true,
  });
  await openDesk(page, desk);
  const dialog = await openShipment(page, a);
  const carrier = dialog.getByLabel('Carrier');
  const field = dialog.getByLabel('Invoice No.');
  const message = dialog.locator('.field-text');
  const register = dialog.getByRole('button', { name: 'Register', exact: true });
  await expect(carrier).toHaveValue('kr.lotte');
  await expect(register).toBeDisabled(); // nothing typed yet
  await expect(register).toHaveAccessibleDescription(/Type or scan the tracking number/);

  // Lotte's check digit rules this number out, and several carriers would take it: the operator chooses.
  await field.fill('353563075656');
  const ruledOut =
    /^Not a Lotte number: The check digit does not match: the last digit should be 5 for a Lotte number\. Choose the carrier: it fits .+ and \d+ more\.$/;
  await expect(message).toHaveText(ruledOut);
  await expect(message).toHaveCount(1);
  await expect(carrier).toHaveValue('');
  await expect(carrier).toHaveAttribute('aria-invalid', 'true');
  await expect(register).toBeDisabled();
  await expect(register).toHaveAccessibleDescription(ruledOut);
  await field.press('Enter');
  await expect(message).toHaveText(ruledOut);
  expect(statusOf(desk, a)).toBe('AWAITING_INVOICE');

  // Hanjin by hand: its rule only warns, so the button says what it will do.
  await carrier.selectOption({ label: 'Hanjin' });
  await expect(message).toHaveText(/^Check: The check digit does not match the usual Hanjin rule/);
  await expect(message).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Register despite the warning' }).click();
  await expect(dialog).toHaveCount(0);
  expect(
    sqlOne<{ c: string }>(
      desk.core,
      'SELECT i.carrier_id AS c FROM shipments s JOIN invoices i ON i.id = s.invoice_id WHERE s.shipment_no = ?',
      a,
    ).c,
  ).toBe('kr.hanjin');

  // An international shipment whose warehouse ships EMS, and a UPS number: the only carrier it fits wins.
  await page.getByRole('button', { name: 'International' }).click();
  const second = await openShipment(page, intl);
  await expect(second.getByLabel('Carrier')).toHaveValue('kr.epost.ems');
  await second.getByLabel('Invoice No.').fill('1Z999AA10123456784');
  await expect(second.getByLabel('Carrier')).toHaveValue('us.ups');
  await expect(second.locator('.field-text')).toHaveText(
    /^Not a Korea Post EMS \/ K-Packet number: .+ UPS is chosen, the only carrier it fits\.$/,
  );
  await second.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Domestic' }).click();

  // Remembering: the next domestic shipment starts with Hanjin, the carrier last used here.
  const third = await openShipment(page, b);
  await expect(third.getByLabel('Carrier')).toHaveValue('kr.hanjin');
});

test('with no carrier chosen, one message says what to do and the button cannot register', async ({ page, desk }) => {
  await openDesk(page, desk);
  const dialog = await openShipment(page, firstAwaiting(desk));
  await expect(dialog.getByLabel('Carrier')).toHaveValue('');
  await dialog.getByLabel('Invoice No.').fill(lotte(21));
  const choose = /^Choose the carrier: this number fits .+, .+, .+ and \d+ more\.$/;
  await expect(dialog.locator('.field-text')).toHaveText(choose);
  await expect(dialog.locator('.field-text')).toHaveCount(1);
  const register = dialog.getByRole('button', { name: 'Register', exact: true });
  await expect(register).toBeDisabled();
  await expect(register).toHaveAccessibleDescription(choose);
  await expect(dialog.getByRole('button', { name: /despite the warning/ })).toHaveCount(0);
  await dialog.getByLabel('Carrier').selectOption({ label: 'Lotte' });
  await expect(dialog.locator('.field-text')).toHaveText(/^Valid Lotte number\. .+ use numbers like this too\.$/);
  await expect(register).toBeEnabled();
});

test('the language is chosen in settings, saved, and kept after a restart', async ({ page, desk }) => {
  await openDesk(page, desk);
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('radio', { name: '한국어' }).check();
  await expect(page.getByRole('dialog', { name: '설정' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '설정을 저장했습니다.' })).toBeVisible();
  expect(sqlOne<{ value: string }>(desk.core, "SELECT value FROM settings WHERE key = 'language'").value).toBe('ko');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: '배송 관리' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '배송 관리' })).toBeVisible();
  // The day fields follow the app's language, not this English browser's: year first.
  const from = page.getByLabel('주문일 시작');
  await expect(from).toHaveAttribute('placeholder', 'YYYY. MM. DD.');
  await from.fill('2026. 11. 3.');
  await from.press('Enter');
  await expect(from).toHaveValue('2026. 11. 03.');
  await expect(page.getByRole('list', { name: '적용된 필터' })).toContainText('2026. 11. 03.');
  await from.fill('11/03/2026');
  await from.press('Tab');
  await expect(page.getByRole('alert').filter({ hasText: '날짜를 YYYY. MM. DD. 형식으로 쓰세요.' })).toBeVisible();
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: '설정' }).click();
  await page.getByRole('radio', { name: '시스템 설정과 같게' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Shipping Management' })).toBeVisible();
  expect(sqlOne<{ value: string }>(desk.core, "SELECT value FROM settings WHERE key = 'language'").value).toBe(
    'system',
  );
});
