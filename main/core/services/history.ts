// The modification history as read, newest first (written by historyEntries.ts).
import type { HistoryEntry } from '../../../shared/contract';
import type { HistoryAction, Via } from '../../../shared/domain';
import { iso } from '../domain/time';
import type { ServiceContext } from './context';
import { findShipment } from './shipments';

type Snapshot = HistoryEntry['before'];

function parseSnapshot(json: string | null): Snapshot {
  if (!json) return null;
  const value: unknown = JSON.parse(json);
  return value && typeof value === 'object' ? (value as NonNullable<Snapshot>) : null;
}

/** Newest first. */
export function listHistory(ctx: ServiceContext, shipmentNo: string): HistoryEntry[] {
  const ref = findShipment(ctx, shipmentNo);
  const rows = ctx
    .prepare(
      `SELECT id, action, before_json, after_json, operator, via, at, reason FROM history
       WHERE shipment_id = ? ORDER BY id DESC`,
    )
    .all(ref.id) as {
    id: number;
    action: HistoryAction;
    before_json: string | null;
    after_json: string | null;
    operator: string;
    via: Via;
    at: number;
    reason: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    shipmentNo: ref.shipmentNo,
    action: r.action,
    before: parseSnapshot(r.before_json),
    after: parseSnapshot(r.after_json),
    operator: r.operator,
    via: r.via,
    at: iso(r.at),
    reason: r.reason,
  }));
}
