// The screen follows the core without polling: a change made at another desk arrives as a push,
// the counts move with it, and a restarted host is reconnected to and caught up with. Also the
// dialog's keyboard contract (focus kept inside, Escape returns focus). A small hand-seeded database.
import { lotteNumber, seedFacets, seedShipments, type SeedShipment } from '../support/seed';
import type { Db } from '../../main/core/db/open';
import { expectTotal, openDesk, restartHost, row, table, type Desk } from './helpers/desk';
import { expect, test } from './helpers/fixture';

const DAY = 86_400_000;

/** 30 shipments awaiting an invoice over the last 12 days, one in transit, one delivered. */
function fill(db: Db, now: number): void {
  const list: SeedShipment[] = [];
  for (let i = 0; i < 30; i++)
    list.push({
      orderedAt: now - i * DAY * 0.4,
      recipient: `수취인 ${i}`,
      memo: i % 3 === 0 ? '문 앞에 놓아주세요' : '',
    });
  list.push({
    orderedAt: now,
    status: 'SHIPPING',
    invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(1), events: [{ at: now, code: 'IN_TRANSIT' }] },
  });
  list.push({
    orderedAt: now,
    status: 'DELIVERED',
    invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(2), events: [{ at: now, code: 'DELIVERED' }] },
  });
  seedFacets(db);
  seedShipments(db, list);
}

test.use({ deskOptions: { fill }, locale: 'en-US' });

const count = (desk: Desk, tab: string) =>
  String(
    (
      desk.core.db.prepare("SELECT count(*) AS n FROM shipments WHERE region = 'domestic' AND tab = ?").get(tab) as {
        n: number;
      }
    ).n,
  );
const awaiting = (desk: Desk, offset: number) =>
  (
    desk.core.db
      .prepare(
        "SELECT shipment_no AS no FROM shipments WHERE status = 'AWAITING_INVOICE' ORDER BY ordered_at DESC, id DESC LIMIT 1 OFFSET ?",
      )
      .get(offset) as { no: string }
  ).no;

test('a change made at another desk arrives as a push: the row and the counts follow', async ({ page, desk }) => {
  await openDesk(page, desk);
  await expectTotal(page, Number(count(desk, 'preparing')));
  const no = awaiting(desk, 0);
  await expect(row(page, no)).toContainText('Awaiting invoice');
  const invoiceNo = lotteNumber(888);
  expect(
    (
      await desk.core.dispatch(
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
    desk.core.db.prepare("SELECT shipment_no AS no FROM shipments WHERE status = 'SHIPPING'").get() as { no: string }
  ).no;
  await page.getByRole('tab', { name: /In delivery/ }).click();
  await expect(row(page, shipping)).toBeVisible();
  expect(
    (
      await desk.core.dispatch(
        'invoices.delete',
        { shipmentNo: shipping, reason: 'wrong parcel' },
        { operator: 'another-desk', via: 'manual' },
      )
    ).ok,
  ).toBe(true);
  await expect(row(page, shipping)).toHaveCount(0);
  await expect(page.getByTestId('count-inDelivery')).toHaveText(count(desk, 'inDelivery'));
  await expect(page.getByTestId('count-preparing')).toHaveText(count(desk, 'preparing'));
});

test('the dialog keeps focus inside, Escape closes it and focus returns to the Shipment No.', async ({
  page,
  desk,
}) => {
  await openDesk(page, desk);
  const no = awaiting(desk, 1);
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

test('when the host restarts, the page says so, reconnects by itself and catches up', async ({ page, desk }) => {
  await openDesk(page, desk);
  await expect(table(page)).toHaveAttribute('data-busy', 'false');
  const no = awaiting(desk, 2);
  await expect(row(page, no)).toBeVisible();
  await desk.host.close();
  await expect(page.getByRole('status').filter({ hasText: /Connection to Shipdesk lost/ })).toBeVisible();

  // Changed while no socket was there to hear the push.
  const invoiceNo = lotteNumber(999);
  expect(
    (
      await desk.core.dispatch(
        'invoices.register',
        { shipmentNo: no, carrierId: 'kr.lotte', invoiceNo },
        { operator: 'another-desk', via: 'scan' },
      )
    ).ok,
  ).toBe(true);

  await restartHost(desk);
  await expect(row(page, no)).toContainText(invoiceNo, { timeout: 15_000 });
  await expect(page.getByText(/Connection to Shipdesk lost/)).toHaveCount(0);
});
