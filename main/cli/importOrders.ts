// `shipdesk import-orders FILE --db F [--profile NAME] [--password P] [--map JSON] [--channel C]
//  [--save-as NAME] [--commit] [--operator N]`: a channel's order sheet without a screen. Prints one
// JSON object { ok, error?, profile, totals, rows: [{ row, orderNo, verdict, code?, message? }] };
// exit 0 when the file was read (even with line errors), 1 when it was refused, 2 on bad usage.
import fs from 'node:fs';
import path from 'node:path';
import { ColumnMapping, type OrderImportTotals } from '../../shared/contract';
import { CHANNEL_IDS, type ChannelId } from '../../shared/channels';
import { ORDER_LIMITS } from '../core/imports/limits';
import { tooLarge } from '../core/imports/preflight';
import { UsageError, rejectUnknownFlags, requireFlag, stringFlag, type ParsedArgs } from './args';
import { openCliCore } from './openCore';

export const IMPORT_ORDERS_FLAGS = ['commit'] as const;

const NO_TOTALS: OrderImportTotals = {
  lines: 0,
  ok: 0,
  warning: 0,
  error: 0,
  toCreate: 0,
  toSkip: 0,
  orders: 0,
  shipments: 0,
};

function print(value: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(value) + '\n');
}

function refused(error: { code: string; message: string; details?: Record<string, unknown> }): number {
  print({
    ok: false,
    error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
    profile: null,
    totals: NO_TOTALS,
    rows: [],
  });
  return 1;
}

/** The named fields of an envelope's value, without trusting its type. */
function fields(value: unknown, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (value && typeof value === 'object') for (const k of keys) if (k in value) out[k] = Reflect.get(value, k);
  return out;
}

function mappingOf(args: ParsedArgs): ColumnMapping | undefined {
  const json = stringFlag(args, 'map');
  if (json === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new UsageError(`--map is not valid JSON: ${json.slice(0, 80)}`);
  }
  const parsed = ColumnMapping.safeParse(value);
  if (!parsed.success) {
    throw new UsageError(`--map must be {"header":"field",...}: ${parsed.error.issues[0]?.message ?? 'not a mapping'}`);
  }
  return parsed.data;
}

function channelOf(args: ParsedArgs): ChannelId | undefined {
  const value = stringFlag(args, 'channel');
  if (value === undefined) return undefined;
  const channel = CHANNEL_IDS.find((c) => c === value);
  if (!channel) throw new UsageError(`--channel must be one of ${CHANNEL_IDS.join(', ')}`);
  return channel;
}

export async function runImportOrders(args: ParsedArgs): Promise<number> {
  rejectUnknownFlags(args, ['db', 'commit', 'operator', 'profile', 'password', 'map', 'channel', 'save-as']);
  const [file, ...extra] = args.positional;
  if (!file) throw new UsageError('import-orders needs a FILE');
  if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  const dbPath = requireFlag(args, 'db');
  const mapping = mappingOf(args);
  const channel = channelOf(args);
  const saveAs = stringFlag(args, 'save-as');
  if (saveAs && !mapping) throw new UsageError('--save-as needs --map');
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new UsageError(`cannot read ${file}: no such file`);
  }
  if (size > ORDER_LIMITS.maxFileBytes) return refused(tooLarge(size, ORDER_LIMITS));
  const bytes = fs.readFileSync(file);
  const core = openCliCore(dbPath);
  if (!core) return 1;
  const call = { operator: stringFlag(args, 'operator') ?? '', via: 'excel' as const };
  const profile = stringFlag(args, 'profile');
  const password = stringFlag(args, 'password');
  try {
    const preview = await core.dispatch(
      'orders.preview',
      {
        fileName: path.basename(file),
        bytesBase64: bytes.toString('base64'),
        ...(profile ? { profile } : {}),
        ...(password ? { password } : {}),
        ...(mapping ? { mapping } : {}),
        ...(channel ? { channel } : {}),
        ...(saveAs ? { saveAs } : {}),
      },
      call,
    );
    if (!preview.ok) return refused(preview.error);
    const { profile: chosen } = fields(preview.value, ['profile']);
    const shown = {
      profile: fields(chosen, ['name']).name ?? null,
      profileKind: fields(chosen, ['kind']).kind ?? null,
      channel: fields(chosen, ['channel']).channel ?? null,
      ...fields(preview.value, [
        'fileName',
        'format',
        'sheetName',
        'encoding',
        'headerRow',
        'decrypted',
        'notes',
        'totals',
      ]),
    };
    if (args.flags.get('commit') !== true) {
      print({ ok: true, committed: false, ...shown, rows: fields(preview.value, ['rows']).rows });
      return 0;
    }
    const { importId } = fields(preview.value, ['importId']);
    const committed = await core.dispatch('orders.commit', { importId }, call);
    if (!committed.ok) return refused(committed.error);
    print({
      ok: true,
      committed: true,
      ...shown,
      ...fields(committed.value, [
        'batchId',
        'created',
        'alreadyPresent',
        'failed',
        'savedProfile',
        'shipmentNos',
        'totals',
        'rows',
      ]),
    });
    return 0;
  } finally {
    core.close();
  }
}
