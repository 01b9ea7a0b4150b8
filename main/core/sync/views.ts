// What the screen shows about sync per row (queued, refused, tracking, not moving, why it failed) and
// the dead letters an operator must look at.
import type { DeadLetterView, ShipmentSyncPhase, ShipmentSyncView } from '../../../shared/api/contract';
import { z } from 'zod';
import { TRACKING_CODES, type TrackingCode } from '../../../shared/domain';
import { ShipdeskError } from '../../../shared/errors';
import { normalizeShipmentNo } from '../../../shared/shipmentNo';
import { iso } from '../domain/time';
import { rowReader, type RowOf } from '../db/rows';
import type { ServiceContext } from '../services/context';

const shipmentSync = rowReader(
  'shipment sync state',
  z.object({
    id: z.number(),
    shipment_no: z.string(),
    status: z.string(),
    invoice_id: z.number().nullable(),
    carrier_id: z.string().nullable(),
    invoice_no: z.string().nullable(),
    released_at: z.number().nullable(),
    /** Null when no schedule row exists yet (released before tracking began; the next cycle adds it). */
    followed: z.string().nullable(),
    next_poll_at: z.number().nullable(),
    last_polled_at: z.number().nullable(),
    last_error_code: z.string().nullable(),
    last_error: z.string().nullable(),
    not_moving: z.number().nullable(),
  }),
);
type RowRecord = RowOf<typeof shipmentSync>;

const outboxWork = rowReader(
  'outbox work of a shipment',
  z.object({ kind: z.string(), state: z.string(), attempts: z.number(), last_error: z.string().nullable() }),
);
type OutboxRecord = RowOf<typeof outboxWork>;

const failureScan = rowReader(
  'failure scan',
  z.object({ at: z.number(), code: z.enum(TRACKING_CODES), raw_text: z.string() }),
);

const deadLetter = rowReader(
  'dead letter',
  z.object({
    id: z.number(),
    shipment_no: z.string(),
    kind: z.enum(['release', 'withdraw']),
    payload: z.string(),
    last_error: z.string().nullable(),
    last_error_code: z.string().nullable(),
    attempts: z.number(),
    finished_at: z.number().nullable(),
    created_at: z.number(),
  }),
);

/** What a dead letter's payload names; either may be missing from an old or damaged payload. */
const payloadNumber = rowReader('dead letter number', z.object({ c: z.unknown(), n: z.unknown() }));

const deadWork = rowReader('dead work', z.object({ kind: z.string(), invoice_id: z.unknown() }));

const NEXT_STEP: Partial<Record<TrackingCode, NonNullable<ShipmentSyncView['failure']>['nextStep']>> = {
  ATTEMPT_FAIL: 'redeliver',
  RETURNING: 'return',
  RETURNED: 'return',
  EXCEPTION: 'redeliver_or_cancel',
};

const at = (ms: number | null) => (ms === null ? null : iso(ms));

function failureOf(ctx: ServiceContext, r: RowRecord): ShipmentSyncView['failure'] {
  if (r.status !== 'FAILED' || !r.carrier_id || !r.invoice_no) return null;
  const e = failureScan.one(
    ctx
      .prepare(
        `SELECT at, code, raw_text FROM tracking_events WHERE carrier_id = ? AND invoice_no = ?
         AND code IN ('ATTEMPT_FAIL','RETURNING','RETURNED','EXCEPTION') ORDER BY at DESC, id DESC LIMIT 1`,
      )
      .get(r.carrier_id, r.invoice_no),
  );
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
    const r = shipmentSync.one(row.get(normalizeShipmentNo(no)));
    if (!r) continue;
    const { phase, reason } = phaseOf(r, outboxWork.one(open.get(r.id)), outboxWork.one(newest.get(r.id)));
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
  const rows = deadLetter.all(
    ctx
      .prepare(
        `SELECT o.id, s.shipment_no, o.kind, o.payload, o.last_error, o.last_error_code, o.attempts, o.finished_at, o.created_at
         FROM outbox o JOIN shipments s ON s.id = o.shipment_id WHERE o.state = 'dead' ORDER BY o.id DESC LIMIT ?`,
      )
      .all(limit),
  );
  return rows.map((r) => {
    const fields = payloadNumber.single(
      ctx
        .prepare(`SELECT json_extract(?, '$.carrierId') AS c, json_extract(?, '$.invoiceNo') AS n`)
        .get(r.payload, r.payload),
    );
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
  const row = deadWork.one(
    ctx
      .prepare(
        `SELECT kind, json_extract(payload, '$.invoiceId') AS invoice_id FROM outbox WHERE id = ? AND state = 'dead'`,
      )
      .get(id),
  );
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
