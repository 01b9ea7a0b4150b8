// `shipdesk import-invoices FILE --db DB [--commit] [--operator NAME]`: the Excel import without a
// screen. Prints one JSON object { ok, error?, totals, rows, ... }. Exit 0 when the file was read
// (even with row errors), 1 when the whole file was refused, 2 on bad usage.
import path from 'node:path';
import type { ImportTotals } from '../../shared/api/contract';
import type { Core } from '../core/createCore';
import { readImportFile } from '../core/sheets/readFile';
import { defineCommand, UsageError } from '../args/command';
import { openCliCore, printJson } from './openCore';

const NO_TOTALS: ImportTotals = { rows: 0, ok: 0, warning: 0, error: 0, toRegister: 0, toModify: 0, toSkip: 0 };

function printRefusal(error: { code: string; message: string }): void {
  printJson({ ok: false, error: { code: error.code, message: error.message }, totals: NO_TOTALS, rows: [] });
}

function refused(error: { code: string; message: string }): number {
  printRefusal(error);
  return 1;
}

/** The named fields of an envelope's value, without trusting its type. */
function fields(value: unknown, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (value && typeof value === 'object') for (const k of keys) if (k in value) out[k] = Reflect.get(value, k);
  return out;
}

/** Only an ordinary file, never more than the import limit (a link to /dev/zero, a FIFO, a folder: refused). */
function readFile(file: string): Buffer | { code: string; message: string } {
  const read = readImportFile(file);
  if (read.ok) return read.bytes;
  if ('missing' in read) throw new UsageError(`cannot read ${file}: no such file`);
  return read.refusal;
}

async function importWith(core: Core, file: string, bytes: Buffer, commit: boolean, operator: string): Promise<number> {
  const call = { operator, via: 'excel' as const };
  const preview = await core.dispatch(
    'imports.preview',
    { fileName: path.basename(file), bytesBase64: bytes.toString('base64') },
    call,
  );
  if (!preview.ok) return refused(preview.error);
  const shown = fields(preview.value, [
    'fileName',
    'fileHash',
    'format',
    'sheetName',
    'encoding',
    'headerRow',
    'totals',
    'rows',
    'previousBatches',
  ]);
  if (!commit) {
    printJson({ ok: true, committed: false, ...shown });
    return 0;
  }
  const { importId } = fields(preview.value, ['importId']);
  const committed = await core.dispatch('imports.commit', { importId }, call);
  if (!committed.ok) return refused(committed.error);
  // The answer comes once the commit is durable: the releases it queued stay in the outbox for the
  // next `shipdesk sync --once` or the running app (README.md, "The command line"), never holding this answer.
  const result = fields(committed.value, [
    'batchId',
    'registered',
    'modified',
    'skippedAlreadyRegistered',
    'skipped',
    'failed',
    'changedSincePreview',
    'totals',
    'rows',
  ]);
  printJson({ ok: true, committed: true, ...shown, ...result, releasesQueued: core.sync.state().queued });
  return 0;
}

export const importInvoicesCommand = defineCommand(
  {
    invocation: 'shipdesk import-invoices',
    args: 'FILE',
    summary: 'Previews an Excel (.xlsx) or CSV file of invoice numbers and, with --commit, registers the valid rows.',
    options: { db: { type: 'string' }, commit: { type: 'boolean' }, operator: { type: 'string' } },
    describe: {
      db: ['FILE', 'the database'],
      commit: ['', 'register the valid rows (in one transaction); without it, only the preview'],
      operator: ['NAME', 'who registers (history records it); default: the settings, then the OS user'],
    },
    required: ['db'],
    notes: ['Exit 0 when the file was read (even with row errors), 1 when the whole file was refused, 2 on bad usage.'],
  },
  async ({ values, positionals }) => {
    const [file, ...extra] = positionals;
    if (!file) throw new UsageError('import-invoices needs a FILE');
    if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    const bytes = readFile(file);
    if (!Buffer.isBuffer(bytes)) return refused(bytes);
    // autoRelease off: a commit never starts sending releases this command would have to wait for.
    const core = openCliCore(values.db ?? '', { autoRelease: false }, printRefusal);
    if (!core) return 1;
    try {
      return await importWith(core, file, bytes, values.commit === true, values.operator ?? '');
    } finally {
      core.close();
    }
  },
);
