// Orders in the browser: a Naver sheet dropped on the screen asks for its password, its orders arrive
// in Preparing to Release, one is registered and the Naver upload file carries its number; an unknown
// layout is mapped once; split, merge and the exchange link in the shipment dialog; the list exports.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import type { Core } from '../../main/core/createCore';
import { cj } from '../fixtures/excel/desk';
import { ebayCsv, foreignKoreanSheet, foreignLines, koreanLines, naverSheet } from '../fixtures/orders/channelSheets';
import { expect, test } from './helpers/fixture';
import { expectTotal, openDesk, row, seriousViolations, sqlCount, TIME_ZONE } from './helpers/desk';

test.use({ locale: 'en-US', timezoneId: TIME_ZONE, deskOptions: { demo: { shipments: 200, seed: 41 } } });

async function dropFile(page: Page, name: string, bytes: Buffer) {
  await page.evaluate(
    ({ name, base64 }) => {
      const binary = atob(base64);
      const data = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], name, { type: 'application/octet-stream' }));
      const target = document.getElementById('shipment-grid') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    },
    { name, base64: bytes.toString('base64') },
  );
}

/** Reading a sheet (decrypting it, parsing it in the worker) takes seconds on a busy machine. */
const READ = { timeout: 45_000 };

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search text' });

async function findOrder(page: Page, orderNo: string, count = 1) {
  await page.getByRole('combobox', { name: 'Search by' }).selectOption('orderNo');
  await searchBox(page).fill(orderNo);
  await expectTotal(page, count);
}

async function openShipment(page: Page, shipmentNo: string) {
  await row(page, shipmentNo).getByRole('button', { name: shipmentNo, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Shipment ${shipmentNo}` });
  await expect(dialog.getByRole('heading', { name: 'Invoice', exact: true })).toBeVisible();
  return dialog;
}

/** Imports a sheet through the core, as another station would have. */
async function importThroughCore(core: Core, bytes: Buffer): Promise<string[]> {
  const call = { operator: 'e2e', via: 'excel' as const };
  const preview = await core.dispatch(
    'orders.preview',
    { fileName: 'o.csv', bytesBase64: bytes.toString('base64') },
    call,
  );
  if (!preview.ok) throw new Error(preview.error.message);
  const importId = Reflect.get(Object(preview.value), 'importId');
  const committed = await core.dispatch('orders.commit', { importId }, call);
  if (!committed.ok) throw new Error(committed.error.message);
  const nos: unknown = Reflect.get(Object(committed.value), 'shipmentNos');
  return Array.isArray(nos) ? nos.map(String) : [];
}

test('a dropped Naver sheet asks its password, its orders wait in Preparing to Release, and the Naver file carries the number', async ({
  page,
  desk,
}) => {
  const lines = koreanLines(2, '8800');
  await openDesk(page, desk);
  await dropFile(page, '스마트스토어_전체주문발주발송관리.xlsx', await naverSheet(lines, { password: '0815' }));

  const dialog = page.getByRole('dialog', { name: 'Import orders from a sales channel' });
  await expect(
    dialog.getByRole('heading', { name: '스마트스토어_전체주문발주발송관리.xlsx is password-protected' }),
  ).toBeVisible(READ);
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  await dialog.getByLabel('Password of the sheet').fill('1111');
  await dialog.getByRole('button', { name: 'Open the sheet' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('That password does not open the sheet. Try again.', READ);
  await dialog.getByLabel('Password of the sheet').fill('0815');
  await dialog.getByRole('button', { name: 'Open the sheet' }).click();

  await expect(
    dialog.getByText(/\(naver\): 3 lines checked, nothing saved yet\. Opened with the password\./),
  ).toBeVisible(READ);
  await dialog.getByRole('button', { name: 'Import 3 lines' }).click();
  await expect(dialog.getByRole('status')).toContainText(
    '3 lines imported as 2 new shipments in Preparing to Release',
    READ,
  );
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toHaveCount(0);

  const first = lines[0]!;
  await findOrder(page, first.orderNo);
  const no = await page.locator('.grid-body [role="row"][data-shipment-no]').first().getAttribute('data-shipment-no');
  if (!no) throw new Error('no row for the imported order');
  await expect(row(page, no)).toContainText(first.recipient);

  const shipment = await openShipment(page, no);
  await expect(shipment.getByRole('cell', { name: first.lineId, exact: true })).toBeVisible();
  await shipment.getByLabel('Carrier').selectOption({ label: 'CJ Logistics' });
  await shipment.getByLabel('Invoice No.').fill(cj(515));
  await shipment.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(shipment).toHaveCount(0);
  await expect(row(page, no)).toContainText('Registered');

  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exports = page.getByRole('dialog', { name: 'Export' });
  await exports.getByLabel('Channel', { exact: true }).selectOption('naver');
  await expect(exports.getByLabel('Numbers registered on')).toHaveValue('11/20/2026');
  const downloading = page.waitForEvent('download');
  await exports.getByRole('button', { name: 'Download the upload file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('naver-발송처리-2026-11-20.xlsx');
  await expect(exports.getByRole('status')).toContainText('naver-발송처리-2026-11-20.xlsx downloaded.');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(new Uint8Array(fs.readFileSync(await download.path())).buffer);
  const sheet = book.getWorksheet('발송처리');
  expect(sheet?.getRow(1).values).toEqual([undefined, '상품주문번호', '배송방법', '택배사', '송장번호']);
  expect(sheet?.getRow(2).values).toEqual([undefined, first.lineId, '택배,등기,소포', 'CJ대한통운', cj(515)]);
  expect(sheet?.actualRowCount).toBe(2);
});

test("an eBay report's dates are read in the zone the operator picks, and the zone is kept for the next report", async ({
  page,
  desk,
}) => {
  const lines = foreignLines(2, (i) => `12-0555${i}-0000${i}`);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openDesk(page, desk);
  // A CSV dropped on the grid goes to the invoice import; with the order dialog open it is an order sheet.
  await page.getByRole('button', { name: 'Import orders' }).click();
  await dropFile(page, 'eBay-OrdersReport.csv', ebayCsv(lines));
  const dialog = page.getByRole('dialog', { name: 'Import orders from a sales channel' });
  await expect(dialog.getByText(/\(ebay\): 3 lines checked, nothing saved yet\./)).toBeVisible(READ);
  const zone = dialog.getByLabel("Time zone of the sheet's dates");
  await zone.selectOption('America/Los_Angeles');
  await dialog.getByRole('button', { name: 'Read the dates in this zone' }).click();
  await expect(dialog.getByText(/Order dates are read in America\/Los_Angeles/)).toBeVisible(READ);
  await expect(zone).toHaveValue('America/Los_Angeles');
  await page.screenshot({ path: 'test-results/screens/orders-ebay-zone-en.png' });
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  await dialog.getByRole('button', { name: 'Import 3 lines' }).click();
  await expect(dialog.getByRole('status')).toContainText('3 lines imported', READ);

  // Nov-26-26 is midnight in Los Angeles.
  expect(
    sqlCount(
      desk.core,
      'EXISTS (SELECT 1 FROM orders o WHERE o.id = s.order_id AND o.order_no = ? AND o.ordered_at = ?)',
      lines[1]!.orderNo,
      Date.parse('2026-11-26T08:00:00Z'),
    ),
  ).toBe(1);

  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Import orders' }).click();
  await dropFile(page, 'eBay-OrdersReport-2.csv', ebayCsv(foreignLines(1, () => '12-05559-00009')));
  await expect(dialog.getByLabel("Time zone of the sheet's dates")).toHaveValue('America/Los_Angeles', READ);
});

test('a layout no profile knows is mapped once, saved, and its orders arrive', async ({ page, desk }) => {
  const lines = koreanLines(2, '6600');
  await openDesk(page, desk);
  await page.getByRole('button', { name: 'Import orders' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import orders from a sales channel' });
  await dialog.getByLabel('choose a file').setInputFiles({
    name: '도매처 주문.xlsx',
    mimeType: 'application/octet-stream',
    buffer: await foreignKoreanSheet(lines),
  });

  await expect(
    dialog.getByRole('heading', { name: 'Shipdesk does not know this layout: map its columns once' }),
  ).toBeVisible(READ);
  await expect(dialog.getByLabel('Field for column 받는분', { exact: true })).toHaveValue('recipientName');
  await expect(dialog.getByLabel('Field for column 주문 번호', { exact: true })).toHaveValue('orderNo');
  await dialog.getByLabel('Field for column 품목').selectOption('productName');
  await dialog.getByLabel('Field for column 개수').selectOption('quantity');
  await dialog.getByLabel('Sales channel of these orders').selectOption('own');
  await dialog.getByLabel('Save this mapping as (optional)').fill('도매처 A');
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  await dialog.getByRole('button', { name: 'Check the lines' }).click();

  await expect(dialog.getByText(/\(도매처 A\): 3 lines checked/)).toBeVisible(READ);
  await dialog.getByRole('button', { name: 'Import 3 lines' }).click();
  await expect(dialog.getByText('The mapping was saved as "도매처 A".')).toBeVisible(READ);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await findOrder(page, lines[2]!.orderNo);
});

test('split and merge in the shipment dialog, and the exchange linked both ways', async ({ page, desk }) => {
  const header = 'Order No.,Line ID,Order Date,Recipient,Address,Product,Quantity,Claim,Original Order No.';
  const csv = [
    header,
    'B-500,1,2026-11-19 10:00,Kim,Seoul 1,Tee,1,,',
    'B-500,2,2026-11-19 10:00,Kim,Seoul 1,Shirt,2,,',
    'B-500,3,2026-11-19 10:00,Kim,Seoul 1,Pants,1,,',
    'X-500,1,2026-11-19 12:00,Kim,Seoul 1,Tee,1,exchange,B-500',
  ].join('\n');
  const [original, exchange] = await importThroughCore(desk.core, Buffer.from(csv));
  if (!original || !exchange) throw new Error('the orders were not imported');

  await openDesk(page, desk);
  await findOrder(page, 'B-500');
  let dialog = await openShipment(page, original);
  await dialog.getByRole('button', { name: 'Split into a new shipment…' }).click();
  await dialog.getByLabel('Move line 3 · Pants').check();
  await dialog.getByRole('button', { name: 'Split', exact: true }).click();
  // The new number is read from what the screen says, once it says it (the dialog's other list, the
  // exchange's, is already there before the split answers).
  const said = page.getByText(new RegExp(`^${original} split: SD\\d{10} is the new shipment\\.$`));
  await expect(said).toBeVisible(READ);
  const split = /split: (SD\d{10})/.exec((await said.textContent()) ?? '')?.[1] ?? '';
  expect(split).not.toBe(exchange);
  await expect(dialog.getByRole('button', { name: `Open ${split}` })).toBeVisible();
  await expect(dialog.getByRole('cell', { name: 'Pants' })).toHaveCount(0);

  await dialog.getByRole('button', { name: `Merge ${split} back into this shipment` }).click();
  await expect(page.getByText(`${split} merged into ${original}.`)).toBeVisible(READ);
  await expect(dialog.getByRole('cell', { name: 'Pants' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: `Merge ${split} back into this shipment` })).toHaveCount(0);

  // The other side of the exchange opens from here, and links back.
  await expect(dialog.getByRole('heading', { name: 'Exchanges of this order' })).toBeVisible();
  await dialog.getByRole('button', { name: `Open ${exchange}` }).click();
  dialog = page.getByRole('dialog', { name: `Shipment ${exchange}` });
  await expect(dialog.getByRole('heading', { name: 'Exchange of order B-500' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: `Open ${original}` })).toBeVisible();
});

test('the export buttons download the list as filtered', async ({ page, desk }) => {
  await openDesk(page, desk);
  const first = await page
    .locator('.grid-body [role="row"][data-shipment-no]')
    .first()
    .getAttribute('data-shipment-no');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const exports = page.getByRole('dialog', { name: 'Export' });
  expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  const downloading = page.waitForEvent('download');
  await exports.getByRole('button', { name: 'Download as CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^shipdesk-shipments-.*\.csv$/);
  const text = fs.readFileSync(await download.path(), 'utf8');
  const lines = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n');
  expect(lines[0]).toMatch(/^배송번호 Shipment No\.,주문번호 Order No\./);
  expect(lines[1]?.startsWith(`${first},`)).toBe(true);
  const total = await page.getByTestId('count-preparing').textContent();
  expect(lines.length - 1).toBe(Number((total ?? '').replace(/,/g, '')));
});
