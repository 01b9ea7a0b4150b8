// Dates and numbers through Intl in the chosen language. The grid's times are in the desk's home
// time zone (the one its day filters count in); carrier events are also shown in the carrier's
// own zone (an offset like +09:00).
import type { Language } from './index';

const cache = new Map<string, Intl.DateTimeFormat>();

export function localeOf(language: Language): string {
  if (language === 'ko') return 'ko-KR';
  const system = globalThis.navigator?.language ?? 'en-US';
  return system.toLowerCase().startsWith('en') ? system : 'en-US';
}

function formatter(language: Language, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${language}|${key}`;
  let f = cache.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(localeOf(language), options);
    cache.set(id, f);
  }
  return f;
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/** e.g. 11/20/2026, 09:30 or 2026. 11. 20. 09:30, in this computer's zone. */
export function formatDateTime(iso: string, language: Language): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatter(language, 'dt', DATE_TIME).format(d);
}

/**
 * The grid's dense form: 11/20/26 09:30 or 26.11.20 09:30 (the locale's day order, no century), in
 * `timeZone` (the home zone: an order's day is the day the date filters put it in), else this computer's.
 */
export function formatCompact(iso: string, language: Language, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const zone = timeZone ? { timeZone } : {};
  const date = formatter(language, `cd|${timeZone ?? ''}`, {
    year: '2-digit',
    month: '2-digit',
    day: '2-digit',
    ...zone,
  })
    .format(d)
    .replace(/\.\s/g, '.')
    .replace(/\.$/, '');
  const time = formatter(language, `ct|${timeZone ?? ''}`, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...zone,
  }).format(d);
  return `${date} ${time}`;
}

/** A calendar day (YYYY-MM-DD) in the chosen language, without any zone shifting it. */
export function formatDay(ymd: string, language: Language): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return ymd;
  return formatter(language, 'day', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' }).format(d);
}

/** Minutes east of UTC for "+09:00", "-05:30" or "Z"; null when the zone is not an offset. */
export function offsetMinutes(zone: string): number | null {
  if (zone === 'Z' || zone === 'UTC' || zone === '+00:00') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** The wall-clock time at the carrier (its offset), labelled with that offset. */
export function formatInZone(iso: string, zone: string, language: Language): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const offset = offsetMinutes(zone);
  if (offset === null) {
    try {
      return `${formatter(language, `z:${zone}`, { ...DATE_TIME, timeZone: zone }).format(d)} (${zone})`;
    } catch {
      return `${formatDateTime(iso, language)} (${zone})`;
    }
  }
  const shifted = new Date(d.getTime() + offset * 60_000);
  return `${formatter(language, 'utc', { ...DATE_TIME, timeZone: 'UTC' }).format(shifted)} (UTC${zone === 'Z' ? '' : zone})`;
}

/** The operator's own zone, as a short label (e.g. GMT+9). */
export function localZoneLabel(language: Language): string {
  const parts = formatter(language, 'zone', { timeZoneName: 'shortOffset' }).formatToParts(new Date());
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
}
