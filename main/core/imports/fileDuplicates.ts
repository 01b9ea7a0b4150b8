// Duplicates inside one file, reported with both row numbers: the same shipment twice, or the same
// carrier number on several shipments (refused across recipients, a note for combined packing).
import { findCarrier } from '../../../shared/carriers';
import { settle, type CheckedRow } from './rowVerdict';

const willSave = (r: CheckedRow) => r.outcome === 'register' || r.outcome === 'modify';

function groups(rows: CheckedRow[], key: (r: CheckedRow) => string): CheckedRow[][] {
  const by = new Map<string, CheckedRow[]>();
  for (const r of rows) {
    const k = key(r);
    const g = by.get(k);
    if (g) g.push(r);
    else by.set(k, [r]);
  }
  return [...by.values()].filter((g) => g.length > 1);
}

function rowList(rows: CheckedRow[]): string {
  const nums = rows.map((r) => r.row);
  return nums.length === 2
    ? `rows ${nums[0]} and ${nums[1]}`
    : `rows ${nums.slice(0, -1).join(', ')} and ${nums[nums.length - 1]}`;
}

function reject(r: CheckedRow, message: string): void {
  settle(r, 'reject', { code: 'DUPLICATE_IN_FILE', message });
}

/** A warning; the row is skipped, or saved with the note added to any it has. */
function note(r: CheckedRow, code: 'REPEATED_ROW' | 'COMBINED_PACKING', message: string, skip: boolean): void {
  settle(r, skip ? 'skip' : r.outcome, { code, message: !skip && r.message ? `${r.message} ${message}` : message });
}

export function findFileDuplicates(rows: CheckedRow[]): void {
  for (const g of groups(rows.filter(willSave), (r) => r.shipmentNo)) {
    const [first, ...later] = g;
    if (!first) continue;
    const same = later.every((r) => r.carrierId === first.carrierId && r.invoiceNo === first.invoiceNo);
    if (same) {
      for (const r of later)
        note(r, 'REPEATED_ROW', `The same as row ${first.row}; saved once, this row skipped.`, true);
    } else {
      for (const r of g)
        reject(r, `${first.shipmentNo} appears in ${rowList(g)} with different invoice numbers. Keep one row for it.`);
    }
  }
  for (const g of groups(rows.filter(willSave), (r) => `${r.carrierId ?? ''}|${r.invoiceNo ?? ''}`)) {
    const [first] = g;
    if (!first) continue;
    const name = `${findCarrier(first.carrierId ?? '')?.nameEn ?? first.carrierId} ${first.invoiceNo}`;
    if (g.some((r) => r.ref?.recipientKey !== first.ref?.recipientKey)) {
      for (const r of g) {
        const others = g
          .filter((o) => o !== r)
          .map((o) => `row ${o.row} (${o.shipmentNo})`)
          .join(', ');
        reject(
          r,
          `${name} is also on ${others}, for another recipient. One number belongs to one parcel: check the labels.`,
        );
      }
    } else {
      for (const r of g.slice(1))
        note(
          r,
          'COMBINED_PACKING',
          `${name} is also on row ${first.row} (${first.shipmentNo}) for the same recipient (combined packing).`,
          false,
        );
    }
  }
}
