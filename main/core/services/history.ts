// The modification history as read, newest first (written by historyEntries.ts).
import type { HistoryEntry } from '../../../shared/api/contract';
import { z } from 'zod';
import { HISTORY_ACTIONS, VIAS } from '../../../shared/domain';
import { rowReader } from '../db/rows';
import { iso } from '../domain/time';
import type { ServiceContext } from './context';
import { findShipment } from './shipments';

type Snapshot = HistoryEntry['before'];

const historyRow = rowReader(
  'history entry',
  z.object({
    id: z.number(),
    action: z.enum(HISTORY_ACTIONS),
    before_json: z.string().nullable(),
    after_json: z.string().nullable(),
    operator: z.string(),
    via: z.enum(VIAS),
    at: z.number(),
    reason: z.string().nullable(),
  }),
);

function parseSnapshot(json: string | null): Snapshot {
  if (!json) return null;
  const value: unknown = JSON.parse(json);
  return value && typeof value === 'object' ? (value as NonNullable<Snapshot>) : null;
}

/** Newest first. */
export function listHistory(ctx: ServiceContext, shipmentNo: string): HistoryEntry[] {
  const ref = findShipment(ctx, shipmentNo);
  const rows = historyRow.all(
    ctx
      .prepare(
        `SELECT id, action, before_json, after_json, operator, via, at, reason FROM history
         WHERE shipment_id = ? ORDER BY id DESC`,
      )
      .all(ref.id),
  );
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
