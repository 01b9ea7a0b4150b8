// Warehouse, delivery policy and shipping option for imported shipments: the value a line names
// (by code or name), else the default the operator chose, else the desk's first one. A desk with
// none yet gets one of each, made in the commit's transaction.
import { z } from 'zod';
import { idRow, rowReader, type RowOf } from '../db/rows';
import type { OrderDefaults } from '../../../shared/api/contract';
import { ShipdeskError } from '../../../shared/errors';
import type { ServiceContext } from '../services/context';

export const FACET_KINDS = ['warehouse', 'policy', 'option'] as const;
export type FacetKind = (typeof FACET_KINDS)[number];

const TABLE: Record<FacetKind, string> = {
  warehouse: 'warehouses',
  policy: 'delivery_policies',
  option: 'shipping_options',
};

const WORD: Record<FacetKind, string> = {
  warehouse: 'warehouse',
  policy: 'delivery policy',
  option: 'shipping option',
};

/** What an empty desk starts with. */
const FIRST: Record<FacetKind, { code: string; name: string }> = {
  warehouse: { code: 'MAIN', name: '기본 출고지' },
  policy: { code: 'STD', name: '일반배송' },
  option: { code: 'PARCEL', name: '택배' },
};

const facetRow = rowReader('facet', z.object({ id: z.number(), code: z.string(), name: z.string() }));
export type Facet = RowOf<typeof facetRow>;

export interface FacetBook {
  /** The facet a line's text names, by code or name (case and spacing aside). */
  find(kind: FacetKind, text: string): Facet | undefined;
  /** The default of a kind: chosen, else the first; null id when the desk has none (made at commit). */
  fallback(kind: FacetKind): Facet;
  known(kind: FacetKind): string;
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

export function loadFacets(ctx: ServiceContext, chosen: OrderDefaults): FacetBook {
  const all = {} as Record<FacetKind, Facet[]>;
  for (const kind of FACET_KINDS)
    all[kind] = facetRow.all(ctx.prepare(`SELECT id, code, name FROM ${TABLE[kind]} ORDER BY id`).all());
  const find = (kind: FacetKind, text: string) => {
    const key = squash(text);
    return all[kind].find((f) => squash(f.code) === key) ?? all[kind].find((f) => squash(f.name) === key);
  };
  const fallbacks = {} as Record<FacetKind, Facet>;
  for (const kind of FACET_KINDS) {
    const code = chosen[kind];
    if (code !== undefined) {
      const facet = find(kind, code);
      if (!facet) {
        throw new ShipdeskError(
          'INVALID_INPUT',
          `There is no ${WORD[kind]} "${code}". Choose one of: ${all[kind].map((f) => f.code).join(', ') || '(none yet)'}.`,
        );
      }
      fallbacks[kind] = facet;
    } else fallbacks[kind] = all[kind][0] ?? { id: 0, ...FIRST[kind] };
  }
  return {
    find,
    fallback: (kind) => fallbacks[kind],
    known: (kind) =>
      all[kind]
        .slice(0, 12)
        .map((f) => `${f.code} (${f.name})`)
        .join(', ') || '(none yet)',
  };
}

export function facetWord(kind: FacetKind): string {
  return WORD[kind];
}

/** The facet's id, making the empty desk's first one when needed (inside the caller's transaction). */
export function facetId(ctx: ServiceContext, kind: FacetKind, facet: Facet): number {
  if (facet.id) return facet.id;
  const found = idRow.one(ctx.prepare(`SELECT id FROM ${TABLE[kind]} WHERE code = ?`).get(facet.code));
  if (found) return found.id;
  return Number(
    ctx.prepare(`INSERT INTO ${TABLE[kind]} (code, name) VALUES (?, ?)`).run(facet.code, facet.name).lastInsertRowid,
  );
}
