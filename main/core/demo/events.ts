// Carrier scans for a planned time line: canonical code, the provider's raw code and the carrier's
// own words (Korean for domestic carriers), a location and the zone the scan happened in.
import { FIRST_INTL_CARRIER, WH_GMP, WH_ICN, WH_PUS } from './catalog';
import { K_DEPART, K_INFO, K_PICKUP, type Timeline } from './lifecycle';
import type { Person } from './people';
import type { Random } from './random';
import type { DemoStatements } from './statements';
import type { ZoneClock } from './zones';

/** Where each domestic carrier's line haul passes (by CARRIER_LIST index). */
const HUBS = ['곤지암Hub', '대전HUB', '진천Hub', '대전우편집중국', '곤지암터미널'];
const ORIGIN_BRANCH: Record<number, string> = { [WH_ICN]: '인천서구', [WH_GMP]: '김포고촌', [WH_PUS]: '부산강서' };
const SEOUL = '+09:00';
const MIN = 60_000;

/** Writes the scans of `t` for one number; returns how many. */
export function writeScans(
  sql: DemoStatements,
  carrier: number,
  invoiceNo: string,
  t: Timeline,
  person: Person,
  warehouse: number,
  now: number,
  zones: ZoneClock,
  rng: Random,
): number {
  const intl = carrier >= FIRST_INTL_CARRIER;
  const origin = intl ? 'INCHEON, KR' : (ORIGIN_BRANCH[warehouse] ?? '인천서구');
  const hub = intl ? 'INCHEON AIRPORT, KR' : (HUBS[carrier] ?? '곤지암Hub');
  for (let i = 0; i < t.n; i++) {
    const kind = t.kinds[i] as number;
    const at = t.at[i] as number;
    // Registration, pickup and the first line haul happen at the origin; the rest near the buyer.
    const local = kind === K_INFO || kind === K_PICKUP || kind === K_DEPART;
    const location = kind === K_DEPART ? hub : local ? origin : person.branch;
    // Korean carriers report in Korean time; international scans carry the zone where they happened.
    const zone = intl && !local ? zones.offset(person.timeZone, at) : SEOUL;
    // The poller stores a scan a few minutes after it happened, never after now.
    const stored = Math.min(now, at + MIN + Math.floor(rng.float() * 30 * MIN));
    sql.event(carrier, kind, invoiceNo, at, zone, location, stored);
  }
  return t.n;
}
