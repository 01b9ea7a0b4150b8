// What just happened, said once near the grid: a success politely, an error assertively, and the
// row it concerns flashes. One store for every part of the screen (dialogs, the scanner, the grid),
// so nothing happens silently and nothing speaks twice.
import { create } from 'zustand';

export type ToastTone = 'ok' | 'error';

export interface Toast {
  id: number;
  text: string;
  tone: ToastTone;
  /** The shipment the toast is about; its row flashes. */
  shipmentNo: string | null;
}

export interface ToastOptions {
  tone?: ToastTone;
  /** Flash this shipment's row. */
  shipmentNo?: string | null;
}

/** At most this many at once; the oldest goes first. A scanning desk makes one per parcel. */
export const MAX_TOASTS = 3;
/** How long a toast stays; errors longer, so the operator can read what to do. Hovering holds them. */
export const TOAST_MS: Record<ToastTone, number> = { ok: 6_000, error: 12_000 };

export interface ToastsState {
  toasts: Toast[];
  /** The row that flashes now; a new id restarts the flash even on the same row. */
  flash: { shipmentNo: string; id: number } | null;
  show(text: string, options?: ToastOptions): number;
  dismiss(id: number): void;
  /** Flashes a row without a toast (e.g. a row shown after "moved to …"). */
  flashRow(shipmentNo: string): void;
  /** The pointer or focus is on the toasts: keep them until it leaves. */
  hold(held: boolean): void;
}

let nextId = 0;

export const useToasts = create<ToastsState>((set, get) => {
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let held = false;

  const schedule = (toast: Toast) => {
    clearTimeout(timers.get(toast.id));
    timers.set(
      toast.id,
      setTimeout(() => get().dismiss(toast.id), TOAST_MS[toast.tone]),
    );
  };

  return {
    toasts: [],
    flash: null,
    show(text, options = {}) {
      const id = ++nextId;
      const toast: Toast = { id, text, tone: options.tone ?? 'ok', shipmentNo: options.shipmentNo ?? null };
      const kept = [...get().toasts, toast];
      for (const old of kept.splice(0, Math.max(0, kept.length - MAX_TOASTS))) {
        clearTimeout(timers.get(old.id));
        timers.delete(old.id);
      }
      set({ toasts: kept, ...(toast.shipmentNo ? { flash: { shipmentNo: toast.shipmentNo, id } } : {}) });
      if (!held) schedule(toast);
      return id;
    },
    dismiss(id) {
      clearTimeout(timers.get(id));
      timers.delete(id);
      set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
    },
    flashRow(shipmentNo) {
      set({ flash: { shipmentNo, id: ++nextId } });
    },
    hold(next) {
      if (held === next) return;
      held = next;
      if (held) {
        for (const timer of timers.values()) clearTimeout(timer);
        timers.clear();
      } else for (const toast of get().toasts) schedule(toast);
    },
  };
});

/** For code outside React (the scanner, dialogs' outcomes): say it near the grid. */
export function showToast(text: string, options?: ToastOptions): number {
  return useToasts.getState().show(text, options);
}
