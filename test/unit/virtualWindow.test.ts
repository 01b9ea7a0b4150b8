// Which rows the grid draws: plain arithmetic for ordinary lists, and the proportional mapping for
// lists taller than browsers can scroll (about 8 million pixels here).
import { describe, expect, it } from 'vitest';
import { computeWindow } from '../../renderer/src/features/grid/useVirtualWindow';

const ROW = 32;
const VIEW = 600;
const OVERSCAN = 6;

describe('computeWindow', () => {
  it('draws the rows in view plus a few either side, at index x row height', () => {
    const w = computeWindow(1000, ROW, 3200, VIEW);
    expect(w.bodyHeight).toBe(32_000);
    expect(w.first).toBe(100 - OVERSCAN);
    expect(w.last).toBe(Math.ceil((3200 + VIEW) / ROW) + OVERSCAN);
    expect(w.topOf(100)).toBe(3200);
  });

  it('clamps at both ends of a short list', () => {
    const top = computeWindow(10, ROW, 0, VIEW);
    expect([top.first, top.last, top.bodyHeight]).toEqual([0, 9, 320]);
    const empty = computeWindow(0, ROW, 0, VIEW);
    expect(empty.last).toBe(-1);
  });

  describe('a list taller than browsers allow (1,000,000 rows)', () => {
    const count = 1_000_000;
    const full = count * ROW;
    const bodyHeight = computeWindow(count, ROW, 0, VIEW).bodyHeight;
    const scrollable = bodyHeight - VIEW;

    it('caps the body and starts at the first row', () => {
      expect(full).toBeGreaterThan(bodyHeight);
      expect(bodyHeight).toBe(8_000_000);
      const w = computeWindow(count, ROW, 0, VIEW);
      expect(w.first).toBe(0);
      expect(w.topOf(0)).toBe(0);
    });

    it('reaches the very last row at the bottom of the scrollbar, placed at the bottom of the view', () => {
      const w = computeWindow(count, ROW, scrollable, VIEW);
      expect(w.last).toBe(count - 1);
      // The last row's bottom edge is the body's bottom edge: nothing cut off, nothing beyond.
      expect(w.topOf(count - 1) + ROW).toBeCloseTo(bodyHeight, 6);
      // Scrolling past the end (elastic scroll) changes nothing.
      expect(computeWindow(count, ROW, scrollable + 500, VIEW).last).toBe(count - 1);
    });

    it('maps the scrollbar proportionally: half way down is the middle of the list, drawn inside the view', () => {
      const scrollTop = scrollable / 2;
      const w = computeWindow(count, ROW, scrollTop, VIEW);
      const middle = (count - VIEW / ROW) / 2;
      expect(Math.abs(w.first + OVERSCAN - middle)).toBeLessThanOrEqual(1);
      // The rows drawn cover the view that is on screen (scrollTop .. scrollTop + VIEW).
      expect(w.topOf(w.first)).toBeLessThanOrEqual(scrollTop);
      expect(w.topOf(w.last) + ROW).toBeGreaterThanOrEqual(scrollTop + VIEW);
      // Consecutive rows stay one row apart: no gaps, no overlaps.
      expect(w.topOf(w.first + 1) - w.topOf(w.first)).toBe(ROW);
    });

    it('moves monotonically: a lower scroll position never shows earlier rows', () => {
      let previous = -1;
      for (let top = 0; top <= scrollable; top += scrollable / 50) {
        const first = computeWindow(count, ROW, top, VIEW).first;
        expect(first).toBeGreaterThanOrEqual(previous);
        previous = first;
      }
    });
  });
});
