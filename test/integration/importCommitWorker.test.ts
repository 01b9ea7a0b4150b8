// An import commit runs its one transaction in the commit worker: the main thread answers the grid
// while it runs, a registration sent meanwhile takes its turn after it, and a failure in the worker
// leaves the database as it was.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../support/core';
import { lotteNumber, seedFacets } from '../support/seed';
import { awaiting, cj, count, previewOk } from '../fixtures/excel/desk';
import { ENGLISH_HEADER, sheet } from '../fixtures/excel/workbooks';

let core: TestCore;
beforeEach(() => {
  core = startTestCore();
  seedFacets(core.db);
});
afterEach(() => core.cleanup());

it('answers the grid during the commit and queues a registration behind it', async () => {
  const nos = awaiting(core, 1_001);
  const fileNos = nos.slice(0, 1_000);
  const p = await previewOk(
    core,
    await sheet(
      ENGLISH_HEADER,
      fileNos.map((no, i) => [no, 'kr.cjlogistics', cj(i + 1)]),
      { textColumns: [1, 3] },
    ),
  );
  const order: string[] = [];
  const commit = core.ok('imports.commit', { importId: p.importId }).then((c) => (order.push('commit'), c));
  // The grid is served by the main thread while the worker writes (its answer cannot arrive sooner).
  const list = core.ok('shipments.list', { region: 'domestic', limit: 5 }).then((l) => (order.push('list'), l));
  // A write sent meanwhile waits its turn, asynchronously, and then succeeds.
  const register = core
    .ok('invoices.register', { shipmentNo: nos[1_000]!, carrierId: 'kr.lotte', invoiceNo: lotteNumber(1) })
    .then((r) => (order.push('register'), r));
  const [c, l, r] = await Promise.all([commit, list, register]);
  expect(order).toEqual(['list', 'commit', 'register']);
  expect(l.rows).toHaveLength(5);
  expect(c.registered).toBe(1_000);
  expect(r.shipment.status).toBe('PREPARING_TO_SHIP');
  expect(count(core, "SELECT count(*) AS n FROM invoices WHERE active = 1 AND via = 'excel'")).toBe(1_000);
  // The counters and search keys the triggers keep were written in the worker's transaction too.
  const after = await core.ok('shipments.list', { region: 'domestic' });
  expect(after.statusCounts).toMatchObject({ AWAITING_INVOICE: 0, PREPARING_TO_SHIP: 1_001 });
});

it('a failure inside the worker saves nothing and says so', async () => {
  const nos = awaiting(core, 3);
  const p = await previewOk(
    core,
    await sheet(
      ENGLISH_HEADER,
      nos.map((no, i) => [no, 'kr.cjlogistics', cj(i + 1)]),
      { textColumns: [1, 3] },
    ),
  );
  // The third row's bookkeeping fails after two registrations were written in the same transaction.
  core.db.exec(`CREATE TRIGGER fail_import BEFORE INSERT ON import_rows WHEN new.row_no = 4
                BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
  const res = await core.call('imports.commit', { importId: p.importId });
  expect(!res.ok && res.error).toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/nothing was saved/) });
  expect(count(core, 'SELECT count(*) AS n FROM invoices')).toBe(0);
  expect(count(core, 'SELECT count(*) AS n FROM import_batches')).toBe(0);
  // The desk goes on working.
  core.db.exec('DROP TRIGGER fail_import');
  const again = await core.ok('imports.commit', { importId: p.importId });
  expect(again.registered).toBe(3);
});
