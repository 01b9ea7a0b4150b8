// A sync cycle stores carrier answers in short transactions with the event loop free between them:
// the screen is answered while a group of answers is stored, and every number is stored whole or
// not at all (a failure keeps what was committed before it and nothing of the number that failed).
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SyncCycleSummary } from '../../shared/api/contract';
import { createStationContext } from '../../main/core/poolLink/record';
import { CarrierControls } from '../../main/core/sync/carrierControls';
import { NetworkState } from '../../main/core/sync/network';
import type { ProviderEvent } from '../../main/core/sync/provider';
import { SettleBatch, type PollDeps } from '../../main/core/sync/settle';
import { resolveTuning } from '../../main/core/sync/tuning';
import { startTestCore, type TestCore } from '../support/core';
import { lotteNumber, seedFacets, seedShipments } from '../support/seed';

let core: TestCore;
beforeEach(() => {
  core = startTestCore();
  seedFacets(core.db);
});
afterEach(() => core.cleanup());

const PICKUP: ProviderEvent = {
  time: '2026-11-25T10:00:00+09:00',
  statusCode: 'AT_PICKUP',
  statusName: '집화처리',
  description: null,
  location: '곤지암Hub',
};

function releasedNumbers(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const invoiceNo = lotteNumber(i + 1);
    seedShipments(core.db, [{ status: 'RELEASED', invoice: { carrierId: 'kr.lotte', invoiceNo } }]);
    core.db
      .prepare('INSERT INTO poll_schedule (carrier_id, invoice_no, next_poll_at) VALUES (?, ?, ?)')
      .run('kr.lotte', invoiceNo, core.now.value);
    return { carrierId: 'kr.lotte', invoiceNo };
  });
}

const storedEvents = () => (core.db.prepare('SELECT count(*) AS n FROM tracking_events').get() as { n: number }).n;
const answered = () =>
  (core.db.prepare('SELECT count(*) AS n FROM poll_schedule WHERE last_polled_at IS NOT NULL').get() as { n: number })
    .n;

function settling(order: string[]) {
  const ctx = createStationContext(core.db, () => core.now.value, core.events);
  const tuning = resolveTuning();
  const deps: PollDeps = {
    ctx,
    tuning,
    controls: new CarrierControls(tuning, () => 0, ctx.clock),
    net: new NetworkState(tuning.offlineAfter, null),
    problems: { record: () => undefined },
    random: () => 0.5,
    changed: () => undefined,
    committed: () => void order.push('stored'),
    networkChanged: () => undefined,
  };
  const summary: SyncCycleSummary = { released: 0, polled: 0, eventsStored: 0, statusChanges: 0, errorsByCode: {} };
  // A clock on which every number uses up a whole slice: each is stored in a transaction of its own.
  let t = 0;
  const batch = new SettleBatch(deps, summary, 5, 250, () => (t += 100));
  return { batch, summary };
}

it('answers the grid while a group of carrier answers is being stored', async () => {
  const numbers = releasedNumbers(5);
  const order: string[] = [];
  const { batch, summary } = settling(order);
  let seen = -1;
  for (const key of numbers) batch.add(key, { kind: 'events', events: [PICKUP] }); // the fifth starts the commit
  // A screen's request arriving now is answered before the group is all stored.
  setImmediate(() => {
    void core.ok('shipments.list', { region: 'domestic', limit: 5 }).then(() => {
      seen = storedEvents();
      order.push('list');
    });
  });
  await batch.finish();
  expect(order.filter((e) => e === 'stored')).toHaveLength(5);
  expect(order.indexOf('list')).toBeGreaterThan(0);
  expect(order.indexOf('list')).toBeLessThan(order.lastIndexOf('stored'));
  expect(seen).toBeGreaterThan(0);
  expect(seen).toBeLessThan(5);
  expect(storedEvents()).toBe(5);
  expect(summary).toMatchObject({ polled: 5, eventsStored: 5 });
  expect(batch.errors).toEqual([]);
});

it('a failure keeps the numbers stored before it and nothing of the number that failed', async () => {
  const numbers = releasedNumbers(5);
  const { batch, summary } = settling([]);
  core.db
    .exec(`CREATE TRIGGER fail_third BEFORE INSERT ON tracking_events WHEN new.invoice_no = '${numbers[2]!.invoiceNo}'
                BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
  for (const key of numbers) batch.add(key, { kind: 'events', events: [PICKUP] });
  await batch.finish();
  expect(batch.errors).toHaveLength(1);
  // Numbers 1 and 2 are stored and rescheduled; the third left no trace (it is polled again).
  expect(storedEvents()).toBe(2);
  expect(answered()).toBe(2);
  expect(summary).toMatchObject({ polled: 2, eventsStored: 2 });
});
