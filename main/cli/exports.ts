// `shipdesk export-invoices --channel C --date YYYY-MM-DD --db F --out FILE`: a channel's bulk-invoice
// upload file. `shipdesk export --db F --out FILE.xlsx|FILE.csv [--query JSON]`: the grid with the
// filters of a shipments.list input. Both print one JSON object; exit 0 written, 1 refused, 2 bad usage.
import fs from 'node:fs';
import path from 'node:path';
import { INVOICE_LAYOUTS, type InvoiceLayout } from '../../shared/contract';
import { UsageError, rejectUnknownFlags, requireFlag, stringFlag, type ParsedArgs } from './args';
import { openCliCore } from './openCore';

function print(value: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

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

export async function runExportInvoices(args: ParsedArgs): Promise<number> {
  rejectUnknownFlags(args, ['db', 'channel', 'date', 'out']);
  if (args.positional.length) throw new UsageError(`unexpected arguments: ${args.positional.join(' ')}`);
  const value = requireFlag(args, 'channel');
  const channel: InvoiceLayout | undefined = INVOICE_LAYOUTS.find((c) => c === value);
  if (!channel) throw new UsageError(`--channel must be one of ${INVOICE_LAYOUTS.join(', ')}`);
  const date = requireFlag(args, 'date');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError('--date must be YYYY-MM-DD');
  const out = requireFlag(args, 'out');
  const core = openCliCore(requireFlag(args, 'db'));
  if (!core) return 1;
  try {
    const env = await core.dispatch('exports.invoices', { channel, date }, { operator: '', via: 'api' });
    if (!env.ok) {
      print({ ok: false, error: env.error });
      return 1;
    }
    print({ ok: true, ...writeOut(out, env.value) });
    return 0;
  } finally {
    core.close();
  }
}

export async function runExport(args: ParsedArgs): Promise<number> {
  rejectUnknownFlags(args, ['db', 'out', 'query']);
  if (args.positional.length) throw new UsageError(`unexpected arguments: ${args.positional.join(' ')}`);
  const out = requireFlag(args, 'out');
  const format = /\.csv$/i.test(out) ? 'csv' : /\.xlsx$/i.test(out) ? 'xlsx' : null;
  if (!format) throw new UsageError('--out must end in .xlsx or .csv');
  const json = stringFlag(args, 'query') ?? '{}';
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
  const core = openCliCore(requireFlag(args, 'db'));
  if (!core) return 1;
  try {
    const env = await core.dispatch('exports.grid', { query, format }, { operator: '', via: 'api' });
    if (!env.ok) {
      print({ ok: false, error: env.error });
      return env.error.code === 'INVALID_INPUT' ? 2 : 1;
    }
    print({ ok: true, ...writeOut(out, env.value) });
    return 0;
  } finally {
    core.close();
  }
}
