// A rejected row repeats the carrier and number cells as the operator typed them, so the preview
// can show what was wrong (an invalid "1234" is not an empty cell).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { WRITTEN_MAX } from '../../shared/api/contract';
import { startTestCore, type TestCore } from '../support/core';
import { seedFacets } from '../support/seed';
import { awaiting, byRow, lotte, previewOk } from '../fixtures/excel/desk';
import { ENGLISH_HEADER, sheet } from '../fixtures/excel/workbooks';

let core: TestCore;
beforeEach(() => {
  core = startTestCore();
  seedFacets(core.db);
});
afterEach(() => core.cleanup());

it('keeps the typed cells on every verdict: text, a number cell, an unknown carrier, an over-long cell', async () => {
  const nos = awaiting(core, 5);
  const long = '9'.repeat(300);
  const rows = byRow(
    (
      await previewOk(
        core,
        await sheet(ENGLISH_HEADER, [
          [nos[0]!, 'Lotte', '1234'],
          [nos[1]!, 'Lotte', 1234],
          [nos[2]!, 'Pony Express', lotte(1)],
          [nos[3]!, 'Lotte', long],
          [nos[4]!, 'Lotte', lotte(2)],
        ]),
      )
    ).rows,
  );
  expect(rows.get(2)).toMatchObject({ verdict: 'error', written: { carrier: 'Lotte', invoiceNo: '1234' } });
  expect(rows.get(2)?.invoiceNo).toBeUndefined();
  expect(rows.get(3)).toMatchObject({ verdict: 'error', written: { carrier: 'Lotte', invoiceNo: '1234' } });
  expect(rows.get(4)).toMatchObject({
    verdict: 'error',
    code: 'UNKNOWN_CARRIER',
    written: { carrier: 'Pony Express', invoiceNo: lotte(1) },
  });
  expect(rows.get(5)?.written.invoiceNo).toBe('9'.repeat(WRITTEN_MAX));
  expect(rows.get(6)).toMatchObject({ verdict: 'ok', invoiceNo: lotte(2), written: { invoiceNo: lotte(2) } });
});
