// Registering, modifying and deleting the carrier's tracking number on a shipment (docs/ARCHITECTURE.md "Shipments, invoices and statuses").
import { z } from 'zod';
import type { InvoiceChangeResult, ShipmentDetail } from '../../../shared/api/contract';
import type { CarrierId } from '../../../shared/carriers';
import type { Via } from '../../../shared/domain';
import type { InvoiceWarning } from '../../../shared/numberIssues';
import { rowReader } from '../db/rows';
import { RECIPIENT_COLUMNS } from '../db/recipientColumns';
import { mayChangeInvoice, mayModifyNumber, mayRegisterNumber, type InvoiceChange } from '../domain/invoiceRules';
import { checkInvoiceNumber, type NumberVerdict } from '../domain/numberCheck';
import { judgeNumberHolders } from '../domain/numberHolders';
import { recipientKey } from '../domain/recipient';
import { orThrow } from '../domain/verdict';
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from './context';
import { writeHistory } from './historyEntries';
import { enqueueOutbox } from './outboxQueue';
import { refreshShipmentStatus } from './shipmentState';
import { findShipment, getShipment, type ShipmentRef } from './shipments';

export interface Actor {
  operator: string;
  via: Via;
}

interface NumberInput {
  shipmentNo: string;
  carrierId: CarrierId;
  invoiceNo: string;
}

/** Format, check digit and region (main/core/domain/numberCheck.ts): an invalid number saves nothing. */
export const checkNumber = (ref: ShipmentRef, input: Omit<NumberInput, 'shipmentNo'>): NumberVerdict =>
  checkInvoiceNumber({ ...input, shipmentNo: ref.shipmentNo, region: ref.region });

const NumberHolderRow = rowReader(
  'shipment holding a number',
  z.object({
    shipment_no: z.string(),
    ...RECIPIENT_COLUMNS,
  }),
);

/** The same number on another recipient's shipment is refused; on the same recipient's, a warning (main/core/domain/numberHolders.ts). */
export function checkDuplicate(
  ctx: ServiceContext,
  ref: ShipmentRef,
  carrierId: string,
  invoiceNo: string,
): InvoiceWarning[] {
  const holders = NumberHolderRow.all(
    ctx
      .prepare(
        `SELECT s.shipment_no, s.recipient_name, s.recipient_phone, s.country, s.postal_code, s.address_line1, s.address_line2
         FROM invoices i JOIN shipments s ON s.id = i.shipment_id
         WHERE i.active = 1 AND i.invoice_no = ? AND i.carrier_id = ? AND i.shipment_id <> ?`,
      )
      .all(invoiceNo, carrierId, ref.id),
  ).map((r) => ({ shipmentNo: r.shipment_no, recipientKey: recipientKey(r) }));
  const verdict = judgeNumberHolders({
    shipment: { shipmentNo: ref.shipmentNo, recipientKey: ref.recipientKey },
    carrierId,
    invoiceNo,
    holders,
  });
  return orThrow(verdict).warnings;
}

function insertInvoice(
  ctx: ServiceContext,
  shipmentId: number,
  carrierId: string,
  invoiceNo: string,
  actor: Actor,
  at: number,
): number {
  const info = ctx
    .prepare(
      `INSERT INTO invoices (shipment_id, carrier_id, invoice_no, active, registered_at, registered_by, via)
       VALUES (?, ?, ?, 1, ?, ?, ?)`,
    )
    .run(shipmentId, carrierId, invoiceNo, at, actor.operator, actor.via);
  const invoiceId = Number(info.lastInsertRowid);
  ctx
    .prepare(
      `UPDATE shipments SET invoice_id = ?, status = 'PREPARING_TO_SHIP', tab = 'preparing', last_event_at = NULL, updated_at = ? WHERE id = ?`,
    )
    .run(invoiceId, at, shipmentId);
  return invoiceId;
}

const InvoiceNumberRow = rowReader('invoice number', z.object({ carrier_id: z.string(), invoice_no: z.string() }));

function invoiceNumberOf(ctx: ServiceContext, invoiceId: number): { carrier_id: string; invoice_no: string } {
  const row = InvoiceNumberRow.one(
    ctx.prepare('SELECT carrier_id, invoice_no FROM invoices WHERE id = ?').get(invoiceId),
  );
  // The shipment points at its invoice (a foreign key): a missing row is a damaged file.
  if (!row) throw new Error(`Invoice ${invoiceId} is missing`);
  return row;
}

function endInvoice(
  ctx: ServiceContext,
  invoiceId: number,
  at: number,
  reason: string,
): { carrier_id: string; invoice_no: string } {
  const old = invoiceNumberOf(ctx, invoiceId);
  ctx.prepare('UPDATE invoices SET active = 0, ended_at = ?, ended_reason = ? WHERE id = ?').run(at, reason, invoiceId);
  return old;
}

/**
 * The carrier's idempotency key for one release or withdrawal: minted once with the outbox item and
 * sent unchanged on every retry. Random, not the local invoice id, which every station of a pool
 * counts from 1 (docs/HUB.md, "The station's queue and the carrier").
 */
const carrierKey = (kind: 'release' | 'withdraw'): string => `${kind}:${randomUUID()}`;

function release(
  ctx: ServiceContext,
  ref: ShipmentRef,
  invoiceId: number,
  carrierId: string,
  invoiceNo: string,
  at: number,
): void {
  enqueueOutbox(ctx, {
    kind: 'release',
    shipmentId: ref.id,
    idempotencyKey: carrierKey('release'),
    payload: { shipmentNo: ref.shipmentNo, carrierId, invoiceNo, invoiceId },
    at,
  });
}

function withdraw(
  ctx: ServiceContext,
  ref: ShipmentRef,
  invoiceId: number,
  old: { carrier_id: string; invoice_no: string },
  at: number,
): void {
  enqueueOutbox(ctx, {
    kind: 'withdraw',
    shipmentId: ref.id,
    idempotencyKey: carrierKey('withdraw'),
    payload: { shipmentNo: ref.shipmentNo, carrierId: old.carrier_id, invoiceNo: old.invoice_no, invoiceId },
    at,
  });
}

function changed(ctx: ServiceContext, shipmentNo: string): ShipmentDetail {
  ctx.events.emit({ type: 'shipments.changed', shipmentNos: [shipmentNo] });
  return getShipment(ctx, shipmentNo);
}

export function registerInvoice(ctx: ServiceContext, input: NumberInput, actor: Actor): InvoiceChangeResult {
  const at = ctx.clock();
  const { ref, warnings } = ctx.db.transaction(() => {
    const ref = findShipment(ctx, input.shipmentNo);
    const { invoiceNo, warnings } = orThrow(mayRegisterNumber(invoiceFacts(ref), checkNumber(ref, input)));
    const dupWarnings = checkDuplicate(ctx, ref, input.carrierId, invoiceNo);
    writeRegistration(ctx, ref, input.carrierId, invoiceNo, actor, at);
    return { ref, warnings: [...warnings, ...dupWarnings] };
  })();
  return { shipment: changed(ctx, ref.shipmentNo), warnings };
}

/**
 * The writes of a registration, for a caller that ran the checks above (mayRegisterNumber,
 * checkDuplicate) in this same transaction: the Excel import checks a whole file, then writes.
 */
export function writeRegistration(
  ctx: ServiceContext,
  ref: ShipmentRef,
  carrierId: CarrierId,
  invoiceNo: string,
  actor: Actor,
  at: number,
): number {
  const invoiceId = insertInvoice(ctx, ref.id, carrierId, invoiceNo, actor, at);
  refreshShipmentStatus(ctx, ref.id);
  writeHistory(ctx, {
    shipmentId: ref.id,
    action: 'registered',
    before: null,
    after: { carrierId, invoiceNo },
    operator: actor.operator,
    via: actor.via,
    at,
    reason: null,
  });
  release(ctx, ref, invoiceId, carrierId, invoiceNo, at);
  ctx.changeRecorded({
    kind: 'edit',
    change: {
      kind: 'register',
      shipmentNo: ref.shipmentNo,
      payload: { carrierId, invoiceNo, operator: actor.operator, via: actor.via },
      at,
    },
  });
  return invoiceId;
}

/** The facts the invoice rules (main/core/domain/invoiceRules.ts) decide on. */
export const invoiceFacts = (ref: ShipmentRef) => ({
  shipmentNo: ref.shipmentNo,
  status: ref.status,
  hasInvoice: ref.invoiceId !== null,
});

/** The active invoice's id, when the rules allow this change. */
function requireEditable(ref: ShipmentRef, change: InvoiceChange): number {
  orThrow(mayChangeInvoice(invoiceFacts(ref), change));
  if (ref.invoiceId === null) throw new Error(`The rules allowed a change to ${ref.shipmentNo}, which has no invoice`);
  return ref.invoiceId;
}

export function modifyInvoice(
  ctx: ServiceContext,
  input: NumberInput & { reason?: string },
  actor: Actor,
): InvoiceChangeResult {
  const at = ctx.clock();
  const { ref, warnings } = ctx.db.transaction(() => {
    const ref = findShipment(ctx, input.shipmentNo);
    const current = ref.invoiceId === null ? null : invoiceNumberOf(ctx, ref.invoiceId);
    const { invoiceNo, warnings } = orThrow(
      mayModifyNumber(
        invoiceFacts(ref),
        checkNumber(ref, input),
        current && { carrierId: current.carrier_id, invoiceNo: current.invoice_no },
      ),
    );
    const oldId = requireEditable(ref, 'modify');
    const dupWarnings = checkDuplicate(ctx, ref, input.carrierId, invoiceNo);
    writeModification(ctx, ref, oldId, input.carrierId, invoiceNo, input.reason ?? null, actor, at);
    return { ref, warnings: [...warnings, ...dupWarnings] };
  })();
  return { shipment: changed(ctx, ref.shipmentNo), warnings };
}

/** The writes of a modification, for a caller that ran the checks above in this same transaction. */
export function writeModification(
  ctx: ServiceContext,
  ref: ShipmentRef,
  oldId: number,
  carrierId: CarrierId,
  invoiceNo: string,
  reason: string | null,
  actor: Actor,
  at: number,
): number {
  const old = endInvoice(ctx, oldId, at, 'modified');
  // Back to the state before tracking: the old number's events stay with the old number.
  const newId = insertInvoice(ctx, ref.id, carrierId, invoiceNo, actor, at);
  writeHistory(ctx, {
    shipmentId: ref.id,
    action: 'modified',
    before: { carrierId: old.carrier_id, invoiceNo: old.invoice_no },
    after: { carrierId, invoiceNo },
    operator: actor.operator,
    via: actor.via,
    at,
    reason,
  });
  // The new number may already have scans (combined packing, a reused label): its events decide, as on register.
  refreshShipmentStatus(ctx, ref.id);
  withdraw(ctx, ref, oldId, old, at);
  release(ctx, ref, newId, carrierId, invoiceNo, at);
  ctx.changeRecorded({
    kind: 'edit',
    change: {
      kind: 'modify',
      shipmentNo: ref.shipmentNo,
      payload: { carrierId, invoiceNo, reason, operator: actor.operator, via: actor.via },
      at,
    },
  });
  return newId;
}

export function deleteInvoice(
  ctx: ServiceContext,
  input: { shipmentNo: string; reason?: string },
  actor: Actor,
): ShipmentDetail {
  const at = ctx.clock();
  const ref = ctx.db.transaction(() => {
    const ref = findShipment(ctx, input.shipmentNo);
    const oldId = requireEditable(ref, 'delete');
    const old = endInvoice(ctx, oldId, at, 'deleted');
    ctx
      .prepare(
        `UPDATE shipments SET invoice_id = NULL, status = 'AWAITING_INVOICE', tab = 'preparing', last_event_at = NULL, updated_at = ? WHERE id = ?`,
      )
      .run(at, ref.id);
    writeHistory(ctx, {
      shipmentId: ref.id,
      action: 'deleted',
      before: { carrierId: old.carrier_id, invoiceNo: old.invoice_no },
      after: null,
      operator: actor.operator,
      via: actor.via,
      at,
      reason: input.reason ?? null,
    });
    withdraw(ctx, ref, oldId, old, at);
    ctx.changeRecorded({
      kind: 'edit',
      change: {
        kind: 'delete',
        shipmentNo: ref.shipmentNo,
        payload: { reason: input.reason ?? null, operator: actor.operator, via: actor.via },
        at,
      },
    });
    return ref;
  })();
  return changed(ctx, ref.shipmentNo);
}
