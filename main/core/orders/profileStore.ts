// Saved profiles: a column mapping the operator made once for a layout Shipdesk does not know,
// found again by the file's header set. Values read back from the table are parsed, never cast.
import { rowReader, type RowOf } from '../db/rows';
import { z } from 'zod';
import { ColumnMapping, OrderDefaults, type OrderProfileView } from '../../../shared/api/contract';
import { CHANNEL_IDS, type ChannelId } from '../../../shared/channels';
import { ShipdeskError } from '../../../shared/errors';
import type { ServiceContext } from '../services/context';
import { headerSetKey } from './plan';
import { BUILTIN_PROFILES, builtinProfile } from './profiles';

export interface SavedProfile {
  name: string;
  channel: ChannelId;
  headers: string[];
  mapping: ColumnMapping;
  defaults: OrderDefaults;
}

const savedProfile = rowReader(
  'saved profile',
  z.object({
    name: z.string(),
    channel: z.string(),
    headers_json: z.string(),
    mapping_json: z.string(),
    defaults_json: z.string(),
  }),
);
type ProfileRecord = RowOf<typeof savedProfile>;

const stored = z.object({
  channel: z.enum(CHANNEL_IDS).catch('other'),
  headers: z.array(z.string()).catch([]),
  mapping: ColumnMapping.catch({}),
  defaults: OrderDefaults.catch({}),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toSaved(r: ProfileRecord): SavedProfile {
  const v = stored.parse({
    channel: r.channel,
    headers: parseJson(r.headers_json),
    mapping: parseJson(r.mapping_json),
    defaults: parseJson(r.defaults_json),
  });
  return { name: r.name, ...v };
}

const COLUMNS = 'name, channel, headers_json, mapping_json, defaults_json';

export function findSavedProfile(ctx: ServiceContext, name: string): SavedProfile | undefined {
  const r = savedProfile.one(ctx.prepare(`SELECT ${COLUMNS} FROM order_profiles WHERE name = ?`).get(name));
  return r ? toSaved(r) : undefined;
}

/** The newest saved profile made for exactly this header set. */
export function savedProfileForHeaders(ctx: ServiceContext, headers: readonly string[]): SavedProfile | undefined {
  const r = savedProfile.one(
    ctx
      .prepare(`SELECT ${COLUMNS} FROM order_profiles WHERE header_key = ? ORDER BY updated_at DESC, id DESC LIMIT 1`)
      .get(headerSetKey(headers)),
  );
  return r ? toSaved(r) : undefined;
}

const savedHeaders = rowReader('saved headers', z.object({ headers_json: z.string() }));

export function allSavedHeaders(ctx: ServiceContext): string[] {
  const rows = savedHeaders.all(ctx.prepare('SELECT headers_json FROM order_profiles').all());
  return rows.flatMap((r) => z.array(z.string()).catch([]).parse(parseJson(r.headers_json)));
}

/** Saves (or replaces) a profile; inside the caller's transaction. */
export function saveProfile(ctx: ServiceContext, p: SavedProfile, at: number): void {
  if (builtinProfile(p.name)) {
    throw new ShipdeskError('INVALID_INPUT', `"${p.name}" is the name of a built-in profile. Choose another name.`);
  }
  ctx
    .prepare(
      `INSERT INTO order_profiles (name, channel, header_key, headers_json, mapping_json, defaults_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET channel = excluded.channel, header_key = excluded.header_key,
         headers_json = excluded.headers_json, mapping_json = excluded.mapping_json,
         defaults_json = excluded.defaults_json, updated_at = excluded.updated_at`,
    )
    .run(
      p.name,
      p.channel,
      headerSetKey(p.headers),
      JSON.stringify(p.headers),
      JSON.stringify(p.mapping),
      JSON.stringify(p.defaults),
      at,
      at,
    );
}

export function deleteProfile(ctx: ServiceContext, name: string): boolean {
  return ctx.prepare('DELETE FROM order_profiles WHERE name = ?').run(name).changes > 0;
}

export function listProfiles(ctx: ServiceContext): OrderProfileView[] {
  const saved = savedProfile.all(ctx.prepare(`SELECT ${COLUMNS} FROM order_profiles ORDER BY name`).all()).map(toSaved);
  return [
    ...BUILTIN_PROFILES.map((p) => ({ name: p.name, kind: 'builtin' as const, channel: p.channel, label: p.label })),
    ...saved.map((p) => ({
      name: p.name,
      kind: 'saved' as const,
      channel: p.channel,
      label: { ko: p.name, en: p.name },
      headers: p.headers,
      mapping: p.mapping,
      defaults: p.defaults,
    })),
  ];
}
