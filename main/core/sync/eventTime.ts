// Event times as carriers send them: RFC 3339 with the carrier's zone (+09:00 for Korea), sometimes
// without a zone. Parsed by hand so a missing zone is noticed instead of silently read as local time.
import { formatOffset } from '../domain/time';

/** The zone a carrier means when it sends none: its home country's. Prefix of the carrier id -> minutes. */
export const CARRIER_HOME_OFFSET: readonly (readonly [string, number])[] = [
  ['kr.', 540],
  ['jp.', 540],
  ['cn.', 480],
];

export function homeOffsetMinutes(carrierId: string): number {
  return CARRIER_HOME_OFFSET.find(([prefix]) => carrierId.startsWith(prefix))?.[1] ?? 0;
}

export type ParsedTime = { ok: true; ms: number; zone: string; zoneAssumed: boolean } | { ok: false; reason: string };

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|z|[+-]\d{2}:?\d{2})?$/;

export function parseEventTime(raw: string | null, carrierId: string): ParsedTime {
  const text = raw?.trim() ?? '';
  if (!text) return { ok: false, reason: 'the event has no time' };
  const m = RFC3339.exec(text);
  if (!m) return { ok: false, reason: `"${text.slice(0, 40)}" is not an RFC 3339 time` };
  const [, y, mo, d, h, mi, s = '0', frac = '0', zone] = m;
  const parts = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  const [year, month, day, hour, minute, second] = parts;
  const ms = Number(`0.${frac}`) * 1000;
  const utc = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), ms);
  const check = new Date(utc);
  if (
    month < 1 ||
    month > 12 ||
    hour > 23 ||
    minute > 59 ||
    second > 60 ||
    check.getUTCDate() !== day ||
    check.getUTCMonth() !== month - 1
  ) {
    return { ok: false, reason: `"${text.slice(0, 40)}" is not a calendar time` };
  }
  let offset: number;
  let zoneAssumed = false;
  if (!zone) {
    offset = homeOffsetMinutes(carrierId);
    zoneAssumed = true;
  } else if (zone === 'Z' || zone === 'z') {
    offset = 0;
  } else {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2));
    if (oh > 14 || om > 59) return { ok: false, reason: `"${zone}" is not a time zone offset` };
    offset = sign * (oh * 60 + om);
  }
  return { ok: true, ms: utc - offset * 60_000, zone: formatOffset(offset), zoneAssumed };
}
