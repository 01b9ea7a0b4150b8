// A modal dialog: labelled, focus kept inside, Escape closes the top one wherever focus is (even
// when the focused control just left the page), focus goes back to what opened it.
// The page behind is made inert by the caller (it knows which element is "the page").
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { Icon } from './Icon';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The dialog drawn last is the one on top. */
function isTop(panel: HTMLElement): boolean {
  const open = document.querySelectorAll('[role="dialog"][aria-modal="true"]');
  return open[open.length - 1] === panel;
}

interface DialogProps {
  titleId: string;
  title: ReactNode;
  /** Extra text tied to the dialog as its description. */
  descriptionId?: string;
  onClose(): void;
  closeLabel: string;
  /** Focused when the dialog opens; else the first focusable element. */
  initialFocus?: RefObject<HTMLElement | null>;
  size?: 'narrow' | 'wide';
  children: ReactNode;
}

export function Dialog({
  titleId,
  title,
  descriptionId,
  onClose,
  closeLabel,
  initialFocus,
  size = 'narrow',
  children,
}: DialogProps) {
  const panel = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  // What had focus before the dialog's content could take it (read while rendering, before any effect).
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));

  useEffect(() => {
    // Content that put focus somewhere itself (a form's first field) keeps it.
    if (!panel.current?.contains(document.activeElement)) (initialFocus?.current ?? panel.current)?.focus();
    return () => {
      // The opener may be gone (its row re-rendered); then the caller decides where focus lands.
      if (opener?.isConnected && opener !== document.body) opener.focus();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per opening: the refs are stable
  }, []);

  // Escape from anywhere: focus may sit on the page's body after the focused control left the DOM.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || !panel.current || !isTop(panel.current)) return;
      event.preventDefault();
      onCloseRef.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Tab' || !panel.current) return;
    const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
    const firstItem = items[0];
    const lastItem = items[items.length - 1];
    if (!firstItem || !lastItem) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && (document.activeElement === firstItem || document.activeElement === panel.current)) {
      event.preventDefault();
      lastItem.focus();
    } else if (!event.shiftKey && document.activeElement === lastItem) {
      event.preventDefault();
      firstItem.focus();
    }
  };

  return createPortal(
    <div
      className="dialog-backdrop"
      // A click beside the dialog must not pull focus out of it (Esc and Tab would stop working).
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) event.preventDefault();
      }}
    >
      <div
        ref={panel}
        className={`dialog dialog-${size}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <div className="dialog-head">
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          <button
            type="button"
            className="icon-button dialog-close"
            aria-label={closeLabel}
            onClick={() => onCloseRef.current()}
          >
            <Icon name="close" />
          </button>
        </div>
        {children}
      </div>
    </div>,
    document.body,
  );
}
