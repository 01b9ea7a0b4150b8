// Date fields speak the app's language, whatever the browser's: what an operator types is read in
// that language's order, and a day that does not exist is not taken.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dayPattern, dayText, parseDayText } from '../../renderer/src/i18n/dayText';

describe('day fields in the app language', () => {
  // English follows the computer's English (US or UK order); this test's computer is a US one.
  beforeEach(() => vi.stubGlobal('navigator', { language: 'en-US' }));
  afterEach(() => vi.unstubAllGlobals());

  it('asks and shows year first in Korean, month first in US English', () => {
    expect(dayPattern('ko')).toBe('YYYY. MM. DD.');
    expect(dayText('2026-11-20', 'ko')).toBe('2026. 11. 20.');
    expect(dayText(null, 'ko')).toBe('');
    expect(dayPattern('en')).toBe('MM/DD/YYYY');
    expect(dayText('2026-11-20', 'en')).toBe('11/20/2026');
  });

  it('reads what was typed in the language order, and ISO days in every language', () => {
    expect(parseDayText('2026. 11. 20.', 'ko')).toBe('2026-11-20');
    expect(parseDayText('2026.1.5', 'ko')).toBe('2026-01-05');
    expect(parseDayText('2026-11-20', 'ko')).toBe('2026-11-20');
    expect(parseDayText('2026-11-20', 'en')).toBe('2026-11-20');
    expect(parseDayText('11/20/2026', 'en')).toBe('2026-11-20');
    expect(parseDayText('1/5/2026', 'en')).toBe('2026-01-05');
  });

  it('refuses part days, two-digit years and days that do not exist', () => {
    expect(parseDayText('11/20', 'en')).toBeNull();
    expect(parseDayText('11/20/26', 'en')).toBeNull();
    expect(parseDayText('2026. 2. 30.', 'ko')).toBeNull();
    expect(parseDayText('2026. 13. 1.', 'ko')).toBeNull();
    expect(parseDayText('yesterday', 'en')).toBeNull();
    expect(parseDayText('', 'ko')).toBeNull();
    expect(parseDayText('20/11/2026', 'en')).toBeNull(); // month 20, in US order
  });
});
