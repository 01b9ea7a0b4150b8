// A keyboard-wedge scanner at the desk, end to end against a real core: a slip opens its shipment,
// the tracking number registers via 'scan' with no other key, refusals are seen and heard, typing
// by hand stays manual, and a programmed prefix/suffix is recognised at any pace. The keys arrive
// at the pace the test says whatever the machine's load (helpers/keys.ts).
import { COUNT_BEEPS, historyOf, openDesk, OPERATOR, sqlOne, TIME_ZONE, tones } from './helpers/desk';
import { expect, test } from './helpers/fixture';
import { awaiting, LOTTE_EVERYWHERE, lotte, searchBox, setSettings, statusOf } from './helpers/invoiceDesk';
import { ENTER, HAND_GAP_MS, scan, typeAtPace, typeByHand } from './helpers/keys';

test.use({ deskOptions: { demo: { shipments: 400, seed: 23 } }, locale: 'en-US', timezoneId: TIME_ZONE });

test.describe('with a barcode scanner', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(COUNT_BEEPS);
  });

  test('scans register invoices end to end, reused numbers are refused out loud, typing by hand still works', async ({
    page,
    desk,
  }) => {
    await setSettings(desk, { defaultCarriers: LOTTE_EVERYWHERE });
    await openDesk(page, desk);
    const [a = '', b = '', c = '', d = ''] = awaiting(desk, 4);
    await page.locator('.app-header').click();

    // A packing slip with scanner noise (lower case, a hyphen): its dialog opens, the invoice field waits,
    // the warehouse's carrier already chosen. Then the tracking number: registered, no other key.
    await scan(page, `${a.slice(0, 2).toLowerCase()}-${a.slice(2)}`);
    const dialogA = page.getByRole('dialog', { name: `Shipment ${a}` });
    await expect(dialogA.getByLabel('Invoice No.')).toBeFocused();
    await expect(dialogA.getByLabel('Carrier')).toHaveValue('kr.lotte');
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
    await setSettings(desk, { defaultCarriers: LOTTE_EVERYWHERE });
    await openDesk(page, desk);
    const [a = '', b = ''] = awaiting(desk, 2);
    await page.locator('.app-header').click();

    // A slip read slowly (a person's pace), ended by the suffix and the scanner's Enter.
    await typeAtPace(page, ['\u0002', ...a, '#', 'E', ENTER], HAND_GAP_MS);
    const dialogA = page.getByRole('dialog', { name: `Shipment ${a}` });
    const field = dialogA.getByLabel('Invoice No.');
    await expect(field).toBeFocused();
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
