// Warehouses, delivery policies and shipping options from the data: the Optional panel's choices
// and the names the grid shows for the codes in each row. Loaded once per connection.
import { create } from 'zustand';
import type { Facet, Facets } from '../../../shared/api/contract';
import type { ShipdeskClient } from '../api/client';
import type { FacetKind } from './filters';

interface FacetsState {
  facets: Facets | null;
  failed: boolean;
  load(client: ShipdeskClient): Promise<void>;
}

export const useFacets = create<FacetsState>((set) => ({
  facets: null,
  failed: false,
  async load(client) {
    try {
      const answer = await client.call('shipments.facets', {});
      set(answer.ok ? { facets: answer.value, failed: false } : { failed: true });
    } catch {
      set({ failed: true });
    }
  },
}));

const byCode = new WeakMap<Facet[], Map<string, string>>();

/** The name of a facet code, or the code itself while the names are not known. */
export function facetName(facets: Facets | null, kind: FacetKind, code: string): string {
  if (!facets) return code;
  const list = facets[kind];
  let map = byCode.get(list);
  if (!map) {
    map = new Map(list.map((f) => [f.code, f.name]));
    byCode.set(list, map);
  }
  return map.get(code) ?? code;
}
