// Which rows are on screen: fixed row height makes it arithmetic. Only those (plus a few either
// side) are in the DOM. Past a few million pixels browsers stop scrolling, so a very long list maps
// its scrollbar proportionally onto the rows instead.
import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';

const OVERSCAN = 6;
const MAX_BODY_PX = 8_000_000;

export interface VirtualWindow {
  first: number;
  last: number;
  /** Height of the scrollable body. */
  bodyHeight: number;
  /** A row's top inside the body. */
  topOf(index: number): number;
}

export function computeWindow(count: number, rowHeight: number, scrollTop: number, viewHeight: number): VirtualWindow {
  const full = count * rowHeight;
  const bodyHeight = Math.min(full, MAX_BODY_PX);
  const scrollable = bodyHeight - viewHeight;
  const virtualTop =
    full > bodyHeight && scrollable > 0
      ? (Math.min(scrollTop, scrollable) * (full - viewHeight)) / scrollable
      : scrollTop;
  const shift = virtualTop - scrollTop;
  const first = Math.max(0, Math.floor(virtualTop / rowHeight) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((virtualTop + viewHeight) / rowHeight) + OVERSCAN);
  return { first, last, bodyHeight, topOf: (index) => index * rowHeight - shift };
}

/** Follows the scroller's position and size; `width` is the room the columns have. */
export function useVirtualWindow(
  scroller: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  headerHeight: number,
): VirtualWindow & { width: number } {
  const [view, setView] = useState({ top: 0, height: 600, width: 1600 });

  const measure = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    const next = { top: el.scrollTop, height: Math.max(0, el.clientHeight - headerHeight), width: el.clientWidth };
    setView((v) => (v.top === next.top && v.height === next.height && v.width === next.width ? v : next));
  }, [scroller, headerHeight]);

  useLayoutEffect(measure, [measure, count]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // Browsers fire scroll once per frame, before painting it: rendering here keeps rows and
    // scrollbar in step (a requestAnimationFrame hop would paint one frame of blank rows).
    const onScroll = () => measure();
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = new ResizeObserver(measure);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, [scroller, measure]);

  return { ...computeWindow(count, rowHeight, view.top, view.height), width: view.width };
}
