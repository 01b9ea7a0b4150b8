// What every grid row needs, built once per grid render and passed down: words, language, facet
// names and the actions. Rows then need no hooks of their own, so creating one while scrolling is cheap.
import type { Facets } from '../../../../shared/api/contract';
import type { Region } from '../../../../shared/domain';
import type { Language, Translate } from '../../i18n';
import type { Departure } from '../../stores/departed';
import type { InvoiceMode } from '../../stores/dialogs';
import type { ColumnId } from './columns';

export interface RowKit {
  t: Translate;
  language: Language;
  facets: Facets | null;
  /** The home time zone: the grid's dates are the desk's days, as the core counts them. */
  timeZone: string;
  /** The region on screen (a departed row says so when it went to the other one). */
  region: Region;
  /** The columns that fit the window. */
  shown: ReadonlySet<ColumnId>;
  openInvoice(shipmentNo: string, mode?: InvoiceMode): void;
  showDetails(shipmentNo: string): void;
  showHistory(shipmentNo: string): void;
  copy(invoiceNo: string, shipmentNo: string, button: HTMLButtonElement): void;
  /** Goes to where a departed row went and shows it there. */
  follow(shipmentNo: string, to: Departure): void;
}

const COPIED_MS = 1800;

/** A short "Copied" beside the button, outside React's tree: the row need not re-render for it. */
export function flashCopied(button: HTMLButtonElement, text: string): void {
  const wrap = button.parentElement;
  if (!wrap) return;
  wrap.querySelector('.copied')?.remove();
  const note = document.createElement('span');
  note.className = 'copied';
  note.setAttribute('aria-hidden', 'true'); // the toast says it to screen readers
  note.textContent = text;
  wrap.append(note);
  setTimeout(() => note.remove(), COPIED_MS);
}
