// Commit: the rows that are valid now are saved in one transaction, as one batch, each with its
// history entry (via excel). Every row is re-checked inside the transaction (the desk may have
// changed a shipment since the preview), then the invoice service writes the valid ones; anything
// unexpected rolls the whole batch back. A file row is applied at most once, ever.
import type { ImportCommitResult, ImportRowCode, ImportRowVerdict } from '../../../shared/api/contract';
import type { ServiceContext } from '../services/context';
import { writeModification, writeRegistration, type Actor } from '../services/invoices';
import { checkRows, type NumberChecks } from './checkRows';
import { publicVerdict, type CheckedRow } from './rowVerdict';
import { totalsOf, type StoredImport } from './store';
import type { ParsedSheet } from '../sheets/types';

const OUTCOME_RECORD = { register: 'registered', modify: 'modified', skip: 'skipped', reject: 'failed' } as const;

/** The invoice service's writes for a row its checks passed moments ago, in this transaction. */
function apply(ctx: ServiceContext, r: CheckedRow, actor: Actor, at: number, fileName: string): number | null {
  const { ref, carrierId, invoiceNo } = r;
  if (!ref || !carrierId || !invoiceNo) return null;
  if (r.outcome === 'register') return writeRegistration(ctx, ref, carrierId, invoiceNo, actor, at);
  if (r.outcome === 'modify' && ref.invoiceId !== null) {
    return writeModification(
      ctx,
      ref,
      ref.invoiceId,
      carrierId,
      invoiceNo,
      r.reason ?? `Excel import: ${fileName}`,
      actor,
      at,
    );
  }
  return null;
}

/** What the writing side needs of a previewed file: plain data, so it crosses to the database worker. */
export interface ImportWrite {
  fileName: string;
  fileHash: string;
  format: ParsedSheet['format'];
  sheetRows: ParsedSheet['rows'];
}

export interface ImportWritten {
  batchId: number;
  /** Every row's final verdict, as committed. */
  rows: ImportRowVerdict[];
}

export function importWriteOf(stored: StoredImport): ImportWrite {
  return {
    fileName: stored.fileName,
    fileHash: stored.fileHash,
    format: stored.sheet.format,
    sheetRows: stored.sheet.rows,
  };
}

/**
 * The commit's one transaction: every row re-checked, the valid ones written, the batch recorded.
 * Runs in the database worker (dbWorker.ts) with `at` fixed by the caller, or in-process.
 */
export function writeImport(
  ctx: ServiceContext,
  job: ImportWrite,
  actor: Actor,
  at: number,
  numberChecks?: NumberChecks,
): ImportWritten {
  const run = ctx.db.transaction(() => {
    const rows = checkRows(ctx, job.sheetRows, job.fileHash, numberChecks);
    const batchId = Number(
      ctx
        .prepare(
          `INSERT INTO import_batches (file_name, file_hash, format, operator, committed_at, row_count, registered, modified, skipped, failed)
           VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, 0)`,
        )
        .run(job.fileName, job.fileHash, job.format, actor.operator, at, rows.length).lastInsertRowid,
    );
    const record = ctx.prepare(
      `INSERT INTO import_rows (batch_id, file_hash, row_no, shipment_no, carrier_id, invoice_no, outcome, code, message, invoice_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const r of rows) {
      const invoiceId = apply(ctx, r, actor, at, job.fileName);
      record.run(
        batchId,
        job.fileHash,
        r.row,
        r.shipmentNo,
        r.carrierId ?? null,
        r.invoiceNo ?? null,
        OUTCOME_RECORD[r.outcome],
        r.code ?? null,
        r.message ?? null,
        invoiceId,
      );
    }
    const count = (o: CheckedRow['outcome']) => rows.filter((r) => r.outcome === o).length;
    ctx
      .prepare('UPDATE import_batches SET registered = ?, modified = ?, skipped = ?, failed = ? WHERE id = ?')
      .run(count('register'), count('modify'), count('skip'), count('reject'), batchId);
    return { batchId, rows: rows.map(publicVerdict) };
  });
  // IMMEDIATE: the write lock from the first re-check, so nothing changes between check and save.
  return run.immediate();
}

/** The commit's answer from what was written; the stored preview now holds the committed verdicts. */
export function commitResult(
  stored: StoredImport,
  written: ImportWritten,
): { result: ImportCommitResult; changedShipments: string[] } {
  const { batchId, rows } = written;
  const before = new Map(stored.rows.map((r) => [r.row, r]));
  const changedSincePreview = rows.filter((r) => {
    const b = before.get(r.row);
    return !b || b.outcome !== r.outcome || b.code !== r.code;
  }).length;
  const alreadyCodes: (ImportRowCode | undefined)[] = ['ALREADY_REGISTERED', 'ALREADY_IMPORTED'];
  const skippedAlready = rows.filter((r) => r.outcome === 'skip' && alreadyCodes.includes(r.code)).length;
  const result: ImportCommitResult = {
    batchId,
    importId: stored.importId,
    fileName: stored.fileName,
    registered: rows.filter((r) => r.outcome === 'register').length,
    modified: rows.filter((r) => r.outcome === 'modify').length,
    skippedAlreadyRegistered: skippedAlready,
    skipped: rows.filter((r) => r.outcome === 'skip').length - skippedAlready,
    failed: rows.filter((r) => r.outcome === 'reject').length,
    changedSincePreview,
    totals: totalsOf(rows),
    rows,
  };
  const changedShipments = rows
    .filter((r) => r.outcome === 'register' || r.outcome === 'modify')
    .map((r) => r.shipmentNo);
  stored.committed = result;
  stored.rows = rows;
  return { result, changedShipments };
}
