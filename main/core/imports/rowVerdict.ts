// A row's verdict as the checks build it, and what of it the screen sees.
import type { ImportRowCode, ImportRowVerdict } from '../../../shared/api/contract';
import type { ShipmentRef } from '../services/shipments';

/** A verdict plus what the commit needs to act on it. */
export interface CheckedRow extends ImportRowVerdict {
  /** The shipment as checked, inside the same transaction as any write that follows. */
  ref?: ShipmentRef;
  reason?: string;
}

export type Problem = { code: ImportRowCode; message: string };

/** Gives a row its outcome and reason; the verdict follows from the outcome. */
export function settle(row: CheckedRow, outcome: CheckedRow['outcome'], p: Problem): CheckedRow {
  row.outcome = outcome;
  row.verdict = outcome === 'reject' ? 'error' : 'warning';
  row.code = p.code;
  row.message = p.message;
  return row;
}

/** What the screen sees: the verdict without the commit's bookkeeping. */
export function publicVerdict(r: CheckedRow): ImportRowVerdict {
  const { ref: _ref, reason: _reason, ...verdict } = r;
  return verdict;
}
