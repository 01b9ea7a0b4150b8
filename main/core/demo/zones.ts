// Zone helpers for the bulk load, on top of domain/time.ts (which caches its formatters).
import { dayOf, dayStartMs, formatOffset, zoneOffsetMinutes as offsetMinutes } from '../domain/time';

const DAY_MS = 86_400_000;

export const dayStart = dayStartMs;
export const dayIn = dayOf;

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
