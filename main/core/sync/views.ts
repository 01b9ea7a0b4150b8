// What the screen shows about sync per row (queued, refused, tracking, not moving, why it failed) and
// the dead letters an operator must look at.
import type { DeadLetterView, ShipmentSyncPhase, ShipmentSyncView } from '../../../shared/contract';
import type { TrackingCode } from '../../../shared/domain';
import { ShipdeskError } from '../../../shared/errors';
import { normalizeShipmentNo } from '../../../shared/shipmentNo';
import { iso } from '../domain/time';
import type { ServiceContext } from '../services/context';

interface RowRecord {
  id: number;
  shipment_no: string;
  status: string;
  invoice_id: number | null;
  carrier_id: string | null;
  invoice_no: string | null;
  released_at: number | null;
  /** Null when no schedule row exists yet (released before tracking began; the next cycle adds it). */
  followed: string | null;
  next_poll_at: number | null;
  last_polled_at: number | null;
  last_error_code: string | null;
  last_error: string | null;
  not_moving: number | null;
}

interface OutboxRecord {
  kind: string;
  state: string;
  attempts: number;
  last_error: string | null;
}

const NEXT_STEP: Partial<Record<TrackingCode, NonNullable<ShipmentSyncView['failure']>['nextStep']>> = {
  ATTEMPT_FAIL: 'redeliver',
  RETURNING: 'return',
  RETURNED: 'return',
  EXCEPTION: 'redeliver_or_cancel',
};

const at = (ms: number | null) => (ms === null ? null : iso(ms));

function failureOf(ctx: ServiceContext, r: RowRecord): ShipmentSyncView['failure'] {
  if (r.status !== 'FAILED' || !r.carrier_id || !r.invoice_no) return null;
  const e = ctx
    .prepare(
      `SELECT at, code, raw_text FROM tracking_events WHERE carrier_id = ? AND invoice_no = ?
         AND code IN ('ATTEMPT_FAIL','RETURNING','RETURNED','EXCEPTION') ORDER BY at DESC, id DESC LIMIT 1`,
    )
    .get(r.carrier_id, r.invoice_no) as { at: number; code: TrackingCode; raw_text: string } | undefined;
  if (!e) return null;
  return { code: e.code, text: e.raw_text, at: iso(e.at), nextStep: NEXT_STEP[e.code] ?? 'redeliver_or_cancel' };
}

function phaseOf(
  r: RowRecord,
  open: OutboxRecord | undefined,
  newest: OutboxRecord | undefined,
): { phase: ShipmentSyncPhase; reason: string | null } {
  if (open) {
    if (open.state === 'leased') return { phase: 'sending', reason: null };
    if (open.attempts > 0 || open.last_error) return { phase: 'retrying', reason: open.last_error };
    return { phase: 'queued', reason: null };
  }
  if (r.invoice_id !== null && r.released_at !== null)
    return { phase: r.followed !== null && r.next_poll_at === null ? 'finished' : 'tracking', reason: null };
  if (r.invoice_id === null && newest?.kind === 'release' && newest.state === 'dead')
    return { phase: 'refused', reason: newest.last_error };
  return { phase: 'none', reason: null };
}

export function shipmentSyncViews(ctx: ServiceContext, shipmentNos: readonly string[]): ShipmentSyncView[] {
  const row = ctx.prepare(
    `SELECT s.id, s.shipment_no, s.status, s.invoice_id, i.carrier_id, i.invoice_no, i.released_at,
            p.carrier_id AS followed, p.next_poll_at, p.last_polled_at, p.last_error_code, p.last_error, p.not_moving
     FROM shipments s LEFT JOIN invoices i ON i.id = s.invoice_id
     LEFT JOIN poll_schedule p ON p.carrier_id = i.carrier_id AND p.invoice_no = i.invoice_no
     WHERE s.shipment_no = ?`,
  );
  const open = ctx.prepare(
    `SELECT kind, state, attempts, last_error FROM outbox WHERE shipment_id = ? AND state IN ('pending','leased') ORDER BY id LIMIT 1`,
  );
  const newest = ctx.prepare(
    'SELECT kind, state, attempts, last_error FROM outbox WHERE shipment_id = ? ORDER BY id DESC LIMIT 1',
  );
  const views: ShipmentSyncView[] = [];
  for (const no of shipmentNos) {
    const r = row.get(normalizeShipmentNo(no)) as RowRecord | undefined;
    if (!r) continue;
    const { phase, reason } = phaseOf(
      r,
      open.get(r.id) as OutboxRecord | undefined,
      newest.get(r.id) as OutboxRecord | undefined,
    );
    const tracking = r.invoice_id !== null;
    views.push({
      shipmentNo: r.shipment_no,
      phase,
      reason,
      lastPolledAt: tracking ? at(r.last_polled_at) : null,
      nextPollAt: tracking ? at(r.next_poll_at) : null,
      notMoving: tracking && r.not_moving === 1,
      lastError: tracking && r.last_error_code ? { code: r.last_error_code, message: r.last_error ?? '' } : null,
      failure: failureOf(ctx, r),
    });
  }
  return views;
}

export function listDeadLetters(ctx: ServiceContext, limit: number): DeadLetterView[] {
  const rows = ctx
    .prepare(
      `SELECT o.id, s.shipment_no, o.kind, o.payload, o.last_error, o.last_error_code, o.attempts, o.finished_at, o.created_at
       FROM outbox o JOIN shipments s ON s.id = o.shipment_id WHERE o.state = 'dead' ORDER BY o.id DESC LIMIT ?`,
    )
    .all(limit) as {
    id: number;
    shipment_no: string;
    kind: 'release' | 'withdraw';
    payload: string;
    last_error: string | null;
    last_error_code: string | null;
    attempts: number;
    finished_at: number | null;
    created_at: number;
  }[];
  return rows.map((r) => {
    const fields = ctx
      .prepare(`SELECT json_extract(?, '$.carrierId') AS c, json_extract(?, '$.invoiceNo') AS n`)
      .get(r.payload, r.payload) as {
      c: unknown;
      n: unknown;
    };
    return {
      id: r.id,
      shipmentNo: r.shipment_no,
      kind: r.kind,
      carrierId: typeof fields.c === 'string' ? fields.c : '',
      invoiceNo: typeof fields.n === 'string' ? fields.n : '',
      reason: r.last_error ?? 'refused',
      code: r.last_error_code,
      attempts: r.attempts,
      failedAt: at(r.finished_at),
      createdAt: iso(r.created_at),
    };
  });
}

/** Sends dead work again (e.g. after the upstream was fixed). A voided invoice's release cannot be revived. */
export function retryDeadLetter(ctx: ServiceContext, id: number): void {
  const row = ctx
    .prepare(
      `SELECT kind, json_extract(payload, '$.invoiceId') AS invoice_id FROM outbox WHERE id = ? AND state = 'dead'`,
    )
    .get(id) as { kind: string; invoice_id: unknown } | undefined;
  if (!row) throw new ShipdeskError('NOT_FOUND', `There is no refused work with id ${id}.`);
  if (row.kind === 'release') {
    const active = ctx.prepare('SELECT 1 FROM invoices WHERE id = ? AND active = 1').get(row.invoice_id);
    if (!active)
      throw new ShipdeskError(
        'INVALID_STATE',
        'This invoice was voided; register the number again instead of retrying the release.',
      );
  }
  ctx
    .prepare(
      `UPDATE outbox SET state = 'pending', attempts = 0, due_at = ?, finished_at = NULL, last_error = NULL, last_error_code = NULL WHERE id = ?`,
    )
    .run(ctx.clock(), id);
}
