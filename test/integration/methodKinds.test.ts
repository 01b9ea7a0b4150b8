// Every write runs the desk's after-write step, whatever method made it (docs/ARCHITECTURE.md "The
// contract and the dispatcher"): the outbox runs, the status bar hears of it, a pool member's link
// wakes. An address change used to skip it, so carrier work that was waiting stayed waiting.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReleaseConnector, SendResult } from '../../main/core/sync/outbox';
import { startTestCore, type TestCore } from '../support/core';
import { lotteNumber, seedFacets, seedShipments } from '../support/seed';

let core: TestCore | null = null;
afterEach(() => core?.cleanup());

/** A carrier that asks for patience once, then takes every release. */
function busyOnceCarrier(): ReleaseConnector & { sent: number } {
  const carrier = {
    sent: 0,
    async send(): Promise<SendResult> {
      carrier.sent++;
      if (carrier.sent === 1)
        return { ok: false, permanent: false, reason: 'busy, try again in a minute', retryAfterMs: 60_000 };
      return { ok: true };
    },
  };
  return carrier;
}

/** Waits, without a fixed sleep, until the carrier has been asked `times` times (the outbox runs after the call answers). */
const sentTimes = (carrier: { sent: number }, times: number) =>
  vi.waitFor(() => expect(carrier.sent).toBe(times), { timeout: 5_000, interval: 10 });

async function waitingRelease(): Promise<{
  core: TestCore;
  carrier: ReturnType<typeof busyOnceCarrier>;
  nos: string[];
}> {
  const carrier = busyOnceCarrier();
  core = startTestCore({ autoRelease: true, releaseConnector: carrier });
  seedFacets(core.db);
  const nos = seedShipments(core.db, [{}, {}, {}]);
  await core.ok('invoices.register', { shipmentNo: nos[0]!, carrierId: 'kr.lotte', invoiceNo: lotteNumber(31) });
  await sentTimes(carrier, 1);
  expect((await core.ok('shipments.get', { shipmentNo: nos[0]! })).status).toBe('PREPARING_TO_SHIP');
  // The minute the carrier asked for has passed; nothing has run the outbox since.
  core.now.value += 10 * 60_000;
  return { core, carrier, nos };
}

describe('the step after a write', () => {
  it('follows a registration: the waiting release goes out with it', async () => {
    const { core, carrier, nos } = await waitingRelease();
    await core.ok('invoices.register', { shipmentNo: nos[1]!, carrierId: 'kr.lotte', invoiceNo: lotteNumber(32) });
    await sentTimes(carrier, 3);
    expect((await core.ok('shipments.get', { shipmentNo: nos[0]! })).status).toBe('RELEASED');
  });

  it('follows an address change the same way', async () => {
    const { core, carrier, nos } = await waitingRelease();
    await core.ok('shipments.updateAddress', {
      shipmentNo: nos[2]!,
      address: { country: 'KR', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '' },
    });
    await sentTimes(carrier, 2);
    expect((await core.ok('shipments.get', { shipmentNo: nos[0]! })).status).toBe('RELEASED');
  });
});
