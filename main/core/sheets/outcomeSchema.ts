// What the parse worker sends back, checked on arrival: the main process trusts nothing that
// crossed a thread boundary, even from our own worker.
import { z } from 'zod';
import { ERROR_CODES } from '../../../shared/errors';
import { IMPORT_FIELDS, type GridOutcome, type ParseOutcome } from './types';

// Cells that are neither text nor empty: what a grid cell sends as an object.
const oddCells = [
  z.object({ kind: z.literal('number'), value: z.number() }),
  z.object({ kind: z.literal('formula'), formula: z.string() }),
  z.object({ kind: z.literal('error'), text: z.string() }),
  z.object({ kind: z.literal('date'), ms: z.number().optional() }),
  z.object({ kind: z.literal('boolean'), value: z.boolean() }),
  z.object({ kind: z.literal('merged') }),
] as const;

/** One cell as stored: also part of an order-sheet commit job (orders/commitJob.ts). */
export const rawCellSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('empty') }),
  z.object({ kind: z.literal('text'), text: z.string() }),
  ...oddCells,
]);

const field = z.enum(IMPORT_FIELDS);

/** One sheet row as read: also what the commit worker is sent (commitMessages.ts). */
export const parsedRowSchema = z.object({ row: z.number().int(), cells: z.partialRecord(field, rawCellSchema) });

const refusal = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

const parseOutcome = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    sheet: z.object({
      format: z.enum(['xlsx', 'csv']),
      sheetName: z.string().nullable(),
      encoding: z.string().nullable(),
      headerRow: z.number().int(),
      columns: z.array(z.object({ field, header: z.string(), column: z.number().int() })),
      rows: z.array(parsedRowSchema),
    }),
  }),
  z.object({ ok: z.literal(false), refusal }),
]);

const answer = z.object({ id: z.number(), outcome: parseOutcome });

export function parseWorkerAnswer(value: unknown): { id: number; outcome: ParseOutcome } | null {
  const r = answer.safeParse(value);
  return r.success ? r.data : null;
}

// A grid cell: text as a string, empty as null, anything else as its RawCell (not text, not empty).
const gridCell = z.union([z.string(), z.null(), z.discriminatedUnion('kind', [...oddCells])]);

const gridOutcome = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    grid: z.object({
      format: z.enum(['xlsx', 'csv']),
      sheetName: z.string().nullable(),
      encoding: z.string().nullable(),
      decrypted: z.boolean(),
      headerRow: z.number().int(),
      headers: z.array(z.string()),
      rows: z.array(z.object({ row: z.number().int(), cells: z.array(gridCell) })),
      dataRows: z.number().int(),
    }),
  }),
  z.object({ ok: z.literal(false), refusal }),
]);

const gridAnswer = z.object({ id: z.number(), outcome: gridOutcome });

export function parseGridAnswer(value: unknown): { id: number; outcome: GridOutcome } | null {
  const r = gridAnswer.safeParse(value);
  return r.success ? r.data : null;
}
