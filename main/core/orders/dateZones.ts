// The time zone of a profile's dates, for channels whose reports write the seller's local time
// without an offset (eBay): chosen once with a sheet, remembered for the profile on commit, by
// default this computer's (docs/ORDERS.md, "eBay's orders report").
import { isTimeZone } from '../../../shared/days';
import type { ServiceContext } from '../services/context';
import { readStoredSetting } from '../services/settings';

const key = (profile: string) => `orders.dateZone.${profile}`;

/** The zone remembered for the profile; null when never chosen (or no longer known to the runtime). */
export function rememberedDateZone(ctx: ServiceContext, profile: string): string | null {
  const zone = readStoredSetting(ctx, key(profile));
  return zone && isTimeZone(zone) ? zone : null;
}

/** Runs inside the commit's transaction, so the zone is kept only with the orders read in it. */
export function rememberDateZone(ctx: ServiceContext, profile: string, zone: string): void {
  ctx
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key(profile), zone);
}
