// `shipdesk export-invoices --channel C --date YYYY-MM-DD --db F --out FILE`: a channel's bulk-invoice
// upload file. `shipdesk export --db F --out FILE.xlsx|FILE.csv [--query JSON]`: the grid with the
// filters of a shipments.list input. Both print one JSON object; exit 0 written, 1 refused, 2 bad usage.
import fs from 'node:fs';
import path from 'node:path';
import { INVOICE_LAYOUTS, type InvoiceLayout } from '../../shared/contract';
import { defineCommand, noPositionals, UsageError } from './command';
import { openCliCore, printJson } from './openCore';

/** Writes the download's bytes; answers the file and the rest of the result (rows, warnings, ...). */
function writeOut(out: string, download: unknown): Record<string, unknown> {
  const rest: Record<string, unknown> = {};
  let bytesBase64 = '';
  if (download && typeof download === 'object') {
    for (const [k, v] of Object.entries(download)) {
      if (k === 'bytesBase64' && typeof v === 'string') bytesBase64 = v;
      else if (k !== 'contentType') rest[k] = v;
    }
  }
  const file = path.resolve(out);
  const bytes = Buffer.from(bytesBase64, 'base64');
  fs.writeFileSync(file, bytes);
  return { ...rest, file, bytes: bytes.length };
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
    notes: ['Prints { ok, file, rows, withoutNumber, warnings }. Exit 0 written, 1 refused, 2 bad usage.'],
  },
  async ({ values, positionals }) => {
    noPositionals(positionals);
    const channel: InvoiceLayout | undefined = INVOICE_LAYOUTS.find((c) => c === values.channel);
    if (!channel) throw new UsageError(`--channel must be one of ${INVOICE_LAYOUTS.join(', ')}`);
    const date = values.date ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError('--date must be YYYY-MM-DD');
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
    const core = openCliCore(values.db ?? '');
    if (!core) return 1;
    try {
      const env = await core.dispatch('exports.grid', { query, format }, { operator: '', via: 'api' });
      if (!env.ok) {
        printJson({ ok: false, error: env.error });
        return env.error.code === 'INVALID_INPUT' ? 2 : 1;
      }
      printJson({ ok: true, ...writeOut(out, env.value) });
      return 0;
    } finally {
      core.close();
    }
  },
);
