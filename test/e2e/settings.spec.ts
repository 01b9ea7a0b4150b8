// The Settings dialog at a packing station: the operator's name (in the header and in history),
// each warehouse's carrier, remembering, the scanner's prefix/suffix with a field to test a scan,
// the tracker's address and write-only key, the language; errors next to their field; keyboard only.
import type { Page } from '@playwright/test';
import { lotteNumber } from '../support/seed';
import { historyOf, openDesk, SCREENS, seriousViolations, sqlOne, TIME_ZONE, type Desk } from './helpers/desk';
import { expect, test } from './helpers/fixture';
import { scan } from './helpers/keys';

// No --operator on the host: the settings' name, else the computer's user, acts.
test.use({
  deskOptions: { demo: { shipments: 300, seed: 5 }, operator: null, computerUser: 'root' },
  locale: 'en-US',
  timezoneId: TIME_ZONE,
});

const settingsOf = async (desk: Desk) => {
  const answer = await desk.core.dispatch('settings.get', {}, { operator: '', via: 'manual' });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
};
const warehouse = (desk: Desk, code: string) =>
  sqlOne<{ name: string }>(desk.core, 'SELECT name FROM warehouses WHERE code = ?', code).name;

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(dialog.getByLabel('Your name')).toBeVisible();
  return dialog;
}

test('the operator, carriers and scanner are set in Settings; history records the name, not the computer user', async ({
  page,
  desk,
}) => {
  test.slow(); // axe-core takes seconds on a busy machine
  await openDesk(page, desk);
  await expect(page.getByTestId('operator')).toHaveText(/^Operator: root \(computer user\)/);
  const dialog = await openSettings(page);
  await expect(dialog.getByText('No name is set, so history records the computer’s user, “root”.')).toBeVisible();

  // Keyboard only, from the first field.
  await dialog.getByLabel('Your name').fill('김포장');
  await dialog.getByLabel(warehouse(desk, 'WH-ICN')).selectOption({ label: 'Lotte' });
  await dialog.getByLabel(warehouse(desk, 'WH-GMP')).selectOption({ label: 'Lotte' });
  await dialog.getByLabel(warehouse(desk, 'WH-PUS')).selectOption({ label: 'CJ Logistics' });
  await dialog.getByLabel(warehouse(desk, 'WH-OVS')).selectOption({ label: 'UPS' });
  await dialog.getByLabel('Remember the last carrier').check();
  // A misspelt control character name and an address the tracker cannot use: said next to each field.
  await dialog.getByLabel('Prefix').fill('<STXX>');
  await dialog.getByLabel('Tracking service address (GraphQL)').fill('http://192.0.2.1/graphql');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Some settings were not saved' })).toBeVisible();
  await expect(dialog.getByLabel('Prefix')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByLabel('Prefix')).toHaveAccessibleDescription(
    /<STXX> is not a control character name: use names like <STX>, <ETX>, <GS>\./,
  );
  await expect(dialog.getByLabel('Tracking service address (GraphQL)')).toHaveAccessibleDescription(
    /Use an https:\/\/ address \(http:\/\/ only to this computer\)/,
  );
  expect(await settingsOf(desk)).toMatchObject({ operatorName: '' }); // nothing saved while a field is wrong

  await dialog.getByLabel('Prefix').fill('<STX>');
  await dialog.getByLabel('Suffix').fill('<ETX>');
  await dialog.getByLabel('Tracking service address (GraphQL)').fill('http://127.0.0.1:9/graphql');
  await dialog.getByLabel('Tracking service key').fill('station-7:s3cret');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  expect(await settingsOf(desk)).toMatchObject({
    operatorName: '김포장',
    defaultCarriers: { 'WH-ICN': 'kr.lotte', 'WH-GMP': 'kr.lotte', 'WH-PUS': 'kr.cjlogistics', 'WH-OVS': 'us.ups' },
    rememberLastCarrier: true,
    scannerPrefix: '\u0002',
    scannerSuffix: '\u0003',
  });
  // The key is write-only: the field empties, the screen only says one is set.
  await expect(dialog.getByLabel('Tracking service key')).toHaveValue('');
  await expect(dialog.getByTestId('tracker-key-state')).toHaveText(
    'A key is set, kept in a file only your user can read. It is never shown.',
  );
  const sync = await desk.core.dispatch('sync.settings', {}, { operator: '', via: 'manual' });
  expect(sync).toMatchObject({ ok: true, value: { trackerUrl: 'http://127.0.0.1:9/graphql', hasKey: true } });
  expect(JSON.stringify(sync)).not.toContain('s3cret');
  await expect(page.getByTestId('operator')).toHaveText('Operator: 김포장');

  // What the scanner sends, made visible; a shipment number scanned here opens nothing.
  const tester = dialog.getByLabel('Scan here to test');
  await tester.focus();
  const slip = sqlOne<{ no: string }>(
    desk.core,
    "SELECT s.shipment_no AS no FROM shipments s JOIN warehouses w ON w.id = s.warehouse_id WHERE s.status = 'AWAITING_INVOICE' AND s.region = 'domestic' AND w.code = 'WH-ICN' ORDER BY s.ordered_at DESC LIMIT 1",
  ).no;
  await scan(page, slip, { prefix: '\u0002', suffix: '\u0003' });
  await expect(tester).toHaveValue(`<STX>${slip}<ETX><CR>`);
  await expect(dialog.getByText(`Prefix and suffix found: the code is ${slip}.`)).toBeVisible();
  await scan(page, slip);
  await expect(dialog.getByText('Neither the prefix nor the suffix arrived')).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(1);

  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);

  // Escape closes; focus is back on the gear button.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Settings' })).toBeFocused();

  // At the desk: the slip and the number, framed by the scanner; the carrier is the warehouse's.
  await page.locator('.app-header').click();
  await scan(page, slip, { prefix: '\u0002', suffix: '\u0003' });
  const invoice = page.getByRole('dialog', { name: `Shipment ${slip}` });
  await expect(invoice.getByLabel('Invoice No.')).toBeFocused();
  await expect(invoice.getByLabel('Carrier')).toHaveValue('kr.lotte');
  const number = lotteNumber(77);
  await scan(page, number, { prefix: '\u0002', suffix: '\u0003', enter: false });
  await expect(invoice).toHaveCount(0);
  expect(historyOf(desk.core, slip)).toEqual([
    expect.objectContaining({ action: 'registered', via: 'scan', operator: '김포장' }),
  ]);
});

test('the key can be removed, and the settings speak Korean', async ({ page, desk }) => {
  const stored = await desk.core.dispatch(
    'sync.updateSettings',
    { trackerKey: 'station-7:s3cret' },
    { operator: '', via: 'manual' },
  );
  expect(stored.ok).toBe(true);
  await openDesk(page, desk);
  const dialog = await openSettings(page);
  await expect(dialog.getByTestId('tracker-key-state')).toHaveText(/^A key is set/);
  await dialog.getByRole('button', { name: 'Remove the key' }).click();
  await expect(dialog.getByTestId('tracker-key-state')).toHaveText('No key is set.');
  expect(await desk.core.dispatch('sync.settings', {}, { operator: '', via: 'manual' })).toMatchObject({
    value: { hasKey: false },
  });

  await dialog.getByRole('radio', { name: '한국어' }).check();
  const ko = page.getByRole('dialog', { name: '설정' });
  for (const label of [
    '이름',
    '접두어',
    '접미어',
    '여기에서 스캔 시험',
    '배송 추적 서비스 주소 (GraphQL)',
    '마지막 택배사 기억',
  ])
    await expect(ko.getByLabel(label)).toBeVisible();
  await expect(ko.getByRole('button', { name: '저장' })).toBeVisible();
  await expect(ko.getByRole('group', { name: '출고지별 택배사' })).toBeVisible();
  await ko.getByLabel('접두어').fill('<ABC>');
  await ko.getByRole('button', { name: '저장' }).click();
  await expect(ko.getByLabel('접두어')).toHaveAccessibleDescription(/<ABC>은\(는\) 제어 문자 이름이 아닙니다/);
});

test.describe('screens', () => {
  for (const language of ['en', 'ko'] as const) {
    test(`the invoice and Settings dialogs fit 1280x720 and 1600x900 (${language}, screenshots)`, async ({
      page,
      desk,
    }) => {
      await desk.core.dispatch(
        'settings.update',
        {
          language,
          operatorName: language === 'ko' ? '김포장' : 'Kim',
          defaultCarriers: { 'WH-ICN': 'kr.lotte', 'WH-GMP': 'kr.lotte', 'WH-PUS': 'kr.cjlogistics' },
          scannerPrefix: '\u0002',
          scannerSuffix: '\u0003',
        },
        { operator: '', via: 'manual' },
      );
      const t = language === 'ko' ? KO : EN;
      const slip = sqlOne<{ no: string }>(
        desk.core,
        "SELECT s.shipment_no AS no FROM shipments s JOIN warehouses w ON w.id = s.warehouse_id WHERE s.status = 'AWAITING_INVOICE' AND w.code = 'WH-ICN' ORDER BY s.ordered_at DESC LIMIT 1",
      ).no;
      for (const size of [
        { width: 1280, height: 720 },
        { width: 1600, height: 900 },
      ]) {
        await page.setViewportSize(size);
        await openDesk(page, desk);
        const tag = `${language}-${size.width}x${size.height}`;

        // The invoice dialog: the warehouse's carrier refuses the number (the longest message)...
        await page.getByRole('combobox', { name: t.searchBy }).selectOption('shipmentNo');
        await page.getByRole('searchbox', { name: t.searchText }).fill(slip);
        await page.getByRole('button', { name: slip, exact: true }).click();
        const invoice = page.getByRole('dialog', { name: t.shipment(slip) });
        await invoice.getByLabel(t.number).fill('353563075656');
        await expect(invoice.locator('.field-text')).toHaveText(t.ruledOut);
        await expectFits(page);
        await page.screenshot({ path: `${SCREENS}/flow-invoice-ruled-out-${tag}.png` });
        // ...and a warning to confirm, under a button that says so.
        await invoice.getByLabel(t.carrier).selectOption('kr.cjlogistics');
        await expect(invoice.getByRole('button', { name: t.despite })).toBeVisible();
        await expect(invoice.locator('.field-text')).toHaveText(t.warning);
        await expectFits(page);
        await page.screenshot({ path: `${SCREENS}/flow-invoice-warning-${tag}.png` });
        await page.keyboard.press('Escape');

        await page.getByRole('button', { name: t.settings }).click();
        const settings = page.getByRole('dialog', { name: t.settings });
        await expect(settings.getByLabel(t.prefix)).toHaveValue('<STX>');
        await expectFits(page);
        await page.screenshot({ path: `${SCREENS}/flow-settings-${tag}.png` });
        await page.keyboard.press('Escape');
      }
    });
  }
});

/** The open dialog shows all its text: nothing runs out sideways, no control is cut at the right. */
async function expectFits(page: Page) {
  const dialog = page.locator('[role="dialog"]');
  const overflow = await dialog.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const cut = [...el.querySelectorAll<HTMLElement>('input, select, button, label, p, legend')]
      .filter(
        (c) =>
          c.offsetParent !== null &&
          (c.getBoundingClientRect().right > box.right + 0.5 || c.scrollWidth > c.clientWidth + 1),
      )
      .filter((c) => !(c instanceof HTMLInputElement)) // an input scrolls its own text
      .map((c) => `${c.tagName} ${c.textContent?.slice(0, 40) ?? ''}`);
    return { sideways: el.scrollWidth > el.clientWidth, cut };
  });
  expect(overflow).toEqual({ sideways: false, cut: [] });
}

const EN = {
  searchBy: 'Search by',
  searchText: 'Search text',
  shipment: (no: string) => `Shipment ${no}`,
  number: 'Invoice No.',
  carrier: 'Carrier',
  ruledOut: /^Not a Lotte number: The check digit does not match: .+ Choose the carrier: it fits .+\.$/,
  warning: /^Check: The check digit does not match the usual CJ Logistics rule/,
  despite: 'Register despite the warning',
  settings: 'Settings',
  prefix: 'Prefix',
};
const KO: typeof EN = {
  searchBy: '검색 항목',
  searchText: '검색어',
  shipment: (no: string) => `배송 건 ${no}`,
  number: '송장번호',
  carrier: '택배사',
  ruledOut:
    /^롯데택배 송장번호가 아닙니다\. 체크 디지트가 맞지 않습니다\. .+ 택배사를 선택하세요\. .+의 번호일 수 있습니다\.$/,
  warning: /^확인 필요: 체크 디지트가 CJ대한통운의 일반 규칙과 맞지 않습니다/,
  despite: '경고를 확인하고 등록',
  settings: '설정',
  prefix: '접두어',
};
