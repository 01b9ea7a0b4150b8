// A modal dialog: labelled, focus kept inside, Esc closes, focus goes back to where it came from.
// The page behind is made inert by the caller (it knows which element is "the page").
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { Icon } from './Icon';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

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

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = initialFocus?.current ?? panel.current;
    first?.focus();
    return () => {
      // The opener may be gone (its row re-rendered); then the caller decides where focus lands.
      if (opener?.isConnected && opener !== document.body) opener.focus();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per opening: the refs are stable
  }, []);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCloseRef.current();
      return;
    }
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
