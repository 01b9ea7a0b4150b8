// Whether this station belongs to a pool, and how it reaches the hub. The hub's address and this
// station's name live in the database; the token lives in a file beside it readable by its owner only
// (like the tracker key), so a copied database does not carry the credential.
import path from 'node:path';
import { z } from 'zod';
import { fileKeyStore } from '../sync/config';
import { readMeta, stationName, writeMeta } from '../services/stationMeta';
import type { ServiceContext } from '../services/context';

export interface Membership {
  /** The station's own hub (the first address given at join). */
  url: string;
  /** Every hub of the pool, `url` first: the station moves to the next when one does not answer. */
  urls: string[];
  station: string;
  token: string | null;
}

export const tokenFileOf = (dbPath: string) => `${path.resolve(dbPath)}.hub-token`;

export function readMembership(ctx: ServiceContext, dbPath: string): Membership | null {
  const url = readMeta(ctx, 'hub_url');
  if (!url) return null;
  return { url, urls: hubUrls(ctx, url), station: stationName(ctx), token: fileKeyStore(tokenFileOf(dbPath)).read() };
}

/** Every hub address; a station that joined before there were several has only `hub_url`. */
function hubUrls(ctx: ServiceContext, url: string): string[] {
  const parsed = HubUrlsSchema.safeParse(JSON.parse(readMeta(ctx, 'hub_urls') ?? 'null'));
  return parsed.success && parsed.data[0] === url ? parsed.data : [url];
}

const HubUrlsSchema = z.array(z.string().min(1)).min(1);

export function writeMembership(
  ctx: ServiceContext,
  dbPath: string,
  m: { urls: readonly string[]; station: string; stationCode: number; token: string },
): void {
  fileKeyStore(tokenFileOf(dbPath)).write(m.token);
  ctx.db.transaction(() => {
    writeMeta(ctx, 'hub_url', m.urls[0]!);
    writeMeta(ctx, 'hub_urls', JSON.stringify(m.urls));
    writeMeta(ctx, 'hub_station', m.station);
    writeMeta(ctx, 'hub_station_code', String(m.stationCode));
    if (readMeta(ctx, 'hub_cursor') === null) writeMeta(ctx, 'hub_cursor', '0.0');
  })();
}

export function readCursor(ctx: ServiceContext): string {
  return readMeta(ctx, 'hub_cursor') ?? '0.0';
}

export function writeCursor(ctx: ServiceContext, cursor: string): void {
  writeMeta(ctx, 'hub_cursor', cursor);
}
