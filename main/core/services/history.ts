// The modification history: every register, modify, delete, carrier void and address change.
import type { HistoryEntry } from '../../../shared/contract';
import { z } from 'zod';
import { HISTORY_ACTIONS, VIAS, type HistoryAction, type Via } from '../../../shared/domain';
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
