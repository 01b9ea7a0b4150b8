// Order dates in the forms channels and desks write them, read in the home time zone unless they
// carry an offset. Anything else is refused by name, never guessed: 05/06/2026 is read as the US
// form (May 6) because that is the one slash form with the year last that Shipdesk reads, and a
// first number above 12 (26/11/2026) is refused rather than turned around.
import type { RawCell } from '../sheets/types';
import { zoneOffsetMinutes } from '../domain/time';

export type DateRead = { ok: true; ms: number } | { ok: false; message: string };

export const DATE_FORMS =
  '2026-11-26, 2026.11.26, 2026/11/26 14:05, 11/26/2026, Nov-26-26, 2026-11-26T14:05:00+09:00 or an Excel date';

// Excel's day 0 is 1899-12-30 (the 1900 leap-year bug included); serials from 2000 to 2100 only.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const SERIAL_MIN = 36_526;
const SERIAL_MAX = 73_051;

const YMD = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})\.?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const MDY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
// eBay's orders report: "Sep-29-25" (month name, day, two-digit year), the seller's local time.
const MON_DD_YY = /^([A-Za-z]{3})-(\d{1,2})-(\d{2}|\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// ISO with an offset or Z; Shopify writes "2026-11-26 14:05:33 +0900".
const WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s?(Z|[+-]\d{2}:?\d{2})$/i;

interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

function validWall(w: Wall): boolean {
  if (w.mo < 1 || w.mo > 12 || w.d < 1 || w.h > 23 || w.mi > 59 || w.s > 59) return false;
  const probe = new Date(Date.UTC(w.y, w.mo - 1, w.d));
  return probe.getUTCMonth() === w.mo - 1 && probe.getUTCDate() === w.d;
}

/** A wall-clock time in a time zone to an instant (the offset looked up twice for a DST edge). */
export function wallToInstant(w: Wall, timeZone: string): number {
  const asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  const first = asUtc - zoneOffsetMinutes(timeZone, asUtc) * 60_000;
  return asUtc - zoneOffsetMinutes(timeZone, first) * 60_000;
}

const n = (s: string | undefined) => (s === undefined ? 0 : Number(s));

function refused(shown: string): DateRead {
  return {
    ok: false,
    message: `The order date "${shown.slice(0, 40)}" is not in a form Shipdesk reads. Write it as ${DATE_FORMS}.`,
  };
}

function fromWall(w: Wall, shown: string, timeZone: string): DateRead {
  if (!validWall(w)) return { ok: false, message: `The order date "${shown.slice(0, 40)}" is not a calendar date.` };
  return { ok: true, ms: wallToInstant(w, timeZone) };
}

function fromSerial(serial: number, timeZone: string): DateRead {
  if (serial < SERIAL_MIN || serial > SERIAL_MAX)
    return {
      ok: false,
      message: `The order date is the number ${serial}, which is not an Excel date between 2000 and 2100.`,
    };
  // The serial is a wall-clock time; read its fields as written, then place them in the home zone.
  const asUtc = new Date(EXCEL_EPOCH_MS + Math.round(serial * 86_400_000));
  return fromWallDate(asUtc, timeZone);
}

function fromWallDate(asUtc: Date, timeZone: string): DateRead {
  const w: Wall = {
    y: asUtc.getUTCFullYear(),
    mo: asUtc.getUTCMonth() + 1,
    d: asUtc.getUTCDate(),
    h: asUtc.getUTCHours(),
    mi: asUtc.getUTCMinutes(),
    s: asUtc.getUTCSeconds(),
  };
  return { ok: true, ms: wallToInstant(w, timeZone) };
}

export function parseOrderDate(text: string, timeZone: string): DateRead {
  const t = text.trim();
  let m = WITH_OFFSET.exec(t);
  if (m) {
    const w: Wall = { y: n(m[1]), mo: n(m[2]), d: n(m[3]), h: n(m[4]), mi: n(m[5]), s: n(m[6]) };
    if (!validWall(w)) return { ok: false, message: `The order date "${t.slice(0, 40)}" is not a calendar date.` };
    const zone = (m[7] ?? 'Z').toUpperCase();
    const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (n(zone.slice(1, 3)) * 60 + n(zone.slice(-2)));
    return { ok: true, ms: Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - offset * 60_000 };
  }
  m = YMD.exec(t);
  if (m) return fromWall({ y: n(m[1]), mo: n(m[2]), d: n(m[3]), h: n(m[4]), mi: n(m[5]), s: n(m[6]) }, t, timeZone);
  m = MDY.exec(t);
  if (m) {
    if (n(m[1]) > 12) {
      return {
        ok: false,
        message: `The order date "${t.slice(0, 40)}" reads as day/month/year, which Shipdesk does not guess at. Write it as 2026-11-26 (or 11/26/2026).`,
      };
    }
    return fromWall({ y: n(m[3]), mo: n(m[1]), d: n(m[2]), h: n(m[4]), mi: n(m[5]), s: n(m[6]) }, t, timeZone);
  }
  m = MON_DD_YY.exec(t);
  if (m) {
    const mo = MONTHS.indexOf((m[1] ?? '').toLowerCase()) + 1;
    const y = (m[3] ?? '').length === 2 ? 2000 + n(m[3]) : n(m[3]);
    if (mo > 0) return fromWall({ y, mo, d: n(m[2]), h: n(m[4]), mi: n(m[5]), s: n(m[6]) }, t, timeZone);
  }
  // A serial typed as text in a CSV ("46352.5").
  if (/^\d{5}(?:\.\d+)?$/.test(t)) return fromSerial(Number(t), timeZone);
  return refused(t);
}

export function orderDateOfCell(cell: RawCell, timeZone: string): DateRead | null {
  switch (cell.kind) {
    case 'empty':
      return null;
    case 'text':
      return cell.text.trim() === '' ? null : parseOrderDate(cell.text, timeZone);
    case 'number':
      return fromSerial(cell.value, timeZone);
    case 'date':
      return cell.ms === undefined ? refused('(a date cell)') : fromWallDate(new Date(cell.ms), timeZone);
    case 'formula':
      return { ok: false, message: 'The order date is a formula. Paste the column as values and upload again.' };
    case 'merged':
      return { ok: false, message: 'The order date cell is part of merged cells. Unmerge them and fill in every row.' };
    case 'error':
      return { ok: false, message: `The order date cell shows an Excel error (${cell.text}).` };
    case 'boolean':
      return refused(cell.value ? 'TRUE' : 'FALSE');
  }
}
