// `npm run web -- --demo`: the demo carrier (the fake carrier on loopback, every number's story chosen
// by the number) moves registered shipments by itself through the background loop, labelled a demo.
import { afterEach, describe, expect, it } from 'vitest';
import { sampleInvoiceNumber } from '../../main/core/domain/invoiceNumber';
import { startDemoCarrier, type DemoCarrier } from '../../main/demoCarrier/demoCarrier';
import { scenarioOf } from '../../main/demoCarrier/timelines';
import { startTestCore, type TestCore } from '../support/core';
import { seedFacets, seedShipments } from '../support/seed';

let demo: DemoCarrier | null = null;
let core: TestCore | null = null;
afterEach(async () => {
  core?.cleanup();
  await demo?.close();
});

/** A number the demo carrier will deliver (its story depends on the number). */
function deliveredNumber(from: number): string {
  for (let serial = from; ; serial++) {
    const no = sampleInvoiceNumber('kr.cjlogistics', serial);
    if (scenarioOf('kr.cjlogistics', no) === 'delivered') return no;
  }
}

describe('the demo carrier', () => {
  it('moves a registered shipment to delivered by itself, and says it is a demo', async () => {
    // A carrier day played in about 0.5 s.
    demo = await startDemoCarrier({ scale: 0.000005 });
    core = startTestCore({ ...demo.coreOptions, clock: () => Date.now(), sync: { intervalMs: 50 }, autoRelease: true });
    seedFacets(core.db);
    const [shipmentNo] = seedShipments(core.db, [{}]);
    const seen = new Set<string>();
    core.events.on((e) => {
      if (e.type === 'shipments.changed' && e.shipmentNos.includes(shipmentNo!)) seen.add('changed');
    });
    await core.ok('invoices.register', {
      shipmentNo: shipmentNo!,
      carrierId: 'kr.cjlogistics',
      invoiceNo: deliveredNumber(1),
    });
    expect(await core.ok('sync.state', {})).toMatchObject({
      demo: true,
      tracking: true,
      trackerLabel: 'Demo carrier (local)',
    });
    expect(await core.ok('sync.settings', {})).toMatchObject({ trackerUrlFrom: null, hasKey: true, keyFrom: 'app' });

    const statuses: string[] = [];
    for (let waited = 0; waited < 20_000; waited += 50) {
      const { status } = await core.ok('shipments.get', { shipmentNo: shipmentNo! });
      if (statuses.at(-1) !== status) statuses.push(status);
      if (status === 'DELIVERED') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(statuses.at(-1)).toBe('DELIVERED');
    expect(statuses.length).toBeGreaterThan(2); // it moved through the stages on its own
    expect(seen.has('changed')).toBe(true);
    expect((await core.ok('shipments.get', { shipmentNo: shipmentNo! })).events[0]).toMatchObject({
      code: 'DELIVERED',
      rawText: '배송완료',
    });
  });
});
