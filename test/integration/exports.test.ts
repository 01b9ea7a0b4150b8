// Files Shipdesk writes: the grid with its filters (xlsx and csv, read back equal to the grid),
// formula-looking cells made inert, each channel's upload layout, a shipment's history and the
// driver's list.
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvRecords } from '../../main/core/sheets/readCsv';
import { sampleInvoiceNumber } from '../../main/core/domain/invoiceNumber';
import { GRID_COLUMNS, localTime } from '../../main/core/exports/gridExport';
import type { ShipmentRow } from '../../shared/api/contract';
import { startTestCore, type TestCore } from '../support/core';
import { BASE_TIME, seedFacets, seedShipments } from '../support/seed';
import { cj } from '../fixtures/excel/desk';
import {
  amazonTxt,
  coupangSheet,
  ebayCsv,
  foreignLines,
  koreanLines,
  shopifyCsv,
} from '../fixtures/orders/channelSheets';
import { importOrders } from '../fixtures/orders/desk';

let core: TestCore;
beforeEach(() => {
  core = startTestCore();
  seedFacets(core.db);
});
afterEach(() => core.cleanup());

const HOUR = 3600_000;

async function xlsxRows(bytesBase64: string, sheet?: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(Buffer.from(bytesBase64, 'base64')).buffer);
  const ws = sheet ? wb.getWorksheet(sheet) : wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  const rows: unknown[][] = [];
  const width = ws.getRow(1).cellCount;
  // Empty cells are not stored: a row reads back as long as its last value, so pad it to the header.
  ws.eachRow((row) => rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? '')));
  return rows;
}

function csvRows(bytesBase64: string): string[][] {
  const text = Buffer.from(bytesBase64, 'base64').toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return [...csvRecords(text.slice(1), ',')].filter((r) => r.some((v) => v !== ''));
}

/** What a person reading the grid sees in each column, computed here from the list method's rows. */
function shown(r: ShipmentRow): string[] {
  const carrier = r.carrierId === 'kr.cjlogistics' ? 'CJ대한통운' : r.carrierId === 'kr.lotte' ? '롯데택배' : '';
  return [
    r.shipmentNo,
    r.orderNo,
    localTime(r.orderedAt, 'Asia/Seoul'),
    r.claim,
    r.status,
    r.region,
    r.country,
    r.recipientName,
    r.productSummary,
    String(r.itemCount),
    r.warehouse,
    r.policy,
    r.option,
    carrier,
    r.invoiceNo ?? '',
    r.lastEventAt ? localTime(r.lastEventAt, 'Asia/Seoul') : '',
  ];
}

describe('grid export', () => {
  it('writes every row of the filtered view to xlsx and csv, equal to the grid, formulas inert', async () => {
    seedShipments(core.db, [
      { recipient: '=HYPERLINK("http://x","click")', orderedAt: BASE_TIME - 2 * HOUR },
      { recipient: '＝１＋１', orderedAt: BASE_TIME - 3 * HOUR, warehouse: 'WH-PUS' },
      {
        recipient: '+82 10 1234',
        orderedAt: BASE_TIME - 4 * HOUR,
        invoice: { carrierId: 'kr.cjlogistics', invoiceNo: cj(71), released: false },
        status: 'PREPARING_TO_SHIP',
      },
      { recipient: '@SUM(A1)', orderedAt: BASE_TIME - 5 * HOUR },
      { recipient: '\nline', orderedAt: BASE_TIME - 6 * HOUR },
      { recipient: '김민수', orderedAt: BASE_TIME - 7 * HOUR, country: 'US' },
    ]);
    const query = { tab: 'preparing' as const, region: 'domestic' as const, warehouses: ['WH-ICN'] };
    const grid = await core.ok('shipments.list', { ...query, limit: 500 });
    expect(grid.rows).toHaveLength(4);

    const xlsx = await core.ok('exports.grid', { query, format: 'xlsx' });
    expect(xlsx).toMatchObject({ rows: 4, truncated: false });
    const rows = await xlsxRows(xlsx.bytesBase64);
    expect(rows[0]).toEqual(GRID_COLUMNS.map((c) => c.header));
    const escape = (v: string) => (/^[=+\-@\t\r\n＝＋－＠]/.test(v) ? `'${v}` : v);
    expect(rows.slice(1)).toEqual(grid.rows.map((r) => shown(r).map(escape)));
    // Inert: every cell is plain text; none is a formula.
    expect(rows.flat().every((v) => typeof v === 'string')).toBe(true);
    expect(rows.map((r) => r[7])).toContain(`'=HYPERLINK("http://x","click")`);

    const csv = await core.ok('exports.grid', { query, format: 'csv' });
    const lines = csvRows(csv.bytesBase64);
    expect(lines[0]).toEqual(GRID_COLUMNS.map((c) => c.header));
    expect(lines.slice(1)).toEqual(grid.rows.map((r) => shown(r).map(escape)));
    expect(Buffer.from(csv.bytesBase64, 'base64').toString('utf8')).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
  });

  it('stops at the row cap and says the file is truncated', async () => {
    const { exportGrid } = await import('../../main/core/exports/gridExport');
    const { createStationContext } = await import('../../main/core/poolLink/record');
    seedShipments(
      core.db,
      Array.from({ length: 7 }, (_, i) => ({ orderedAt: BASE_TIME - i * HOUR })),
    );
    const ctx = createStationContext(core.db, () => core.now.value, core.events);
    const capped = await exportGrid(
      ctx,
      { query: { claim: 'all', sort: { key: 'orderDate', dir: 'desc' } }, format: 'csv' },
      undefined,
      5,
    );
    expect(capped).toMatchObject({ rows: 5, truncated: true });
    expect(csvRows(capped.bytesBase64)).toHaveLength(6);
  });
});

describe('channel upload files', () => {
  it("Coupang: the DeliveryList layout with 택배사 and 운송장번호 filled, the download's own cells kept", async () => {
    const result = await importOrders(core, await coupangSheet(koreanLines(2)));
    for (const [i, no] of result.shipmentNos.entries())
      await core.ok('invoices.register', { shipmentNo: no, carrierId: 'kr.cjlogistics', invoiceNo: cj(80 + i) });
    const file = await core.ok('exports.invoices', { channel: 'coupang', date: '2026-11-26' });
    const rows = await xlsxRows(file.bytesBase64, 'Delivery');
    const header = rows[0] as string[];
    const col = (name: string) => header.indexOf(name);
    expect(rows).toHaveLength(4);
    expect(rows[1]![col('택배사')]).toBe('CJ대한통운');
    expect(rows[1]![col('운송장번호')]).toBe(cj(80));
    expect(rows[3]![col('운송장번호')]).toBe(cj(81));
    expect(rows[1]![col('결제액')]).toBe('19800');
    expect(rows[1]![col('배송유형')]).toBe('판매자배송');
    expect(rows[1]![col('묶음배송번호')]).toBe('500000001');
  });

  it('Amazon: the Shipping Confirmation flat file, carrier-code from its list or Other + carrier-name', async () => {
    const result = await importOrders(core, amazonTxt(foreignLines(2, (i) => `114-${1234567 + i}-7654321`)));
    await core.ok('invoices.register', {
      shipmentNo: result.shipmentNos[0]!,
      carrierId: 'us.ups',
      invoiceNo: sampleInvoiceNumber('us.ups', 5),
    });
    await core.ok('invoices.register', {
      shipmentNo: result.shipmentNos[1]!,
      carrierId: 'kr.epost.ems',
      invoiceNo: sampleInvoiceNumber('kr.epost.ems', 6),
    });
    const file = await core.ok('exports.invoices', { channel: 'amazon', date: '2026-11-26' });
    expect(file.fileName).toMatch(/\.txt$/);
    const text = Buffer.from(file.bytesBase64, 'base64').toString('utf8');
    const lines = text
      .replace(/\r\n$/, '')
      .split('\r\n')
      .map((l) => l.split('\t'));
    // The template's header block (docs/ORDERS.md, "Amazon's header block"): three rows above the orders.
    expect(lines[0]).toEqual([
      'TemplateType=OrderFulfillment',
      'Version=2011.1102',
      'The top 3 rows are for Amazon.com use only. Do not modify or delete the top 3 rows.',
    ]);
    expect(lines[1]).toEqual([
      'Order ID',
      'Order Item ID',
      'Quantity',
      'Ship Date',
      'Carrier Code',
      'Carrier Name',
      'Tracking Number',
      'Ship Method',
    ]);
    expect(lines[2]).toEqual([
      'order-id',
      'order-item-id',
      'quantity',
      'ship-date',
      'carrier-code',
      'carrier-name',
      'tracking-number',
      'ship-method',
    ]);
    expect(lines.slice(3)).toEqual([
      ['114-1234567-7654321', '90000000000000', '1', '2026-11-26', 'UPS', '', sampleInvoiceNumber('us.ups', 5), ''],
      [
        '114-1234568-7654321',
        '90000000000010',
        '1',
        '2026-11-26',
        'Other',
        'Korea Post EMS / K-Packet',
        sampleInvoiceNumber('kr.epost.ems', 6),
        '',
      ],
      [
        '114-1234568-7654321',
        '90000000000011',
        '2',
        '2026-11-26',
        'Other',
        'Korea Post EMS / K-Packet',
        sampleInvoiceNumber('kr.epost.ems', 6),
        '',
      ],
    ]);
  });

  it('Shopify and eBay: CSV with order, line, carrier and tracking number', async () => {
    const shop = await importOrders(core, shopifyCsv(foreignLines(1, () => '#5001')));
    await core.ok('invoices.register', {
      shipmentNo: shop.shipmentNos[0]!,
      carrierId: 'us.fedex',
      invoiceNo: sampleInvoiceNumber('us.fedex', 7),
    });
    const shopify = await core.ok('exports.invoices', { channel: 'shopify', date: '2026-11-26' });
    expect(csvRows(shopify.bytesBase64)).toEqual([
      ['Order', 'Line', 'SKU', 'Product', 'Quantity', 'Carrier', 'Tracking Number'],
      ['#5001', '1', 'SKU-0', 'Cotton Tee', '1', 'FedEx', sampleInvoiceNumber('us.fedex', 7)],
    ]);
    expect(shopify.warnings.join(' ')).toMatch(/not confirmed/);

    const bay = await importOrders(core, ebayCsv(foreignLines(1, () => '12-09999-00001')));
    await core.ok('invoices.register', {
      shipmentNo: bay.shipmentNos[0]!,
      carrierId: 'us.usps',
      invoiceNo: sampleInvoiceNumber('us.usps', 8),
    });
    const ebay = await core.ok('exports.invoices', { channel: 'ebay', date: '2026-11-26' });
    expect(csvRows(ebay.bytesBase64)[1]).toEqual([
      'Shipped',
      '12-09999-00001',
      '300000000000',
      'Cotton Tee',
      'SKU-0',
      '90000000000000',
      'USPS',
      sampleInvoiceNumber('us.usps', 8),
    ]);
  });

  it('our generic layout takes every channel', async () => {
    const a = await importOrders(core, await coupangSheet(koreanLines(1, '1100')));
    const b = await importOrders(core, shopifyCsv(foreignLines(1, () => '#7001')));
    await core.ok('invoices.register', {
      shipmentNo: a.shipmentNos[0]!,
      carrierId: 'kr.cjlogistics',
      invoiceNo: cj(91),
    });
    await core.ok('invoices.register', {
      shipmentNo: b.shipmentNos[0]!,
      carrierId: 'us.ups',
      invoiceNo: sampleInvoiceNumber('us.ups', 9),
    });
    const file = await core.ok('exports.invoices', { channel: 'generic', date: '2026-11-26' });
    const rows = await xlsxRows(file.bytesBase64, 'Invoices');
    expect(rows.slice(1).map((r) => [r[0], r[3], r[10]])).toEqual([
      ['coupang', a.shipmentNos[0], cj(91)],
      ['shopify', b.shipmentNos[0], sampleInvoiceNumber('us.ups', 9)],
    ]);
  });
});

describe('desk lists', () => {
  it("a shipment's history and the day's numbers per carrier", async () => {
    const result = await importOrders(core, await coupangSheet(koreanLines(3, '2200')));
    const [a, b, c] = result.shipmentNos;
    await core.ok('invoices.register', { shipmentNo: a!, carrierId: 'kr.cjlogistics', invoiceNo: cj(101) });
    await core.ok('invoices.register', { shipmentNo: b!, carrierId: 'kr.cjlogistics', invoiceNo: cj(102) });
    await core.ok('invoices.register', {
      shipmentNo: c!,
      carrierId: 'kr.lotte',
      invoiceNo: sampleInvoiceNumber('kr.lotte', 103),
    });

    const history = await core.ok('exports.history', { shipmentNo: a!, format: 'csv' });
    const rows = csvRows(history.bytesBase64);
    expect(rows.map((r) => r[1])).toEqual(['작업 Action', 'registered', 'created']);
    expect(rows[1]![3]).toBe(`CJ대한통운 ${cj(101)}`);
    // As xlsx too: exceljs protects the sheet name "History" (Excel's own), so it is not used.
    const historyXlsx = await core.ok('exports.history', { shipmentNo: a!, format: 'xlsx' });
    expect(historyXlsx).toMatchObject({ rows: 2, fileName: `shipdesk-history-${a}.xlsx` });
    const sheetRows = await xlsxRows(historyXlsx.bytesBase64);
    expect(sheetRows.map((r) => r[1])).toEqual(['작업 Action', 'registered', 'created']);
    expect(sheetRows[1]![3]).toBe(`CJ대한통운 ${cj(101)}`);

    const list = await core.ok('exports.driverList', { date: '2026-11-26', format: 'xlsx' });
    expect(list.carriers).toEqual([
      { carrierId: 'kr.cjlogistics', count: 2 },
      { carrierId: 'kr.lotte', count: 1 },
    ]);
    const cjSheet = await xlsxRows(list.bytesBase64, 'CJ대한통운');
    expect(cjSheet.slice(1).map((r) => [r[1], r[2]])).toEqual([
      [cj(101), a],
      [cj(102), b],
    ]);
    const none = await core.ok('exports.driverList', { date: '2026-11-25', format: 'csv' });
    expect(none.rows).toBe(0);
  });
});
