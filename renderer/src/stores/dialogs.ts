// Which dialog is open over the screen. One at a time: the page behind is inert while one is.
import { create } from 'zustand';

export type InvoiceMode = 'view' | 'modify' | 'delete';

export type OpenDialog =
  | {
      kind: 'invoice';
      shipmentNo: string;
      mode: InvoiceMode;
      /** opened by a scan: focus the invoice field */ scanned: boolean;
      key: number;
    }
  | { kind: 'details'; shipmentNo: string }
  | { kind: 'history'; shipmentNo: string }
  | { kind: 'settings' }
  | { kind: 'import' }
  | { kind: 'orders' }
  | { kind: 'exports' };

interface DialogsState {
  open: OpenDialog | null;
  show(dialog: OpenDialog): void;
  openInvoice(shipmentNo: string, mode?: InvoiceMode, scanned?: boolean): void;
  close(): void;
}

let opened = 0;

export const useDialogs = create<DialogsState>((set) => ({
  open: null,
  show: (dialog) => set({ open: dialog }),
  // A fresh key per opening, so scanning the same shipment again starts a clean dialog.
  openInvoice: (shipmentNo, mode = 'view', scanned = false) =>
    set({ open: { kind: 'invoice', shipmentNo, mode, scanned, key: ++opened } }),
  close: () => set({ open: null }),
}));
