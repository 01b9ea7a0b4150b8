// The demo's days: ~180 days of orders before `now`, in the home time zone. Days are computed
// once each (a few hundred Intl calls), never per order: the hot loop only adds milliseconds.
import { nextDay } from '../domain/time';
import { Random, Weighted } from './random';
import { dayIn, dayStart } from './zones';

export const HOUR = 3_600_000;
export const DAY_MS = 86_400_000;
export const HISTORY_DAYS = 180;

export interface Day {
  /** YYYY-MM-DD in the home time zone. */
  ymd: string;
  /** YYYYMMDD, the order-number prefix. */
  compact: string;
  start: number;
  /** 24h, or 23h/25h on a DST change day. */
  length: number;
  /** Orders stop here on the last day (now). */
  end: number;
}

// Orders by local hour: a lunch bump, the evening peak, quiet nights.
const HOUR_WEIGHTS = [
  3, 2, 1.2, 0.7, 0.5, 0.6, 1.2, 2.4, 3.5, 4.5, 5, 5.5, 6.5, 6, 5, 5, 5, 5, 5.2, 6, 7.5, 8.5, 8, 5.5,
];
const fullDayHours = new Weighted(HOUR_WEIGHTS.map((w, h) => [h, w] as const));

// Monday is the busiest day after the weekend, Saturday the quietest (getUTCDay order: Sun..Sat).
const WEEKDAY = [0.92, 1.15, 1.1, 1.05, 1.0, 0.95, 0.8];
// Sale days and holidays by MM-DD.
const SPECIAL: Record<string, number> = {
  '11-11': 2.1,
  '06-18': 1.5,
  '12-24': 1.3,
  '09-25': 0.45,
  '09-26': 0.4,
  '09-27': 0.55,
};

export function daysBefore(now: number, timeZone: string): Day[] {
  let ymd = dayIn(now - HISTORY_DAYS * DAY_MS, timeZone);
  const last = dayIn(now, timeZone);
  const days: Day[] = [];
  let start = dayStart(ymd, timeZone);
  for (;;) {
    const next = nextDay(ymd);
    const nextStart = dayStart(next, timeZone);
    days.push({
      ymd,
      compact: ymd.replaceAll('-', ''),
      start,
      length: nextStart - start,
      end: Math.min(nextStart, now),
    });
    if (ymd === last) break;
    ymd = next;
    start = nextStart;
  }
  return days;
}

/** Share of a day's orders placed before `until` (ms into the day), by the hourly curve. */
function hourShare(until: number): number {
  let total = 0;
  let before = 0;
  HOUR_WEIGHTS.forEach((w, h) => {
    total += w;
    before += w * Math.max(0, Math.min(1, (until - h * HOUR) / HOUR));
  });
  return before / total;
}

/** Shipments per day, summing to exactly `total`: a growing shop, weekly rhythm, sale days, noise. */
export function dailyQuotas(days: readonly Day[], total: number, rng: Random): Int32Array {
  const weights = days.map((d, i) => {
    const growth = 0.6 + (0.8 * i) / Math.max(1, days.length - 1);
    const weekday = WEEKDAY[new Date(d.start + 12 * HOUR).getUTCDay()] ?? 1;
    const special = SPECIAL[d.ymd.slice(5)] ?? 1;
    const partial = d.end < d.start + d.length ? hourShare(d.end - d.start) : 1;
    return growth * weekday * special * partial * (0.85 + 0.3 * rng.float());
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const quotas = new Int32Array(days.length);
  let cum = 0;
  let given = 0;
  weights.forEach((w, i) => {
    cum += w;
    const upTo = i === weights.length - 1 ? total : Math.floor((cum / sum) * total);
    quotas[i] = upTo - given;
    given = upTo;
  });
  return quotas;
}

/** `count` sorted order times (ms into the day) before `limit` (the day's length, or now on the last day). */
export function orderTimes(count: number, limit: number, rng: Random): Float64Array {
  const out = new Float64Array(count);
  // On the last day only the hours before now can take orders.
  const open = Math.ceil(limit / HOUR);
  const hours = open >= 24 ? fullDayHours : new Weighted(HOUR_WEIGHTS.slice(0, open).map((w, h) => [h, w] as const));
  for (let i = 0; i < count; i++) {
    const h = hours.pick(rng);
    const span = Math.min(HOUR, limit - h * HOUR);
    out[i] = h * HOUR + Math.floor(rng.float() * Math.max(1, span));
  }
  out.sort();
  // A DST day may be an hour short: keep every order inside its day.
  for (let i = 0; i < count; i++) if ((out[i] as number) >= limit) out[i] = limit - 1;
  return out;
}
