// Storing carrier events and recomputing the status from the stored set: stale, out-of-order and
// duplicate answers, delivered wins, redelivery, cancellation. On a real SQLite file.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStationContext } from '../../main/core/poolLink/record';
import type { ServiceContext } from '../../main/core/services/context';
import { ingestEvents } from '../../main/core/sync/ingest';
import type { ProblemLog } from '../../main/core/sync/problems';
import type { ProviderEvent } from '../../main/core/sync/provider';
import { startTestCore, type TestCore } from '../support/core';
import { lotteNumber, seedFacets, seedShipments } from '../support/seed';

let core: TestCore;
let ctx: ServiceContext;
const problems: ProblemLog = { record: () => {} };
beforeEach(() => {
  core = startTestCore();
  seedFacets(core.db);
  ctx = createStationContext(core.db, () => core.now.value, core.events);
});
afterEach(() => core.cleanup());

const ev = (time: string, code: string | null, name: string, location = '곤지암Hub'): ProviderEvent => ({
  time,
  statusCode: code,
  statusName: name,
  description: null,
  location,
});
const PICKUP = ev('2026-11-24T10:00:00+09:00', 'AT_PICKUP', '집화처리');
const TRANSIT = ev('2026-11-24T20:00:00+09:00', 'IN_TRANSIT', '간선상차');
const OUT = ev('2026-11-25T08:00:00+09:00', 'OUT_FOR_DELIVERY', '배송출발');
const FAIL = ev('2026-11-25T15:00:00+09:00', 'UNKNOWN', '미배달');
const OUT_AGAIN = ev('2026-11-26T08:00:00+09:00', 'OUT_FOR_DELIVERY', '배송출발');
const DELIVERED = ev('2026-11-26T09:00:00+09:00', 'DELIVERED', '배송완료');

function released(serial: number) {
  const invoiceNo = lotteNumber(serial);
  const [shipmentNo] = seedShipments(core.db, [{ status: 'RELEASED', invoice: { carrierId: 'kr.lotte', invoiceNo } }]);
  return { shipmentNo: shipmentNo!, key: { carrierId: 'kr.lotte', invoiceNo } };
}

function ingest(key: { carrierId: string; invoiceNo: string }, events: ProviderEvent[]) {
  return core.db.transaction(() => ingestEvents(ctx, key, events, problems))();
}

const statusOf = (shipmentNo: string) =>
  (core.db.prepare('SELECT status FROM shipments WHERE shipment_no = ?').get(shipmentNo) as { status: string }).status;
const eventCount = (invoiceNo: string) =>
  (core.db.prepare('SELECT count(*) AS n FROM tracking_events WHERE invoice_no = ?').get(invoiceNo) as { n: number }).n;

describe('status from the stored event set', () => {
  it('follows the parcel and reports what moved and what has new events', () => {
    const { shipmentNo, key } = released(1);
    expect(ingest(key, [PICKUP])).toEqual({ stored: 1, moved: [shipmentNo], touched: [shipmentNo], eventCount: 1 });
    expect(statusOf(shipmentNo)).toBe('PROCESSED');
    expect(ingest(key, [PICKUP, TRANSIT, OUT])).toMatchObject({ stored: 2, moved: [shipmentNo] });
    expect(statusOf(shipmentNo)).toBe('SHIPPING');
    expect(ingest(key, [PICKUP, TRANSIT, OUT])).toEqual({ stored: 0, moved: [], touched: [], eventCount: 3 });
  });

  it('a stale answer (older events only) never moves the shipment backwards', () => {
    const { shipmentNo, key } = released(2);
    ingest(key, [PICKUP, TRANSIT, OUT]);
    expect(ingest(key, [PICKUP])).toMatchObject({ stored: 0, moved: [] });
    expect(statusOf(shipmentNo)).toBe('SHIPPING');
  });

  it('duplicates inside one answer are stored once', () => {
    const { key } = released(3);
    expect(ingest(key, [PICKUP, PICKUP, TRANSIT, { ...TRANSIT }]).stored).toBe(2);
  });

  it('delivered wins: later noise is kept but does not move it', () => {
    const { shipmentNo, key } = released(4);
    ingest(key, [PICKUP, DELIVERED]);
    const noise = ev('2026-11-27T10:00:00+09:00', 'EXCEPTION', '주소불명');
    expect(ingest(key, [PICKUP, DELIVERED, noise])).toMatchObject({ stored: 1, moved: [] });
    expect(statusOf(shipmentNo)).toBe('DELIVERED');
    expect(eventCount(key.invoiceNo)).toBe(3);
  });

  it('redelivery: a failed attempt, then out for delivery again, then delivered', () => {
    const { shipmentNo, key } = released(5);
    ingest(key, [PICKUP, TRANSIT, OUT, FAIL]);
    expect(statusOf(shipmentNo)).toBe('FAILED');
    ingest(key, [OUT_AGAIN]);
    expect(statusOf(shipmentNo)).toBe('SHIPPING');
    ingest(key, [DELIVERED]);
    expect(statusOf(shipmentNo)).toBe('DELIVERED');
  });

  it('a carrier cancellation voids the invoice with the carrier words', () => {
    const { shipmentNo, key } = released(6);
    expect(ingest(key, [PICKUP, ev('2026-11-24T12:00:00+09:00', 'UNKNOWN', '접수취소')]).moved).toEqual([shipmentNo]);
    expect(statusOf(shipmentNo)).toBe('AWAITING_INVOICE');
    const h = core.db.prepare('SELECT action, reason FROM history ORDER BY id DESC LIMIT 1').get();
    expect(h).toEqual({
      action: 'voided_by_carrier',
      reason: 'The carrier cancelled this tracking number (접수취소).',
    });
  });

  it('any order, any repetition, any split into answers ends in the same stored set and status', () => {
    const all = [PICKUP, TRANSIT, OUT, FAIL, OUT_AGAIN, DELIVERED];
    const reference = released(100);
    ingest(reference.key, all);
    const expected = { status: statusOf(reference.shipmentNo), events: eventCount(reference.key.invoiceNo) };
    let serial = 200;
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...all), { maxLength: 8 }), { maxLength: 5 }), (answers) => {
        const { shipmentNo, key } = released(serial++);
        for (const answer of [...answers, all]) ingest(key, answer);
        return statusOf(shipmentNo) === expected.status && eventCount(key.invoiceNo) === expected.events;
      }),
      { numRuns: 60 },
    );
  });
});
