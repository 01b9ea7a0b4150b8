// The grid's columns: header words, track widths (one CSS grid template shared by header and rows,
// so nothing shifts when data arrives), which columns the core can sort by, and which give way
// first when the window is narrow (a 1280-pixel laptop at 150 % scaling must not scroll sideways).
import type { SortKey } from '../../../../shared/domain';
import type { MessageKey } from '../../i18n/messages';

export type ColumnId =
  | 'shipmentNo'
  | 'orderNo'
  | 'orderDate'
  | 'product'
  | 'recipient'
  | 'country'
  | 'warehouse'
  | 'carrier'
  | 'invoiceNo'
  | 'edit'
  | 'status'
  | 'lastEvent';

export interface Column {
  id: ColumnId;
  label: MessageKey;
  track: string;
  /** The narrowest the track gets, in pixels (its fixed width, or the minmax minimum). */
  min: number;
  /**
   * Who gives way when the columns do not fit: 1 hides first, then 2, … Absent: always shown.
   * What a hidden column held stays one click away (details dialog) or folds into a neighbour
   * (an international row's country into the recipient).
   */
  hideRank?: number;
  /** Sortable in the core (an index backs it). */
  sortKey?: SortKey;
}

export const COLUMNS: readonly Column[] = [
  { id: 'shipmentNo', label: 'col.shipmentNo', track: '122px', min: 122, sortKey: 'shipmentNo' },
  { id: 'orderNo', label: 'col.orderNo', track: '124px', min: 124, hideRank: 4 },
  { id: 'orderDate', label: 'col.orderDate', track: '106px', min: 106, sortKey: 'orderDate' },
  { id: 'product', label: 'col.product', track: 'minmax(180px, 2fr)', min: 180 },
  { id: 'recipient', label: 'col.recipient', track: 'minmax(72px, 0.6fr)', min: 72, hideRank: 3 },
  { id: 'country', label: 'col.country', track: '62px', min: 62, hideRank: 2 },
  { id: 'warehouse', label: 'col.warehouse', track: 'minmax(128px, 1.6fr)', min: 128, hideRank: 5 },
  { id: 'carrier', label: 'col.carrier', track: '82px', min: 82 },
  { id: 'invoiceNo', label: 'col.invoiceNo', track: '186px', min: 186 },
  { id: 'edit', label: 'col.edit', track: '58px', min: 58 },
  { id: 'status', label: 'col.status', track: '142px', min: 142 },
  { id: 'lastEvent', label: 'col.lastEvent', track: '106px', min: 106, hideRank: 1 },
];

/** Every column at its narrowest, side by side. */
export const widthOf = (columns: readonly Column[]): number => columns.reduce((sum, c) => sum + c.min, 0);

/**
 * The columns that fit `width` pixels: the lowest hideRank gives way first, until the rest fit.
 * In the Domestic view every row's country is the home country, so Country gives way before all.
 */
export function fittingColumns(
  width: number,
  view: { domestic: boolean } = { domestic: false },
  columns: readonly Column[] = COLUMNS,
): readonly Column[] {
  const shown = [...columns];
  const rank = (c: Column) => (view.domestic && c.id === 'country' ? 0 : (c.hideRank ?? 0));
  const order = columns.filter((c) => c.hideRank !== undefined).sort((a, b) => rank(a) - rank(b));
  for (const next of order) {
    if (widthOf(shown) <= width) break;
    shown.splice(shown.indexOf(next), 1);
  }
  return shown;
}

export const gridTemplate = (columns: readonly Column[]): string => columns.map((c) => c.track).join(' ');

/** Fixed, so a row's position is arithmetic and nothing jumps. */
export const ROW_HEIGHT = 32;
