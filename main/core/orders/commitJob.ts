// An order-sheet commit as a job the commit worker can run (commitWorker/commitWorker.ts): what it needs
// from the preview, checked on arrival on both sides, and the one function that writes it (on the
// worker's connection, or on the main thread's for an in-memory desk).
import { z } from 'zod';
import { ColumnMapping, ORDER_FIELDS, ORDER_ROW_CODES, OrderDefaults } from '../../../shared/api/orders';
import { CHANNEL_IDS } from '../../../shared/channels';
import type { OrdersCommitResult } from '../../../shared/api/contract';
import { rawCellSchema } from '../sheets/outcomeSchema';
import type { ServiceContext } from '../services/context';
import type { Actor } from '../services/invoices';
import { readSettings } from '../services/settings';
import type { CheckSettings } from './checkLines';
import { checkLines } from './checkLines';
import { commitOrders, type Prechecked } from './commitOrders';
import { loadFacets } from './facets';
import { rememberDateZone } from './dateZones';
import { saveProfile } from './profileStore';
import type { StoredOrderImport } from './store';

const field = z.enum(ORDER_FIELDS);
const rowCode = z.enum(ORDER_ROW_CODES);
const channel = z.enum(CHANNEL_IDS);
const source = z.object({ columns: z.array(z.number().int()), sep: z.string() });

const lineVerdict = z.object({
  row: z.number().int(),
  channel,
  orderNo: z.string(),
  lineId: z.string(),
  outcome: z.enum(['create', 'skip', 'reject']),
  verdict: z.enum(['ok', 'warning', 'error']),
  code: rowCode.optional(),
  message: z.string().optional(),
  shipmentNo: z.string().optional(),
  recipient: z.string(),
  address: z.string(),
  product: z.string(),
});

/** What the commit needs of a preview: the lines as read (checked again inside the transaction). */
export const OrdersWriteSchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  fileHash: z.string(),
  // The sheet's rows stay on the main thread: the commit reads the lines drawn from them.
  grid: z.object({
    format: z.enum(['xlsx', 'csv']),
    sheetName: z.string().nullable(),
    encoding: z.string().nullable(),
    decrypted: z.boolean(),
    headerRow: z.number().int(),
    headers: z.array(z.string()),
    dataRows: z.number().int(),
  }),
  plan: z.object({
    profile: z.object({ name: z.string(), kind: z.enum(['builtin', 'saved', 'mapping']), channel }),
    headers: z.array(z.string()),
    fields: z.partialRecord(field, z.array(source)),
    keys: z.record(z.string(), z.array(source)),
    shipmentKey: z.string().nullable(),
    keepSource: z.boolean(),
    countryRequired: z.boolean(),
    footers: z.array(z.instanceof(RegExp)),
    summaryRows: z.boolean(),
    dateZone: z.string().nullable(),
  }),
  drafts: z.array(
    z.object({
      row: z.number().int(),
      values: z.partialRecord(field, z.string()),
      fromNumber: z.set(field),
      dateCell: rawCellSchema.nullable(),
      problem: z.object({ code: rowCode, message: z.string() }).nullable(),
      keys: z.record(z.string(), z.string()),
      source: z.array(z.tuple([z.string(), z.string()])).nullable(),
    }),
  ),
  defaults: OrderDefaults,
  importTime: z.number(),
  /** The preview's verdicts, to count the lines whose verdict changed since. */
  lines: z.array(z.object({ row: z.number().int(), outcome: lineVerdict.shape.outcome, code: rowCode.optional() })),
  saveAs: z.object({ name: z.string(), mapping: ColumnMapping }).nullable(),
  rememberZone: z.object({ profile: z.string(), zone: z.string() }).nullable(),
});
export type OrdersWrite = z.infer<typeof OrdersWriteSchema>;

const count = z.number().int();
const totals = z.object({
  lines: count,
  ok: count,
  warning: count,
  error: count,
  toCreate: count,
  toSkip: count,
  orders: count,
  shipments: count,
});

export const OrdersWrittenSchema = z.object({
  result: z.object({
    batchId: count,
    importId: z.string(),
    fileName: z.string(),
    profile: z.string(),
    created: z.object({ lines: count, orders: count, shipments: count }),
    alreadyPresent: count,
    failed: count,
    changedSincePreview: count,
    totals,
    rows: z.array(lineVerdict),
    shipmentNos: z.array(z.string()),
    savedProfile: z.string().nullable(),
  }),
  changedShipments: z.array(z.string()),
});
export interface OrdersWritten {
  result: OrdersCommitResult;
  changedShipments: string[];
}

export function ordersWriteOf(stored: StoredOrderImport): OrdersWrite {
  const { format, sheetName, encoding, decrypted, headerRow, headers, dataRows } = stored.grid;
  return {
    importId: stored.importId,
    fileName: stored.fileName,
    fileHash: stored.fileHash,
    grid: { format, sheetName, encoding, decrypted, headerRow, headers, dataRows },
    plan: stored.plan,
    drafts: stored.drafts,
    defaults: stored.defaults,
    importTime: stored.importTime,
    lines: stored.lines,
    saveAs: stored.saveAs,
    rememberZone: stored.rememberZone,
  };
}

/** The desk's settings the lines are checked against, read on the connection that writes. */
export function checkSettingsFor(
  ctx: ServiceContext,
  stored: Pick<StoredOrderImport, 'defaults' | 'importTime'>,
): CheckSettings {
  const s = readSettings(ctx);
  return {
    timeZone: s.homeTimeZone,
    homeCountry: s.homeCountry,
    importTime: stored.importTime,
    facets: loadFacets(ctx, stored.defaults),
  };
}

function storedOf(job: OrdersWrite): StoredOrderImport {
  return { ...job, createdAt: 0, uploadRef: null, grid: { ...job.grid, rows: [] } };
}

/**
 * The commit's check, made ahead on the connection that will write. `unchangedSince` is asked
 * inside the commit's transaction whether anything was written since this moment.
 */
export function precheckOrders(ctx: ServiceContext, job: OrdersWrite, unchangedSince: () => boolean): Prechecked {
  const stored = storedOf(job);
  return {
    checked: checkLines(ctx, stored.drafts, stored.plan, checkSettingsFor(ctx, stored)),
    stillValid: unchangedSince,
  };
}

/** The whole commit, one transaction (commitOrders.ts); the mapping is saved as a profile in it when asked. */
export function writeOrders(
  ctx: ServiceContext,
  job: OrdersWrite,
  actor: Actor,
  prechecked?: Prechecked,
): OrdersWritten {
  const stored = storedOf(job);
  const saveAs = job.saveAs;
  const { result, changedShipments } = commitOrders(
    ctx,
    stored,
    checkSettingsFor(ctx, stored),
    actor,
    () => {
      if (job.rememberZone) rememberDateZone(ctx, job.rememberZone.profile, job.rememberZone.zone);
      if (saveAs) {
        saveProfile(
          ctx,
          {
            name: saveAs.name,
            channel: stored.plan.profile.channel,
            headers: stored.grid.headers,
            mapping: saveAs.mapping,
            defaults: stored.defaults,
          },
          ctx.clock(),
        );
      }
    },
    prechecked,
  );
  return { result: { ...result, savedProfile: saveAs?.name ?? null }, changedShipments };
}
