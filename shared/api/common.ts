// Building blocks every part of the contract uses: bounded text, ids, and the method marker.
import { z } from 'zod';
import { CARRIER_IDS } from '../carriers';
import { VIAS } from '../domain';

export const ymd = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD')
  // Round trip: Date.parse alone takes 2026-02-30 (it rolls over to March).
  .refine((s) => {
    const ms = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s;
  }, 'not a calendar date');

/** Free text an operator typed or scanned; bounded so a stuck scanner cannot flood a query. */
export const text = (max: number) => z.string().max(max, `at most ${max} characters`);

export const shipmentNo = text(40).min(1, 'a shipment number is required');
export const carrierId = z.enum(CARRIER_IDS, { error: 'unknown carrier id' });
export const invoiceNo = text(64).min(1, 'an invoice number is required');
export const reason = text(500).optional();
export const via = z.enum(VIAS).optional();
export const listLimit = z.number().int().min(1).max(500).default(100);

// Phantom marker carrying a result type through the registry; the input type is inferred from the schema.
export function method<R>() {
  return <I extends z.ZodType>(input: I): { input: I; result?: R } => ({ input });
}
