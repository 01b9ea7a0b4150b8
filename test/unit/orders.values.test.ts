// Order dates in the forms channels write them, read in the home time zone or refused by name;
// country codes and names; quantities.
import { describe, expect, it } from 'vitest';
import { orderDateOfCell, parseOrderDate } from '../../main/core/orders/dates';
import { countryCode } from '../../main/core/orders/countries';
import { readQuantity } from '../../main/core/orders/values';

const SEOUL = 'Asia/Seoul';
const at = (text: string, zone = SEOUL) => {
  const r = parseOrderDate(text, zone);
  return r.ok ? new Date(r.ms).toISOString() : r.message;
};

describe('order dates', () => {
  it('reads the common forms in the home time zone', () => {
    expect(at('2026-11-26')).toBe('2026-11-25T15:00:00.000Z');
    expect(at('2026.11.26')).toBe('2026-11-25T15:00:00.000Z');
    expect(at('2026/11/26 14:05')).toBe('2026-11-26T05:05:00.000Z');
    expect(at('2026-11-26 14:05:33')).toBe('2026-11-26T05:05:33.000Z');
    expect(at('11/26/2026')).toBe('2026-11-25T15:00:00.000Z');
    expect(at('2026-11-26T14:05:00+09:00')).toBe('2026-11-26T05:05:00.000Z');
    expect(at('2026-11-26T05:05:00Z')).toBe('2026-11-26T05:05:00.000Z');
    expect(at('2026-11-26 14:05:33 -0800')).toBe('2026-11-26T22:05:33.000Z');
    expect(at('2026-11-26', 'America/New_York')).toBe('2026-11-26T05:00:00.000Z');
  });

  it("reads eBay's Mon-DD-YY days in the zone given", () => {
    expect(at('Sep-29-25', 'America/Los_Angeles')).toBe('2025-09-29T07:00:00.000Z');
    expect(at('sep-29-2025', 'America/Los_Angeles')).toBe('2025-09-29T07:00:00.000Z');
    expect(at('Nov-26-26 14:05', SEOUL)).toBe('2026-11-26T05:05:00.000Z');
    expect(at('Feb-30-26')).toMatch(/"Feb-30-26" is not a calendar date/);
    expect(at('Foo-29-25')).toMatch(/not in a form Shipdesk reads/);
  });

  it('reads Excel serials, as numbers and as date cells', () => {
    const serial = orderDateOfCell({ kind: 'number', value: 46352.5 }, SEOUL);
    expect(serial?.ok && new Date(serial.ms).toISOString()).toBe('2026-11-26T03:00:00.000Z');
    const cell = orderDateOfCell({ kind: 'date', ms: Date.UTC(2026, 10, 26, 14, 5) }, SEOUL);
    expect(cell?.ok && new Date(cell.ms).toISOString()).toBe('2026-11-26T05:05:00.000Z');
    expect(orderDateOfCell({ kind: 'number', value: 12 }, SEOUL)).toMatchObject({ ok: false });
  });

  it('refuses what it would have to guess, by name', () => {
    expect(at('26/11/2026')).toMatch(/"26\/11\/2026" reads as day\/month\/year/);
    expect(at('2026-02-30')).toMatch(/"2026-02-30" is not a calendar date/);
    expect(at('yesterday')).toMatch(/"yesterday" is not in a form Shipdesk reads. Write it as 2026-11-26/);
    expect(at('20261126')).toMatch(/not in a form/);
  });
});

describe('countries', () => {
  it('reads codes and English or Korean names', () => {
    expect(countryCode('us')).toBe('US');
    expect(countryCode('United States')).toBe('US');
    expect(countryCode('Japan')).toBe('JP');
    expect(countryCode('대한민국')).toBe('KR');
    expect(countryCode('일본')).toBe('JP');
    expect(countryCode('XZ')).toBeUndefined();
    expect(countryCode('Atlantis')).toBeUndefined();
  });
});

describe('quantities', () => {
  it('accepts whole numbers of pieces only', () => {
    expect(readQuantity('3')).toEqual({ ok: true, value: 3 });
    expect(readQuantity('1,200')).toEqual({ ok: true, value: 1200 });
    for (const bad of ['0', '-1', '1.5', 'two'])
      expect(readQuantity(bad)).toMatchObject({ ok: false, code: 'INVALID_QUANTITY' });
    expect(readQuantity('')).toMatchObject({ ok: false, code: 'MISSING_VALUE' });
  });
});
