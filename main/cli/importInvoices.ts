// `shipdesk import-invoices FILE --db DB [--commit] [--operator NAME]`: the Excel import without a
// screen. Prints one JSON object { ok, error?, totals, rows, ... }. Exit 0 when the file was read
// (even with row errors), 1 when the whole file was refused, 2 on bad usage.
import { stderrLog } from './log';
import path from 'node:path';
import type { ImportTotals } from '../../shared/contract';
import { ShipdeskError } from '../../shared/errors';
import { createCore, type Core } from '../core/createCore';
import { readImportFile } from '../core/imports/readFile';
import { osUserName } from '../core/osUser';
import { UsageError, rejectUnknownFlags, requireFlag, stringFlag, type ParsedArgs } from './args';

export const IMPORT_FLAGS = ['commit'] as const;

const NO_TOTALS: ImportTotals = { rows: 0, ok: 0, warning: 0, error: 0, toRegister: 0, toModify: 0, toSkip: 0 };

function print(value: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

function refused(error: { code: string; message: string }): number {
  print({ ok: false, error: { code: error.code, message: error.message }, totals: NO_TOTALS, rows: [] });
  return 1;
}

/** The named fields of an envelope's value, without trusting its type. */
function fields(value: unknown, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (value && typeof value === 'object') for (const k of keys) if (k in value) out[k] = Reflect.get(value, k);
  return out;
}

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
    print({ ok: true, committed: false, ...shown });
    return 0;
  }
  const { importId } = fields(preview.value, ['importId']);
  const committed = await core.dispatch('imports.commit', { importId }, call);
  if (!committed.ok) return refused(committed.error);
  // Releases the commit queued are sent before the process ends.
  await core.runOutbox();
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
  print({ ok: true, committed: true, ...shown, ...result });
  return 0;
}

export async function runImportInvoices(args: ParsedArgs): Promise<number> {
  rejectUnknownFlags(args, ['db', 'commit', 'operator']);
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('import-invoices needs a FILE');
  if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  const dbPath = requireFlag(args, 'db');
  const operator = stringFlag(args, 'operator') ?? '';
  const bytes = readFile(file);
  if (!Buffer.isBuffer(bytes)) return refused(bytes);
  let core: Core;
  try {
    core = createCore({ dbPath, log: stderrLog, defaultOperator: osUserName() });
  } catch (err) {
    if (err instanceof ShipdeskError) return refused(err);
    throw err;
  }
  try {
    return await importWith(core, file, bytes, args.flags.get('commit') === true, operator);
  } finally {
    core.close();
  }
}
