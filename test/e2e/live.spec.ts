// The screen follows the core without polling: a change made at another desk arrives as a push,
// the counts move with it, and a restarted host is reconnected to and caught up with. Also the
// dialog's keyboard contract (focus kept inside, Escape returns focus). A small hand-seeded database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createCore, type Core } from '../../main/core/createCore';
import { startWebHost, type WebHost } from '../../main/web/host';
import { lotteNumber, seedFacets, seedShipments, type SeedShipment } from '../support/seed';
import { ensureRenderer, expectTotal, OPERATOR, RENDERER, row, table } from './helpers/desk';
import { silentLogger } from '../../main/core/log/logger';
import { errorsOnly } from '../support/log';

let dir: string;
let core: Core;
let host: WebHost;
const DAY = 86_400_000;
const T0 = Date.parse('2026-11-25T03:00:00Z');

function specs(): SeedShipment[] {
  const list: SeedShipment[] = [];
  for (let i = 0; i < 30; i++)
    list.push({
      orderedAt: T0 - i * DAY * 0.4,
      recipient: `수취인 ${i}`,
      memo: i % 3 === 0 ? '문 앞에 놓아주세요' : '',
    });
  list.push({
    orderedAt: T0,
    status: 'SHIPPING',
    invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(1), events: [{ at: T0, code: 'IN_TRANSIT' }] },
  });
  list.push({
    orderedAt: T0,
    status: 'DELIVERED',
    invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(2), events: [{ at: T0, code: 'DELIVERED' }] },
  });
  return list;
}

test.beforeAll(async () => {
  ensureRenderer();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipdesk-e2e-live-'));
  core = createCore({
    dbPath: path.join(dir, 'shipdesk.db'),
    autoRelease: false,
    log: silentLogger,
  });
  seedFacets(core.db);
  seedShipments(core.db, specs());
  host = await startWebHost({ core, port: 0, rendererDir: RENDERER, operator: OPERATOR, log: errorsOnly });
});

test.afterAll(async () => {
  await host?.close();
  core?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test.use({ locale: 'en-US' });
test.describe.configure({ mode: 'serial' });

const count = (tab: string) =>
  String(
    (
      core.db.prepare("SELECT count(*) AS n FROM shipments WHERE region = 'domestic' AND tab = ?").get(tab) as {
        n: number;
      }
    ).n,
  );
const awaiting = (offset: number) =>
  (
    core.db
      .prepare(
        "SELECT shipment_no AS no FROM shipments WHERE status = 'AWAITING_INVOICE' ORDER BY ordered_at DESC, id DESC LIMIT 1 OFFSET ?",
      )
      .get(offset) as { no: string }
  ).no;

test('a change made at another desk arrives as a push: the row and the counts follow', async ({ page }) => {
  await page.goto(host.url);
  await expectTotal(page, Number(count('preparing')));
  const no = awaiting(0);
  await expect(row(page, no)).toContainText('Awaiting invoice');
  const invoiceNo = lotteNumber(888);
  expect(
    (
      await core.dispatch(
        'invoices.register',
        { shipmentNo: no, carrierId: 'kr.lotte', invoiceNo },
        { operator: 'another-desk', via: 'scan' },
      )
    ).ok,
  ).toBe(true);
  await expect(row(page, no)).toContainText(invoiceNo);
  await expect(row(page, no)).toContainText('Registered');

  // A carrier delivery recorded elsewhere: the row leaves the tab and the counts move.
  const shipping = (
    core.db.prepare("SELECT shipment_no AS no FROM shipments WHERE status = 'SHIPPING'").get() as { no: string }
  ).no;
  await page.getByRole('tab', { name: /In delivery/ }).click();
  await expect(row(page, shipping)).toBeVisible();
  expect(
    (
      await core.dispatch(
        'invoices.delete',
        { shipmentNo: shipping, reason: 'wrong parcel' },
        { operator: 'another-desk', via: 'manual' },
      )
    ).ok,
  ).toBe(true);
  await expect(row(page, shipping)).toHaveCount(0);
  await expect(page.getByTestId('count-inDelivery')).toHaveText(count('inDelivery'));
  await expect(page.getByTestId('count-preparing')).toHaveText(count('preparing'));
});

test('the dialog keeps focus inside, Escape closes it and focus returns to the Shipment No.', async ({ page }) => {
  await page.goto(host.url);
  const no = awaiting(1);
  const link = row(page, no).getByRole('button', { name: no, exact: true });
  await link.click();
  const dialog = page.getByRole('dialog', { name: `Shipment ${no}` });
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(dialog.getByLabel('Invoice No.')).toBeFocused();
  await expect(page.locator('.app')).toHaveAttribute('inert', '');
  const register = dialog.getByRole('button', { name: 'Register', exact: true });
  await register.focus();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(register).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(link).toBeFocused();
});

test('when the host restarts, the page says so, reconnects by itself and catches up', async ({ page }) => {
  await page.goto(host.url);
  await expect(table(page)).toHaveAttribute('data-busy', 'false');
  const no = awaiting(2);
  await expect(row(page, no)).toBeVisible();
  const { port, token } = host;
  await host.close();
  await expect(page.getByRole('status').filter({ hasText: /Connection to Shipdesk lost/ })).toBeVisible();

  // Changed while no socket was there to hear the push.
  const invoiceNo = lotteNumber(999);
  expect(
    (
      await core.dispatch(
        'invoices.register',
        { shipmentNo: no, carrierId: 'kr.lotte', invoiceNo },
        { operator: 'another-desk', via: 'scan' },
      )
    ).ok,
  ).toBe(true);

  host = await startWebHost({ core, port, token, rendererDir: RENDERER, operator: OPERATOR, log: errorsOnly });
  await expect(row(page, no)).toContainText(invoiceNo, { timeout: 15_000 });
  await expect(page.getByText(/Connection to Shipdesk lost/)).toHaveCount(0);
});
