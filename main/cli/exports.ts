// `shipdesk export-invoices --channel C --date YYYY-MM-DD --db F --out FILE`: a channel's bulk-invoice
// upload file. `shipdesk export --db F --out FILE.xlsx|FILE.csv [--query JSON]`: the grid with the
// filters of a shipments.list input. Both print one JSON object; exit 0 written, 1 refused, 2 bad usage.
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { INVOICE_LAYOUTS, type InvoiceLayout } from '../../shared/api/contract';
import { finishOutput, openOperatorOutput, outputTarget, writeOperatorFile } from '../core/files/operatorFile';
import { defineCommand, noPositionals, UsageError } from '../args/command';
import { openCliCore, printJson } from './openCore';

/** The result without its bytes and content type: what the command prints (rows, warnings, ...). */
function described(download: unknown): Record<string, unknown> {
  const entries = download && typeof download === 'object' ? Object.entries(download) : [];
  return Object.fromEntries(entries.filter(([k]) => k !== 'bytesBase64' && k !== 'contentType'));
}

/** Writes the download's bytes; answers the file and the rest of the result. */
function writeOut(out: string, download: unknown): Record<string, unknown> {
  const bytesBase64: unknown = download && typeof download === 'object' ? Reflect.get(download, 'bytesBase64') : '';
  const bytes = Buffer.from(typeof bytesBase64 === 'string' ? bytesBase64 : '', 'base64');
  const file = writeOperatorFile(path.resolve(out), bytes);
  return { ...described(download), file, bytes: bytes.length };
}

/** Closes the half-written file and removes it. */
async function discard(sink: fs.WriteStream, partial: string): Promise<void> {
  if (!sink.closed) {
    const closed = once(sink, 'close');
    sink.destroy();
    await closed.catch(() => undefined);
  }
  fs.rmSync(partial, { force: true });
}

export const exportInvoicesCommand = defineCommand(
  {
    invocation: 'shipdesk export-invoices',
    summary: "Writes a channel's bulk-invoice upload file with the numbers registered on a day.",
    options: {
      channel: { type: 'string' },
      date: { type: 'string' },
      db: { type: 'string' },
      out: { type: 'string' },
    },
    describe: {
      channel: [
        INVOICE_LAYOUTS.join('|'),
        "the channel whose seller center takes the file (generic: Shipdesk's own layout)",
      ],
      date: ['YYYY-MM-DD', 'the day the numbers were registered (home time zone)'],
      db: ['FILE', 'the database'],
      out: ['FILE', 'where to write the file'],
    },
    required: ['channel', 'date', 'db', 'out'],
    notes: ['Prints { ok, file, rows, withoutNumber, leftOut, warnings }. Exit 0 written, 1 refused, 2 bad usage.'],
  },
  async ({ values, positionals }) => {
    noPositionals(positionals);
    const channel: InvoiceLayout | undefined = INVOICE_LAYOUTS.find((c) => c === values.channel);
    if (!channel) throw new UsageError(`--channel must be one of ${INVOICE_LAYOUTS.join(', ')}`);
    const date = values.date ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError('--date must be YYYY-MM-DD');
    outputTarget(values.out ?? ''); // a folder, a device or a pipe: refused before the work is done
    const core = openCliCore(values.db ?? '');
    if (!core) return 1;
    try {
      const env = await core.dispatch('exports.invoices', { channel, date }, { operator: '', via: 'api' });
      if (!env.ok) {
        printJson({ ok: false, error: env.error });
        return 1;
      }
      printJson({ ok: true, ...writeOut(values.out ?? '', env.value) });
      return 0;
    } finally {
      core.close();
    }
  },
);

export const exportCommand = defineCommand(
  {
    invocation: 'shipdesk export',
    summary: 'Writes the grid with its filters (a shipments.list input) to .xlsx or .csv, up to 100,000 rows.',
    options: { db: { type: 'string' }, out: { type: 'string' }, query: { type: 'string' } },
    describe: {
      db: ['FILE', 'the database'],
      out: ['FILE.xlsx|FILE.csv', 'where to write; the ending chooses the format'],
      query: ['JSON', 'the filters, as shipments.list takes them (limit and cursor are ignored); default: everything'],
    },
    required: ['db', 'out'],
    notes: [
      'Prints { ok, file, rows, truncated }. Exit 0 written, 1 refused, 2 bad usage (also a query the list refuses).',
    ],
  },
  async ({ values, positionals }) => {
    noPositionals(positionals);
    const out = values.out ?? '';
    const format = /\.csv$/i.test(out) ? 'csv' : /\.xlsx$/i.test(out) ? 'xlsx' : null;
    if (!format) throw new UsageError('--out must end in .xlsx or .csv');
    const json = values.query ?? '{}';
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new UsageError(`--query is not valid JSON: ${json.slice(0, 80)}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new UsageError('--query must be a JSON object');
    // A shipments.list input: its page size and cursor mean nothing to an export of every row.
    const query = Object.fromEntries(Object.entries(parsed).filter(([k]) => k !== 'limit' && k !== 'cursor'));
    // Written beside the destination and renamed when complete: a refusal or a crash never leaves
    // a half file under the name asked for, and never replaces the file that was there. A folder,
    // a device or a pipe as --out: FILE_NOT_REGULAR (the one opener, main/core/files/operatorFile.ts).
    const output = openOperatorOutput(out);
    const { partial, fd } = output;
    const file = path.resolve(out);
    const sink = fs.createWriteStream(partial, { fd });
    const core = openCliCore(values.db ?? '');
    if (!core) {
      await discard(sink, partial);
      return 1;
    }
    try {
      const env = await core.dispatch('exports.grid', { query, format }, { operator: '', via: 'api', sink });
      if (!env.ok) {
        await discard(sink, partial);
        printJson({ ok: false, error: env.error });
        return env.error.code === 'INVALID_INPUT' ? 2 : 1;
      }
      if (!sink.closed) await once(sink, 'close');
      finishOutput(output);
      printJson({ ok: true, ...described(env.value), file, bytes: fs.statSync(file).size });
      return 0;
    } catch (err) {
      await discard(sink, partial);
      throw err;
    } finally {
      core.close();
    }
  },
);
