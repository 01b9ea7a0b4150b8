// What this station knows of itself, kept in sync_meta: a key-value row per fact (the tracker's
// address, the pool's hub, this station's name and code). Read by the services, the sync and the pool
// link alike, so it sits with the services, below both.
import { z } from 'zod';
import { rowReader } from '../db/rows';
import type { RegroupBase } from './changeRecorded';
import type { ServiceContext } from './context';

const metaValue = rowReader('station fact', z.object({ value: z.string() }));

export function readMeta(ctx: ServiceContext, key: string): string | null {
  const row = metaValue.one(ctx.prepare('SELECT value FROM sync_meta WHERE key = ?').get(key));
  return row?.value ?? null;
}

export function writeMeta(ctx: ServiceContext, key: string, value: string | null): void {
  if (value === null) ctx.prepare('DELETE FROM sync_meta WHERE key = ?').run(key);
  else
    ctx
      .prepare(
        'INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
}

/** Cheap enough for every write: one indexed lookup. */
export function isMember(ctx: ServiceContext): boolean {
  return readMeta(ctx, 'hub_url') !== null;
}

export function stationName(ctx: ServiceContext): string {
  return readMeta(ctx, 'hub_station') ?? '';
}

/**
 * The code the pool gave this station at enrolment (the first digits of the shipment numbers it mints),
 * or null on a stand-alone desk.
 */
export function stationCode(ctx: ServiceContext): number | null {
  const code = Number(readMeta(ctx, 'hub_station_code'));
  return Number.isInteger(code) && code > 0 ? code : null;
}

const regroupBase = rowReader('regroup base', z.object({ shipmentNo: z.string(), poolVersion: z.number() }));

/** The pool versions a split or merge is based on: read before the regrouped shipments change. */
export function regroupBases(ctx: ServiceContext, shipmentNos: readonly string[]): RegroupBase[] {
  if (!isMember(ctx)) return [];
  return regroupBase.all(
    ctx
      .prepare(
        `SELECT shipment_no AS shipmentNo, pool_version AS poolVersion FROM shipments
         WHERE shipment_no IN (SELECT value FROM json_each(?)) ORDER BY shipment_no`,
      )
      .all(JSON.stringify(shipmentNos)),
  );
}
