// Offline is a state, not an error: while the network is down registrations are still accepted and
// queued, the status bar hears about it, requests are limited to probes, and when the network is back
// the queue drains in order (never a withdraw before its release) with every action keeping its time.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleInvoiceNumber } from '../../main/core/domain/invoiceNumber';
import type { PushEvent } from '../../shared/api/contract';
import { startSyncHarness, type SyncHarness } from '../fake-carrier/harness';
import { scriptedTimeline } from '../../main/demoCarrier/timelines';
import { seedShipments } from '../support/seed';

const MIN = 60_000;
let h: SyncHarness;
beforeEach(async () => {
  h = await startSyncHarness();
});
afterEach(() => h.cleanup());

const syncStates = (pushes: PushEvent[]) => pushes.flatMap((e) => (e.type === 'sync.state' ? [e] : []));

describe('offline for a while, then back', () => {
  it('keeps accepting work, shows offline with the queue length, then drains in order', async () => {
    const [a, b, c] = await h.registerMany(['kr.cjlogistics', 'kr.hanjin', 'kr.lotte'], 1);
    for (const p of [a!, b!, c!])
      h.fake.script(p.carrierId, p.invoiceNo, scriptedTimeline('delivered', h.core.now.value));
    await h.core.sync.runCycle();
    expect(h.fake.releases.applied.size).toBe(3);

    h.fake.setOffline(true);
    const actedAt: Record<string, number> = {};
    const act = async (label: string, fn: () => Promise<unknown>) => {
      h.advance(MIN);
      actedAt[label] = h.core.now.value;
      await fn();
    };
    const [d] = seedShipments(h.core.db, [{}]);
    await act('modify a', () =>
      h.core.ok('invoices.modify', {
        shipmentNo: a!.shipmentNo,
        carrierId: 'kr.cjlogistics',
        invoiceNo: sampleInvoiceNumber('kr.cjlogistics', 501),
        reason: 'relabelled',
      }),
    );
    await act('delete b', () => h.core.ok('invoices.delete', { shipmentNo: b!.shipmentNo, reason: 'order cancelled' }));
    await act('register d', () =>
      h.core.ok('invoices.register', {
        shipmentNo: d!,
        carrierId: 'kr.lotte',
        invoiceNo: sampleInvoiceNumber('kr.lotte', 502),
      }),
    );
    await act('modify d', () =>
      h.core.ok('invoices.modify', {
        shipmentNo: d!,
        carrierId: 'kr.lotte',
        invoiceNo: sampleInvoiceNumber('kr.lotte', 503),
      }),
    );

    const cycles = [];
    for (let i = 0; i < 4; i++) {
      h.advance(10 * MIN);
      cycles.push(await h.core.sync.runCycle());
    }
    const state = await h.core.ok('sync.state', {});
    expect(state).toMatchObject({ online: false, queued: 6 });
    expect(syncStates(h.pushes).at(-1)).toMatchObject({ online: false, queued: 6 });
    // nothing got through, and once offline each cycle sends one probe, not the whole queue
    expect(h.fake.releases.receipts).toHaveLength(3);
    for (const s of cycles.slice(1)) expect((s.errorsByCode.NETWORK ?? 0) + (s.errorsByCode.TIMEOUT ?? 0)).toBe(1);
    expect(cycles.at(-1)!.errorsByCode.OFFLINE).toBeGreaterThan(0); // due polls wait for the network
    const rows = await h.core.ok('sync.shipments', { shipmentNos: [a!.shipmentNo, d!] });
    expect(rows.map((r) => r.phase)).toEqual(['retrying', 'retrying']);

    h.fake.setOffline(false);
    h.advance(10 * MIN);
    const back = await h.core.sync.runCycle();
    expect(back.released).toBe(3);
    expect(await h.core.ok('sync.state', {})).toMatchObject({ online: true, queued: 0 });
    expect(syncStates(h.pushes).at(-1)).toMatchObject({
      online: true,
      queued: 0,
      lastSyncAt: new Date(h.core.now.value).toISOString(),
    });

    // upstream saw each shipment's work in the order it was done
    const queued = h.core.db
      .prepare(
        'SELECT s.shipment_no, o.idempotency_key FROM outbox o JOIN shipments s ON s.id = o.shipment_id ORDER BY o.id',
      )
      .all() as { shipment_no: string; idempotency_key: string }[];
    const applied = [...h.fake.releases.applied.values()];
    for (const no of [a!.shipmentNo, b!.shipmentNo, d!]) {
      const expected = queued.filter((q) => q.shipment_no === no).map((q) => q.idempotency_key);
      expect(applied.filter((r) => r.shipmentNo === no).map((r) => r.key)).toEqual(expected);
    }
    expect(applied.filter((r) => r.shipmentNo === a!.shipmentNo).map((r) => r.kind)).toEqual([
      'release',
      'withdraw',
      'release',
    ]);
    expect(applied.filter((r) => r.shipmentNo === d).map((r) => r.kind)).toEqual(['release', 'withdraw', 'release']);

    // actions keep the time the operator acted, not the time they synced
    const history = h.core.db.prepare('SELECT action, at FROM history ORDER BY id').all() as {
      action: string;
      at: number;
    }[];
    expect(history.slice(3).map((e) => e.at)).toEqual([
      actedAt['modify a'],
      actedAt['delete b'],
      actedAt['register d'],
      actedAt['modify d'],
    ]);
    const invoiceD = h.core.db
      .prepare('SELECT registered_at, released_at FROM invoices WHERE invoice_no = ?')
      .get(sampleInvoiceNumber('kr.lotte', 503)) as {
      registered_at: number;
      released_at: number;
    };
    expect(invoiceD.registered_at).toBe(actedAt['modify d']);
    expect(invoiceD.released_at).toBe(h.core.now.value);
    expect((await h.core.ok('shipments.get', { shipmentNo: d! })).status).toBe('RELEASED');
  });
});
