// The Shipping Management grid against a generated demo database: tab counts, every filter and
// search compared with SQL, sorting, the virtualised scroll to the last row, the memo tooltip,
// copy, disabled actions with their reason, the details timeline and the history.
// Every test has a desk of its own (a copy of the same demo data, the same fixed "now").
import type { Page } from '@playwright/test';
import { TABS } from '../../shared/domain';
import {
  expectTotal,
  openDesk,
  row,
  seoulDay,
  seriousViolations,
  shownNos,
  sqlCount,
  sqlNos,
  sqlOne,
  table,
  TIME_ZONE,
} from './helpers/desk';
import { expect, test } from './helpers/fixture';

test.use({ deskOptions: { demo: { shipments: 1500, seed: 11 } }, locale: 'en-US', timezoneId: TIME_ZONE });

const DOMESTIC_PREPARING = "s.region = 'domestic' AND s.tab = 'preparing'";
const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search text' });

test('tab counts equal the database, follow the region switch, and tabs move with the arrow keys', async ({
  page,
  desk,
}) => {
  await openDesk(page, desk);
  for (const region of ['domestic', 'international'] as const) {
    if (region === 'international') await page.getByRole('button', { name: 'International' }).click();
    for (const tab of TABS) {
      await expect(page.getByTestId(`count-${tab}`)).toHaveText(
        sqlCount(desk.core, 's.region = ? AND s.tab = ?', region, tab).toLocaleString('en-US'),
      );
    }
  }
  await expectTotal(page, sqlCount(desk.core, "s.region = 'international' AND s.tab = 'preparing'"));
  await page.getByRole('button', { name: 'Domestic' }).click();
  const preparing = page.getByRole('tab', { name: /Preparing to Release/ });
  await preparing.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /In delivery/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: /In delivery/ })).toBeFocused();
  await expectTotal(page, sqlCount(desk.core, "s.region = 'domestic' AND s.tab = 'inDelivery'"));
  await expect(page.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', 'tab-inDelivery');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: /Delivered/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(preparing).toHaveAttribute('aria-selected', 'true');
});

test('sub-statuses are named and always counted by the core, not from the rows that happen to be loaded', async ({
  page,
  desk,
}) => {
  await openDesk(page, desk);
  const breakdown = page.getByRole('list', { name: 'In this tab' });
  await expect(breakdown).toContainText('Awaiting invoice');
  await expect(breakdown).toContainText('Registered (queued for release)');
  await expect(breakdown).toContainText('Released');
  // More rows than the first page: the counts are still the database's.
  const preparing = "s.region = 'domestic' AND s.tab = 'preparing'";
  expect(sqlCount(desk.core, preparing)).toBeGreaterThan(120);
  await expect(page.getByTestId('result-count')).toContainText('loaded');
  for (const status of ['AWAITING_INVOICE', 'PREPARING_TO_SHIP', 'RELEASED']) {
    await expect(page.getByTestId(`sub-${status}`)).toContainText(
      sqlCount(desk.core, `${preparing} AND s.status = ?`, status).toLocaleString('en-US'),
    );
  }
  await page.getByRole('tab', { name: /In delivery/ }).click();
  // Narrowed to one product: the counts follow every filter but the tab.
  const { product } = sqlOne<{ product: string }>(
    desk.core,
    `SELECT i.product_id AS product FROM order_items i JOIN shipments s ON s.id = i.shipment_id
     WHERE s.region = 'domestic' AND s.tab = 'inDelivery' GROUP BY i.product_id ORDER BY count(*) DESC LIMIT 1`,
  );
  await page.getByRole('combobox', { name: 'Search by' }).selectOption('productId');
  await searchBox(page).fill(product);
  const where =
    "s.region = 'domestic' AND s.tab = 'inDelivery' AND s.id IN (SELECT shipment_id FROM order_items WHERE substr(product_id, 1, length(?)) = ?)";
  await expectTotal(page, sqlCount(desk.core, where, product, product));
  for (const status of ['PROCESSED', 'SHIPPING']) {
    await expect(page.getByTestId(`sub-${status}`)).toContainText(
      String(sqlCount(desk.core, `${where} AND s.status = ?`, product, product, status)),
    );
  }
  // A tab of one status has no breakdown.
  await page.getByRole('tab', { name: /Delivered/ }).click();
  await expect(breakdown).toHaveCount(0);
});

test('each search field narrows to exactly the rows the database has', async ({ page, desk }) => {
  await openDesk(page, desk);
  const field = page.getByRole('combobox', { name: 'Search by' });
  const pick = (sql: string) => sqlOne<{ v: string }>(desk.core, sql).v;
  const cases = [
    {
      field: 'shipmentNo',
      value: pick(
        `SELECT shipment_no AS v FROM shipments s WHERE ${DOMESTIC_PREPARING} ORDER BY id DESC LIMIT 1 OFFSET 7`,
      ),
      column: 's.shipment_no',
    },
    { field: 'shipmentNo', value: 'SD00000012', column: 's.shipment_no' },
    {
      field: 'orderNo',
      value: pick(
        `SELECT o.order_no AS v FROM orders o JOIN shipments s ON s.order_id = o.id WHERE ${DOMESTIC_PREPARING} GROUP BY o.id ORDER BY count(*) DESC, o.id LIMIT 1`,
      ),
      column: '(SELECT order_no FROM orders WHERE id = s.order_id)',
    },
    {
      field: 'invoiceNo',
      value: pick(
        `SELECT i.invoice_no AS v FROM invoices i JOIN shipments s ON s.invoice_id = i.id WHERE ${DOMESTIC_PREPARING} LIMIT 1`,
      ),
      column: '(SELECT invoice_no FROM invoices WHERE id = s.invoice_id)',
    },
  ] as const;
  for (const c of cases) {
    await field.selectOption(c.field);
    await searchBox(page).fill(c.value);
    const where = `${DOMESTIC_PREPARING} AND substr(${c.column}, 1, length(?)) = ?`;
    const expected = sqlCount(desk.core, where, c.value, c.value);
    expect(expected, `${c.field} ${c.value} should match something`).toBeGreaterThan(0);
    await expectTotal(page, expected);
    const shown = await shownNos(page);
    expect(shown).toEqual(sqlNos(desk.core, where, [c.value, c.value], undefined, shown.length));
  }
  // Scanner-style noise in a shipment no. is ignored: lower case, hyphens, spaces.
  const no = cases[0].value;
  await field.selectOption('shipmentNo');
  await searchBox(page).fill(`${no.slice(0, 6).toLowerCase()}-${no.slice(6, 9)} ${no.slice(9)}`);
  await expectTotal(page, 1);
  expect(await shownNos(page)).toEqual([no]);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Shipment No.');
});

test('odd search text is plain text: over-long, control characters, emoji, SQL', async ({ page, desk }) => {
  await openDesk(page, desk);
  const before = sqlCount(desk.core, '1');
  await page.getByRole('combobox', { name: 'Search by' }).selectOption('orderNo');
  for (const text of [
    "' OR 1=1; DROP TABLE shipments; --",
    '📦🚚 택배',
    'SD\u0000\u0007\u001b[31m',
    '%_%',
    'x'.repeat(500),
  ]) {
    await searchBox(page).fill(text);
    await expect(searchBox(page)).toHaveValue(text.slice(0, 200));
    await expectTotal(page, 0);
    await expect(page.getByText('No shipments match these filters.')).toBeVisible();
    await expect(page.getByText('Could not load the shipments.')).toHaveCount(0);
  }
  await expect(page.getByText('Only the first 200 characters are searched.')).toBeVisible();
  expect(sqlCount(desk.core, '1')).toBe(before);
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expectTotal(page, sqlCount(desk.core, DOMESTIC_PREPARING));
});

test('dates, presets, order type and the Optional panel narrow to the SQL rows; chips survive a restart', async ({
  page,
  desk,
}) => {
  await openDesk(page, desk);
  let where = DOMESTIC_PREPARING;
  const params: unknown[] = [];
  const check = async () => {
    const total = sqlCount(desk.core, where, ...params);
    await expectTotal(page, total);
    const shown = await shownNos(page);
    expect(shown.length).toBeGreaterThanOrEqual(Math.min(total, 15));
    expect(shown).toEqual(sqlNos(desk.core, where, params, undefined, shown.length));
  };

  await page.getByRole('button', { name: '30 days' }).click();
  await expect(page.getByRole('button', { name: '30 days' })).toHaveAttribute('aria-pressed', 'true');
  where += ' AND s.order_day BETWEEN ? AND ?';
  params.push(seoulDay(29, desk.now), seoulDay(0, desk.now));
  await check();

  await page.getByRole('combobox', { name: 'Order type' }).selectOption('general');
  where += " AND s.claim = 'general'";
  await check();

  await page.getByRole('button', { name: 'Optional' }).click();
  const panel = page.getByRole('group', { name: 'Warehouse' });
  await panel.getByRole('checkbox', { name: /Incheon/ }).check();
  await page
    .getByRole('group', { name: 'Delivery policy' })
    .getByRole('checkbox', { name: /Free shipping/ })
    .check();
  await page
    .getByRole('group', { name: 'Delivery policy' })
    .getByRole('checkbox', { name: /Standard/ })
    .check();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('button', { name: 'Optional (3)' })).toHaveAttribute('aria-expanded', 'false');
  where +=
    " AND s.warehouse_id = (SELECT id FROM warehouses WHERE code = 'WH-ICN') AND s.policy_id IN (SELECT id FROM delivery_policies WHERE code IN ('FREE', 'STD'))";
  await check();

  const chips = page.getByRole('list', { name: 'Active filters' }).getByRole('listitem');
  await expect(chips.filter({ hasText: 'Order date' })).toHaveCount(1);
  await expect(chips.filter({ hasText: 'General' })).toHaveCount(1);
  await expect(chips.filter({ hasText: 'Incheon' })).toHaveCount(1);
  await expect(chips.filter({ hasText: 'Free shipping' })).toHaveCount(1);
  await expect(chips.filter({ hasText: 'Standard' })).toHaveCount(1);

  // A restart: the same filters, the same rows.
  await page.reload();
  await expect(chips.filter({ hasText: 'Incheon' })).toHaveCount(1);
  await check();

  await page.getByRole('button', { name: /^Remove filter: 일반배송 Standard/ }).click();
  where = where.replace("IN ('FREE', 'STD')", "IN ('FREE')");
  await check();

  // A custom range typed into the date fields, then a backwards one is refused beside the fields.
  await page.getByLabel('Order date from').fill(seoulDay(10, desk.now));
  await page.getByLabel('Order date to').fill(seoulDay(3, desk.now));
  params.splice(0, 2, seoulDay(10, desk.now), seoulDay(3, desk.now));
  await check();
  await page.getByLabel('Order date from').fill(seoulDay(1, desk.now));
  await expect(page.getByText('The end date is before the start date.')).toBeVisible();
  await expect(page.getByLabel('Order date from')).toHaveAttribute('aria-invalid', 'true');

  await page.getByRole('button', { name: 'Clear all filters' }).click();
  await expectTotal(page, sqlCount(desk.core, DOMESTIC_PREPARING));
  await expect(page.getByRole('list', { name: 'Active filters' })).toHaveCount(0);
});

test('Shipment No. and Order date sort both ways, as the database orders them', async ({ page, desk }) => {
  await openDesk(page, desk);
  const header = (name: string) => page.getByRole('columnheader', { name });
  await expect(header('Order date')).toHaveAttribute('aria-sort', 'descending');
  await page.getByRole('button', { name: 'Shipment No.' }).click();
  await expect(header('Shipment No.')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header('Order date')).toHaveAttribute('aria-sort', 'none');
  await expect
    .poll(() => shownNos(page).then((n) => n.slice(0, 15)))
    .toEqual(sqlNos(desk.core, DOMESTIC_PREPARING, [], 's.shipment_no ASC', 15));
  await page.getByRole('button', { name: 'Shipment No.' }).click();
  await expect
    .poll(() => shownNos(page).then((n) => n.slice(0, 15)))
    .toEqual(sqlNos(desk.core, DOMESTIC_PREPARING, [], 's.shipment_no DESC', 15));
  await page.getByRole('button', { name: 'Order date' }).click();
  await expect(header('Order date')).toHaveAttribute('aria-sort', 'descending');
  await page.getByRole('button', { name: 'Order date' }).click();
  await expect(header('Order date')).toHaveAttribute('aria-sort', 'ascending');
  await expect
    .poll(() => shownNos(page).then((n) => n.slice(0, 15)))
    .toEqual(sqlNos(desk.core, DOMESTIC_PREPARING, [], 's.ordered_at ASC, s.id ASC', 15));
});

test('the grid is virtualised: few rows in the DOM, keyset pages load while scrolling to the very last row', async ({
  page,
  desk,
}) => {
  await openDesk(page, desk);
  await page.getByRole('tab', { name: /Delivered/ }).click();
  const where = "s.region = 'domestic' AND s.tab = 'delivered'";
  const total = sqlCount(desk.core, where);
  expect(total).toBeGreaterThan(500);
  await expectTotal(page, total);
  const inDom = page.locator('.grid-body [role="row"]');
  expect(await inDom.count()).toBeLessThan(45);
  const last = sqlNos(desk.core, where, [], 's.ordered_at ASC, s.id ASC', 1)[0];
  const scroller = page.locator('#shipment-grid');
  await expect
    .poll(
      async () => {
        await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight));
        return row(page, last ?? '').count();
      },
      { timeout: 20_000 },
    )
    .toBe(1);
  await expect(row(page, last ?? '')).toHaveAttribute('aria-rowindex', String(total + 1));
  expect(await inDom.count()).toBeLessThan(45);
  // Half way back up: rows are there (already loaded), in the database's order.
  await scroller.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
  // The rows follow the scroll on the next render: compare once the window has moved.
  await expect
    .poll(
      async () => {
        const shown = await shownNos(page);
        const firstIndex = Number(
          await page.locator('.grid-body [role="row"][data-shipment-no]').first().getAttribute('aria-rowindex'),
        );
        if (!shown.length || firstIndex > total / 2 + 40) return 'window not moved yet';
        const expected = (
          desk.core.db
            .prepare(
              `SELECT s.shipment_no AS no FROM shipments s WHERE ${where} ORDER BY s.ordered_at DESC, s.id DESC LIMIT ? OFFSET ?`,
            )
            .all(shown.length, firstIndex - 2) as { no: string }[]
        ).map((r) => r.no);
        return shown.join(',') === expected.join(',')
          ? 'in database order'
          : `shown ${shown.join(',')} expected ${expected.join(',')}`;
      },
      { timeout: 10_000 },
    )
    .toBe('in database order');
});

test('the memo icon shows the shipping request on hover and on keyboard focus', async ({ page, desk }) => {
  await openDesk(page, desk);
  const memoRow = page
    .locator('.grid-body [role="row"]')
    .filter({ has: page.getByRole('button', { name: 'Shipping request' }) })
    .first();
  const shipmentNo = (await memoRow.getAttribute('data-shipment-no')) ?? '';
  const { memo } = sqlOne<{ memo: string }>(desk.core, 'SELECT memo FROM shipments WHERE shipment_no = ?', shipmentNo);
  const icon = memoRow.getByRole('button', { name: 'Shipping request' });
  await icon.hover();
  const tip = page.getByRole('tooltip');
  await expect(tip).toContainText(memo);
  await page.mouse.move(5, 5);
  await expect(tip).toHaveCount(0);

  await memoRow.getByRole('button', { name: shipmentNo, exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(icon).toBeFocused();
  await expect(tip).toContainText(memo);
  const tipId = await tip.getAttribute('id');
  await expect(icon).toHaveAttribute('aria-describedby', tipId ?? 'missing');
  await page.keyboard.press('Escape');
  await expect(tip).toHaveCount(0);
});

test.describe('with the clipboard', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
  test('Copy puts the invoice number on the clipboard and says so', async ({ page, desk }) => {
    await openDesk(page, desk);
    await page.getByRole('tab', { name: /In delivery/ }).click();
    const first = page.locator('.grid-body [role="row"][data-shipment-no]').first();
    const shipmentNo = (await first.getAttribute('data-shipment-no')) ?? '';
    const { invoice_no: invoiceNo } = sqlOne<{ invoice_no: string }>(
      desk.core,
      'SELECT i.invoice_no FROM shipments s JOIN invoices i ON i.id = s.invoice_id WHERE s.shipment_no = ?',
      shipmentNo,
    );
    await first.getByRole('button', { name: `Copy invoice number ${invoiceNo}` }).click();
    await expect(first.getByText('Copied')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: `${invoiceNo} copied to the clipboard.` })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(invoiceNo);
  });
});

test('pencil and wastebasket are disabled with the reason when the status forbids them', async ({ page, desk }) => {
  await openDesk(page, desk);
  const cases = [
    { tab: /Delivered/, reason: 'The parcel was delivered; its invoice can no longer be changed.' },
    {
      tab: /Shipping failed/,
      reason: 'Delivery failed; wait for the carrier to redeliver or cancel before changing the invoice.',
    },
    { tab: /Preparing to Release/, reason: 'This shipment has no invoice yet.' },
  ];
  for (const c of cases) {
    await page.getByRole('tab', { name: c.tab }).click();
    await expect(table(page)).toHaveAttribute('data-busy', 'false');
    const target = c.reason.startsWith('This shipment')
      ? page.locator('.grid-body [role="row"][data-status="AWAITING_INVOICE"]').first()
      : page.locator('.grid-body [role="row"][data-shipment-no]').first();
    for (const name of ['Modify invoice', 'Delete invoice']) {
      const button = target.getByRole('button', { name });
      await expect(button).toBeDisabled();
      await button.hover();
      await expect(page.getByRole('tooltip')).toContainText(c.reason);
      await button.click({ force: true });
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await page.mouse.move(5, 5);
    }
  }
  await page.getByRole('tab', { name: /In delivery/ }).click();
  await expect(
    page.locator('.grid-body [role="row"][data-shipment-no]').first().getByRole('button', { name: 'Modify invoice' }),
  ).toBeEnabled();
});

test.describe('away from the carrier’s time zone', () => {
  test.use({ timezoneId: 'America/New_York' });
  test('View Shipment Details shows the timeline in the carrier’s time and the operator’s (screenshot)', async ({
    page,
    desk,
  }) => {
    const {
      shipment_no: shipmentNo,
      carrier_id: carrierId,
      invoice_no: invoiceNo,
    } = sqlOne<{ shipment_no: string; carrier_id: string; invoice_no: string }>(
      desk.core,
      `SELECT s.shipment_no, i.carrier_id, i.invoice_no FROM shipments s JOIN invoices i ON i.id = s.invoice_id
       WHERE s.region = 'domestic' AND s.tab = 'delivered' AND (SELECT count(*) FROM tracking_events e WHERE e.carrier_id = i.carrier_id AND e.invoice_no = i.invoice_no) >= 3
       ORDER BY s.ordered_at DESC LIMIT 1`,
    );
    const events = desk.core.db
      .prepare(
        'SELECT at, zone, code FROM tracking_events WHERE carrier_id = ? AND invoice_no = ? ORDER BY at DESC, id DESC',
      )
      .all(carrierId, invoiceNo) as { at: number; zone: string; code: string }[];
    await openDesk(page, desk);
    await page.getByRole('tab', { name: /Delivered/ }).click();
    await page.getByRole('combobox', { name: 'Search by' }).selectOption('shipmentNo');
    await searchBox(page).fill(shipmentNo);
    await expectTotal(page, 1);
    await row(page, shipmentNo).getByRole('button', { name: 'View shipment details' }).click();
    const dialog = page.getByRole('dialog', { name: `Shipment details: ${shipmentNo}` });
    await expect(dialog.getByRole('row')).toHaveCount(events.length + 1);
    const latest = events[0];
    if (!latest) throw new Error('no events');
    const pad = (n: number) => String(n).padStart(2, '0');
    const seoul = new Date(latest.at + 9 * 3600_000);
    const carrierTime = `${pad(seoul.getUTCMonth() + 1)}/${pad(seoul.getUTCDate())}/${seoul.getUTCFullYear()}, ${pad(seoul.getUTCHours())}:${pad(seoul.getUTCMinutes())} (UTC+09:00)`;
    const local = new Intl.DateTimeFormat('en-US', {
      timeZone: 'America/New_York',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(latest.at));
    const first = dialog.getByRole('row').nth(1);
    await expect(first.getByRole('cell').nth(0)).toHaveText(carrierTime);
    await expect(first.getByRole('cell').nth(1)).toHaveText(local);
    await expect(first.getByRole('cell').nth(2)).toHaveText('Delivered');
    await expect(dialog.getByRole('columnheader', { name: /Your time \(GMT-[45]\)/ })).toBeVisible();
    await page.screenshot({ path: 'test-results/screens/details-timeline-en.png' });
  });
});

test('History lists every change with before → after, operator, via, time and reason (screenshot)', async ({
  page,
  desk,
}) => {
  const { shipment_no: shipmentNo, tab } = sqlOne<{ shipment_no: string; tab: string }>(
    desk.core,
    `SELECT s.shipment_no, s.tab FROM history h JOIN shipments s ON s.id = h.shipment_id
     WHERE s.region = 'domestic' GROUP BY s.id HAVING count(DISTINCT h.action) >= 2 ORDER BY count(*) DESC, s.id LIMIT 1`,
  );
  const entries = desk.core.db
    .prepare(
      'SELECT h.action, h.operator, h.via, h.before_json, h.after_json FROM history h JOIN shipments s ON s.id = h.shipment_id WHERE s.shipment_no = ? ORDER BY h.id DESC',
    )
    .all(shipmentNo) as {
    action: string;
    operator: string;
    via: string;
    before_json: string | null;
    after_json: string | null;
  }[];
  await openDesk(page, desk);
  await page
    .getByRole('tab', {
      name: new RegExp(
        `^${{ preparing: 'Preparing', inDelivery: 'In delivery', failed: 'Shipping failed', delivered: 'Delivered' }[tab]}`,
      ),
    })
    .click();
  await searchBox(page).fill(shipmentNo);
  await expectTotal(page, 1);
  await row(page, shipmentNo).getByRole('button', { name: 'History' }).click();
  const dialog = page.getByRole('dialog', { name: `History: ${shipmentNo}` });
  const rows = dialog.getByRole('row');
  await expect(rows).toHaveCount(entries.length + 1);
  const labels: Record<string, string> = {
    registered: 'Registered',
    modified: 'Modified',
    deleted: 'Deleted',
    voided_by_carrier: 'Voided by carrier',
    address_changed: 'Address changed',
  };
  const vias: Record<string, string> = { manual: 'by hand', scan: 'scanner', excel: 'Excel', api: 'API' };
  for (const [i, e] of entries.entries()) {
    const cells = rows.nth(i + 1).getByRole('cell');
    await expect(cells.nth(1)).toHaveText(labels[e.action] ?? e.action);
    await expect(cells.nth(3)).toHaveText(e.operator);
    await expect(cells.nth(4)).toHaveText(vias[e.via] ?? e.via);
    const before = e.before_json ? (JSON.parse(e.before_json) as { invoiceNo?: string }).invoiceNo : undefined;
    const after = e.after_json ? (JSON.parse(e.after_json) as { invoiceNo?: string }).invoiceNo : undefined;
    if (before) await expect(cells.nth(2)).toContainText(before);
    if (after) await expect(cells.nth(2)).toContainText(after);
  }
  await page.screenshot({ path: 'test-results/screens/history-en.png' });
});

test('fits 1366x768 and 1920x1080 without sideways scrolling, and nothing jumps when rows arrive', async ({
  page,
  desk,
}) => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(viewport);
    await openDesk(page, desk);
    const fits = await page.locator('#shipment-grid').evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits, `no horizontal scroll at ${viewport.width}`).toBe(true);
    const headerTop = await page.locator('.grid-head').evaluate((el) => el.getBoundingClientRect().top);
    await searchBox(page).fill('SD00000011');
    await expect(page.getByRole('list', { name: 'Active filters' })).toBeVisible();
    await expectTotal(
      page,
      sqlCount(desk.core, `${DOMESTIC_PREPARING} AND substr(s.shipment_no, 1, 10) = 'SD00000011'`),
    );
    expect(await page.locator('.grid-head').evaluate((el) => el.getBoundingClientRect().top)).toBe(headerTop);
    if (viewport.width === 1920) await page.screenshot({ path: 'test-results/screens/main-en-1920.png' });
  }
});

// axe walks the whole page: on a loaded two-core machine one run takes tens of seconds, so these
// tests have a larger budget, and the screen and the dialog are checked in tests of their own.
test.describe('accessibility', () => {
  test.describe.configure({ timeout: 240_000 });

  test('the main screen has no serious accessibility problems (screenshot, English)', async ({ page, desk }) => {
    await openDesk(page, desk);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/screens/main-en.png' });
  });

  test('the invoice dialog has no serious accessibility problems (screenshot, English)', async ({ page, desk }) => {
    await openDesk(page, desk);
    const awaiting = page.locator('.grid-body [role="row"][data-status="AWAITING_INVOICE"]').first();
    await awaiting.getByRole('button', { name: /^SD\d{10}$/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Shipment SD/ });
    await dialog.getByLabel('Carrier').selectOption({ label: 'Lotte' });
    await dialog.getByLabel('Invoice No.').fill('2400-0000-0053');
    await expect(dialog.locator('.field-text')).toHaveText(/^The check digit does not match: .+ for a Lotte number\./);
    expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
    await page.screenshot({ path: 'test-results/screens/dialog-en.png' });
  });

  test.describe('in Korean', () => {
    test.use({ locale: 'ko-KR' });
    test('speaks Korean, with Korean dates and numbers, and stays accessible (screenshot)', async ({ page, desk }) => {
      await openDesk(page, desk);
      await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
      await expect(page.getByRole('heading', { level: 1, name: '배송 관리' })).toBeVisible();
      for (const name of ['출고 준비', '배송중', '배송 실패', '배송 완료'])
        await expect(page.getByRole('tab', { name: new RegExp(`^${name}`) })).toBeVisible();
      for (const name of ['배송번호', '주문번호', '주문일시', '송장번호', '상태'])
        await expect(page.getByRole('columnheader', { name })).toBeVisible();
      await expect(page.getByRole('button', { name: '국내' })).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByRole('searchbox', { name: '검색어' })).toBeVisible();
      await expect(
        page.locator('.grid-body [role="row"][data-shipment-no]').first().getByRole('cell').nth(2),
      ).toHaveText(/^\d{2}\.\d{2}\.\d{2} \d{2}:\d{2}$/);
      await expect(page.getByTestId('count-delivered')).toHaveText(
        sqlCount(desk.core, "s.region = 'domestic' AND s.tab = 'delivered'").toLocaleString('ko-KR'),
      );
      await expect(page.locator('.grid-body [data-status="AWAITING_INVOICE"]').first()).toContainText('송장 입력 대기');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: 'test-results/screens/main-ko.png' });
    });

    test('the invoice dialog speaks Korean and stays accessible (screenshot)', async ({ page, desk }) => {
      await openDesk(page, desk);
      await page
        .locator('.grid-body [role="row"][data-status="AWAITING_INVOICE"]')
        .first()
        .getByRole('button', { name: /^SD\d{10}$/ })
        .click();
      const dialog = page.getByRole('dialog', { name: /^배송 건 SD/ });
      await dialog.getByLabel('택배사').selectOption({ label: '롯데택배' });
      await dialog.getByLabel('송장번호').fill('12');
      await expect(dialog.locator('.field-text')).toHaveText('롯데택배 송장번호로는 너무 짧습니다(2자).');
      await expect(dialog.getByRole('button', { name: '등록', exact: true })).toBeVisible();
      expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
      await page.screenshot({ path: 'test-results/screens/dialog-ko.png' });
    });
  });
});
