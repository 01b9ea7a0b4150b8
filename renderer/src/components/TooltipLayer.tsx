// One tooltip for the whole screen. Any element with data-tip shows it on hover (after a moment)
// and at once on keyboard focus; the element is tied to it with aria-describedby while it shows;
// the pointer may move onto it; Escape closes it (WCAG 1.4.13). One listener set instead of one
// component per icon keeps a grid row cheap to create while scrolling.
//   data-tip          the words (usually the button's name)
//   data-tip-reason   why the action is not possible now
//   data-tip-memo     a shipment no.: show its shipping request, fetched on demand
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useClient } from '../api/ClientContext';
import { MemoText, useMemos } from '../stores/memoCache';

const TOOLTIP_ID = 'screen-tooltip';
const HOVER_DELAY_MS = 120;
const HIDE_DELAY_MS = 150;

interface Shown {
  anchor: HTMLElement;
  label: string;
  reason: string | null;
  memoOf: string | null;
}

function tipTarget(node: EventTarget | null): HTMLElement | null {
  return node instanceof Element ? node.closest<HTMLElement>('[data-tip]') : null;
}

export function TooltipLayer() {
  const client = useClient();
  const [shown, setShown] = useState<Shown | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const current = useRef<Shown | null>(null);

  useEffect(() => {
    const show = (anchor: HTMLElement, delay: number) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const memoOf = anchor.dataset.tipMemo ?? null;
        if (memoOf) useMemos.getState().fetch(client, memoOf);
        current.current?.anchor.removeAttribute('aria-describedby');
        anchor.setAttribute('aria-describedby', TOOLTIP_ID);
        const next = { anchor, label: anchor.dataset.tip ?? '', reason: anchor.dataset.tipReason ?? null, memoOf };
        current.current = next;
        setShown(next);
      }, delay);
    };
    const hide = (delay: number) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        current.current?.anchor.removeAttribute('aria-describedby');
        current.current = null;
        setShown(null);
      }, delay);
    };
    const over = (e: MouseEvent) => {
      const t = tipTarget(e.target);
      if (t) show(t, t === current.current?.anchor ? 0 : HOVER_DELAY_MS);
      else if (e.target instanceof Element && e.target.closest(`#${TOOLTIP_ID}`)) clearTimeout(timer.current);
    };
    const out = (e: MouseEvent) => {
      if (tipTarget(e.target) || (e.target instanceof Element && e.target.closest(`#${TOOLTIP_ID}`)))
        hide(HIDE_DELAY_MS);
    };
    const focusIn = (e: FocusEvent) => {
      const t = tipTarget(e.target);
      // Keyboard focus only: focus put back by script after a click (a dialog closing) would else
      // drop a tooltip over the next row's buttons, under the operator's pointer.
      if (t && t.matches(':focus-visible')) show(t, 0);
    };
    const focusOut = (e: FocusEvent) => {
      if (tipTarget(e.target)) hide(0);
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && current.current) hide(0);
    };
    document.addEventListener('mouseover', over);
    document.addEventListener('mouseout', out);
    document.addEventListener('focusin', focusIn);
    document.addEventListener('focusout', focusOut);
    document.addEventListener('keydown', key, true);
    return () => {
      clearTimeout(timer.current);
      document.removeEventListener('mouseover', over);
      document.removeEventListener('mouseout', out);
      document.removeEventListener('focusin', focusIn);
      document.removeEventListener('focusout', focusOut);
      document.removeEventListener('keydown', key, true);
    };
  }, [client]);

  // The anchor may leave the DOM (its row scrolled away): then the tooltip goes too.
  useEffect(() => {
    if (!shown) return;
    const check = setInterval(() => {
      if (!shown.anchor.isConnected) {
        current.current = null;
        setShown(null);
      }
    }, 250);
    return () => clearInterval(check);
  }, [shown]);

  return shown ? <Bubble shown={shown} /> : null;
}

function Bubble({ shown }: { shown: Shown }) {
  const box = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  const memo = useMemos((s) => (shown.memoOf ? s.memos[shown.memoOf] : undefined));

  // Below the anchor, or above it near the bottom edge; kept inside the window sideways.
  useLayoutEffect(() => {
    if (!box.current) return;
    const a = shown.anchor.getBoundingClientRect();
    const b = box.current.getBoundingClientRect();
    const below = a.bottom + 6 + b.height <= window.innerHeight - 4;
    const top = below ? a.bottom + 6 : Math.max(4, a.top - 6 - b.height);
    const left = Math.min(Math.max(4, a.left + a.width / 2 - b.width / 2), window.innerWidth - b.width - 4);
    setPlace({ top, left });
  }, [shown, memo]);

  return createPortal(
    <div
      ref={box}
      id={TOOLTIP_ID}
      role="tooltip"
      className="tooltip"
      style={place ? { top: place.top, left: place.left } : { top: -9999, left: -9999 }}
    >
      <span className="tooltip-label">{shown.label}</span>
      {shown.reason && <span className="tooltip-reason">{shown.reason}</span>}
      {shown.memoOf && <MemoText memo={memo} />}
    </div>,
    document.body,
  );
}
