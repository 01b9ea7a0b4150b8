// A day on the shipping desk is a calendar day in the seller's home time zone (settings
// `homeTimeZone`, Asia/Seoul by default), for the core's date filters and counters and for the
// screen's presets alike: one rule, so "Today" on a laptop abroad is the core's today. Pure Intl.

/** The home time zone when the settings name none. */
export const DEFAULT_HOME_TIME_ZONE = 'Asia/Seoul';

// One formatter per zone: building one costs about a millisecond, and the grid asks on every call.
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

// Offsets by zone and quarter hour: time zones change offset only on quarter hours, and asking ICU
// costs microseconds that add up over 10,000 order lines or an export of 100,000 rows.
const QUARTER_MS = 15 * 60_000;
const offsets = new Map<string, Map<number, number>>();

/** Offset of a time zone at an instant, in minutes east of UTC. */
export function zoneOffsetMinutes(timeZone: string, atMs: number): number {
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map()));
  const quarter = Math.floor(atMs / QUARTER_MS);
  let offset = zone.get(quarter);
  if (offset === undefined) {
    if (zone.size > 50_000) zone.clear();
    offset = askOffset(timeZone, atMs);
    zone.set(quarter, offset);
  }
  return offset;
}

function askOffset(timeZone: string, atMs: number): number {
  const parts = formatter(timeZone).formatToParts(new Date(atMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(atMs / 1000) * 1000) / 60000);
}

/** The instant a YYYY-MM-DD day starts in a time zone. */
export function dayStartMs(ymd: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${ymd}T00:00:00Z`);
  const offset = zoneOffsetMinutes(timeZone, utcMidnight);
  return utcMidnight - offset * 60000;
}

/** The YYYY-MM-DD day of an instant in a time zone. */
export function dayOf(atMs: number, timeZone: string): string {
  const shifted = atMs + zoneOffsetMinutes(timeZone, atMs) * 60000;
  return new Date(shifted).toISOString().slice(0, 10);
}

export function nextDay(ymd: string): string {
  return addDays(ymd, 1);
}

/** The calendar day `n` days after (or before, when negative) a YYYY-MM-DD day. */
export function addDays(ymd: string, n: number): string {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The last `days` days up to and including today, in the home time zone: the date presets. */
export function lastDays(days: number, nowMs: number, timeZone: string): { from: string; to: string } {
  const to = dayOf(nowMs, timeZone);
  return { from: addDays(to, -(days - 1)), to };
}

/** Whether the runtime knows the zone (a hand-edited setting may name one it does not). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
