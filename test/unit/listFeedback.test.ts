// The small rules behind what the operator sees of the list: toasts, rows kept after they moved
// away, which columns give way on a narrow window, and counted words in both languages.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ShipmentRow } from '../../shared/api/contract';
import { COLUMNS, fittingColumns, widthOf } from '../../renderer/src/features/grid/columns';
import { translator } from '../../renderer/src/i18n';
import { plural } from '../../renderer/src/i18n/plural';
import { departureOf, keepDeparted } from '../../renderer/src/stores/departed';
import { MAX_TOASTS, TOAST_MS, useToasts } from '../../renderer/src/stores/toasts';
import { rowActions } from '../../main/core/services/shipmentActions';

describe('toasts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    useToasts.setState({ toasts: [], flash: null });
  });
  afterEach(() => vi.useRealTimers());

  it('keep the newest few, flash the row they name, and go after a while; errors stay longer', () => {
    const { show } = useToasts.getState();
    for (let i = 1; i <= MAX_TOASTS + 1; i++) show(`saved ${i}`, { shipmentNo: `SD000000000${i}` });
    expect(useToasts.getState().toasts.map((t) => t.text)).toEqual(['saved 2', 'saved 3', 'saved 4']);
    expect(useToasts.getState().flash?.shipmentNo).toBe(`SD000000000${MAX_TOASTS + 1}`);
    show('Could not copy', { tone: 'error' });
    vi.advanceTimersByTime(TOAST_MS.ok + 1);
    expect(useToasts.getState().toasts.map((t) => t.text)).toEqual(['Could not copy']);
    vi.advanceTimersByTime(TOAST_MS.error - TOAST_MS.ok);
    expect(useToasts.getState().toasts).toEqual([]);
  });

  it('stay while the operator holds them (pointer or focus on them), then go on their own time', () => {
    const { show, hold } = useToasts.getState();
    show('saved');
    hold(true);
    vi.advanceTimersByTime(TOAST_MS.ok * 3);
    expect(useToasts.getState().toasts).toHaveLength(1);
    hold(false);
    vi.advanceTimersByTime(TOAST_MS.ok + 1);
    expect(useToasts.getState().toasts).toHaveLength(0);
  });
});

describe('rows that moved away', () => {
  const statusOf = (tab: ShipmentRow['tab']) => (tab === 'inDelivery' ? 'SHIPPING' : 'AWAITING_INVOICE');
  const row = (no: string, tab: ShipmentRow['tab'] = 'inDelivery'): ShipmentRow => ({
    shipmentNo: no,
    orderNo: 'O',
    orderedAt: '2026-11-20T00:00:00.000Z',
    claim: 'general',
    status: statusOf(tab),
    tab,
    region: 'domestic',
    country: 'KR',
    recipientName: 'R',
    productSummary: 'P',
    itemCount: 1,
    warehouse: 'W',
    policy: 'P',
    option: 'O',
    hasMemo: false,
    carrierId: null,
    invoiceNo: null,
    lastEventAt: null,
    allowed: rowActions({ status: statusOf(tab), hasInvoice: tab === 'inDelivery' }),
  });
  const view = { tab: 'inDelivery' as const, region: 'domestic' as const };

  it('a row departs when its tab or region is no longer the view’s', () => {
    expect(departureOf(row('A'), view)).toBeNull();
    expect(departureOf(row('A', 'preparing'), view)).toEqual({ tab: 'preparing', region: 'domestic' });
  });

  it('go back where they were after a re-read; one that came back is no longer departed', () => {
    const before = [row('A'), row('B', 'preparing'), row('C'), row('D', 'preparing')];
    const departed = {
      B: { tab: 'preparing' as const, region: 'domestic' as const },
      D: { tab: 'preparing' as const, region: 'domestic' as const },
    };
    const kept = keepDeparted([row('A'), row('C'), row('E')], before, departed);
    expect(kept.rows.map((r) => r.shipmentNo)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(kept.kept).toBe(2);
    const back = keepDeparted([row('A'), row('B'), row('C')], before, { B: departed.B });
    expect(back).toMatchObject({ kept: 0, departed: {} });
    expect(back.rows.map((r) => r.shipmentNo)).toEqual(['A', 'B', 'C']);
  });
});

describe('columns on a narrow window', () => {
  const ids = (width: number, domestic = false) => fittingColumns(width, { domestic }).map((c) => c.id);

  it('all fit a wide window; they give way in order, Country first in Domestic', () => {
    expect(ids(widthOf(COLUMNS))).toHaveLength(COLUMNS.length);
    const tight = widthOf(COLUMNS) - 1;
    expect(ids(tight)).not.toContain('lastEvent');
    expect(ids(tight)).toContain('country');
    expect(ids(tight, true)).not.toContain('country');
    expect(ids(tight, true)).toContain('lastEvent');
  });

  it('never drops the columns an operator works with, however narrow', () => {
    const left = ids(200);
    for (const id of ['shipmentNo', 'orderDate', 'product', 'carrier', 'invoiceNo', 'edit', 'status'] as const)
      expect(left).toContain(id);
    expect(left).toHaveLength(7);
  });
});

describe('counted words', () => {
  it('one and many in English, one form in Korean', () => {
    expect(plural(translator('en'), 'en', 'excel.commit', 1)).toBe('Save 1 row');
    expect(plural(translator('en'), 'en', 'excel.commit', 2)).toBe('Save 2 rows');
    expect(plural(translator('en'), 'en', 'list.count', 1234)).toBe('1,234 shipments');
    expect(plural(translator('ko'), 'ko', 'excel.commit', 1)).toBe('1행 저장');
    expect(plural(translator('en'), 'en', 'excel.previewOf', 1, { file: 'a.xlsx' })).toBe(
      'a.xlsx: 1 row checked, nothing saved yet.',
    );
  });
});
