// The invoice dialog and the scanner against a real core: register, modify and delete move rows
// between tabs and write history; refusals keep what was typed; the address locks; the carrier is
// auto-detected; warnings need a confirmation; a keyboard-wedge scanner registers end to end.
// Every test has a desk of its own (its own copy of the demo data, the same fixed "now").
import type { Page } from '@playwright/test';
import { lotteNumber } from '../support/seed';
import {
  COUNT_BEEPS,
  expectTotal,
  historyOf,
  openDesk,
  OPERATOR,
  row,
  sqlCount,
  sqlOne,
  TIME_ZONE,
  tones,
  type Desk,
} from './helpers/desk';
import { expect, test } from './helpers/fixture';
import { ENTER, HAND_GAP_MS, scan, typeAtPace, typeByHand } from './helpers/keys';

test.use({ deskOptions: { demo: { shipments: 400, seed: 23 } }, locale: 'en-US', timezoneId: TIME_ZONE });

/** The shipments awaiting an invoice in this desk, newest first: the test picks which. */
function awaiting(desk: Desk, count: number, region: 'domestic' | 'international' = 'domestic'): string[] {
  const rows = desk.core.db
    .prepare(
      "SELECT shipment_no AS no FROM shipments WHERE region = ? AND status = 'AWAITING_INVOICE' ORDER BY ordered_at DESC, id DESC LIMIT ?",
    )
    .all(region, count) as { no: string }[];
  if (rows.length < count) throw new Error(`the demo has only ${rows.length} ${region} shipments awaiting an invoice`);
  return rows.map((r) => r.no);
}
const firstAwaiting = (desk: Desk, region: 'domestic' | 'international' = 'domestic'): string =>
  awaiting(desk, 1, region)[0] ?? '';

/** Lotte numbers no demo shipment carries. */
const lotte = (n: number) => lotteNumber(500 + n);

const statusOf = (desk: Desk, no: string) =>
  sqlOne<{ status: string }>(desk.core, 'SELECT status FROM shipments WHERE shipment_no = ?', no).status;
const countOf = (desk: Desk, tab: string) =>
  sqlCount(desk.core, "s.region = 'domestic' AND s.tab = ?", tab).toLocaleString('en-US');
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search text' });

/** Without a search, every tab's count equals the database's (the counts follow the other filters). */
async function expectCounts(page: Page, desk: Desk) {
  await page.getByRole('button', { name: 'Clear search' }).click();
  for (const tab of ['preparing', 'inDelivery', 'failed', 'delivered'])
    await expect(page.getByTestId(`count-${tab}`)).toHaveText(countOf(desk, tab));
}

async function findRow(page: Page, shipmentNo: string) {
  await page.getByRole('combobox', { name: 'Search by' }).selectOption('shipmentNo');
  await searchBox(page).fill(shipmentNo);
  await expectTotal(page, 1);
  return row(page, shipmentNo);
}

async function openShipment(page: Page, shipmentNo: string) {
  await (await findRow(page, shipmentNo)).getByRole('button', { name: shipmentNo, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Shipment ${shipmentNo}` });
  await expect(dialog.getByRole('heading', { name: 'Invoice', exact: true })).toBeVisible();
  return dialog;
}

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
  await expect(dialog.getByText('This is not a valid number for this carrier.')).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await dialog.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(dialog.getByText('This is not a valid number for this carrier.')).toBeVisible();
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
  await expectTotal(page, 0); // it left In delivery...
  await page.getByRole('tab', { name: /Preparing to Release/ }).click(); // ...for Preparing to Release
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
  await expectTotal(page, 0);
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

test.describe('with a barcode scanner', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(COUNT_BEEPS);
  });

  test('scans register invoices end to end, reused numbers are refused out loud, typing by hand still works', async ({
    page,
    desk,
  }) => {
    await openDesk(page, desk);
    const [a = '', b = '', c = '', d = ''] = awaiting(desk, 4);
    await page.locator('.app-header').click();

    // A packing slip with scanner noise (lower case, a hyphen): its dialog opens, the invoice field waits.
    await scan(page, `${a.slice(0, 2).toLowerCase()}-${a.slice(2)}`);
    const dialogA = page.getByRole('dialog', { name: `Shipment ${a}` });
    await expect(dialogA.getByLabel('Invoice No.')).toBeFocused();
    await dialogA.getByLabel('Carrier').selectOption({ label: 'Lotte' }); // once per desk: it is remembered
    await dialogA.getByLabel('Invoice No.').focus();
    const first = lotte(3);
    await scan(page, first);
    await expect(dialogA).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: `Lotte ${first} registered on ${a}.` })).toBeVisible();
    expect(historyOf(desk.core, a)).toEqual([expect.objectContaining({ action: 'registered', via: 'scan' })]);
    expect(await tones(page)).toBe(1);

    // No mouse: the next slip, then a number with full-width digits and hyphens.
    await expect(page.locator('input:focus')).toHaveCount(0);
    await scan(page, b);
    const dialogB = page.getByRole('dialog', { name: `Shipment ${b}` });
    await expect(dialogB.getByLabel('Invoice No.')).toBeFocused();
    await expect(dialogB.getByLabel('Carrier')).toHaveValue('kr.lotte');
    const second = lotte(4);
    const wide = [...second].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join('');
    await scan(page, `${wide.slice(0, 4)}-${wide.slice(4)}`);
    await expect(dialogB).toHaveCount(0);
    expect(
      sqlOne<{ n: string }>(
        desk.core,
        'SELECT i.invoice_no AS n FROM shipments s JOIN invoices i ON i.id = s.invoice_id WHERE s.shipment_no = ?',
        b,
      ).n,
    ).toBe(second);
    expect(historyOf(desk.core, b)).toEqual([expect.objectContaining({ action: 'registered', via: 'scan' })]);
    await expect(page.getByRole('status').filter({ hasText: `registered on ${b}.` })).toBeVisible();

    // A number already on another recipient's parcel: a visible and audible refusal; the scan stays, selected.
    await scan(page, c);
    const dialogC = page.getByRole('dialog', { name: `Shipment ${c}` });
    const field = dialogC.getByLabel('Invoice No.');
    await expect(field).toBeFocused();
    const before = await tones(page);
    await scan(page, first);
    await expect(dialogC.getByRole('alert')).toContainText(
      'This number is already used on another recipient’s shipment.',
    );
    expect(await tones(page)).toBe(before + 2);
    await expect(field).toHaveValue(first);
    expect(await field.evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd])).toEqual([
      0,
      first.length,
    ]);
    expect(statusOf(desk, c)).toBe('AWAITING_INVOICE');

    // Typed by hand, slowly: a manual registration.
    const third = lotte(5);
    await field.fill('');
    await typeByHand(page, third);
    await expect(dialogC).toHaveCount(0);
    expect(historyOf(desk.core, c)).toEqual([expect.objectContaining({ action: 'registered', via: 'manual' })]);

    // A slip scanned while the search box has focus opens the shipment and leaves the search as it was.
    await searchBox(page).fill('');
    await searchBox(page).focus();
    await scan(page, d);
    await expect(page.getByRole('dialog', { name: `Shipment ${d}` })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(searchBox(page)).toHaveValue('');

    // A scan of something that is no shipment number, outside any field: said, with a beep.
    await page.locator('.app-header').click();
    const tonesBefore = await tones(page);
    await scan(page, 'ABC123456789');
    await expect(
      page.getByRole('alert').filter({ hasText: 'Scanned ABC123456789: not a shipment number.' }),
    ).toBeVisible();
    expect(await tones(page)).toBe(tonesBefore + 2);
  });

  test('with a programmed prefix and suffix, a scan is known by them at any pace; typing by hand stays manual', async ({
    page,
    desk,
  }) => {
    // STX before every code, "#E" after it: a control character (Ctrl+B) and two printable ones.
    const saved = await desk.core.dispatch(
      'settings.update',
      { scannerPrefix: '\u0002', scannerSuffix: '#E' },
      { operator: OPERATOR, via: 'manual' },
    );
    expect(saved.ok).toBe(true);
    await openDesk(page, desk);
    const [a = '', b = ''] = awaiting(desk, 2);
    await page.locator('.app-header').click();

    // A slip read slowly (a person's pace), ended by the suffix and the scanner's Enter.
    await typeAtPace(page, ['\u0002', ...a, '#', 'E', ENTER], HAND_GAP_MS);
    const dialogA = page.getByRole('dialog', { name: `Shipment ${a}` });
    const field = dialogA.getByLabel('Invoice No.');
    await expect(field).toBeFocused();
    await dialogA.getByLabel('Carrier').selectOption({ label: 'Lotte' });
    await field.focus();
    // The number, slowly too, and no Enter: the suffix alone ends the scan and registers it.
    const first = lotte(11);
    await typeAtPace(page, ['\u0002', ...first, '#', 'E'], HAND_GAP_MS);
    await expect(dialogA).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: `Lotte ${first} registered on ${a}.` })).toBeVisible();
    expect(historyOf(desk.core, a)).toEqual([expect.objectContaining({ action: 'registered', via: 'scan' })]);
    expect(await tones(page)).toBe(1);

    // At scanner pace with the Enter; then the number typed by hand: a manual registration.
    await scan(page, b, { prefix: '\u0002', suffix: '#E' });
    const dialogB = page.getByRole('dialog', { name: `Shipment ${b}` });
    await expect(dialogB.getByLabel('Invoice No.')).toBeFocused();
    await expect(dialogB.getByLabel('Invoice No.')).toHaveValue('');
    const second = lotte(12);
    await typeByHand(page, second);
    await expect(dialogB).toHaveCount(0);
    expect(historyOf(desk.core, b)).toEqual([expect.objectContaining({ action: 'registered', via: 'manual' })]);
  });
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
  await page.getByRole('button', { name: '설정' }).click();
  await page.getByRole('radio', { name: '시스템 설정과 같게' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Shipping Management' })).toBeVisible();
  expect(sqlOne<{ value: string }>(desk.core, "SELECT value FROM settings WHERE key = 'language'").value).toBe(
    'system',
  );
});
