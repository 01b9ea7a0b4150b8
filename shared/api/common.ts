// Building blocks every part of the contract uses: bounded text, ids, and the method marker.
import { z } from 'zod';
import { CARRIER_IDS } from '../carriers';
import { VIAS } from '../domain';
import { stripFormatChars, textProblem, TEXT_PROBLEM_WORDS } from '../textRule';

export const ymd = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD')
  // Round trip: Date.parse alone takes 2026-02-30 (it rolls over to March).
  .refine((s) => {
    const ms = Date.parse(`${s}T00:00:00Z`);
    return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === s;
  }, 'not a calendar date');

// What invisible characters do at the contract, decided by what kind of text a field holds:
// - Free text a person typed and others will read (names, addresses, reasons, file names): the one
//   rule of shared/textRule.ts, the same as for every sheet's cells (format characters stripped,
//   control characters and lone surrogates refused).
// - Scanned identifiers (shipment and invoice numbers, search text): every control and format
//   character is stripped; barcode scanners add them as prefixes, suffixes and separators.
const SCANNER_NOISE = /[\p{Cc}\p{Cf}]/gu;

/** Free text a person typed; bounded so a stuck scanner cannot flood a query. */
export const text = (max: number) =>
  z
    .string()
    .overwrite(stripFormatChars)
    .superRefine((s, ctx) => {
      const problem = textProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: TEXT_PROBLEM_WORDS[problem] });
    })
    .max(max, `at most ${max} characters`);

/** A scanned or typed identifier: scanner noise (control and format characters) removed. */
export const scanned = (max: number) =>
  z
    .string()
    .overwrite((s) => s.replace(SCANNER_NOISE, ''))
    .max(max, `at most ${max} characters`);

export const shipmentNo = scanned(40).min(1, 'a shipment number is required');
export const carrierId = z.enum(CARRIER_IDS, { error: 'unknown carrier id' });
export const invoiceNo = scanned(64).min(1, 'an invoice number is required');
export const reason = text(500).optional();
export const via = z.enum(VIAS).optional();
export const listLimit = z.number().int().min(1).max(500).default(100);

/**
 * How the core runs a method, declared once beside it and applied by the dispatcher's wrapper
 * (docs/ARCHITECTURE.md "The contract and the dispatcher"):
 * - `read`: runs at once, beside other work; it writes no row of the desk (a read, a file answer, a
 *   backup copy).
 * - `queued`: takes its turn in the write queue, so it never waits inside SQLite on the commit
 *   worker's lock (settings, profiles, a purge).
 * - `write`: queued, and a change to shipments: after it succeeds the outbox runs, the status bar
 *   hears of it and a pool member's link is woken.
 * - `queuesItself`: its transaction runs in the commit worker, which queues it and tells the desk
 *   of the change itself (the two imports' commits).
 */
export const METHOD_KINDS = ['read', 'queued', 'write', 'queuesItself'] as const;
export type MethodKind = (typeof METHOD_KINDS)[number];

// Marker carrying a result type through the registry; the input type is inferred from the schema.
// The kind is a required argument, so a method declared without one does not compile.
export function method<R>(kind: MethodKind) {
  return <I extends z.ZodType>(input: I): { input: I; kind: MethodKind; result?: R } => ({ input, kind });
}
