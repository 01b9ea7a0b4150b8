// An order sheet's commit runs its one transaction in the commit worker: the grid is answered while
// 10,000 lines are saved, a write sent meanwhile takes its turn after them, and a failure half-way
// leaves the desk as it was.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../support/core';
import { lotteNumber, seedFacets } from '../support/seed';
import { cj } from '../fixtures/excel/desk';
import { coupangSheet, koreanLines, naverSheet } from '../fixtures/orders/channelSheets';
import { countRows, importOrders, previewOrdersOk } from '../fixtures/orders/desk';

let core: TestCore;
beforeEach(() => {
  core = startTestCore();
  seedFacets(core.db);
});
afterEach(() => core.cleanup());

const TABLES = ['orders', 'shipments', 'order_items', 'history'] as const;
const counts = () => TABLES.map((t) => countRows(core, t));

it('answers the grid while a 10,000-line sheet is saved, and queues a registration behind it', async () => {
  // A first, small sheet: one shipment to register on later (and the worker is running).
  const first = await importOrders(core, await naverSheet(koreanLines(1, '2026112500')));
  const preview = await previewOrdersOk(core, await naverSheet(koreanLines(5_001).slice(0, 10_000)));
  expect(preview.totals.toCreate).toBe(10_000);
  const before = await core.ok('shipments.list', { region: 'domestic', limit: 1 });

  // Another program holds the database's write lock: the commit waits for it, in the worker.
  const other = new Database(core.dbPath);
  other.exec('BEGIN IMMEDIATE');
  const order: string[] = [];
  try {
    const commit = core.ok('orders.commit', { importId: preview.importId }).then((c) => (order.push('commit'), c));
    // A turn of the event loop: a commit on the main thread would have run (and waited) whole by now.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const register = core
      .ok('invoices.register', { shipmentNo: first.shipmentNos[0]!, carrierId: 'kr.lotte', invoiceNo: lotteNumber(7) })
      .then((r) => (order.push('register'), r));
    const list = await core.ok('shipments.list', { region: 'domestic', limit: 5 });
    order.push('list');
    // The grid shows the desk as it was before the sheet.
    expect(list.statusCounts).toEqual(before.statusCounts);
    other.exec('COMMIT');
    const [c, r] = await Promise.all([commit, register]);
    expect(order).toEqual(['list', 'commit', 'register']);
    expect(c.created).toEqual({ lines: 10_000, orders: 5_001, shipments: 5_001 });
    expect(r.shipment.status).toBe('PREPARING_TO_SHIP');
  } finally {
    if (other.inTransaction) other.exec('ROLLBACK');
    other.close();
  }
  expect(countRows(core, 'shipments')).toBe(5_002);
  const after = await core.ok('shipments.list', { region: 'domestic', limit: 1 });
  expect(after.statusCounts).toMatchObject({ AWAITING_INVOICE: 5_001, PREPARING_TO_SHIP: 1 });
});

it('a failure half-way through the commit saves nothing and says so; the same preview then commits', async () => {
  const preview = await previewOrdersOk(core, await naverSheet(koreanLines(100)));
  const was = counts();
  // The bookkeeping of line 150 fails after orders, shipments and lines were written in the same transaction.
  core.db.exec(`CREATE TRIGGER fail_orders BEFORE INSERT ON order_import_lines WHEN new.row_no >= 150
                BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
  const res = await core.call('orders.commit', { importId: preview.importId });
  expect(!res.ok && res.error).toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/nothing was saved/) });
  expect(counts()).toEqual(was);
  expect(countRows(core, 'shipments')).toBe(0);
  const batches: unknown = core.db.prepare('SELECT count(*) AS n FROM import_batches').get();
  expect(batches).toEqual({ n: 0 });
  core.db.exec('DROP TRIGGER fail_orders');
  const again = await core.ok('orders.commit', { importId: preview.importId });
  expect(again.created).toEqual({ lines: preview.totals.toCreate, orders: 100, shipments: 100 });
  // Shipment numbers start where they would have: the failed commit handed none out.
  expect(again.shipmentNos[0]).toBe(
    (core.db.prepare('SELECT shipment_no FROM shipments ORDER BY id LIMIT 1').get() as { shipment_no: string })
      .shipment_no,
  );
});

it("a preview hands its lines to the worker ahead of the commit; each commit saves its own sheet's lines, staged or not", async () => {
  // Four previews: the worker keeps the last three sheets' lines, so the first one's commit sends them again.
  const sheets = ['2026112101', '2026112102', '2026112103', '2026112104'].map((prefix) => koreanLines(40, prefix));
  const previews = [];
  for (const lines of sheets) previews.push(await previewOrdersOk(core, await naverSheet(lines)));
  const orderNosOf = (shipmentNos: string[]) =>
    shipmentNos.map(
      (no) =>
        (
          core.db
            .prepare('SELECT o.order_no FROM shipments s JOIN orders o ON o.id = s.order_id WHERE s.shipment_no = ?')
            .get(no) as { order_no: string }
        ).order_no,
    );
  for (const i of [0, 3, 1]) {
    const c = await core.ok('orders.commit', { importId: previews[i]!.importId });
    expect(c.created).toEqual({ lines: sheets[i]!.length, orders: 40, shipments: 40 });
    expect(new Set(orderNosOf(c.shipmentNos))).toEqual(new Set(sheets[i]!.map((l) => l.orderNo)));
  }
  // The same preview committed again finds every line already present and creates nothing.
  const again = await core.ok('orders.commit', { importId: previews[3]!.importId });
  expect(again.created).toEqual({ lines: 0, orders: 0, shipments: 0 });
  expect(again.alreadyPresent).toBe(sheets[3]!.length);
  expect(countRows(core, 'shipments')).toBe(120);
});

/** Lets the worker take the staged lines and check them ahead (it works while the operator reads). */
const readingThePreview = () => new Promise((resolve) => setTimeout(resolve, 300));

it('a parcel shipped between the preview and the commit refuses the line the preview would have added', async () => {
  const lines = koreanLines(1, '4500');
  const first = await importOrders(core, await coupangSheet(lines));
  const [parcel] = first.shipmentNos;
  const extra = { ...lines[0]!, lineId: `${lines[0]!.lineId}9`, productName: '추가 상품' };
  const preview = await previewOrdersOk(core, await coupangSheet([...lines, extra]));
  expect(preview.rows.map((r) => r.code)).toEqual(['ALREADY_PRESENT', 'ADDED_TO_SHIPMENT']);
  await readingThePreview();

  // Registered on the main thread's connection: the check made ahead in the worker is out of date.
  await core.ok('invoices.register', { shipmentNo: parcel!, carrierId: 'kr.cjlogistics', invoiceNo: cj(45) });
  const commit = await core.ok('orders.commit', { importId: preview.importId });
  expect(commit.rows.map((r) => r.code)).toEqual(['ALREADY_PRESENT', 'ALREADY_SHIPPED']);
  expect(commit.created).toEqual({ lines: 0, orders: 0, shipments: 0 });
  expect(commit.changedSincePreview).toBe(1);
  const items = (await core.ok('shipments.get', { shipmentNo: parcel! })).items.map((i) => i.productName);
  expect(items).not.toContain('추가 상품');
});

it('two previews of one sheet: the second commit finds what the first saved, not what its preview saw', async () => {
  const sheet = await naverSheet(koreanLines(30, '2026112201'));
  const early = await previewOrdersOk(core, sheet);
  const late = await previewOrdersOk(core, sheet);
  await readingThePreview();
  const saved = await core.ok('orders.commit', { importId: late.importId });
  expect(saved.created.shipments).toBe(30);
  // Both previews were checked ahead against an empty desk; the commit of the first one must not trust it.
  const again = await core.ok('orders.commit', { importId: early.importId });
  expect(again.created).toEqual({ lines: 0, orders: 0, shipments: 0 });
  expect(again.alreadyPresent).toBe(early.totals.toCreate);
  expect(again.changedSincePreview).toBe(early.totals.toCreate);
  expect(countRows(core, 'shipments')).toBe(30);
});
