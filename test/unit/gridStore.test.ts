// The grid's store against a fake transport holding a list of shipments (the real client on top):
// keyset paging as the operator scrolls, stale answers dropped, loading on a tab switch, rows the
// operator's change moved away kept in place, failures as states. No DOM.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ShipmentListInput, type ShipmentRow, type StatusCounts, type TabCounts } from '../../shared/api/contract';
import { TAB_OF_STATUS, type ShipmentStatus } from '../../shared/domain';
import type { Envelope } from '../../shared/errors';
import { formatShipmentNo } from '../../shared/shipmentNo';
import { createClient } from '../../renderer/src/api/client';
import { TransportError, type Transport } from '../../renderer/src/api/transport';
import { createFiltersStore } from '../../renderer/src/stores/filters';
import { createGridStore } from '../../renderer/src/stores/gridStore';
import { useToasts } from '../../renderer/src/stores/toasts';
import { rowActions } from '../../main/core/services/shipmentActions';

function shipment(i: number, status: ShipmentStatus): ShipmentRow {
  return {
    shipmentNo: formatShipmentNo(i + 1),
    orderNo: `ORD-${i}`,
    orderedAt: new Date(Date.parse('2026-11-20T00:00:00Z') - i * 60_000).toISOString(),
    claim: 'general',
    status,
    tab: TAB_OF_STATUS[status],
    region: 'domestic',
    country: 'KR',
    recipientName: `수취인 ${i}`,
    productSummary: 'Earbuds',
    itemCount: 1,
    warehouse: 'WH-ICN',
    policy: 'STD',
    option: 'PARCEL',
    hasMemo: false,
    carrierId: null,
    invoiceNo: null,
    lastEventAt: null,
    allowed: rowActions({ status, hasInvoice: status !== 'AWAITING_INVOICE' }),
  };
}

/** An in-memory core for shipments.list, with a gate to hold answers back. */
function fakeDesk(count: number) {
  // Mostly awaiting an invoice; every 7th shipping, every 11th delivered.
  const rows = Array.from({ length: count }, (_, i) =>
    shipment(i, i % 7 === 0 ? 'SHIPPING' : i % 11 === 0 ? 'DELIVERED' : 'AWAITING_INVOICE'),
  );
  const calls: { method: string; input: unknown }[] = [];
  let gate: Promise<void> | null = null;
  let failNext = false;

  const answer = (method: string, input: unknown): Envelope<unknown> => {
    if (method === 'shipments.get') {
      // The detail's own fields, and the row as the core's list builds it.
      const row = rows.find((r) => r.shipmentNo === (input as { shipmentNo: string }).shipmentNo);
      if (!row) return { ok: false, error: { code: 'NOT_FOUND', message: 'no such shipment' } };
      return { ok: true, value: { ...row, events: [], row } };
    }
    if (method !== 'shipments.list') return { ok: false, error: { code: 'UNKNOWN_METHOD', message: method } };
    const q = ShipmentListInput.parse(input);
    const matching = rows.filter(
      (r) =>
        (!q.region || r.region === q.region) && (!q.search || r.shipmentNo.startsWith(q.search.text.toUpperCase())),
    );
    const counts: TabCounts = { preparing: 0, inDelivery: 0, failed: 0, delivered: 0 };
    const statusCounts: StatusCounts = {
      AWAITING_INVOICE: 0,
      PREPARING_TO_SHIP: 0,
      RELEASED: 0,
      PROCESSED: 0,
      SHIPPING: 0,
      FAILED: 0,
      DELIVERED: 0,
    };
    for (const r of matching) {
      counts[r.tab] += 1;
      statusCounts[r.status] += 1;
    }
    const inTab = matching.filter((r) => !q.tab || r.tab === q.tab);
    const start = q.cursor ? Number(q.cursor) : 0;
    const page = inTab.slice(start, start + q.limit);
    const more = start + q.limit < inTab.length;
    return {
      ok: true,
      value: {
        rows: page,
        total: q.tab ? counts[q.tab] : matching.length,
        counts,
        statusCounts,
        countsCapped: false,
        cappedTabs: [],
        nextCursor: more ? String(start + q.limit) : null,
      },
    };
  };

  const transport: Transport = {
    connection: 'open',
    async invoke(method, input) {
      calls.push({ method, input });
      const held = gate;
      if (held) await held;
      if (failNext) {
        failNext = false;
        throw new TransportError('The connection to Shipdesk dropped before the answer came.');
      }
      // A structured copy, as a real transport hands over: the store must not share the desk's objects.
      return structuredClone(answer(method, input));
    },
    onPush: () => () => undefined,
    onConnection: () => () => undefined,
  };

  return {
    rows,
    calls,
    client: createClient(transport),
    /** Holds every answer until the returned function is called. */
    hold(): () => void {
      let release = () => {};
      gate = new Promise<void>((r) => (release = r));
      return () => {
        gate = null;
        release();
      };
    },
    failNextCall() {
      failNext = true;
    },
    listCalls: () => calls.filter((c) => c.method === 'shipments.list').length,
  };
}

/** Lets every pending answer and the store's follow-up calls run. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 0));
};

function setup(count = 1000) {
  const desk = fakeDesk(count);
  const filters = createFiltersStore();
  const grid = createGridStore(desk.client, filters);
  return { desk, filters, grid };
}

const preparing = (rows: readonly ShipmentRow[]) => rows.filter((r) => r.tab === 'preparing');

describe('gridStore', () => {
  beforeEach(() => useToasts.setState({ toasts: [], flash: null }));
  afterEach(() => vi.useRealTimers());

  it('loads a first page, then keyset pages as the viewport asks, always a prefix of the result in order', async () => {
    const { desk, grid } = setup();
    expect(grid.getState().phase).toBe('loading');
    await grid.getState().reload();
    const expected = preparing(desk.rows);
    let s = grid.getState();
    expect(s.phase).toBe('ready');
    expect(s.total).toBe(expected.length);
    expect(s.rows.map((r) => r.shipmentNo)).toEqual(expected.slice(0, 120).map((r) => r.shipmentNo));
    expect(s.generation).toBe(1);
    expect(s.counts?.preparing).toBe(expected.length);
    expect(s.statusCounts?.AWAITING_INVOICE).toBe(expected.length);

    grid.getState().need(400);
    await settle();
    s = grid.getState();
    expect(s.rows.length).toBeGreaterThanOrEqual(480);
    expect(s.rows.map((r) => r.shipmentNo)).toEqual(expected.slice(0, s.rows.length).map((r) => r.shipmentNo));
    expect(new Set(s.rows.map((r) => r.shipmentNo)).size).toBe(s.rows.length);
  });

  it('drops a slow answer for filters the operator already left', async () => {
    const { desk, filters, grid } = setup();
    const release = desk.hold();
    const first = grid.getState().reload();
    filters.getState().set({ tab: 'inDelivery' });
    release();
    await first;
    await settle();
    const s = grid.getState();
    expect(s.rows.length).toBeGreaterThan(0);
    expect(s.rows.every((r) => r.tab === 'inDelivery')).toBe(true);
    expect(s.generation).toBe(1); // only the answer for the filters on screen landed
  });

  it('a tab switch shows loading, never the previous tab’s rows, until its answer comes', async () => {
    const { desk, filters, grid } = setup();
    await grid.getState().reload();
    const release = desk.hold();
    filters.getState().set({ tab: 'delivered' });
    expect(grid.getState()).toMatchObject({ phase: 'loading', rows: [], busy: true });
    release();
    await settle();
    expect(grid.getState().phase).toBe('ready');
    expect(grid.getState().rows.every((r) => r.tab === 'delivered')).toBe(true);
  });

  it('search text waits for a quiet moment (a scan is one query); a backwards date range asks nothing', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { desk, filters, grid } = setup();
    await grid.getState().reload();
    const before = desk.listCalls();
    for (const text of ['S', 'SD', 'SD0', 'SD00', 'SD000000001']) filters.getState().set({ searchText: text });
    expect(desk.listCalls()).toBe(before);
    await vi.advanceTimersByTimeAsync(100);
    expect(desk.listCalls()).toBe(before + 1);
    expect(grid.getState().rows.every((r) => r.shipmentNo.startsWith('SD000000001'))).toBe(true);

    filters.getState().set({ from: '2026-11-10', to: '2026-11-01' });
    await vi.advanceTimersByTimeAsync(100);
    expect(desk.listCalls()).toBe(before + 1);
  });

  it('a row the operator moved to another tab stays in place, dimmed, until the next action', async () => {
    const { desk, grid } = setup(60);
    await grid.getState().reload();
    const [a, b] = grid.getState().rows.slice(3, 5);
    if (!a || !b) throw new Error('rows');
    const indexOfA = 3;

    // Its invoice deleted elsewhere in the flow, say: it moves to In delivery (the desk changes).
    const moved = { ...a, status: 'SHIPPING' as const, tab: 'inDelivery' as const };
    desk.rows[desk.rows.findIndex((r) => r.shipmentNo === a.shipmentNo)] = moved;
    grid.getState().patch(moved);
    expect(grid.getState().departed).toEqual({ [a.shipmentNo]: { tab: 'inDelivery', region: 'domestic' } });

    // The core's re-read no longer has it: it stays where it was, counted on top of the total.
    await grid.getState().refresh([a.shipmentNo]);
    let s = grid.getState();
    expect(s.rows[indexOfA]?.shipmentNo).toBe(a.shipmentNo);
    expect(s.total).toBe(preparing(desk.rows).length);
    expect(s.extraRows).toBe(1);

    // The next action: the earlier row goes.
    const movedB = { ...b, status: 'DELIVERED' as const, tab: 'delivered' as const };
    grid.getState().patch(movedB);
    s = grid.getState();
    expect(s.rows.some((r) => r.shipmentNo === a.shipmentNo)).toBe(false);
    expect(Object.keys(s.departed)).toEqual([b.shipmentNo]);
    expect(s.extraRows).toBe(0);

    // A row that stays in the tab is patched in place, nothing departs.
    const c = s.rows[0];
    if (!c) throw new Error('rows');
    grid.getState().patch({ ...c, status: 'PREPARING_TO_SHIP', invoiceNo: '600000000316' });
    expect(grid.getState().departed).toEqual({});
    expect(grid.getState().rows[0]?.invoiceNo).toBe('600000000316');
  });

  it('a changed row deep in a long list becomes the row the core sends, what may be done with it included', async () => {
    const { desk, grid } = setup();
    await grid.getState().reload();
    grid.getState().need(700);
    await settle();
    const deep = grid.getState().rows[650]; // below the head a refresh re-reads (at most 500 rows)
    if (!deep) throw new Error('rows');

    // Registered at another station: the core's row now has the number, and modify/delete open.
    const registered: ShipmentRow = {
      ...deep,
      status: 'PREPARING_TO_SHIP',
      carrierId: 'kr.lotte',
      invoiceNo: '600000000316',
      recipientName: `${deep.recipientName} (combined)`,
      allowed: rowActions({ status: 'PREPARING_TO_SHIP', hasInvoice: true }),
    };
    desk.rows[desk.rows.findIndex((r) => r.shipmentNo === deep.shipmentNo)] = registered;
    await grid.getState().refresh([deep.shipmentNo]);

    const shown = grid.getState().rows.find((r) => r.shipmentNo === deep.shipmentNo);
    expect(shown).toEqual(registered);
    expect(shown?.allowed).toMatchObject({ register: false, modify: true, delete: true, editAddress: false });
  });

  it('following a departed row goes to its tab, searched by its number, and asks to reveal it', async () => {
    const { filters, grid } = setup(60);
    await grid.getState().reload();
    grid.getState().follow('SD0000000008', { tab: 'inDelivery', region: 'domestic' });
    expect(filters.getState()).toMatchObject({
      tab: 'inDelivery',
      searchField: 'shipmentNo',
      searchText: 'SD0000000008',
    });
    expect(grid.getState().reveal).toBe('SD0000000008');
    await settle();
    expect(grid.getState().departed).toEqual({});
    grid.getState().revealed();
    expect(grid.getState().reveal).toBeNull();
  });

  it('a call that never got an answer leaves the list loading (a transport problem); the next refresh loads it', async () => {
    const { desk, grid } = setup(30);
    desk.failNextCall();
    await grid.getState().reload();
    expect(grid.getState()).toMatchObject({ phase: 'loading', problem: { kind: 'transport' }, rows: [] });
    await grid.getState().refresh();
    expect(grid.getState()).toMatchObject({ phase: 'ready', problem: null });
    expect(grid.getState().rows.length).toBe(preparing(desk.rows).length);
  });

  it('a failed background refresh keeps what is on screen', async () => {
    const { desk, grid } = setup(30);
    await grid.getState().reload();
    const shown = grid.getState().rows;
    desk.failNextCall();
    await grid.getState().refresh();
    expect(grid.getState()).toMatchObject({ phase: 'ready', rows: shown });
  });

  it('setNotice, kept for older callers, speaks through the toasts', () => {
    const { grid } = setup(1);
    grid.getState().setNotice({ text: 'Scanned X: not a shipment number.', tone: 'error' });
    expect(useToasts.getState().toasts).toEqual([
      expect.objectContaining({ text: 'Scanned X: not a shipment number.', tone: 'error' }),
    ]);
  });
});
