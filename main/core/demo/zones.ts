// Zone offsets with one cached Intl formatter per zone. The helpers in domain/time.ts build a new
// formatter per call (about a millisecond each), too slow for thousands of calls in a bulk load.
import { formatOffset } from '../domain/time';

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Minutes east of UTC in `timeZone` at `atMs` (same method as zoneOffsetMinutes in domain/time.ts). */
export function offsetMinutes(timeZone: string, atMs: number): number {
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const p of formatter(timeZone).formatToParts(atMs)) {
    const v = Number(p.value);
    if (p.type === 'year') y = v;
    else if (p.type === 'month') mo = v;
    else if (p.type === 'day') d = v;
    else if (p.type === 'hour') h = v;
    else if (p.type === 'minute') mi = v;
    else if (p.type === 'second') s = v;
  }
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  return Math.round((asUtc - Math.floor(atMs / 1000) * 1000) / 60000);
}

/** The instant a YYYY-MM-DD day starts in `timeZone` (as dayStartMs in domain/time.ts). */
export function dayStart(ymd: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${ymd}T00:00:00Z`);
  return utcMidnight - offsetMinutes(timeZone, utcMidnight) * 60000;
}

/** The YYYY-MM-DD day of an instant in `timeZone` (as dayOf in domain/time.ts). */
export function dayIn(atMs: number, timeZone: string): string {
  return new Date(atMs + offsetMinutes(timeZone, atMs) * 60000).toISOString().slice(0, 10);
}

/** Offset strings ("+09:00") per zone and UTC day: two lookups per day instead of one per scan. */
export class ZoneClock {
  private readonly days = new Map<string, Map<number, string | null>>();

  offset(timeZone: string, at: number): string {
    if (timeZone === 'Asia/Seoul') return '+09:00'; // no DST since 1988
    let perDay = this.days.get(timeZone);
    if (!perDay) this.days.set(timeZone, (perDay = new Map()));
    const day = Math.floor(at / DAY_MS);
    let cached = perDay.get(day);
    if (cached === undefined) {
      const a = offsetMinutes(timeZone, day * DAY_MS);
      const b = offsetMinutes(timeZone, (day + 1) * DAY_MS - 1000);
      cached = a === b ? formatOffset(a) : null; // null: the offset changes during that day
      perDay.set(day, cached);
    }
    return cached ?? formatOffset(offsetMinutes(timeZone, at));
  }
}
