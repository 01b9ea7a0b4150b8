// The grid's columns (warehouse, policy and option share one, so all fit a 1366-pixel screen): header words, track widths (one CSS grid template shared by header and rows,
// so nothing shifts when data arrives) and which columns the core can sort by.
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
  /** Sortable in the core (an index backs it). */
  sortKey?: SortKey;
}

export const COLUMNS: readonly Column[] = [
  { id: 'shipmentNo', label: 'col.shipmentNo', track: '122px', sortKey: 'shipmentNo' },
  { id: 'orderNo', label: 'col.orderNo', track: '124px' },
  { id: 'orderDate', label: 'col.orderDate', track: '106px', sortKey: 'orderDate' },
  { id: 'product', label: 'col.product', track: 'minmax(116px, 2.4fr)' },
  { id: 'recipient', label: 'col.recipient', track: 'minmax(72px, 0.6fr)' },
  { id: 'country', label: 'col.country', track: '62px' },
  { id: 'warehouse', label: 'col.warehouse', track: 'minmax(128px, 1.3fr)' },
  { id: 'carrier', label: 'col.carrier', track: '82px' },
  { id: 'invoiceNo', label: 'col.invoiceNo', track: '186px' },
  { id: 'edit', label: 'col.edit', track: '58px' },
  { id: 'status', label: 'col.status', track: '142px' },
  { id: 'lastEvent', label: 'col.lastEvent', track: '106px' },
];

export const GRID_TEMPLATE = COLUMNS.map((c) => c.track).join(' ');

/** Fixed, so a row's position is arithmetic and nothing jumps. */
export const ROW_HEIGHT = 32;
