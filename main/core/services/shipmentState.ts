// Recomputes a shipment's status from its active invoice's release state and stored events, and voids
// an invoice the carrier side cancelled or refused (docs/CARRIERS.md "Tracking statuses").
import { z } from 'zod';
import { TRACKING_CODES } from '../../../shared/domain';
import { rowReader } from '../db/rows';
import { deriveStatus, tabOf } from '../domain/status';
import type { ServiceContext } from './context';
import { writeHistory } from './historyEntries';

const statusSource = rowReader(
  'shipment and its invoice',
  z.object({
    status: z.string(),
    invoice_id: z.number().nullable(),
    carrier_id: z.string().nullable(),
    invoice_no: z.string().nullable(),
    released_at: z.number().nullable(),
  }),
);

/** `SELECT at, code, raw_text FROM tracking_events ...`: a number's stored scans. */
export const storedScan = rowReader(
  'stored scan',
  z.object({ at: z.number(), code: z.enum(TRACKING_CODES), raw_text: z.string() }),
);

export interface VoidedInvoice {
  shipmentId: number;
  invoiceId: number;
  carrierId: string;
  invoiceNo: string;
  /** Words for the history and the operator, e.g. why the carrier refused the release. */
  reason: string;
  /** invoices.ended_reason */
  endedReason: 'voided_by_carrier' | 'refused_by_carrier';
}

/**
 * The carrier side cancelled or refused the number: the invoice ends, the shipment goes back to
 * awaiting an invoice (its address unlocks), and the history says why. Call inside a transaction.
 */
export function voidInvoice(ctx: ServiceContext, v: VoidedInvoice): void {
  const now = ctx.clock();
  ctx
    .prepare('UPDATE invoices SET active = 0, ended_at = ?, ended_reason = ? WHERE id = ? AND active = 1')
    .run(now, v.endedReason, v.invoiceId);
  ctx
    .prepare(
      `UPDATE shipments SET invoice_id = NULL, status = 'AWAITING_INVOICE', tab = 'preparing', last_event_at = NULL, updated_at = ?
       WHERE id = ? AND invoice_id = ?`,
    )
    .run(now, v.shipmentId, v.invoiceId);
  writeHistory(ctx, {
    shipmentId: v.shipmentId,
    action: 'voided_by_carrier',
    before: { carrierId: v.carrierId, invoiceNo: v.invoiceNo },
    after: null,
    operator: 'carrier',
    via: 'api',
    at: now,
    reason: v.reason,
  });
}

/** Call inside the transaction that changed the events or the release state. Returns true if the row moved. */
export function refreshShipmentStatus(ctx: ServiceContext, shipmentId: number): boolean {
  const s = statusSource.one(
    ctx
      .prepare(
        `SELECT s.status, s.invoice_id, i.carrier_id, i.invoice_no, i.released_at
         FROM shipments s LEFT JOIN invoices i ON i.id = s.invoice_id WHERE s.id = ?`,
      )
      .get(shipmentId),
  );
  if (!s || s.invoice_id === null || !s.carrier_id || !s.invoice_no) return false;
  const events = storedScan.all(
    ctx
      .prepare('SELECT at, code, raw_text FROM tracking_events WHERE carrier_id = ? AND invoice_no = ?')
      .all(s.carrier_id, s.invoice_no),
  );
  const derived = deriveStatus({ released: s.released_at !== null, events });
  const now = ctx.clock();
  if (derived.kind === 'cancelled') {
    const said = events.filter((e) => e.code === 'CANCELLED').sort((a, b) => b.at - a.at)[0]?.raw_text;
    voidInvoice(ctx, {
      shipmentId,
      invoiceId: s.invoice_id,
      carrierId: s.carrier_id,
      invoiceNo: s.invoice_no,
      reason: `The carrier cancelled this tracking number${said ? ` (${said})` : ''}.`,
      endedReason: 'voided_by_carrier',
    });
    return true;
  }
  const lastEventAt = events.reduce<number | null>((m, e) => (m === null || e.at > m ? e.at : m), null);
  if (derived.status === s.status) {
    ctx
      .prepare('UPDATE shipments SET last_event_at = ? WHERE id = ? AND last_event_at IS NOT ?')
      .run(lastEventAt, shipmentId, lastEventAt);
    return false;
  }
  ctx
    .prepare('UPDATE shipments SET status = ?, tab = ?, last_event_at = ?, updated_at = ? WHERE id = ?')
    .run(derived.status, tabOf(derived.status), lastEventAt, now, shipmentId);
  return true;
}
