// Invoices (tracking numbers on shipments), their history, and the carriers' number rules.
import { z } from 'zod';
import type { CarrierId } from '../carriers';
import type { InvoiceWarning, NumberError } from '../numberIssues';
import { REGIONS, type HistoryAction, type Region, type Via } from '../domain';
import { carrierId, invoiceNo, method, reason, scanned, shipmentNo, via } from './common';
import type { Address, ShipmentDetail } from './shipments';

/** What a history entry records before and after: a number, an address, or (split, merge, import) lines. */
export interface HistorySnapshot {
  carrierId?: string;
  invoiceNo?: string;
  address?: Address;
  /** split / merged: the other shipments involved. */
  shipmentNos?: string[];
  /** created / split / merged: the channel lines and quantities on this shipment. */
  lines?: { lineId: string; quantity: number }[];
  /** created: the order sheet it came from. */
  source?: string;
}

export interface HistoryEntry {
  id: number;
  shipmentNo: string;
  action: HistoryAction;
  before: HistorySnapshot | null;
  after: HistorySnapshot | null;
  operator: string;
  via: Via;
  at: string;
  reason: string | null;
}

export interface InvoiceChangeResult {
  shipment: ShipmentDetail;
  /** e.g. combined packing with another shipment for the same recipient; codes in shared/numberIssues.ts. */
  warnings: InvoiceWarning[];
}

export interface CarrierView {
  id: CarrierId;
  nameKo: string;
  nameEn: string;
  region: Region;
}

export interface ValidationResult {
  valid: boolean;
  normalized: string;
  /** Why it cannot be saved (codes with parameters, and the English sentence). */
  errors: NumberError[];
  /** What to confirm before saving it. */
  warnings: InvoiceWarning[];
  /** Carriers whose rules this number fits, best first. */
  candidates: CarrierId[];
}

export const invoiceMethods = {
  'invoices.register': method<InvoiceChangeResult>('write')(z.strictObject({ shipmentNo, carrierId, invoiceNo, via })),
  'invoices.modify': method<InvoiceChangeResult>('write')(
    z.strictObject({ shipmentNo, carrierId, invoiceNo, reason, via }),
  ),
  'invoices.delete': method<ShipmentDetail>('write')(z.strictObject({ shipmentNo, reason, via })),
  'invoices.history': method<HistoryEntry[]>('read')(z.strictObject({ shipmentNo })),
  'carriers.list': method<CarrierView[]>('read')(z.strictObject({ region: z.enum(REGIONS).optional() })),
  'carriers.validate': method<ValidationResult>('read')(
    z.strictObject({ carrierId: carrierId.optional(), invoiceNo: scanned(200) }),
  ),
} as const;
