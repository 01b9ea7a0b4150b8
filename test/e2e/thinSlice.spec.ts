// The thin slice in a real browser against the web host and a real core: tabs with the database's
// counts, tab and region switching, paging, registering an invoice through the dialog, live refresh
// on pushes, accessibility (axe) and screenshots in English and Korean.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createCore, type Core } from '../../main/core/createCore';
import { startWebHost, type WebHost } from '../../main/web/host';
import type { Region, Tab } from '../../shared/domain';
import { lotteNumber, seedFacets, seedShipments, type SeedShipment } from '../support/seed';

const ROOT = path.join(__dirname, '../..');
const RENDERER = path.join(ROOT, 'dist/renderer');
const SCREENS = path.join(ROOT, 'test-results/screens');
const OPERATOR = 'packer-e2e';

let dir: string;
let core: Core;
let host: WebHost;

const PRODUCTS = ['무선 이어폰 Wireless Earbuds', '스테인리스 텀블러 500ml', '면 티셔츠 Cotton Tee (L)', '노트북 파우치 15"', '핸드드립 커피 세트'];
const PEOPLE = ['김민수', '이서연', '박지훈', '최유진', '정하늘', 'Emily Carter', '한도윤'];
const DAY = 86_400_000;
const T0 = Date.parse('2026-11-25T03:00:00Z');

function specs(): SeedShipment[] {
  const list: SeedShipment[] = [];
  const at = (i: number) => T0 - i * DAY * 0.37;
  let i = 0;
  const add = (n: number, spec: (k: number) => SeedShipment) => {
    for (let k = 0; k < n; k++, i++) list.push({ orderedAt: at(i), recipient: PEOPLE[i % PEOPLE.length], ...spec(k) });
  };
  // 56 domestic in Preparing to Release: more than one page of 50.
  add(52, () => ({}));
  add(2, (k) => ({ status: 'PREPARING_TO_SHIP', invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(100 + k), released: false } }));
  add(2, (k) => ({ status: 'RELEASED', invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(110 + k) } }));
  add(3, (k) => ({ status: 'SHIPPING', invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(120 + k), events: [{ at: T0, code: 'IN_TRANSIT' }] } }));
  add(1, () => ({ status: 'PROCESSED', invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(130), events: [{ at: T0, code: 'AT_PICKUP' }] } }));
  add(2, (k) => ({ status: 'FAILED', invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(140 + k), events: [{ at: T0, code: 'ATTEMPT_FAIL' }] } }));
  add(4, (k) => ({ status: 'DELIVERED', invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(150 + k), events: [{ at: T0, code: 'DELIVERED' }] } }));
  add(3, () => ({ country: 'US', warehouse: 'WH-OVS' }));
  add(1, () => ({ country: 'JP', warehouse: 'WH-OVS', status: 'SHIPPING', invoice: { carrierId: 'us.ups', invoiceNo: '1Z999AA10123456784', events: [{ at: T0, code: 'IN_TRANSIT' }] } }));
  return list;
}

test.beforeAll(() => {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) {
    // Only when missing: `npm test` builds first, and a shared dist/ is not rebuilt under other runs.
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.config.mts'], { cwd: ROOT, stdio: 'inherit' });
  }
});

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipdesk-e2e-'));
  core = createCore({ dbPath: path.join(dir, 'shipdesk.db'), log: { warn: () => {}, error: () => {} } });
  seedFacets(core.db);
  seedShipments(core.db, specs());
  // A little variety for the eye (the seed helper names every product the same).
  const items = core.db.prepare('SELECT id FROM order_items ORDER BY id').all() as { id: number }[];
  const rename = core.db.prepare('UPDATE order_items SET product_name = ? WHERE id = ?');
  items.forEach(({ id }, n) => rename.run(PRODUCTS[n % PRODUCTS.length]!, id));
  host = await startWebHost({ core, port: 0, rendererDir: RENDERER, operator: OPERATOR, log: { warn: () => {}, error: (m) => console.error(m) } });
  fs.mkdirSync(SCREENS, { recursive: true });
});

test.afterAll(async () => {
  await host?.close();
  core?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const countIn = (region: Region, tab: Tab) =>
  (core.db.prepare('SELECT count(*) AS n FROM shipments WHERE region = ? AND tab = ?').get(region, tab) as { n: number }).n;
const rows = (page: Page) => page.locator('tbody tr');

async function open(page: Page) {
  await page.goto(host.url);
  await expect(rows(page).first()).toBeVisible();
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test.describe.configure({ mode: 'serial' });

test.describe('in English', () => {
  test.use({ locale: 'en-US' });

  test('shows the four tabs with the counts the database has', async ({ page }) => {
    await open(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Shipping Management' })).toBeVisible();
    await expect(page.getByRole('tab')).toHaveCount(4);
    for (const [tab, name] of [['preparing', 'Preparing to Release'], ['inDelivery', 'In delivery'], ['failed', 'Shipping failed'], ['delivered', 'Delivered']] as const) {
      await expect(page.getByRole('tab', { name: new RegExp(`^${name}`) })).toContainText(String(countIn('domestic', tab)));
      await expect(page.getByTestId(`count-${tab}`)).toHaveText(String(countIn('domestic', tab)));
    }
    await expect(page.getByRole('tab', { name: /Preparing to Release/ })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('button', { name: 'Domestic' })).toHaveAttribute('aria-pressed', 'true');
  });

  test('tabs (also by arrow keys) and the region switch change the rows', async ({ page }) => {
    await open(page);
    const preparing = page.getByRole('tab', { name: /Preparing to Release/ });
    await preparing.focus();
    await page.keyboard.press('ArrowRight');
    const inDelivery = page.getByRole('tab', { name: /In delivery/ });
    await expect(inDelivery).toHaveAttribute('aria-selected', 'true');
    await expect(inDelivery).toBeFocused();
    await expect(rows(page)).toHaveCount(countIn('domestic', 'inDelivery'));
    await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-inDelivery');
    await expect(rows(page).first()).toContainText(/Shipping|Processed/);

    await page.keyboard.press('End');
    await expect(page.getByRole('tab', { name: /Delivered/ })).toHaveAttribute('aria-selected', 'true');
    await expect(rows(page)).toHaveCount(countIn('domestic', 'delivered'));
    await page.keyboard.press('ArrowRight'); // wraps to the first tab
    await expect(preparing).toHaveAttribute('aria-selected', 'true');

    await page.getByRole('tab', { name: /Shipping failed/ }).click();
    await expect(rows(page)).toHaveCount(countIn('domestic', 'failed'));
    await expect(rows(page).first()).toContainText('Failed');

    await page.getByRole('button', { name: 'International' }).click();
    await expect(page.getByRole('button', { name: 'International' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText('No shipments here.')).toBeVisible();
    await expect(page.getByTestId('count-inDelivery')).toHaveText(String(countIn('international', 'inDelivery')));
    await page.getByRole('tab', { name: /Preparing to Release/ }).click();
    await expect(rows(page)).toHaveCount(countIn('international', 'preparing'));
  });

  test('loads the next page with Load more', async ({ page }) => {
    await open(page);
    const total = countIn('domestic', 'preparing');
    expect(total).toBeGreaterThan(50);
    await expect(rows(page)).toHaveCount(50);
    await expect(page.getByText(`Showing 50 of ${total}`)).toBeVisible();
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect(rows(page)).toHaveCount(total);
    await expect(page.getByRole('button', { name: 'Load more' })).toHaveCount(0);
  });

  test('an invalid number shows the error next to the field and keeps what was typed', async ({ page }) => {
    await open(page);
    const opener = page.getByRole('button', { name: /^Register invoice for / }).first();
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Register invoice' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    const number = dialog.getByLabel('Invoice No.');
    await expect(number).toBeFocused();
    await dialog.getByLabel('Carrier').selectOption({ label: 'Lotte' });
    await number.fill('12-3');
    // Live check: the error appears next to the field and is tied to it.
    await expect(dialog.getByText('This is not a valid number for this carrier.')).toBeVisible();
    await expect(number).toHaveAttribute('aria-invalid', 'true');
    const describedBy = (await number.getAttribute('aria-describedby')) ?? '';
    const messages = page.locator(`[id="${describedBy.split(' ')[1]}"]`);
    await expect(messages).toContainText('This is not a valid number for this carrier.');

    await dialog.getByRole('button', { name: 'Register', exact: true }).click();
    await expect(messages).toContainText('This is not a valid number for this carrier.');
    await expect(number).toHaveValue('12-3');
    await expect(dialog).toBeVisible();
    expect((core.db.prepare("SELECT count(*) AS n FROM history WHERE action = 'registered'").get() as { n: number }).n).toBe(0);

    // Focus stays inside: Tab from the last button wraps to the first control.
    await dialog.getByRole('button', { name: 'Register', exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel('Carrier')).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('button', { name: 'Register', exact: true })).toBeFocused();

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(opener).toBeFocused();
  });

  test('registering an invoice through the dialog updates the row and records it as manual', async ({ page }) => {
    await open(page);
    const row = rows(page).filter({ has: page.getByRole('button', { name: /^Register invoice for / }) }).first();
    const shipmentNo = (await row.getAttribute('data-shipment-no')) ?? '';
    expect(shipmentNo).toMatch(/^SD\d{10}$/);
    const preparingBefore = countIn('domestic', 'preparing');
    await row.getByRole('button', { name: /^Register invoice for / }).click();
    const dialog = page.getByRole('dialog', { name: 'Register invoice' });
    await dialog.getByLabel('Carrier').selectOption({ label: 'Lotte' });
    const invoiceNo = lotteNumber(777);
    await dialog.getByLabel('Invoice No.').fill(invoiceNo.replace(/(\d{4})(?=\d)/g, '$1-'));
    await expect(dialog.getByText(/Will be saved as|Valid number/)).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Register', exact: true }).click();

    await expect(dialog).toHaveCount(0);
    const updated = page.locator(`tr[data-shipment-no="${shipmentNo}"]`);
    await expect(updated).toContainText('Lotte');
    await expect(updated).toContainText(invoiceNo);
    await expect(updated).toContainText(/Preparing to ship|Released/);
    await expect(updated.getByRole('button')).toHaveCount(0);
    await expect(updated).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: `${invoiceNo} registered on ${shipmentNo}` })).toBeVisible();
    // Still in Preparing to Release: the counts do not move, and they still match the database.
    expect(countIn('domestic', 'preparing')).toBe(preparingBefore);
    await expect(page.getByTestId('count-preparing')).toHaveText(String(preparingBefore));

    const history = core.db
      .prepare('SELECT h.action, h.via, h.operator, h.after_json FROM history h JOIN shipments s ON s.id = h.shipment_id WHERE s.shipment_no = ?')
      .all(shipmentNo) as { action: string; via: string; operator: string; after_json: string }[];
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: 'registered', via: 'manual', operator: OPERATOR });
    expect(JSON.parse(history[0]!.after_json)).toMatchObject({ carrierId: 'kr.lotte', invoiceNo });
  });

  test('the list follows changes made elsewhere, through pushes', async ({ page }) => {
    await open(page);
    const row = rows(page).filter({ has: page.getByRole('button', { name: /^Register invoice for / }) }).first();
    const shipmentNo = (await row.getAttribute('data-shipment-no')) ?? '';
    const invoiceNo = lotteNumber(888);
    const answer = await core.dispatch('invoices.register', { shipmentNo, carrierId: 'kr.lotte', invoiceNo }, { operator: 'another-desk', via: 'scan' });
    expect(answer.ok).toBe(true);
    await expect(page.locator(`tr[data-shipment-no="${shipmentNo}"]`)).toContainText(invoiceNo);
  });

  test('the main screen has no serious accessibility problems (screenshot)', async ({ page }) => {
    await open(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, 'thin-slice-en.png') });
    await page.getByRole('button', { name: /^Register invoice for / }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Invoice No.').fill('12');
    await expect(dialog.getByText('This is not a valid number for this carrier.')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, 'thin-slice-dialog-en.png') });
  });
});

test.describe('in Korean', () => {
  test.use({ locale: 'ko-KR' });

  test('speaks Korean and stays accessible (screenshot)', async ({ page }) => {
    await open(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('heading', { level: 1, name: '배송 관리' })).toBeVisible();
    for (const name of ['출고 준비', '배송중', '배송 실패', '배송 완료']) await expect(page.getByRole('tab', { name: new RegExp(`^${name}`) })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: '송장번호' })).toBeVisible();
    await expect(page.getByRole('button', { name: '국내' })).toHaveAttribute('aria-pressed', 'true');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, 'thin-slice-ko.png') });

    await page.getByRole('button', { name: /^송장 등록/ }).first().click();
    const dialog = page.getByRole('dialog', { name: '송장 등록' });
    await dialog.getByLabel('택배사').selectOption({ label: '롯데택배' });
    await dialog.getByLabel('송장번호').fill('12');
    await expect(dialog.getByText('이 택배사의 올바른 송장번호가 아닙니다.')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENS, 'thin-slice-dialog-ko.png') });
  });
});

test.describe('when the host restarts', () => {
  test.use({ locale: 'en-US' });

  test('the page says so, reconnects by itself and catches up on what changed meanwhile', async ({ page }) => {
    await open(page);
    const row = rows(page).filter({ has: page.getByRole('button', { name: /^Register invoice for / }) }).first();
    const shipmentNo = (await row.getAttribute('data-shipment-no')) ?? '';
    const { port, token } = host;
    await host.close();
    await expect(page.getByRole('status').filter({ hasText: /Connection to Shipdesk lost/ })).toBeVisible();

    // Changed while no socket was there to hear the push.
    const invoiceNo = lotteNumber(999);
    const answer = await core.dispatch('invoices.register', { shipmentNo, carrierId: 'kr.lotte', invoiceNo }, { operator: 'another-desk', via: 'scan' });
    expect(answer.ok).toBe(true);

    host = await startWebHost({ core, port, token, rendererDir: RENDERER, operator: OPERATOR, log: { warn: () => {}, error: (m) => console.error(m) } });
    await expect(page.locator(`tr[data-shipment-no="${shipmentNo}"]`)).toContainText(invoiceNo, { timeout: 15_000 });
    await expect(page.getByText(/Connection to Shipdesk lost/)).toHaveCount(0);
  });
});
