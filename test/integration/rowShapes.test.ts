// A row read from SQLite that is not of its reader's shape (written by another version or program, a
// damaged file) is never passed on as a wrong value: the call fails as an unexpected problem, and the
// log names the reader (docs/ARCHITECTURE.md "Rows from SQLite").
import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../support/core';
import { captureLog } from '../support/log';
import { seedFacets, seedShipments } from '../support/seed';

let core: TestCore | null = null;
afterEach(() => core?.cleanup());

describe('a row of an unexpected shape', () => {
  it('is an unexpected problem for the operator and names its reader in the log', async () => {
    const captured = captureLog();
    core = startTestCore({ log: captured.log });
    seedFacets(core.db);
    const [no] = seedShipments(core.db, [{}]);
    await core.ok('shipments.updateAddress', {
      shipmentNo: no!,
      address: { country: 'KR', postalCode: '04524', line1: '서울 중구 세종대로 110', line2: '' },
    });
    expect((await core.ok('invoices.history', { shipmentNo: no! })).map((h) => h.via)).toEqual(['manual']);

    // Another program wrote an entry through a door this version does not know.
    core.db.prepare(`UPDATE history SET via = 'phone'`).run();
    const answer = await core.call('invoices.history', { shipmentNo: no! });

    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: 'Shipdesk hit an unexpected problem; nothing was saved. Try again, and report it if it repeats.',
      },
    });
    const logged = captured.lines.find((l) => l.message === 'row of an unexpected shape');
    expect(logged).toMatchObject({ level: 'error', method: 'invoices.history', reader: 'history entry' });
    expect(String(logged?.['issues'])).toContain('via');
  });
});
