// The order-sheet import as the core exposes it (docs/ORDERS.md): the same worker, preflight and
// preview/commit flow as the invoice import; which profile reads the sheet is decided here.
import { z } from 'zod';
import { rowReader } from '../db/rows';
import { createHash } from 'node:crypto';
import {
  ORDER_FIELDS,
  type FileDownload,
  type MappingNeeded,
  type MethodParsed,
  type OrderProfileView,
  type OrdersCommitResult,
  type OrdersPreview,
  type PushEvent,
} from '../../../shared/api/contract';
import { ShipdeskError } from '../../../shared/errors';
import { iso } from '../domain/time';
import { headerKey } from '../sheets/headers';
import { createPreviewStore } from '../sheets/previewStore';
import { parseGridInWorker, type ParseOptions } from '../sheets/workerHost';
import { rawOfGridCell, type ParsedGrid } from '../sheets/types';
import { cellAsWritten } from '../sheets/fieldValues';
import type { ServiceContext } from '../services/context';
import type { Actor } from '../services/invoices';
import { readSettings } from '../services/settings';
import { checkLines, publicLine, type CheckSettings } from './checkLines';
import { checkSettingsFor, ordersWriteOf, writeOrders, type OrdersWrite, type OrdersWritten } from './commitJob';
import { suggestField, suggestionWords } from './fields';
import { rememberedDateZone } from './dateZones';
import { builtinPlan, mappingPlan, recogniseBuiltin, type ColumnPlan } from './plan';
import { allSavedHeaders, deleteProfile, findSavedProfile, listProfiles, savedProfileForHeaders } from './profileStore';
import { BUILTIN_PROFILES, builtinProfile } from './profiles';
import { readLines } from './readLines';
import type { StoredOrderImport } from './store';
import { orderTemplateDownload } from './template';

export interface OrderService {
  preview(input: MethodParsed<'orders.preview'>): Promise<OrdersPreview>;
  /** Queues itself among the writes; its transaction runs in the commit worker when there is one. */
  commit(input: MethodParsed<'orders.commit'>, actor: Actor): Promise<OrdersCommitResult>;
  profiles(): OrderProfileView[];
  deleteProfile(input: MethodParsed<'orders.deleteProfile'>): { deleted: boolean };
  template(): Promise<FileDownload>;
}

function cleanFileName(name: string): string {
  return (
    (name.split(/[\\/]/).pop() ?? '')
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
      .slice(0, 255) || 'orders'
  );
}

function headerWords(ctx: ServiceContext): string[] {
  const words = new Set(suggestionWords());
  for (const p of BUILTIN_PROFILES) {
    for (const sources of Object.values(p.fields))
      for (const s of sources ?? []) for (const h of s.headers) words.add(headerKey(h));
    for (const h of p.signatures.flat()) words.add(headerKey(h));
  }
  for (const h of allSavedHeaders(ctx)) words.add(headerKey(h));
  words.delete('');
  return [...words];
}

function mappingNeeded(grid: ParsedGrid): MappingNeeded {
  return {
    headerRow: grid.headerRow,
    sheetName: grid.sheetName,
    headers: grid.headers.map((header, i) => ({
      column: i + 1,
      header,
      suggestion: header ? suggestField(header) : null,
      samples: grid.rows
        .map((r) => cellAsWritten(rawOfGridCell(r.cells[i])).trim())
        .filter(Boolean)
        .slice(0, 3),
    })),
  };
}

function choosePlan(ctx: ServiceContext, grid: ParsedGrid, input: MethodParsed<'orders.preview'>): ColumnPlan {
  const headers = grid.headers;
  if (input.profile) {
    const builtin = builtinProfile(input.profile);
    if (builtin)
      return builtinPlan(builtin, headers, input.dateZone ?? rememberedDateZone(ctx, builtin.name) ?? undefined);
    const saved = findSavedProfile(ctx, input.profile);
    if (!saved) {
      throw new ShipdeskError(
        'PROFILE_UNKNOWN',
        `There is no order-sheet profile "${input.profile}". Built in: ${BUILTIN_PROFILES.map((p) => p.name).join(', ')}; or map the columns.`,
        mappingNeeded(grid),
      );
    }
    return mappingPlan(headers, saved.mapping, { name: saved.name, kind: 'saved', channel: saved.channel });
  }
  if (input.mapping) {
    return mappingPlan(headers, input.mapping, {
      name: input.saveAs ?? 'mapping',
      kind: 'mapping',
      channel: input.channel ?? 'other',
    });
  }
  const saved = savedProfileForHeaders(ctx, headers);
  if (saved) return mappingPlan(headers, saved.mapping, { name: saved.name, kind: 'saved', channel: saved.channel });
  const builtin = recogniseBuiltin(headers);
  if (builtin)
    return builtinPlan(builtin, headers, input.dateZone ?? rememberedDateZone(ctx, builtin.name) ?? undefined);
  throw new ShipdeskError(
    'PROFILE_UNKNOWN',
    `Shipdesk does not know this layout (header row ${grid.headerRow}: ${headers.filter(Boolean).slice(0, 8).join(', ')}${headers.length > 8 ? ', …' : ''}). Map its columns to Shipdesk's fields once; the mapping can be saved and is then chosen by itself.`,
    mappingNeeded(grid),
  );
}

function notesOf(plan: ColumnPlan, s: CheckSettings, timeZone: string, defaults: OrdersPreview['defaults']): string[] {
  const notes: string[] = [];
  if (!plan.fields.orderedAt)
    notes.push(
      `This layout has no order date: every order is dated at the import time (${iso(s.importTime)}, shown in ${timeZone}).`,
    );
  if (plan.fields.orderedAt && plan.dateZone)
    notes.push(
      `Order dates are read in ${plan.dateZone} (the seller's local time: the zone last chosen for this profile, else this computer's). Choose another zone if the seller's is different; it is kept for the profile when the sheet is imported.`,
    );
  if (!plan.fields.country)
    notes.push(`This layout has no country: every parcel goes to ${s.homeCountry} (the home country).`);
  const lacking = (['warehouse', 'policy', 'option'] as const).filter((k) => !plan.fields[k]);
  if (lacking.length)
    notes.push(
      `This layout has no ${lacking.join(', ')} column: ${lacking.map((k) => `${k} ${defaults[k]}`).join(', ')} is used (change it in the defaults).`,
    );
  return notes;
}

/**
 * Where an order sheet's commit runs off the main thread: the commit worker
 * (main/core/commitWorker/), handed in by createCore, which sits above both imports.
 */
export interface OrderCommitter {
  commitOrders(job: OrdersWrite, actor: Actor, at: number): Promise<OrdersWritten>;
  stageOrders(job: OrdersWrite): void;
  warm(): void;
}

export function createOrderService(
  ctx: ServiceContext,
  afterWrite: () => void,
  parseOptions: ParseOptions = {},
  /** Where the commit's one long transaction runs; null (an in-memory desk): on this thread. */
  committer: OrderCommitter | null = null,
): OrderService {
  const store = createPreviewStore<StoredOrderImport>(ctx.clock);
  const progress = (
    uploadRef: string | null,
    phase: Extract<PushEvent, { type: 'imports.progress' }>['phase'],
    done: number,
    total: number,
  ) => ctx.events.emit({ type: 'imports.progress', uploadRef, phase, done, total });

  const settingsFor = (stored: Pick<StoredOrderImport, 'defaults' | 'importTime'>) => checkSettingsFor(ctx, stored);

  return {
    async preview(input) {
      committer?.warm();
      const uploadRef = input.uploadRef ?? null;
      const bytes = Buffer.from(input.bytesBase64, 'base64');
      const fileHash = createHash('sha256').update(bytes).digest('hex');
      progress(uploadRef, 'reading', 0, 0);
      const password = input.password || undefined;
      const parsed = await parseGridInWorker(
        bytes,
        { headerWords: headerWords(ctx), ...(password ? { password } : {}) },
        parseOptions,
      );
      if (!parsed.ok) {
        progress(uploadRef, 'done', 0, 0);
        throw new ShipdeskError(parsed.refusal.code, parsed.refusal.message, parsed.refusal.details);
      }
      const { grid } = parsed;
      const plan = choosePlan(ctx, grid, input);
      const drafts = readLines(grid, plan);
      progress(uploadRef, 'checking', 0, drafts.length);
      const saved = plan.profile.kind === 'saved' ? findSavedProfile(ctx, plan.profile.name) : undefined;
      const defaults = input.defaults ?? saved?.defaults ?? {};
      const importTime = ctx.clock();
      const settings = settingsFor({ defaults, importTime });
      const checked = checkLines(ctx, drafts, plan, settings);
      const rows = checked.lines.map(publicLine);
      progress(uploadRef, 'done', drafts.length, drafts.length);
      const used = {
        warehouse: settings.facets.fallback('warehouse').code,
        policy: settings.facets.fallback('policy').code,
        option: settings.facets.fallback('option').code,
      };
      const stored = store.put((importId, createdAt) => ({
        importId,
        createdAt,
        fileName: cleanFileName(input.fileName),
        fileHash,
        uploadRef,
        grid,
        plan,
        drafts,
        defaults,
        importTime,
        // Only what a commit compares: a small copy to hand to the commit worker.
        lines: rows.map(({ row, outcome, code }) => ({ row, outcome, ...(code ? { code } : {}) })),
        saveAs: input.mapping && input.saveAs ? { name: input.saveAs, mapping: input.mapping } : null,
        rememberZone:
          input.dateZone && plan.profile.kind === 'builtin' && plan.dateZone
            ? { profile: plan.profile.name, zone: plan.dateZone }
            : null,
      }));
      committer?.stageOrders(ordersWriteOf(stored));
      return {
        importId: stored.importId,
        fileName: stored.fileName,
        fileHash,
        format: grid.format,
        sheetName: grid.sheetName,
        encoding: grid.encoding,
        decrypted: grid.decrypted,
        headerRow: grid.headerRow,
        profile: plan.profile,
        columns: ORDER_FIELDS.flatMap((field) => {
          const sources = plan.fields[field];
          if (!sources) return [];
          return [
            { field, headers: [...new Set(sources.flatMap((s) => s.columns.map((c) => grid.headers[c] ?? '')))] },
          ];
        }),
        defaults: used,
        notes: notesOf(plan, settings, readSettings(ctx).homeTimeZone, used),
        dateZone: plan.fields.orderedAt ? plan.dateZone : null,
        totals: checked.totals,
        rows,
        previousBatches: previousBatches(ctx, fileHash),
      };
    },

    async commit({ importId }, actor) {
      const stored = store.get(importId);
      if (!stored) {
        throw new ShipdeskError(
          'NOT_FOUND',
          'This order-sheet preview is no longer available (it expired, or Shipdesk restarted). Upload the sheet again.',
          { importId },
        );
      }
      progress(stored.uploadRef, 'saving', 0, stored.lines.length);
      const job = ordersWriteOf(stored);
      // In its turn among the writes; in the worker, the main thread serves every screen meanwhile.
      const { result, changedShipments } = await ctx.writes.run(() =>
        committer ? committer.commitOrders(job, actor, ctx.clock()) : writeOrders(ctx, job, actor),
      );
      stored.lines = result.rows.map(({ row, outcome, code }) => ({ row, outcome, ...(code ? { code } : {}) }));
      progress(stored.uploadRef, 'done', stored.lines.length, stored.lines.length);
      if (changedShipments.length) {
        ctx.events.emit({ type: 'shipments.changed', shipmentNos: changedShipments });
        afterWrite();
      }
      return result;
    },

    profiles: () => listProfiles(ctx),
    deleteProfile: ({ name }) => ({ deleted: deleteProfile(ctx, name) }),
    template: orderTemplateDownload,
  };
}

const earlierBatch = rowReader(
  'earlier order import',
  z.object({ id: z.number(), committed_at: z.number(), operator: z.string(), registered: z.number() }),
);

function previousBatches(ctx: ServiceContext, fileHash: string): OrdersPreview['previousBatches'] {
  const rows = earlierBatch.all(
    ctx
      .prepare(
        `SELECT id, committed_at, operator, registered FROM import_batches
       WHERE file_hash = ? AND kind = 'orders' ORDER BY id DESC LIMIT 20`,
      )
      .all(fileHash),
  );
  return rows.map((b) => ({
    batchId: b.id,
    committedAt: iso(b.committed_at),
    operator: b.operator,
    created: b.registered,
  }));
}
