// The status machine (docs/CARRIERS.md "Tracking statuses"), transition by transition, plus properties over random event sets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SHIPMENT_STATUSES, TRACKING_CODES, type TrackingCode } from '../../shared/domain';
import {
  canEditAddress,
  canEditInvoice,
  canRegisterInvoice,
  deriveStatus,
  tabOf,
  whyInvoiceLocked,
  type StatusEvent,
} from '../../main/core/domain/status';

const ev = (at: number, code: TrackingCode): StatusEvent => ({ at, code });
const status = (released: boolean, events: StatusEvent[]) => deriveStatus({ released, events });

describe('status from events', () => {
  it('waits in PREPARING_TO_SHIP until the release is confirmed, then RELEASED', () => {
    expect(status(false, [])).toEqual({ kind: 'status', status: 'PREPARING_TO_SHIP' });
    expect(status(true, [])).toEqual({ kind: 'status', status: 'RELEASED' });
  });

  it('treats UNKNOWN and INFO_RECEIVED as not yet moving', () => {
    expect(status(true, [ev(1, 'INFO_RECEIVED'), ev(2, 'UNKNOWN')])).toEqual({ kind: 'status', status: 'RELEASED' });
  });

  it.each([
    ['AT_PICKUP', 'PROCESSED'],
    ['IN_TRANSIT', 'SHIPPING'],
    ['OUT_FOR_DELIVERY', 'SHIPPING'],
    ['AVAILABLE_FOR_PICKUP', 'SHIPPING'],
    ['ATTEMPT_FAIL', 'FAILED'],
    ['RETURNING', 'FAILED'],
    ['RETURNED', 'FAILED'],
    ['EXCEPTION', 'FAILED'],
    ['DELIVERED', 'DELIVERED'],
  ] as const)('%s moves a released shipment to %s', (code, expected) => {
    expect(status(true, [ev(1, 'INFO_RECEIVED'), ev(2, code)])).toEqual({ kind: 'status', status: expected });
  });

  it('a redelivery moves FAILED back to SHIPPING', () => {
    const failed = [ev(1, 'AT_PICKUP'), ev(2, 'OUT_FOR_DELIVERY'), ev(3, 'ATTEMPT_FAIL')];
    expect(status(true, failed)).toEqual({ kind: 'status', status: 'FAILED' });
    expect(status(true, [...failed, ev(4, 'OUT_FOR_DELIVERY')])).toEqual({ kind: 'status', status: 'SHIPPING' });
  });

  it('a carrier cancellation voids the invoice', () => {
    expect(status(true, [ev(1, 'AT_PICKUP'), ev(2, 'CANCELLED')])).toEqual({ kind: 'cancelled' });
  });

  it('delivered wins over later noise', () => {
    expect(status(true, [ev(1, 'DELIVERED'), ev(5, 'EXCEPTION'), ev(6, 'CANCELLED')])).toEqual({
      kind: 'status',
      status: 'DELIVERED',
    });
  });

  it('out-of-order arrival gives the same status as in-order arrival', () => {
    const inOrder = [ev(1, 'AT_PICKUP'), ev(2, 'IN_TRANSIT'), ev(3, 'ATTEMPT_FAIL')];
    expect(status(true, [...inOrder].reverse())).toEqual(status(true, inOrder));
  });

  it('maps every status to its tab', () => {
    expect(SHIPMENT_STATUSES.map(tabOf)).toEqual([
      'preparing',
      'preparing',
      'preparing',
      'inDelivery',
      'inDelivery',
      'failed',
      'delivered',
    ]);
  });
});

describe('what the operator may do', () => {
  it('registers only while awaiting an invoice', () => {
    expect(SHIPMENT_STATUSES.filter(canRegisterInvoice)).toEqual(['AWAITING_INVOICE']);
  });

  it('modifies and deletes only in PREPARING_TO_SHIP, RELEASED, PROCESSED, SHIPPING', () => {
    expect(SHIPMENT_STATUSES.filter(canEditInvoice)).toEqual([
      'PREPARING_TO_SHIP',
      'RELEASED',
      'PROCESSED',
      'SHIPPING',
    ]);
    expect(whyInvoiceLocked('DELIVERED')).toMatch(/delivered/i);
    expect(whyInvoiceLocked('FAILED')).toMatch(/redeliver or cancel/i);
    expect(whyInvoiceLocked('SHIPPING')).toBeNull();
  });

  it('locks the address once an invoice is active', () => {
    expect(canEditAddress(false)).toBe(true);
    expect(canEditAddress(true)).toBe(false);
  });
});

const codeArb = fc.constantFrom(...TRACKING_CODES);
const eventArb = fc.record({ at: fc.integer({ min: 0, max: 1_000_000 }), code: codeArb });
const eventsArb = fc.array(eventArb, { maxLength: 12 });

describe('properties', () => {
  it('an event older than the newest scan never moves a shipment', () => {
    const silent = new Set<TrackingCode>(['UNKNOWN', 'INFO_RECEIVED']);
    fc.assert(
      fc.property(eventsArb, fc.boolean(), codeArb, fc.nat(), (events, released, code, back) => {
        const scans = events.filter((e) => !silent.has(e.code));
        fc.pre(scans.length > 0);
        const newest = Math.max(...scans.map((e) => e.at));
        const stale = ev(newest - 1 - back, code === 'DELIVERED' ? 'IN_TRANSIT' : code);
        expect(status(released, [...events, stale])).toEqual(status(released, events));
      }),
    );
  });

  it('a stale poll (events already stored, again) never moves a shipment', () => {
    fc.assert(
      fc.property(eventsArb, fc.boolean(), fc.nat(), (events, released, cut) => {
        const stalePoll = events.slice(0, cut % (events.length + 1));
        expect(status(released, [...events, ...stalePoll])).toEqual(status(released, events));
      }),
    );
  });

  it('delivered wins: any set with a DELIVERED event is DELIVERED, whatever comes after', () => {
    fc.assert(
      fc.property(eventsArb, eventsArb, fc.integer({ min: 0, max: 1_000_000 }), (before, after, at) => {
        expect(status(true, [...before, ev(at, 'DELIVERED'), ...after])).toEqual({
          kind: 'status',
          status: 'DELIVERED',
        });
      }),
    );
  });

  it('the order events arrive in never matters', () => {
    fc.assert(
      fc.property(
        eventsArb.chain((events) =>
          fc.tuple(
            fc.constant(events),
            fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
          ),
        ),
        fc.boolean(),
        ([events, shuffled], released) => {
          expect(status(released, shuffled)).toEqual(status(released, events));
        },
      ),
    );
  });

  it('modify/delete are allowed exactly in the four editable statuses', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SHIPMENT_STATUSES), (s) => {
        const allowed = ['PREPARING_TO_SHIP', 'RELEASED', 'PROCESSED', 'SHIPPING'].includes(s);
        expect(canEditInvoice(s)).toBe(allowed);
        expect(whyInvoiceLocked(s) === null).toBe(allowed);
      }),
    );
  });
});
