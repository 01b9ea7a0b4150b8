// The modification history: every register, modify, delete, carrier void and address change is
// written here, in the change's transaction (read back by history.ts).
import type { HistoryEntry } from '../../../shared/api/contract';
import type { HistoryAction, Via } from '../../../shared/domain';
import type { ServiceContext } from './context';

type Snapshot = HistoryEntry['before'];

export interface NewHistoryEntry {
  shipmentId: number;
  action: HistoryAction;
  before: Snapshot;
  after: Snapshot;
  operator: string;
  via: Via;
  /** The moment the operator acted, not the moment anything synced. */
  at: number;
  reason: string | null;
}

export function writeHistory(ctx: ServiceContext, e: NewHistoryEntry): void {
  ctx
    .prepare(
      `INSERT INTO history (shipment_id, action, before_json, after_json, operator, via, at, reason)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      e.shipmentId,
      e.action,
      e.before ? JSON.stringify(e.before) : null,
      e.after ? JSON.stringify(e.after) : null,
      e.operator,
      e.via,
      e.at,
      e.reason,
    );
}
