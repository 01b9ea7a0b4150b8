// The typed reader for SQLite rows (docs/ARCHITECTURE.md "Rows from SQLite").
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RowShapeError, rowReader } from '../../main/core/db/rows';

const storedScan = rowReader('stored scan', z.object({ at: z.number(), code: z.enum(['DELIVERED', 'SHIPPING']) }));

describe('a row reader', () => {
  it('gives the rows of its shape, and undefined when a query found none', () => {
    expect(storedScan.all([{ at: 1, code: 'SHIPPING' }])).toEqual([{ at: 1, code: 'SHIPPING' }]);
    expect(storedScan.one(undefined)).toBeUndefined();
    expect(storedScan.single({ at: 2, code: 'DELIVERED' })).toEqual({ at: 2, code: 'DELIVERED' });
  });

  it('refuses a row of another shape, naming itself and the column', () => {
    const read = () => storedScan.one({ at: '1', code: 'LOST' });
    expect(read).toThrow(RowShapeError);
    expect(read).toThrow(/"stored scan".*at:.*code:/);
  });

  it('refuses a missing row where one must exist, and an answer that is not a list', () => {
    expect(() => storedScan.single(undefined)).toThrow(/"stored scan".*found no row/);
    expect(() => storedScan.all({ at: 1, code: 'SHIPPING' })).toThrow(/"stored scan".*not a list/);
  });
});
