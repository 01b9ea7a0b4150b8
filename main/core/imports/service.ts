// The Excel import as the core exposes it: template, preview, commit, failed rows, and the
// pre-filled Preparing to Release export. Wired into the dispatcher by createCore.
import { z } from 'zod';
import { rowReader } from '../db/rows';
import { createHash } from 'node:crypto';
import type {
  FileDownload,
  ImportCommitResult,
  ImportPreview,
  MethodParsed,
  PushEvent,
} from '../../../shared/api/contract';
import { ShipdeskError } from '../../../shared/errors';
import { iso } from '../domain/time';
import type { ServiceContext } from '../services/context';
import type { Actor } from '../services/invoices';
import { checkRows, type NumberChecks } from './checkRows';
import { publicVerdict } from './rowVerdict';
import { commitResult, importWriteOf, writeImport, type ImportWrite, type ImportWritten } from './commit';
import { failedRowsDownload, preparingDownload, templateDownload } from './downloads';
import { parseInWorker, type ParseOptions } from '../sheets/workerHost';
import { createImportStore, totalsOf, type StoredImport } from './store';

export interface ImportService {
  template(): Promise<FileDownload>;
  preview(input: MethodParsed<'imports.preview'>): Promise<ImportPreview>;
  commit(input: MethodParsed<'imports.commit'>, actor: Actor): Promise<ImportCommitResult>;
  failedRows(input: MethodParsed<'imports.failedRows'>): Promise<FileDownload & { rows: number }>;
  preparingTemplate(
    input: MethodParsed<'exports.preparingTemplate'>,
  ): Promise<FileDownload & { rows: number; truncated: boolean }>;
}

/** What a person named the file, without folders or control characters. */
function cleanFileName(name: string): string {
  return (
    (name.split(/[\\/]/).pop() ?? '')
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
      .slice(0, 255) || 'upload'
  );
}

const earlierBatch = rowReader(
  'earlier invoice import',
  z.object({
    id: z.number(),
    committed_at: z.number(),
    operator: z.string(),
    registered: z.number(),
    modified: z.number(),
  }),
);

function previousBatches(ctx: ServiceContext, fileHash: string): ImportPreview['previousBatches'] {
  const rows = earlierBatch.all(
    ctx
      .prepare(
        'SELECT id, committed_at, operator, registered, modified FROM import_batches WHERE file_hash = ? ORDER BY id DESC LIMIT 20',
      )
      .all(fileHash),
  );
  return rows.map((b) => ({
    batchId: b.id,
    committedAt: iso(b.committed_at),
    operator: b.operator,
    registered: b.registered,
    modified: b.modified,
  }));
}

/**
 * Where an invoice import's commit runs off the main thread: the commit worker
 * (main/core/commitWorker/), handed in by createCore, which sits above both imports.
 */
export interface InvoiceCommitter {
  commit(job: ImportWrite, actor: Actor, at: number): Promise<ImportWritten>;
  warm(): void;
}

export function createImportService(
  ctx: ServiceContext,
  afterWrite: () => void,
  parseOptions: ParseOptions = {},
  /** Where the commit's transaction runs: the commit worker (off the main thread), else in-process. */
  committer: InvoiceCommitter | null = null,
): ImportService {
  const store = createImportStore(ctx.clock);
  const progress = (
    uploadRef: string | null,
    phase: Extract<PushEvent, { type: 'imports.progress' }>['phase'],
    done: number,
    total: number,
  ) => ctx.events.emit({ type: 'imports.progress', uploadRef, phase, done, total });

  const find = (importId: string): StoredImport => {
    const stored = store.get(importId);
    if (!stored) {
      throw new ShipdeskError(
        'NOT_FOUND',
        'This import preview is no longer available (it expired, or Shipdesk restarted). Upload the file again.',
        { importId },
      );
    }
    return stored;
  };

  return {
    template: templateDownload,

    async preview(input) {
      committer?.warm();
      const uploadRef = input.uploadRef ?? null;
      const bytes = Buffer.from(input.bytesBase64, 'base64');
      const fileHash = createHash('sha256').update(bytes).digest('hex');
      progress(uploadRef, 'reading', 0, 0);
      const parsed = await parseInWorker(bytes, parseOptions);
      if (!parsed.ok) {
        progress(uploadRef, 'done', 0, 0);
        throw new ShipdeskError(parsed.refusal.code, parsed.refusal.message, parsed.refusal.details);
      }
      const { sheet } = parsed;
      const total = sheet.rows.length;
      progress(uploadRef, 'checking', 0, total);
      const numberChecks: NumberChecks = new Map();
      const rows = checkRows(ctx, sheet.rows, fileHash, numberChecks, (done) =>
        progress(uploadRef, 'checking', done, total),
      );
      progress(uploadRef, 'done', total, total);
      const stored = store.put({
        fileName: cleanFileName(input.fileName),
        fileHash,
        uploadRef,
        sheet,
        rows,
        numberChecks,
      });
      return {
        importId: stored.importId,
        fileName: stored.fileName,
        fileHash,
        format: sheet.format,
        sheetName: sheet.sheetName,
        encoding: sheet.encoding,
        headerRow: sheet.headerRow,
        columns: sheet.columns.map((c) => ({ field: c.field, header: c.header, column: c.column })),
        totals: totalsOf(rows),
        rows: rows.map(publicVerdict),
        previousBatches: previousBatches(ctx, fileHash),
      };
    },

    async commit({ importId }, actor) {
      const stored = find(importId);
      progress(stored.uploadRef, 'saving', 0, stored.rows.length);
      const excel: Actor = { ...actor, via: 'excel' };
      const job = importWriteOf(stored);
      // In its turn among the writes; in the worker, the main thread serves every screen meanwhile.
      const written = await ctx.writes.run(() => {
        const at = ctx.clock();
        return committer ? committer.commit(job, excel, at) : writeImport(ctx, job, excel, at, stored.numberChecks);
      });
      const { result, changedShipments } = commitResult(stored, written);
      progress(stored.uploadRef, 'done', stored.rows.length, stored.rows.length);
      if (changedShipments.length) {
        ctx.events.emit({ type: 'shipments.changed', shipmentNos: changedShipments });
        afterWrite();
      }
      return result;
    },

    failedRows: ({ importId }) => failedRowsDownload(find(importId)),
    preparingTemplate: (filters) => preparingDownload(ctx, filters),
  };
}
