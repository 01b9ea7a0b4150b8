// Which columns feed which field, for a file's header row and a profile (built-in, saved or an
// ad-hoc mapping); and which profile a header row is, when nobody said.
import { createHash } from 'node:crypto';
import { ORDER_FIELDS, REQUIRED_ORDER_FIELDS, type ColumnMapping, type OrderField } from '../../../shared/api/contract';
import type { ChannelId } from '../../../shared/channels';
import { ShipdeskError } from '../../../shared/errors';
import { headerKey } from '../sheets/headers';
import { describeOrderField, FIELD_SPECS } from './fields';
import { BUILTIN_PROFILES, type BuiltinProfile, type ColumnSource } from './profiles';

/** Columns (0-based) whose values are joined with sep. */
export interface PlannedSource {
  columns: number[];
  sep: string;
}

export interface ColumnPlan {
  profile: { name: string; kind: 'builtin' | 'saved' | 'mapping'; channel: ChannelId };
  headers: string[];
  fields: Partial<Record<OrderField, PlannedSource[]>>;
  keys: Record<string, PlannedSource[]>;
  shipmentKey: string | null;
  keepSource: boolean;
  countryRequired: boolean;
  footers: RegExp[];
  /** A row with an order but no item is its order's summary, not a line (eBay). */
  summaryRows: boolean;
  /** The zone the sheet's dates are read in; null: the home time zone (settings). */
  dateZone: string | null;
}

/** The file's header set, normalised and sorted: how a saved profile knows its layout again. */
export function headerSetKey(headers: readonly string[]): string {
  const keys = [...new Set(headers.map(headerKey).filter(Boolean))].sort();
  return createHash('sha256').update(keys.join('\u0001')).digest('hex');
}

function columnIndex(headers: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = headerKey(h);
    // The first column of a name wins (Naver's older layout repeats some in parentheses at the end).
    if (key && !index.has(key)) index.set(key, i);
  });
  return index;
}

function planSources(sources: readonly ColumnSource[], index: Map<string, number>): PlannedSource[] {
  const planned: PlannedSource[] = [];
  for (const s of sources) {
    if (s.onlyWith?.some((h) => !index.has(headerKey(h)))) continue;
    const columns = s.headers.map((h) => index.get(headerKey(h)));
    if (columns.some((c) => c === undefined)) continue;
    planned.push({ columns: columns.filter((c): c is number => c !== undefined), sep: s.sep ?? ' ' });
  }
  return planned;
}

export function recognises(profile: BuiltinProfile, headers: readonly string[]): boolean {
  const index = columnIndex(headers);
  return profile.signatures.some((set) => set.every((h) => index.has(headerKey(h))));
}

export function recogniseBuiltin(headers: readonly string[]): BuiltinProfile | undefined {
  return BUILTIN_PROFILES.find((p) => recognises(p, headers));
}

function requireFields(plan: ColumnPlan, expected: (field: OrderField) => string): ColumnPlan {
  const missing: OrderField[] = REQUIRED_ORDER_FIELDS.filter((f) => !plan.fields[f]?.length);
  if (!plan.fields.productId?.length && !plan.fields.productName?.length) missing.push('productName');
  if (!missing.length) return plan;
  throw new ShipdeskError(
    'HEADER_MISMATCH',
    `This sheet (read as ${plan.profile.name}) has no column for ${missing.map(describeOrderField).join(', ')}. ` +
      `Expected ${missing.map(expected).join('; ')}. Download the sheet again with these columns, or map the columns yourself.`,
    { missing, profile: plan.profile.name, found: plan.headers.filter(Boolean).slice(0, 40) },
  );
}

/** The zone this computer's clock is set to: where a seller's own report is downloaded and read. */
export function computerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * `dateZone`: the zone the operator chose for this profile's dates (eBay writes the seller's local
 * time without an offset); by default the computer's for such profiles, the home zone for the rest.
 */
export function builtinPlan(profile: BuiltinProfile, headers: readonly string[], dateZone?: string): ColumnPlan {
  const index = columnIndex(headers);
  const fields: ColumnPlan['fields'] = {};
  for (const field of ORDER_FIELDS) {
    const planned = planSources(profile.fields[field] ?? [], index);
    if (planned.length) fields[field] = planned;
  }
  const keys: ColumnPlan['keys'] = {};
  for (const [name, names] of Object.entries(profile.keys ?? {})) {
    keys[name] = planSources(
      names.map((h) => ({ headers: [h] })),
      index,
    );
  }
  const plan: ColumnPlan = {
    profile: { name: profile.name, kind: 'builtin', channel: profile.channel },
    headers: [...headers],
    fields,
    keys,
    shipmentKey: profile.shipmentKey ?? null,
    keepSource: profile.keepSource ?? false,
    countryRequired: profile.countryRequired ?? false,
    footers: profile.footers ?? [],
    summaryRows: profile.summaryRows ?? false,
    dateZone: dateZone ?? (profile.datesInSellerZone ? computerTimeZone() : null),
  };
  return requireFields(
    plan,
    (f) => (profile.fields[f] ?? []).map((s) => s.headers.map((h) => `"${h}"`).join(' + ')).join(' or ') || 'a column',
  );
}

/** A mapping from the mapping step or `--map`: header -> field; several headers of one field are joined. */
export function mappingPlan(
  headers: readonly string[],
  mapping: ColumnMapping,
  profile: ColumnPlan['profile'],
): ColumnPlan {
  const index = columnIndex(headers);
  const unknown = Object.keys(mapping).filter((h) => !index.has(headerKey(h)));
  if (unknown.length) {
    throw new ShipdeskError(
      'HEADER_MISMATCH',
      `The mapping names ${unknown.length > 1 ? 'headers' : 'a header'} this sheet does not have: ${unknown
        .slice(0, 10)
        .map((h) => `"${h}"`)
        .join(', ')}. The sheet's headers are: ${headers.filter(Boolean).slice(0, 30).join(', ')}.`,
      { unknown, found: headers.filter(Boolean).slice(0, 60) },
    );
  }
  const byField = new Map<OrderField, number[]>();
  for (const [header, field] of Object.entries(mapping)) {
    const column = index.get(headerKey(header));
    if (column === undefined) continue;
    byField.set(field, [...(byField.get(field) ?? []), column]);
  }
  const fields: ColumnPlan['fields'] = {};
  for (const [field, columns] of byField) fields[field] = [{ columns: columns.sort((a, b) => a - b), sep: ' ' }];
  const plan: ColumnPlan = {
    profile,
    headers: [...headers],
    fields,
    keys: {},
    shipmentKey: null,
    keepSource: false,
    countryRequired: false,
    footers: [],
    summaryRows: false,
    dateZone: null,
  };
  return requireFields(plan, (f) => `a header mapped to ${f} (${FIELD_SPECS[f].ko}, ${FIELD_SPECS[f].en})`);
}
