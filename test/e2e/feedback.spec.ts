// No silent moments: what the operator just did is said near the grid (politely, errors
// assertively) and its row flashes; a row that the operator's own change sends to another tab
// stays in place, dimmed, saying where it went, with a link that shows it there, until the
// operator moves on. Its own small database: the rows it changes belong to this file only.
import type { Page } from '@playwright/test';
import type { Db } from '../../main/core/db/open';
import { lotteNumber, seedFacets, seedShipments } from '../support/seed';
import { expectTotal, openDesk, row, table } from './helpers/desk';
import { expect, test } from './helpers/fixture';
import { seededNos as nos } from './helpers/seeded';

const HOUR = 3_600_000;

/** Two shipments awaiting an invoice, three in transit (domestic), one in transit abroad. */
function fill(db: Db, now: number): void {
  seedFacets(db);
  seedShipments(db, [
    { recipient: '김하나', orderedAt: now - HOUR },
    { recipient: '이두리', orderedAt: now - 2 * HOUR },
    ...[21, 22, 23].map((serial, i) => ({
      status: 'SHIPPING' as const,
      recipient: `배송중 ${i}`,
      orderedAt: now - (i + 3) * HOUR,
      invoice: {
        carrierId: 'kr.lotte',
        invoiceNo: lotteNumber(serial),
        events: [{ at: now - HOUR, code: 'IN_TRANSIT' as const }],
      },
    })),
    {
      status: 'SHIPPING',
      country: 'US',
      recipient: 'Jane Roe',
      warehouse: 'WH-OVS',
      orderedAt: now - HOUR,
      invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(31), events: [{ at: now - HOUR, code: 'IN_TRANSIT' }] },
    },
  ]);
}

test.use({ deskOptions: { fill }, locale: 'en-US' });

const inDelivery = (page: Page) => page.getByRole('tab', { name: /^In delivery/ });

async function deleteFromRow(page: Page, shipmentNo: string) {
  await row(page, shipmentNo).getByRole('button', { name: 'Delete invoice' }).click();
  const dialog = page.getByRole('dialog', { name: `Shipment ${shipmentNo}` });
  await dialog.getByRole('button', { name: 'Delete invoice' }).click();
  await expect(dialog).toHaveCount(0);
}

test('a deleted invoice’s row stays, dimmed, saying where it went; the link shows it there', async ({ page, desk }) => {
  const [, , a, b, c] = nos(desk);
  if (!a || !b || !c) throw new Error('seed');
  await openDesk(page, desk);
  await inDelivery(page).click();
  await expectTotal(page, 3);

  await deleteFromRow(page, a);
  // Said politely near the grid, and the row flashes.
  await expect(page.getByRole('status').filter({ hasText: `The invoice of ${a} was deleted.` })).toBeVisible();
  await expect(row(page, a)).toHaveClass(/grid-row-flash-/);
  // The core's answer has arrived (counts moved) and the row is still there, saying where it went.
  await expect(page.getByTestId('count-inDelivery')).toHaveText('2');
  await expect(page.getByTestId('count-preparing')).toHaveText('3');
  const moved = row(page, a).getByRole('button', { name: `Moved to Preparing to Release: show ${a} there` });
  await expect(moved).toBeVisible();
  await expect(moved).toHaveText('Moved to Preparing to Release');
  await expect(row(page, a)).toHaveClass(/grid-row-departed/);
  await expect(row(page, b)).not.toHaveClass(/grid-row-departed/);

  // A next action: the earlier row goes, the new one stays in its place.
  await deleteFromRow(page, b);
  await expect(page.getByTestId('count-inDelivery')).toHaveText('1');
  await expect(row(page, a)).toHaveCount(0);
  await expect(row(page, b).getByRole('button', { name: /^Moved to Preparing to Release/ })).toBeVisible();
  await expect(table(page)).toHaveAttribute('aria-rowcount', '3'); // header + c + the departed b

  // The last one leaves too: the grid still shows it, never "No shipments match these filters".
  await deleteFromRow(page, c);
  await expect(page.getByTestId('count-inDelivery')).toHaveText('0');
  await expect(row(page, c).getByRole('button', { name: /^Moved to Preparing to Release/ })).toBeVisible();
  await expect(page.getByText('No shipments match these filters.')).toHaveCount(0);
  await expect(page.getByText('No shipments here.')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/row-moved-en.png' });

  // The link: Preparing to Release, searched by that shipment, its row there and focused.
  await row(page, c)
    .getByRole('button', { name: /^Moved to Preparing to Release/ })
    .click();
  await expect(page.getByRole('tab', { name: /^Preparing to Release/ })).toHaveAttribute('aria-selected', 'true');
  await expectTotal(page, 1);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(`Shipment No.: ${c}`);
  await expect(row(page, c)).toContainText('Awaiting invoice');
  await expect(row(page, c).getByRole('button', { name: c, exact: true })).toBeFocused();
  await expect(row(page, c)).not.toHaveClass(/grid-row-departed/);

  // Moving on (another tab) lets the departed rows go: In delivery is empty now.
  await page.getByRole('button', { name: 'Clear search' }).click();
  await inDelivery(page).click();
  await expectTotal(page, 0);
  await expect(page.getByText('No shipments here.')).toBeVisible();
});

test('an error is said assertively near the grid', async ({ page, desk }) => {
  // A desk whose clipboard refuses (a locked-down remote desktop, for one): Copy cannot do its job.
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
    });
  });
  const target = nos(desk)[5] ?? '';
  await openDesk(page, desk);
  await page.getByRole('button', { name: 'International' }).click();
  await inDelivery(page).click();
  await expect(row(page, target)).toContainText(lotteNumber(31));
  await row(page, target)
    .getByRole('button', { name: `Copy invoice number ${lotteNumber(31)}` })
    .click();
  const alert = page.getByRole('alert').filter({ hasText: 'Could not copy: the clipboard is not available.' });
  await expect(alert).toBeVisible();
  await expect(row(page, target)).toHaveClass(/grid-row-flash-/);
  await page.screenshot({ path: 'test-results/screens/toast-error-en.png' });
  // The operator can put it away.
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
});
