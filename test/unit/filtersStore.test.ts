// The operator's filters: read back safely from storage (old or hand-edited values), turned into the
// core's query, and kept across restarts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FACET_CODES_MAX, SEARCH_TEXT_MAX, ShipmentListInput } from '../../shared/api/contract';
import {
  createFiltersStore,
  DEFAULT_FILTERS,
  listInput,
  parseFilters,
  pickFilters,
  rangeBackwards,
  sameQuery,
  type Filters,
} from '../../renderer/src/stores/filters';

/** A localStorage for the store to keep its filters in. */
function fakeStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: (i) => [...items.keys()][i] ?? null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => void items.set(k, String(v)),
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('parseFilters', () => {
  it('falls back to the defaults for anything that is not an object', () => {
    for (const value of [null, 'x', 42, undefined]) expect(parseFilters(value)).toEqual(DEFAULT_FILTERS);
  });

  it('keeps what is valid and replaces what is not, field by field', () => {
    const parsed = parseFilters({
      tab: 'inDelivery',
      region: 'mars',
      searchField: 'productId',
      searchText: 'x'.repeat(SEARCH_TEXT_MAX + 50),
      from: '2026-11-01',
      to: '2026-02-30', // not a calendar day
      claim: 'exchange',
      warehouses: ['WH-ICN', 7, 'W'.repeat(41)],
      policies: Array.from({ length: FACET_CODES_MAX + 20 }, (_, i) => `P${i}`),
      options: 'PARCEL',
      sort: { key: 'shipmentNo', dir: 'sideways' },
    });
    expect(parsed).toEqual({
      ...DEFAULT_FILTERS,
      tab: 'inDelivery',
      searchField: 'productId',
      searchText: 'x'.repeat(SEARCH_TEXT_MAX),
      from: '2026-11-01',
      to: null,
      claim: 'exchange',
      warehouses: ['WH-ICN'],
      policies: Array.from({ length: FACET_CODES_MAX }, (_, i) => `P${i}`),
      options: [],
      sort: { key: 'shipmentNo', dir: 'desc' },
    });
  });
});

describe('listInput', () => {
  const f = (patch: Partial<Filters>): Filters => ({ ...DEFAULT_FILTERS, ...patch });

  it('asks only for what is set, and the core accepts it', () => {
    const input = listInput(f({}), 120);
    expect(input).toEqual({
      tab: 'preparing',
      region: 'domestic',
      claim: 'all',
      sort: { key: 'orderDate', dir: 'desc' },
      limit: 120,
    });
    expect(ShipmentListInput.safeParse(input).success).toBe(true);
  });

  it('searches by prefix with control characters dropped, dates and facets when set, the cursor when paging', () => {
    const input = listInput(
      f({ searchText: '  SD000\u0007012 ', from: '2026-11-01', warehouses: ['WH-ICN'], options: ['QUICK'] }),
      200,
      'cursor-1',
    );
    expect(input).toMatchObject({
      search: { field: 'shipmentNo', text: 'SD000012', mode: 'prefix' },
      orderDate: { from: '2026-11-01' },
      warehouses: ['WH-ICN'],
      options: ['QUICK'],
      cursor: 'cursor-1',
    });
    expect(input).not.toHaveProperty('policies');
    expect(ShipmentListInput.safeParse(input).success).toBe(true);
  });

  it('a search of only spaces or control characters is no search', () => {
    expect(listInput(f({ searchText: ' \u0000 ' }), 1)).not.toHaveProperty('search');
  });

  it('sameQuery ignores what the core does not see; rangeBackwards spots an end before the start', () => {
    expect(sameQuery(f({ searchText: 'SD1 ' }), f({ searchText: 'SD1' }))).toBe(true);
    expect(sameQuery(f({ tab: 'failed' }), f({}))).toBe(false);
    expect(rangeBackwards({ from: '2026-11-02', to: '2026-11-01' })).toBe(true);
    expect(rangeBackwards({ from: '2026-11-01', to: null })).toBe(false);
  });
});

describe('createFiltersStore', () => {
  it('toggles facets, clears all but tab, region and sort, and keeps the filters across a restart', () => {
    vi.stubGlobal('localStorage', fakeStorage());
    const store = createFiltersStore();
    store.getState().set({ tab: 'failed', region: 'international', searchText: 'SD00', from: '2026-11-01' });
    store.getState().toggleFacet('warehouses', 'WH-ICN');
    store.getState().toggleFacet('warehouses', 'WH-PUS');
    store.getState().toggleFacet('warehouses', 'WH-ICN');
    expect(store.getState().warehouses).toEqual(['WH-PUS']);

    const restarted = createFiltersStore();
    expect(pickFilters(restarted.getState())).toEqual(pickFilters(store.getState()));

    store.getState().set({ sort: { key: 'shipmentNo', dir: 'asc' } });
    store.getState().clearFilters();
    expect(pickFilters(store.getState())).toEqual({
      ...DEFAULT_FILTERS,
      tab: 'failed',
      region: 'international',
      sort: { key: 'shipmentNo', dir: 'asc' },
    });
  });

  it('starts from the defaults when storage is unavailable or holds garbage', () => {
    const broken = fakeStorage();
    broken.setItem('shipdesk.filters.v1', '{not json');
    vi.stubGlobal('localStorage', broken);
    expect(pickFilters(createFiltersStore().getState())).toEqual(DEFAULT_FILTERS);
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('disabled');
      },
      setItem: () => {
        throw new Error('disabled');
      },
    });
    const store = createFiltersStore();
    expect(() => store.getState().set({ tab: 'delivered' })).not.toThrow();
    expect(store.getState().tab).toBe('delivered');
  });
});
