// When each carrier number is asked about next. A row per number in poll_schedule; next_poll_at NULL
// means polling stopped (delivered, cancelled, or no active invoice uses the number any more).
import { z } from 'zod';
import { rowReader } from '../db/rows';
import { SHIPMENT_STATUSES, REGIONS, TRACKING_CODES, type Region, type ShipmentStatus } from '../../../shared/domain';
import type { ServiceContext } from '../services/context';
import { DAY_MS, type PollPlan } from './tuning';
import { backoffDelay, jittered } from './limits';

/** What the number's shipments are doing, as far as the schedule cares. */
export type PollStage = 'released' | 'processed' | 'shipping' | 'outForDelivery' | 'failed' | 'returned' | 'stop';

export interface NumberKey {
  carrierId: string;
  invoiceNo: string;
}

export interface NumberActivity {
  stage: PollStage;
  /** The earliest confirmed release among the shipments using the number. */
  releasedAt: number | null;
  region: Region;
}

const STAGE_OF_STATUS: Partial<Record<ShipmentStatus, PollStage>> = {
  RELEASED: 'released',
  PROCESSED: 'processed',
  SHIPPING: 'shipping',
  FAILED: 'failed',
};
/** The most urgent stage decides when a shared number (combined packing) is polled. */
const URGENCY: PollStage[] = ['outForDelivery', 'shipping', 'processed', 'failed', 'released', 'returned'];

function intervalOf(plan: PollPlan, stage: Exclude<PollStage, 'stop'>): number {
  return {
    released: plan.releasedMs,
    processed: plan.processedMs,
    shipping: plan.shippingMs,
    outForDelivery: plan.outForDeliveryMs,
    failed: plan.failedMs,
    returned: plan.returnedMs,
  }[stage];
}

/** Milliseconds to the next poll after an answer, or null to stop. */
export function nextPollDelay(plan: PollPlan, stage: PollStage, random: () => number): number | null {
  return stage === 'stop' ? null : jittered(intervalOf(plan, stage), plan.jitter, random);
}

export function retryDelay(
  plan: PollPlan,
  failures: number,
  retryAfterMs: number | undefined,
  random: () => number,
): number {
  return Math.max(retryAfterMs ?? 0, backoffDelay(failures, plan.retry, random));
}

export function isNotMoving(plan: PollPlan, a: NumberActivity, eventCount: number, now: number): boolean {
  if (eventCount > 0 || a.releasedAt === null || a.stage === 'stop') return false;
  return now - a.releasedAt > plan.notMovingDays[a.region] * DAY_MS;
}

const activeShipment = rowReader(
  'active shipment on a number',
  z.object({ status: z.enum(SHIPMENT_STATUSES), region: z.enum(REGIONS), released_at: z.number().nullable() }),
);

const latestScan = rowReader('latest scan code', z.object({ code: z.enum(TRACKING_CODES) }));

/** Reads what the active shipments on a number are doing, from the rows refreshShipmentStatus wrote. */
export function numberActivity(ctx: ServiceContext, key: NumberKey): NumberActivity {
  const rows = activeShipment.all(
    ctx
      .prepare(
        `SELECT s.status, s.region, i.released_at FROM invoices i JOIN shipments s ON s.id = i.shipment_id AND s.invoice_id = i.id
       WHERE i.active = 1 AND i.invoice_no = ? AND i.carrier_id = ?`,
      )
      .all(key.invoiceNo, key.carrierId),
  );
  const released = rows.filter((r) => r.released_at !== null);
  const releasedAt = released.reduce<number | null>(
    (m, r) => (r.released_at !== null && (m === null || r.released_at < m) ? r.released_at : m),
    null,
  );
  const region: Region = rows.some((r) => r.region === 'international') ? 'international' : 'domestic';
  const stages = new Set<PollStage>();
  for (const r of released) {
    const stage = STAGE_OF_STATUS[r.status];
    if (stage) stages.add(stage);
  }
  if (!stages.size) return { stage: 'stop', releasedAt, region };
  if (stages.has('shipping') || stages.has('failed')) {
    const latest = latestScan.one(
      ctx
        .prepare(
          'SELECT code FROM tracking_events WHERE carrier_id = ? AND invoice_no = ? ORDER BY at DESC, id DESC LIMIT 1',
        )
        .get(key.carrierId, key.invoiceNo),
    );
    if (latest?.code === 'OUT_FOR_DELIVERY') stages.add('outForDelivery');
    if (latest?.code === 'RETURNED' && stages.size === 1) return { stage: 'returned', releasedAt, region };
  }
  return { stage: URGENCY.find((s) => stages.has(s)) ?? 'released', releasedAt, region };
}

/** Follows a number from now on (a confirmed release); wakes a stopped row, never delays a due one. */
export function schedulePoll(ctx: ServiceContext, key: NumberKey, dueAt: number): void {
  ctx
    .prepare(
      `INSERT INTO poll_schedule (carrier_id, invoice_no, next_poll_at) VALUES (?, ?, ?)
       ON CONFLICT (carrier_id, invoice_no) DO UPDATE SET next_poll_at = min(coalesce(next_poll_at, excluded.next_poll_at), excluded.next_poll_at)`,
    )
    .run(key.carrierId, key.invoiceNo, dueAt);
}

/** Numbers released before this schedule existed (older databases, demo data) start being followed. */
export function backfillSchedule(ctx: ServiceContext, dueAt: number): number {
  return ctx
    .prepare(
      `INSERT INTO poll_schedule (carrier_id, invoice_no, next_poll_at)
       SELECT DISTINCT i.carrier_id, i.invoice_no, ? FROM invoices i JOIN shipments s ON s.id = i.shipment_id AND s.invoice_id = i.id
       WHERE i.active = 1 AND i.released_at IS NOT NULL AND s.status IN ('RELEASED','PROCESSED','SHIPPING','FAILED')
       ON CONFLICT DO NOTHING`,
    )
    .run(dueAt).changes;
}

/** A carrier and tracking number, `SELECT carrier_id, invoice_no ...`. */
export const carrierNumber = rowReader('carrier number', z.object({ carrier_id: z.string(), invoice_no: z.string() }));

/**
 * Claims up to `limit` numbers not yet tried in this cycle (due ones, or every followed one with `all`)
 * and pushes their next poll out by a lease, so a crash mid-poll leaves them due again soon.
 */
export function claimDueNumbers(
  ctx: ServiceContext,
  o: { cycleStart: number; all: boolean; limit: number; leaseUntil: number },
): NumberKey[] {
  return ctx.db.transaction(() => {
    const rows = carrierNumber.all(
      ctx
        .prepare(
          `SELECT carrier_id, invoice_no FROM poll_schedule
         WHERE next_poll_at IS NOT NULL AND ${o.all ? '1' : 'next_poll_at <= @cycleStart'}
           AND (last_attempt_at IS NULL OR last_attempt_at < @cycleStart)
         ORDER BY next_poll_at LIMIT @limit`,
        )
        .all({ cycleStart: o.cycleStart, limit: o.limit }),
    );
    const lease = ctx.prepare(
      'UPDATE poll_schedule SET next_poll_at = ?, last_attempt_at = ? WHERE carrier_id = ? AND invoice_no = ?',
    );
    for (const r of rows) lease.run(o.leaseUntil, o.cycleStart, r.carrier_id, r.invoice_no);
    return rows.map((r) => ({ carrierId: r.carrier_id, invoiceNo: r.invoice_no }));
  })();
}

/** Makes numbers due at once (manual refresh); returns how many are followed. */
export function makeDue(ctx: ServiceContext, keys: NumberKey[], now: number): number {
  const stmt = ctx.prepare(
    'UPDATE poll_schedule SET next_poll_at = ?, last_attempt_at = NULL WHERE carrier_id = ? AND invoice_no = ? AND next_poll_at IS NOT NULL',
  );
  return ctx.db.transaction(() => keys.reduce((n, k) => n + stmt.run(now, k.carrierId, k.invoiceNo).changes, 0))();
}

export interface PollRecord {
  nextPollAt: number | null;
  /** Set when the carrier answered. */
  answeredAt?: number;
  error: { code: string; message: string } | null;
  failures: number;
  notMoving?: boolean;
}

export function recordPoll(ctx: ServiceContext, key: NumberKey, r: PollRecord): void {
  ctx
    .prepare(
      `UPDATE poll_schedule SET next_poll_at = ?, last_polled_at = coalesce(?, last_polled_at), failures = ?,
         last_error_code = ?, last_error = ?, not_moving = coalesce(?, not_moving)
       WHERE carrier_id = ? AND invoice_no = ?`,
    )
    .run(
      r.nextPollAt,
      r.answeredAt ?? null,
      r.failures,
      r.error?.code ?? null,
      r.error?.message.slice(0, 300) ?? null,
      r.notMoving === undefined ? null : Number(r.notMoving),
      key.carrierId,
      key.invoiceNo,
    );
}

const shipmentOnNumber = rowReader(
  'shipment on a number',
  z.object({ id: z.number(), shipment_no: z.string(), invoice_id: z.number() }),
);

/** The shipments whose active invoice carries this number (several when parcels are packed together). */
export function shipmentsUsing(
  ctx: ServiceContext,
  key: NumberKey,
): { id: number; shipment_no: string; invoice_id: number }[] {
  return shipmentOnNumber.all(
    ctx
      .prepare(
        `SELECT s.id, s.shipment_no, i.id AS invoice_id FROM invoices i JOIN shipments s ON s.id = i.shipment_id AND s.invoice_id = i.id
       WHERE i.active = 1 AND i.invoice_no = ? AND i.carrier_id = ?`,
      )
      .all(key.invoiceNo, key.carrierId),
  );
}

const notMovingMark = rowReader('not-moving mark', z.object({ not_moving: z.number() }));

export function wasNotMoving(ctx: ServiceContext, key: NumberKey): boolean {
  const row = notMovingMark.one(
    ctx
      .prepare('SELECT not_moving FROM poll_schedule WHERE carrier_id = ? AND invoice_no = ?')
      .get(key.carrierId, key.invoiceNo),
  );
  return row?.not_moving === 1;
}

const pollFailures = rowReader('poll failures', z.object({ failures: z.number() }));

export function failuresOf(ctx: ServiceContext, key: NumberKey): number {
  const row = pollFailures.one(
    ctx
      .prepare('SELECT failures FROM poll_schedule WHERE carrier_id = ? AND invoice_no = ?')
      .get(key.carrierId, key.invoiceNo),
  );
  return row?.failures ?? 0;
}

/** Leaves a number due at `at` without counting a failure (skipped: offline, paused, breaker open). */
export function deferPoll(ctx: ServiceContext, key: NumberKey, at: number): void {
  ctx
    .prepare(
      'UPDATE poll_schedule SET next_poll_at = ? WHERE carrier_id = ? AND invoice_no = ? AND next_poll_at IS NOT NULL',
    )
    .run(at, key.carrierId, key.invoiceNo);
}
