// The outbox's queue side: carrier work (a release, a withdraw) written in the same transaction as the
// change that needs it. The sync sends it later (sync/outbox.ts); services only ever add to it.
import { z } from 'zod';
import type { ServiceContext } from './context';

export type OutboxKind = 'release' | 'withdraw';

const OutboxPayloadSchema = z.object({
  shipmentNo: z.string(),
  carrierId: z.string(),
  invoiceNo: z.string(),
  invoiceId: z.number().int(),
});
export type OutboxPayload = z.infer<typeof OutboxPayloadSchema>;

export function readPayload(json: string): OutboxPayload | null {
  try {
    const parsed = OutboxPayloadSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface NewOutboxItem {
  kind: OutboxKind;
  shipmentId: number;
  idempotencyKey: string;
  payload: OutboxPayload;
  at: number;
}

export function enqueueOutbox(ctx: ServiceContext, item: NewOutboxItem): void {
  ctx
    .prepare(
      `INSERT INTO outbox (kind, shipment_id, idempotency_key, payload, due_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(idempotency_key) DO NOTHING`,
    )
    .run(item.kind, item.shipmentId, item.idempotencyKey, JSON.stringify(item.payload), item.at, item.at);
}
