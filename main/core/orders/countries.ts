// Country codes and names to ISO 3166 two-letter codes. The names come from the runtime's own
// region names (ICU), in English and Korean, so "United States", "미국" and "US" all read as US;
// anything else is an unknown country, reported on the line.
import { headerKey } from '../sheets/headers';

// Codes ICU names that are not countries a parcel goes to.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);

let byName: Map<string, string> | null = null;

function names(): Map<string, string> {
  if (byName) return byName;
  const map = new Map<string, string>();
  const displays = ['en', 'ko'].map((locale) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }));
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      if (NOT_COUNTRIES.has(code)) continue;
      const shown = displays.map((d) => d.of(code)).filter((x): x is string => Boolean(x) && x !== code);
      if (!shown.length) continue;
      map.set(headerKey(code), code);
      for (const name of shown) if (!map.has(headerKey(name))) map.set(headerKey(name), code);
    }
  }
  // Names desks and channels write that ICU spells otherwise.
  const extra: Record<string, string> = {
    Korea: 'KR',
    'Republic of Korea': 'KR',
    'Korea, Republic of': 'KR',
    대한민국: 'KR',
    한국: 'KR',
    USA: 'US',
    'United States of America': 'US',
    UK: 'GB',
    'Great Britain': 'GB',
  };
  for (const [name, code] of Object.entries(extra)) map.set(headerKey(name), code);
  byName = map;
  return map;
}

/** The ISO code of a country written as a code or a name; undefined when it is not a country. */
export function countryCode(text: string): string | undefined {
  const key = headerKey(text);
  return key ? names().get(key) : undefined;
}
