// The invoice dialog's tests' common moves: which shipments a test takes, what a script sets,
// finding a row and opening its dialog, and the numbers no demo shipment carries.
import type { Page } from '@playwright/test';
import { lotteNumber } from '../../support/seed';
import { expectTotal, OPERATOR, row, sqlCount, sqlOne, type Desk } from './desk';
import { expect } from './fixture';

/** The shipments awaiting an invoice in this desk, newest first: the test picks which. */
export function awaiting(desk: Desk, count: number, region: 'domestic' | 'international' = 'domestic'): string[] {
  const rows = desk.core.db
    .prepare(
      "SELECT shipment_no AS no FROM shipments WHERE region = ? AND status = 'AWAITING_INVOICE' ORDER BY ordered_at DESC, id DESC LIMIT ?",
    )
    .all(region, count) as { no: string }[];
  if (rows.length < count) throw new Error(`the demo has only ${rows.length} ${region} shipments awaiting an invoice`);
  return rows.map((r) => r.no);
}
export const firstAwaiting = (desk: Desk, region: 'domestic' | 'international' = 'domestic'): string =>
  awaiting(desk, 1, region)[0] ?? '';

/** What a script would set through settings.update. */
export async function setSettings(desk: Desk, patch: Record<string, unknown>): Promise<void> {
  const answer = await desk.core.dispatch('settings.update', patch, { operator: OPERATOR, via: 'api' });
  if (!answer.ok) throw new Error(answer.error.message);
}
/** Every demo warehouse ships domestic parcels with Lotte. */
export const LOTTE_EVERYWHERE = {
  'WH-ICN': 'kr.lotte',
  'WH-GMP': 'kr.lotte',
  'WH-PUS': 'kr.lotte',
  'WH-OVS': 'kr.lotte',
};

/** Lotte numbers no demo shipment carries. */
export const lotte = (n: number) => lotteNumber(500 + n);

export const statusOf = (desk: Desk, no: string) =>
  sqlOne<{ status: string }>(desk.core, 'SELECT status FROM shipments WHERE shipment_no = ?', no).status;
export const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search text' });

/** Without a search, every tab's count equals the database's (the counts follow the other filters). */
export async function expectCounts(page: Page, desk: Desk) {
  const countOf = (tab: string) =>
    sqlCount(desk.core, "s.region = 'domestic' AND s.tab = ?", tab).toLocaleString('en-US');
  await page.getByRole('button', { name: 'Clear search' }).click();
  for (const tab of ['preparing', 'inDelivery', 'failed', 'delivered'])
    await expect(page.getByTestId(`count-${tab}`)).toHaveText(countOf(tab));
}

export async function findRow(page: Page, shipmentNo: string) {
  await page.getByRole('combobox', { name: 'Search by' }).selectOption('shipmentNo');
  await searchBox(page).fill(shipmentNo);
  await expectTotal(page, 1);
  return row(page, shipmentNo);
}

export async function openShipment(page: Page, shipmentNo: string) {
  await (await findRow(page, shipmentNo)).getByRole('button', { name: shipmentNo, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Shipment ${shipmentNo}` });
  await expect(dialog.getByRole('heading', { name: 'Invoice', exact: true })).toBeVisible();
  return dialog;
}
