// A day on the desk: the home time zone's calendar day, the same rule for the core and the screen.
import { describe, expect, it } from 'vitest';
import { ymd } from '../../shared/api/common';
import { addDays, dayOf, dayStartMs, isTimeZone, lastDays } from '../../shared/days';

describe('days in the home time zone', () => {
  const at = Date.parse('2026-11-25T20:00:00Z'); // 05:00 on the 26th in Seoul, 12:00 on the 25th in Los Angeles

  it('an instant belongs to the zone’s calendar day', () => {
    expect(dayOf(at, 'Asia/Seoul')).toBe('2026-11-26');
    expect(dayOf(at, 'America/Los_Angeles')).toBe('2026-11-25');
    expect(dayStartMs('2026-11-26', 'Asia/Seoul')).toBe(Date.parse('2026-11-25T15:00:00Z'));
  });

  it('the presets count back from the zone’s today, across month ends and a DST change', () => {
    expect(lastDays(1, at, 'Asia/Seoul')).toEqual({ from: '2026-11-26', to: '2026-11-26' });
    expect(lastDays(7, at, 'Asia/Seoul')).toEqual({ from: '2026-11-20', to: '2026-11-26' });
    expect(lastDays(30, Date.parse('2026-03-10T12:00:00Z'), 'America/New_York')).toEqual({
      from: '2026-02-09',
      to: '2026-03-10',
    });
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('knows which zones exist', () => {
    expect(isTimeZone('Asia/Seoul')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('the contract takes calendar days only', () => {
    expect(ymd.safeParse('2028-02-29').success).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '2026-11-1', '20261101'])
      expect(ymd.safeParse(bad).success).toBe(false);
  });
});
