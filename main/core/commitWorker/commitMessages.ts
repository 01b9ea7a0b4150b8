// What crosses between the main thread and the commit worker, checked on arrival in both
// directions: nothing that crossed a thread boundary is trusted, even from our own side.
import { z } from 'zod';
import { IMPORT_ROW_CODES } from '../../../shared/api/imports';
import { CARRIER_IDS } from '../../../shared/carriers';
import { VIAS } from '../../../shared/domain';
import { ERROR_CODES } from '../../../shared/errors';
import { OrdersWriteSchema, OrdersWrittenSchema } from '../orders/commitJob';
import { parsedRowSchema } from '../sheets/outcomeSchema';

export const CommitWorkerData = z.object({ dbPath: z.string(), nativeBinding: z.string().optional() });

/** The long writes the worker runs, by kind: an invoice import, an order-sheet import. */
export const CommitJob = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('invoices'),
    fileName: z.string(),
    fileHash: z.string(),
    format: z.enum(['xlsx', 'csv']),
    sheetRows: z.array(parsedRowSchema),
  }),
  OrdersWriteSchema.extend({ kind: z.literal('orders') }),
]);
export type CommitJob = z.infer<typeof CommitJob>;

/**
 * A slice of an order sheet's lines, sent ahead of its job: copying 10,000 lines into one message
 * held the main thread for about 100 ms; a slice of 1,000 takes a tenth of that.
 */
export const CommitPart = z.object({
  id: z.number().int(),
  part: z.literal('drafts'),
  drafts: OrdersWriteSchema.shape.drafts,
});
export type CommitPart = z.infer<typeof CommitPart>;

/**
 * A slice of a previewed order sheet's lines, sent while the operator reads the preview, so its
 * commit sends none: the worker keeps the lines under the preview's import id until told to drop them.
 */
export const StagePart = z.object({ stage: z.string(), drafts: OrdersWriteSchema.shape.drafts });
export type StagePart = z.infer<typeof StagePart>;

/** Every line of a staged sheet was sent: the rest of its job, so the worker can check the lines ahead. */
export const StageDone = z.object({ stageDone: z.string(), job: OrdersWriteSchema });
export type StageDone = z.infer<typeof StageDone>;

/** The worker forgets a previewed sheet's lines (the main thread no longer keeps that preview). */
export const Unstage = z.object({ unstage: z.string() });
export type Unstage = z.infer<typeof Unstage>;

export const CommitRequest = z.object({
  id: z.number().int(),
  job: CommitJob,
  /** How many lines were sent ahead in parts (CommitPart) or staged; they come before the job's own. */
  partLines: z.number().int().optional(),
  /** The lines were staged at preview time under this import id (StagePart), not sent in parts. */
  staged: z.string().optional(),
  actor: z.object({ operator: z.string(), via: z.enum(VIAS) }),
  /** The moment of the commit, from the main thread's clock (tests inject it). */
  at: z.number(),
});
export type CommitRequest = z.infer<typeof CommitRequest>;

const rowVerdict = z.object({
  row: z.number().int(),
  shipmentNo: z.string(),
  carrierId: z.enum(CARRIER_IDS).optional(),
  invoiceNo: z.string().optional(),
  written: z.object({ carrier: z.string(), invoiceNo: z.string() }),
  action: z.enum(['register', 'modify']),
  outcome: z.enum(['register', 'modify', 'skip', 'reject']),
  verdict: z.enum(['ok', 'warning', 'error']),
  code: z.enum(IMPORT_ROW_CODES).optional(),
  message: z.string().optional(),
});

export const CommitAnswer = z.discriminatedUnion('ok', [
  z.object({
    id: z.number().int(),
    ok: z.literal(true),
    done: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('invoices'),
        value: z.object({ batchId: z.number().int(), rows: z.array(rowVerdict) }),
      }),
      z.object({ kind: z.literal('orders'), value: OrdersWrittenSchema }),
    ]),
  }),
  z.object({
    id: z.number().int(),
    ok: z.literal(false),
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
]);
export type CommitAnswer = z.infer<typeof CommitAnswer>;
