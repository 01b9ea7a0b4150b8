// What the operator is looking at: tab, region, search, order dates, order type, facets, sort.
// Kept in localStorage so the desk looks the same after a restart; read back through a parser,
// since what is stored may be from an older version or hand-edited.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ymd } from '../../../shared/api/common';
import { FACET_CODE_MAX, FACET_CODES_MAX, SEARCH_TEXT_MAX, type MethodInput } from '../../../shared/api/contract';
import {
  CLAIM_TYPES,
  REGIONS,
  SEARCH_FIELDS,
  SORT_DIRECTIONS,
  SORT_KEYS,
  TABS,
  type ClaimType,
  type Region,
  type SearchField,
  type SortDirection,
  type SortKey,
  type Tab,
} from '../../../shared/domain';
import { cleanSearchText } from '../domain/shipmentNo';

/** The contract's limit on search text (shared/api/shipments.ts). */
export const SEARCH_MAX = SEARCH_TEXT_MAX;
const STORAGE_KEY = 'shipdesk.filters.v1';

export type Claim = 'all' | ClaimType;
export const CLAIMS: readonly Claim[] = ['all', ...CLAIM_TYPES];
export type FacetKind = 'warehouses' | 'policies' | 'options';
export const FACET_KINDS: readonly FacetKind[] = ['warehouses', 'policies', 'options'];

export interface Filters {
  tab: Tab;
  region: Region;
  searchField: SearchField;
  searchText: string;
  from: string | null;
  to: string | null;
  claim: Claim;
  warehouses: string[];
  policies: string[];
  options: string[];
  /** Only the shipments the status bar counts as not moving (main/core/sync/notMoving.ts). */
  notMoving: boolean;
  sort: { key: SortKey; dir: SortDirection };
}

export const DEFAULT_FILTERS: Filters = {
  tab: 'preparing',
  region: 'domestic',
  searchField: 'shipmentNo',
  searchText: '',
  from: null,
  to: null,
  claim: 'all',
  warehouses: [],
  policies: [],
  options: [],
  notMoving: false,
  sort: { key: 'orderDate', dir: 'desc' },
};

/** "Clear all": every filter back to its default; the tab, region, search field and sort stay. */
const { tab: _tab, region: _region, searchField: _field, sort: _sort, ...CLEARED_FILTERS } = DEFAULT_FILTERS;

const oneOf = <T extends string>(list: readonly T[], value: unknown, fallback: T): T =>
  typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : fallback;
/** A day the contract accepts (a calendar YYYY-MM-DD), else none. */
const day = (value: unknown): string | null => {
  const parsed = ymd.safeParse(value);
  return parsed.success ? parsed.data : null;
};
const codes = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string' && v.length <= FACET_CODE_MAX).slice(0, FACET_CODES_MAX)
    : [];

export function parseFilters(value: unknown): Filters {
  if (typeof value !== 'object' || value === null) return DEFAULT_FILTERS;
  const v = value as Record<string, unknown>;
  const sort = typeof v.sort === 'object' && v.sort !== null ? (v.sort as Record<string, unknown>) : {};
  return {
    tab: oneOf(TABS, v.tab, DEFAULT_FILTERS.tab),
    region: oneOf(REGIONS, v.region, DEFAULT_FILTERS.region),
    searchField: oneOf(SEARCH_FIELDS, v.searchField, DEFAULT_FILTERS.searchField),
    searchText: typeof v.searchText === 'string' ? v.searchText.slice(0, SEARCH_MAX) : '',
    from: day(v.from),
    to: day(v.to),
    claim: oneOf(CLAIMS, v.claim, 'all'),
    warehouses: codes(v.warehouses),
    policies: codes(v.policies),
    options: codes(v.options),
    notMoving: v.notMoving === true,
    sort: { key: oneOf(SORT_KEYS, sort.key, 'orderDate'), dir: oneOf(SORT_DIRECTIONS, sort.dir, 'desc') },
  };
}

function loadFilters(): Filters {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    return raw ? parseFilters(JSON.parse(raw)) : DEFAULT_FILTERS;
  } catch {
    return DEFAULT_FILTERS;
  }
}

function saveFilters(filters: Filters): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(filters));
  } catch {
    // a full or disabled storage only costs the restore after a restart
  }
}

export interface FiltersState extends Filters {
  set(patch: Partial<Filters>): void;
  toggleFacet(kind: FacetKind, code: string): void;
  /** Everything but tab, region and sort back to the defaults. */
  clearFilters(): void;
}

export function createFiltersStore(): StoreApi<FiltersState> {
  const store = createStore<FiltersState>((set, get) => ({
    ...loadFilters(),
    set: (patch) => set(patch),
    toggleFacet(kind, code) {
      const list = get()[kind];
      set({ [kind]: list.includes(code) ? list.filter((c) => c !== code) : [...list, code] } as Pick<
        Filters,
        FacetKind
      >);
    },
    clearFilters: () => set(CLEARED_FILTERS),
  }));
  store.subscribe((s) => saveFilters(pickFilters(s)));
  return store;
}

export function pickFilters(s: Filters): Filters {
  return {
    tab: s.tab,
    region: s.region,
    searchField: s.searchField,
    searchText: s.searchText,
    from: s.from,
    to: s.to,
    claim: s.claim,
    warehouses: s.warehouses,
    policies: s.policies,
    options: s.options,
    notMoving: s.notMoving,
    sort: s.sort,
  };
}

/** The search as the core receives it: control characters out, bounded; prefix match while typing. */
export function effectiveSearch(f: Filters): { field: SearchField; text: string } | null {
  const text = cleanSearchText(f.searchText, SEARCH_MAX);
  return text ? { field: f.searchField, text } : null;
}

export function listInput(f: Filters, limit: number, cursor?: string): MethodInput<'shipments.list'> {
  const search = effectiveSearch(f);
  const from = f.from ?? undefined;
  const to = f.to ?? undefined;
  return {
    tab: f.tab,
    region: f.region,
    claim: f.claim,
    sort: f.sort,
    limit,
    ...(search ? { search: { ...search, mode: 'prefix' as const } } : {}),
    ...(from || to ? { orderDate: { ...(from ? { from } : {}), ...(to ? { to } : {}) } } : {}),
    ...(f.warehouses.length ? { warehouses: f.warehouses } : {}),
    ...(f.policies.length ? { policies: f.policies } : {}),
    ...(f.options.length ? { options: f.options } : {}),
    ...(f.notMoving ? { notMoving: true } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

/** Same rows asked for? Used to skip needless reloads (e.g. a chip removed and added back). */
export function sameQuery(a: Filters, b: Filters): boolean {
  return JSON.stringify(listInput(a, 1)) === JSON.stringify(listInput(b, 1));
}

/** The order-date range runs backwards: say so next to the dates instead of asking the core. */
export function rangeBackwards(f: Pick<Filters, 'from' | 'to'>): boolean {
  return f.from !== null && f.to !== null && f.from > f.to;
}
