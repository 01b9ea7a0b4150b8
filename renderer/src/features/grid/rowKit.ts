// What every grid row needs, built once per grid render and passed down: words, language, facet
// names and the actions. Rows then need no hooks of their own, so creating one while scrolling is cheap.
import type { Facets } from '../../../../shared/contract';
import type { Language, Translate } from '../../i18n';
import type { InvoiceMode } from '../../stores/dialogs';

export interface RowKit {
  t: Translate;
  language: Language;
  facets: Facets | null;
  openInvoice(shipmentNo: string, mode?: InvoiceMode): void;
  showDetails(shipmentNo: string): void;
  showHistory(shipmentNo: string): void;
  copy(invoiceNo: string, button: HTMLButtonElement): void;
}

const COPIED_MS = 1800;

/** A short "Copied" beside the button, outside React's tree: the row need not re-render for it. */
export function flashCopied(button: HTMLButtonElement, text: string): void {
  const wrap = button.parentElement;
  if (!wrap) return;
  wrap.querySelector('.copied')?.remove();
  const note = document.createElement('span');
  note.className = 'copied';
  note.setAttribute('aria-hidden', 'true'); // the notice line says it to screen readers
  note.textContent = text;
  wrap.append(note);
  setTimeout(() => note.remove(), COPIED_MS);
}
