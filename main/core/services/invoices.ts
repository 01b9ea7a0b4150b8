// Registering, modifying and deleting the carrier's tracking number on a shipment (docs/ARCHITECTURE.md "Shipments, invoices and statuses").
import type { InvoiceChangeResult, ShipmentDetail } from '../../../shared/contract';
import { findCarrier, type CarrierId } from '../../../shared/carriers';
import type { Via } from '../../../shared/domain';
import { ShipdeskError } from '../../../shared/errors';
import type { InvoiceWarning } from '../../../shared/numberIssues';
import { checkNumberFor, validateInvoiceNumber } from '../domain/invoiceNumber';
import { numberWarning } from '../domain/numberIssueText';
import { canEditInvoice, canRegisterInvoice, whyInvoiceLocked } from '../domain/status';
import { randomUUID } from 'node:crypto';
import type { ServiceContext } from './context';
import { writeHistory } from './historyEntries';
import { enqueueOutbox } from './outboxQueue';
import { refreshShipmentStatus } from './shipmentState';
import { findShipment, getShipment, recipientKey, type ShipmentRef } from './shipments';

export interface Actor {
  operator: string;
  via: Via;
}

interface NumberInput {
  shipmentNo: string;
  carrierId: CarrierId;
  invoiceNo: string;
}

function carrierName(id: string): string {
  return findCarrier(id)?.nameEn ?? id;
}

/** Format, check digit and region: an invalid number saves nothing. Returns the normalised number and warnings. */
export function checkNumber(ref: ShipmentRef, input: NumberInput): { invoiceNo: string; warnings: InvoiceWarning[] } {
  const carrier = findCarrier(input.carrierId);
  if (!carrier) throw new ShipdeskError('UNKNOWN_CARRIER', `Shipdesk does not know the carrier "${input.carrierId}".`);
  if (carrier.region !== ref.region) {
    throw new ShipdeskError(
      'CARRIER_NOT_FOR_REGION',
      `${carrier.nameEn} is not a ${ref.region} carrier, and ${ref.shipmentNo} is a ${ref.region} shipment. Choose a ${ref.region} carrier.`,
      { carrierId: carrier.id, region: ref.region },
    );
  }
  const checked = checkNumberFor(input.invoiceNo, input.carrierId);
  if (checked.valid) return { invoiceNo: checked.normalized, warnings: checked.warnings };
  // Refused: now the candidates (which carriers the number does fit) are worth their cost.
  const v = validateInvoiceNumber(input.invoiceNo, input.carrierId);
  throw new ShipdeskError(
    'INVALID_INVOICE_NUMBER',
    v.errors.map((e) => e.message).join(' ') || `This is not a valid ${carrier.nameEn} number.`,
    {
      normalized: v.normalized,
      errors: v.errors,
      candidates: v.candidates,
    },
  );
}

/** The same number on another recipient's shipment is refused; on the same recipient's, a warning. */
export function checkDuplicate(
  ctx: ServiceContext,
  ref: ShipmentRef,
  carrierId: string,
  invoiceNo: string,
): InvoiceWarning[] {
  const others = ctx
    .prepare(
      `SELECT s.shipment_no, s.recipient_name, s.recipient_phone, s.country, s.postal_code, s.address_line1, s.address_line2
       FROM invoices i JOIN shipments s ON s.id = i.shipment_id
       WHERE i.active = 1 AND i.invoice_no = ? AND i.carrier_id = ? AND i.shipment_id <> ?`,
    )
    .all(invoiceNo, carrierId, ref.id) as ({ shipment_no: string } & Parameters<typeof recipientKey>[0])[];
  const foreign = others.find((o) => recipientKey(o) !== ref.recipientKey);
  if (foreign) {
    throw new ShipdeskError(
      'DUPLICATE_INVOICE',
      `${carrierName(carrierId)} ${invoiceNo} is already registered on ${foreign.shipment_no} for another recipient. Check the label on the parcel.`,
      { shipmentNo: foreign.shipment_no },
    );
  }
  return others.map((o) => numberWarning.combinedPacking({ shipmentNo: o.shipment_no, invoiceNo }));
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

function endInvoice(
  ctx: ServiceContext,
  invoiceId: number,
  at: number,
  reason: string,
): { carrier_id: string; invoice_no: string } {
  const old = ctx.prepare('SELECT carrier_id, invoice_no FROM invoices WHERE id = ?').get(invoiceId) as {
    carrier_id: string;
    invoice_no: string;
  };
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
    if (!canRegisterInvoice(ref.status) || ref.invoiceId !== null) {
      throw new ShipdeskError(
        'INVALID_STATE',
        ref.invoiceId !== null
          ? `${ref.shipmentNo} already has an invoice. Use modify to change it.`
          : `${ref.shipmentNo} cannot take an invoice in status ${ref.status}.`,
        { status: ref.status },
      );
    }
    const { invoiceNo, warnings } = checkNumber(ref, input);
    const dupWarnings = checkDuplicate(ctx, ref, input.carrierId, invoiceNo);
    writeRegistration(ctx, ref, input.carrierId, invoiceNo, actor, at);
    return { ref, warnings: [...warnings, ...dupWarnings] };
  })();
  return { shipment: changed(ctx, ref.shipmentNo), warnings };
}

/**
 * The writes of a registration, for a caller that ran the checks above (state, checkNumber,
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

function requireEditable(ref: ShipmentRef, verb: string): number {
  if (ref.invoiceId === null) {
    throw new ShipdeskError('INVALID_STATE', `${ref.shipmentNo} has no invoice to ${verb}.`, { status: ref.status });
  }
  if (!canEditInvoice(ref.status)) {
    throw new ShipdeskError(
      'INVALID_STATE',
      `The invoice of ${ref.shipmentNo} cannot be ${verb === 'modify' ? 'modified' : 'deleted'} now. ${whyInvoiceLocked(ref.status) ?? ''}`.trim(),
      { status: ref.status },
    );
  }
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
    const oldId = requireEditable(ref, 'modify');
    const { invoiceNo, warnings } = checkNumber(ref, input);
    const current = ctx.prepare('SELECT carrier_id, invoice_no FROM invoices WHERE id = ?').get(oldId) as {
      carrier_id: string;
      invoice_no: string;
    };
    if (current.carrier_id === input.carrierId && current.invoice_no === invoiceNo) {
      throw new ShipdeskError(
        'INVALID_INPUT',
        `${ref.shipmentNo} already has ${carrierName(input.carrierId)} ${invoiceNo}; nothing to change.`,
      );
    }
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
