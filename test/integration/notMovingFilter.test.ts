// Issue 19 item 10: the status bar's "N not moving" leads to those shipments. The grid's `notMoving`
// filter must list exactly the shipments the count counts, in each region, and no moving parcel.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scriptedTimeline } from '../../main/demoCarrier/timelines';
import { startSyncHarness, type SyncHarness } from '../fake-carrier/harness';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

let h: SyncHarness;
beforeEach(async () => {
  h = await startSyncHarness();
});
afterEach(() => h.cleanup());

/** Every shipment the grid lists under "not moving", over both regions and every tab. */
async function listedNotMoving(): Promise<string[]> {
  const nos: string[] = [];
  for (const region of ['domestic', 'international'] as const) {
    const page = await h.core.ok('shipments.list', { region, notMoving: true, limit: 500 });
    nos.push(...page.rows.map((r) => r.shipmentNo));
  }
  return nos.sort();
}

describe('the "not moving" filter', () => {
  it('lists exactly the shipments the status bar counts, as each region passes its days', async () => {
    const stuck = await h.registerMany(['kr.lotte', 'kr.lotte', 'kr.cjlogistics'], 21);
    const [abroad] = await h.registerMany(['us.ups'], 31, { country: 'US' });
    const [moving] = await h.registerMany(['kr.cjlogistics'], 41);
    await h.core.sync.runCycle();
    h.fake.script(moving!.carrierId, moving!.invoiceNo, scriptedTimeline('delivered', h.core.now.value + MIN));
    h.advance(2 * MIN);
    await h.core.sync.runCycle();
    const state = async () => h.core.ok('sync.state', {});
    expect((await state()).notMoving).toBe(0);
    expect(await listedNotMoving()).toEqual([]);

    // Past 3 days the domestic parcels the carrier never saw count; abroad waits 7 days.
    h.advance(3 * DAY + HOUR);
    await h.core.sync.runCycle({ all: true });
    const domestic = stuck.map((p) => p.shipmentNo).sort();
    expect(await state()).toMatchObject({ notMoving: 3, notMovingByRegion: { domestic: 3, international: 0 } });
    expect(await listedNotMoving()).toEqual(domestic);
    const page = await h.core.ok('shipments.list', { region: 'domestic', tab: 'preparing', notMoving: true });
    expect(page.total).toBe(3);
    expect(page.counts).toEqual({ preparing: 3, inDelivery: 0, failed: 0, delivered: 0 });
    expect(page.rows.every((r) => r.status === 'RELEASED')).toBe(true);

    h.advance(4 * DAY);
    await h.core.sync.runCycle({ all: true });
    expect(await state()).toMatchObject({ notMoving: 4, notMovingByRegion: { domestic: 3, international: 1 } });
    expect(await listedNotMoving()).toEqual([...domestic, abroad!.shipmentNo].sort());
    // the parcel the carrier moved is never among them
    expect(await listedNotMoving()).not.toContain(moving!.shipmentNo);
  });

  it('says after how many days a parcel counts, per region', async () => {
    expect((await h.core.ok('sync.state', {})).notMovingDays).toEqual({ domestic: 3, international: 7 });
  });

  it('keeps the other filters: a search narrows the not-moving rows', async () => {
    const [a, b] = await h.registerMany(['kr.lotte', 'kr.lotte'], 51);
    await h.core.sync.runCycle();
    h.advance(3 * DAY + HOUR);
    await h.core.sync.runCycle({ all: true });
    const page = await h.core.ok('shipments.list', {
      region: 'domestic',
      notMoving: true,
      search: { field: 'shipmentNo', text: b!.shipmentNo, mode: 'exact' },
    });
    expect(page.rows.map((r) => r.shipmentNo)).toEqual([b!.shipmentNo]);
    expect(page.rows.map((r) => r.shipmentNo)).not.toContain(a!.shipmentNo);
  });
});
