// Dates on the shipping desk are days in the seller's home time zone (Asia/Seoul by default).

// The day rules are shared with the screen (shared/days.ts), so a day means the same on both sides.
export { dayOf, dayStartMs, nextDay, zoneOffsetMinutes } from '../../../shared/days';

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** "+09:00" for an offset in minutes. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
