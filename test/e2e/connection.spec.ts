// When the screen loses Shipdesk (the web host stopped): the status bar says Disconnected, not a
// stale "Online"; the grid marks its rows as out of date; switching tabs shows loading, never the
// previous tab's rows; no text names an internal method. When the host is back, all is current.
import type { Db } from '../../main/core/db/open';
import { lotteNumber, seedFacets, seedShipments } from '../support/seed';
import { expectTotal, openDesk, restartHost, row, table } from './helpers/desk';
import { expect, test } from './helpers/fixture';
import { seededNos } from './helpers/seeded';

const HOUR = 3_600_000;

function fill(db: Db, now: number): void {
  seedFacets(db);
  seedShipments(db, [
    { recipient: '김하나', orderedAt: now - HOUR },
    { recipient: '이두리', orderedAt: now - 2 * HOUR },
    {
      status: 'SHIPPING',
      recipient: '박세나',
      orderedAt: now - 3 * HOUR,
      invoice: { carrierId: 'kr.lotte', invoiceNo: lotteNumber(41), events: [{ at: now - HOUR, code: 'IN_TRANSIT' }] },
    },
  ]);
}

test.use({ deskOptions: { fill }, locale: 'en-US' });

/** "shipments.get", "invoices.register", …: words of the code, never of the screen. */
const METHOD_NAME = /\b(shipments|invoices|carriers|settings|imports|exports|sync)\.[a-z][A-Za-z]+\b/;

test('without the host: Disconnected, rows marked out of date, a tab switch shows loading; back: current', async ({
  page,
  desk,
}) => {
  const [first, , shipping] = seededNos(desk);
  if (!first || !shipping) throw new Error('seed');
  await openDesk(page, desk);
  await expectTotal(page, 2);
  const state = page.getByTestId('sync-online');
  await expect(state).not.toHaveText(/Disconnected/);
  await expect(table(page)).toHaveAttribute('data-stale', 'false');

  await desk.host.close();
  await expect(state).toHaveText(/Disconnected: reconnecting/);
  await expect(state).not.toHaveText(/Online/);
  await expect(page.getByRole('status').filter({ hasText: /Connection to Shipdesk lost/ })).toBeVisible();
  // The rows stay for reference, marked as possibly out of date (also for screen readers).
  await expect(row(page, first)).toBeVisible();
  await expect(table(page)).toHaveAccessibleDescription(/may be out of date/);
  await expect(page.getByRole('button', { name: 'Refresh now' })).toBeDisabled();
  await page.screenshot({ path: 'test-results/screens/disconnected-en.png' });

  // Another tab: its rows cannot be known now, so it says loading and shows none of the old ones.
  await page.getByRole('tab', { name: /^In delivery/ }).click();
  await expect(page.getByText('Loading shipments…')).toBeVisible();
  await expect(page.locator('.grid-body [role="row"]')).toHaveCount(0);
  // Once a reconnect attempt has failed, it says why it is still loading (never "could not load").
  await expect(page.getByText(/Shipdesk cannot be reached right now/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Loading shipments…')).toBeVisible();
  await expect(page.getByText('Could not load the shipments.')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(METHOD_NAME);

  await restartHost(desk);
  await expect(row(page, shipping)).toBeVisible({ timeout: 20_000 });
  await expectTotal(page, 1);
  await expect(state).not.toHaveText(/Disconnected/);
  await expect(table(page)).toHaveAttribute('data-stale', 'false');
  await expect(page.getByText(/Connection to Shipdesk lost/)).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(METHOD_NAME);
});
