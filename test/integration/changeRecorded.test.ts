// A change a service records must reach the pool link in its own transaction (docs/ARCHITECTURE.md
// "Layers", services/changeRecorded.ts). A context built without the link would write the change and
// silently skip its hub operation; it refuses instead, and the change is undone.
import { afterEach, describe, expect, it } from 'vitest';
import { createServiceContext } from '../../main/core/services/context';
import { registerInvoice } from '../../main/core/services/invoices';
import { startTestCore, type TestCore } from '../support/core';
import { lotteNumber, seedFacets, seedShipments } from '../support/seed';

let core: TestCore | null = null;
afterEach(() => core?.cleanup());

describe('a change recorded with no pool link listening', () => {
  it('is refused and leaves the shipment as it was', async () => {
    core = startTestCore({ autoRelease: false });
    seedFacets(core.db);
    const [no] = seedShipments(core.db, [{}]);
    const unlinked = createServiceContext(core.db, () => core!.now.value, core.events);
    expect(() =>
      registerInvoice(
        unlinked,
        { shipmentNo: no!, carrierId: 'kr.lotte', invoiceNo: lotteNumber(41) },
        { operator: 'kim', via: 'manual' },
      ),
    ).toThrow(/pool link does not hear/);
    const after = await core.ok('shipments.get', { shipmentNo: no! });
    expect(after.status).toBe('AWAITING_INVOICE');
    expect(after.invoiceNo).toBeNull();
    expect(await core.ok('invoices.history', { shipmentNo: no! })).toEqual([]);
  });
});
