// A calendar day written the way the app's language writes it (11/20/2026, 2026. 11. 20.), not the
// way the browser's own language would (a native date field follows the browser: Korean desks on an
// English Windows saw mm/dd/yyyy). The order of year, month and day comes from Intl for the locale.
import type { Language } from './index';
import { formatDay, localeOf } from './format';

type Part = 'year' | 'month' | 'day';

function partOrder(language: Language): Part[] {
  const parts = new Intl.DateTimeFormat(localeOf(language), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  }).formatToParts(new Date(Date.UTC(2026, 10, 20)));
  return parts.map((p) => p.type).filter((t): t is Part => t === 'year' || t === 'month' || t === 'day');
}

/** How the field asks for a day: MM/DD/YYYY, DD/MM/YYYY or YYYY. MM. DD. */
export function dayPattern(language: Language): string {
  const sample = formatDay('2026-11-20', language);
  return sample.replace('2026', 'YYYY').replace('11', 'MM').replace('20', 'DD');
}

/** The day as the field shows it. */
export function dayText(ymd: string | null, language: Language): string {
  return ymd ? formatDay(ymd, language) : '';
}

function validDay(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null; // 02/30 is not a day
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * YYYY-MM-DD for what the operator typed, or null when it is not a whole day. A four-digit first
 * number is always a year (2026-11-20 and 2026. 11. 20. read the same in every language); otherwise
 * the numbers are read in the language's order. A two-digit year is not guessed.
 */
export function parseDayText(text: string, language: Language): string | null {
  const numbers = text.match(/\d+/g) ?? [];
  if (numbers.length !== 3) return null;
  const order: Part[] = numbers[0]?.length === 4 ? ['year', 'month', 'day'] : partOrder(language);
  const digits = (part: Part) => numbers[order.indexOf(part)] ?? '';
  if (digits('year').length !== 4) return null;
  return validDay(Number(digits('year')), Number(digits('month')), Number(digits('day')));
}
