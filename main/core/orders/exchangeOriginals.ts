// An exchange keeps its link to its original order or is not imported (docs/ORDERS.md "Exchanges").
// The sheet-level check lets an exchange through when its original is a few rows away; this pass
// runs once every order of the sheet has its verdict, and refuses the exchanges whose original was
// refused in the same sheet, which would otherwise be saved with nothing to point at.
import type { Problem } from './values';

/** What this pass reads of an order about to be created. */
export interface PendingOrder {
  key: string;
  originalKey: string | null;
  existingId: number | null;
}

/** What this pass reads of a line's verdict. */
export interface LineVerdict {
  row: number;
  orderKey: string;
  orderNo: string;
  outcome: 'create' | 'skip' | 'reject';
  code?: string;
  message?: string;
}

/** The row that says why an order was refused: its own error, not the "held back with it" echo. */
function firstRefusal(lines: readonly LineVerdict[], orderKey: string): LineVerdict | undefined {
  const refused = lines.filter((l) => l.orderKey === orderKey && l.outcome === 'reject');
  return refused.find((l) => l.code !== 'ORDER_HAS_ERRORS') ?? refused[0];
}

function originalRefused(originalKey: string, why: LineVerdict | undefined): Problem {
  const originalNo = why?.orderNo ?? originalKey.split('\u0001')[1] ?? originalKey;
  const reason = why ? ` (row ${why.row}: ${(why.message ?? why.code ?? '').replace(/\.$/, '')})` : '';
  return {
    code: 'ORIGINAL_NOT_FOUND',
    message:
      `The original order ${originalNo} of this exchange was refused in this same sheet${reason}. ` +
      'Fix the original and import the sheet again; the exchange comes in with it.',
  };
}

/**
 * Refuses, through `refuse`, every new exchange whose original is neither in Shipdesk nor among the
 * orders still to be created. `refuse` takes the order out of `orders`, so an exchange of a refused
 * exchange is caught on the next round.
 */
export function refuseOrphanedExchanges(
  orders: ReadonlyMap<string, PendingOrder>,
  inShipdesk: { has(orderKey: string): boolean },
  lines: readonly LineVerdict[],
  refuse: (orderKey: string, problem: Problem) => void,
): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const o of [...orders.values()]) {
      const original = o.originalKey;
      if (o.existingId !== null || !original || orders.has(original) || inShipdesk.has(original)) continue;
      refuse(o.key, originalRefused(original, firstRefusal(lines, original)));
      changed = true;
    }
  }
}
