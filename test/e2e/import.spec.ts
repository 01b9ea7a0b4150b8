// Excel import in the browser: a workbook dropped on the screen is checked, every row's verdict is
// previewed, the valid rows are saved (they move on in the grid and the history says excel), the
// failed rows download as a workbook to fix; a locked file is refused in words; the template downloads.
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { lotteNumber } from '../support/seed';
import { expectTotal, historyOf, openDesk, row, sqlOne, TIME_ZONE } from './helpers/desk';
import { expect, test } from './helpers/fixture';

// Every test has a desk of its own (a copy of the same demo data, the same fixed "now").
test.use({ deskOptions: { demo: { shipments: 600, seed: 31 } }, locale: 'en-US', timezoneId: TIME_ZONE });

/**
 * Reading a workbook runs in a worker thread, and saving is one transaction: on a loaded machine
 * either can take more than the default five seconds. The tests wait for the visible result longer.
 */
const WORK = { timeout: 30_000 };

async function workbook(rows: (string | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Invoices');
  sheet.addRow(['배송번호', '택배사', '송장번호']); // Korean headers, as a Korean desk saves them
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Drops a file on the screen the way a file manager does: dragenter, dragover, drop with a DataTransfer. */
async function dropFile(page: Page, name: string, bytes: Buffer) {
  await page.evaluate(
    ({ name, base64 }) => {
      const binary = atob(base64);
      const data = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
      const transfer = new DataTransfer();
      transfer.items.add(
        new File([data], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
      );
      const target = document.getElementById('shipment-grid') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    { name, base64: bytes.toString('base64') },
  );
}

test('a dropped workbook is previewed, the valid rows are saved and the failed rows download to fix', async ({
  page,
  desk,
}) => {
  // Shipments with no history yet, so the history after the import is exactly the import's.
  const awaiting = (
    desk.core.db
      .prepare(
        "SELECT shipment_no AS no FROM shipments s WHERE region = 'domestic' AND status = 'AWAITING_INVOICE' AND NOT EXISTS (SELECT 1 FROM history h WHERE h.shipment_id = s.id) ORDER BY ordered_at DESC LIMIT 4",
      )
      .all() as { no: string }[]
  ).map((r) => r.no);
  const [a, b, c, d] = awaiting;
  if (!a || !b || !c || !d) throw new Error('not enough shipments awaiting an invoice');
  const numbers = [lotteNumber(7001), lotteNumber(7002), lotteNumber(7003)];
  const file = await workbook([
    [a, '롯데택배', numbers[0] ?? ''],
    [b, 'Lotte', numbers[1] ?? ''],
    [c, 'Lotte', (numbers[2] ?? '').replace(/(\d{4})(?=\d)/g, '$1-')],
    [d, 'Lotte', '2400-0000-0053'],
    ['SD9999999999', 'Lotte', lotteNumber(7004)],
  ]);
  await openDesk(page, desk);
  await dropFile(page, '오늘 송장 (최종).xlsx', file);

  const dialog = page.getByRole('dialog', { name: 'Register invoices from Excel' });
  await expect(dialog.getByText('오늘 송장 (최종).xlsx: 5 rows checked, nothing saved yet.')).toBeVisible(WORK);
  await expect(dialog.getByRole('button', { name: 'Errors (2)' })).toHaveAttribute('aria-pressed', 'true');
  const table = dialog.getByRole('table', { name: 'Rows of the file and their verdicts' });
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(table.locator('tbody tr[data-verdict="error"]').filter({ hasText: 'SD9999999999' })).toContainText(
    'There is no shipment SD9999999999',
  );
  // A rejected number shows as the operator typed it, not as an empty cell.
  const rejected = table.locator('tbody tr[data-verdict="error"]').filter({ hasText: d });
  await expect(rejected.getByRole('cell').nth(3)).toHaveText('As written: 2400-0000-0053');
  await expect(rejected.getByRole('cell').nth(3)).toContainText('2400-0000-0053');
  await dialog.getByRole('button', { name: 'All (5)' }).click();
  await expect(table.locator('tbody tr')).toHaveCount(5);
  await expect(table.locator('tbody tr[data-verdict="ok"]')).toHaveCount(3);
  await page.screenshot({ path: 'test-results/screens/import-preview-en.png' });
  expect(sqlOne<{ status: string }>(desk.core, 'SELECT status FROM shipments WHERE shipment_no = ?', a).status).toBe(
    'AWAITING_INVOICE',
  );

  await dialog.getByRole('button', { name: 'Save 3 rows' }).click();
  await expect(
    dialog.getByText('Saved from 오늘 송장 (최종).xlsx: 3 registered, 0 modified, 0 skipped, 2 failed.'),
  ).toBeVisible(WORK);
  for (const [i, no] of [a, b, c].entries()) {
    expect(
      sqlOne<{ status: string; n: string }>(
        desk.core,
        'SELECT s.status, i.invoice_no AS n FROM shipments s JOIN invoices i ON i.id = s.invoice_id WHERE s.shipment_no = ?',
        no,
      ),
    ).toEqual({ status: 'PREPARING_TO_SHIP', n: numbers[i] });
    expect(historyOf(desk.core, no)).toEqual([expect.objectContaining({ action: 'registered', via: 'excel' })]);
  }

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download the failed rows (2)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const failed = new ExcelJS.Workbook();
  await failed.xlsx.load(new Uint8Array(fs.readFileSync(await download.path())).buffer);
  const sheetText = JSON.stringify(failed.worksheets[0]?.getSheetValues());
  expect(sheetText).toContain('SD9999999999');
  expect(sheetText).toContain(d);
  expect(sheetText).not.toContain(a);

  // Another file right away: the first step again, focus on choosing it.
  await dialog.getByRole('button', { name: 'Import another file' }).click();
  await expect(dialog.getByTestId('drop-zone')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'choose a file' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole('searchbox', { name: 'Search text' }).fill(a);
  await expectTotal(page, 1);
  await expect(row(page, a)).toContainText(numbers[0] ?? 'missing');
  await expect(row(page, a)).toContainText('Registered');
});

test('a locked or legacy workbook is refused in words; the template downloads', async ({ page, desk }) => {
  await openDesk(page, desk);
  await page.getByRole('button', { name: 'Excel import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Register invoices from Excel' });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download the template' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/\.xlsx$/);

  // An OLE/CFB file: what a password-protected .xlsx and a legacy .xls both look like.
  const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 1)]);
  await dialog
    .locator('input[type="file"]')
    .setInputFiles({ name: 'locked.xlsx', mimeType: 'application/octet-stream', buffer: ole });
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The workbook is password-protected or in the old .xls format.', WORK);
  await dialog.getByRole('button', { name: 'Choose another file' }).click();
  await expect(dialog.getByTestId('drop-zone')).toBeVisible();
  // Focus moved into the new step (not lost with the button that went away); Escape still closes,
  // and focus returns to what opened the dialog.
  await expect(dialog.getByRole('button', { name: 'choose a file' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Excel import' })).toBeFocused();
});

test('counts read right for one row: "1 row checked", "Save 1 row", "the failed row (1)"', async ({ page, desk }) => {
  const [a, b] = (
    desk.core.db
      .prepare(
        "SELECT shipment_no AS no FROM shipments WHERE region = 'domestic' AND status = 'AWAITING_INVOICE' ORDER BY ordered_at ASC, id ASC LIMIT 2",
      )
      .all() as { no: string }[]
  ).map((r) => r.no);
  if (!a || !b) throw new Error('not enough shipments awaiting an invoice');
  await openDesk(page, desk);
  await dropFile(page, 'one.xlsx', await workbook([[a, 'Lotte', lotteNumber(7101)]]));
  const dialog = page.getByRole('dialog', { name: 'Register invoices from Excel' });
  await expect(dialog.getByText('one.xlsx: 1 row checked, nothing saved yet.')).toBeVisible(WORK);
  await expect(dialog.getByRole('button', { name: 'Save 1 row', exact: true })).toBeVisible();

  await dialog.getByRole('button', { name: 'Choose another file' }).click();
  await expect(dialog.getByRole('button', { name: 'choose a file' })).toBeFocused();
  await dialog.locator('input[type="file"]').setInputFiles({
    name: 'two.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await workbook([
      [a, 'Lotte', lotteNumber(7101)],
      [b, 'Lotte', '1234'],
    ]),
  });
  await expect(dialog.getByText('two.xlsx: 2 rows checked, nothing saved yet.')).toBeVisible(WORK);
  await expect(dialog.getByRole('button', { name: 'Download the failed row (1)' })).toBeVisible();
  const rejected = dialog.locator('tbody tr[data-verdict="error"]');
  await expect(rejected.getByRole('cell').nth(3)).toHaveText('As written: 1234');
  await page.screenshot({ path: 'test-results/screens/import-rejected-en.png' });
  await dialog.getByRole('button', { name: 'Save 1 row', exact: true }).click();
  await expect(dialog.getByText('Saved from two.xlsx: 1 registered, 0 modified, 0 skipped, 1 failed.')).toBeVisible(
    WORK,
  );
});
