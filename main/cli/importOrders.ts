// `shipdesk import-orders FILE --db F [--profile NAME] [--password P] [--map JSON] [--channel C]
//  [--save-as NAME] [--commit] [--operator N]`: a channel's order sheet without a screen. Prints one
// JSON object { ok, error?, profile, totals, rows: [{ row, orderNo, verdict, code?, message? }] };
// exit 0 when the file was read (even with line errors), 1 when it was refused, 2 on bad usage.
import path from 'node:path';
import { ColumnMapping, type OrderImportTotals } from '../../shared/api/contract';
import { CHANNEL_IDS, type ChannelId } from '../../shared/channels';
import { ORDER_LIMITS } from '../core/sheets/limits';
import { readImportFile } from '../core/sheets/readFile';
import { defineCommand, UsageError } from '../args/command';
import { openCliCore, printJson } from './openCore';

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

function printRefusal(error: { code: string; message: string; details?: Record<string, unknown> }): void {
  printJson({
    ok: false,
    error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) },
    profile: null,
    totals: NO_TOTALS,
    rows: [],
  });
}

function refused(error: { code: string; message: string; details?: Record<string, unknown> }): number {
  printRefusal(error);
  return 1;
}

/** The named fields of an envelope's value, without trusting its type. */
function fields(value: unknown, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (value && typeof value === 'object') for (const k of keys) if (k in value) out[k] = Reflect.get(value, k);
  return out;
}

function mappingOf(json: string | undefined): ColumnMapping | undefined {
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

function channelOf(value: string | undefined): ChannelId | undefined {
  if (value === undefined) return undefined;
  const channel = CHANNEL_IDS.find((c) => c === value);
  if (!channel) throw new UsageError(`--channel must be one of ${CHANNEL_IDS.join(', ')}`);
  return channel;
}

export const importOrdersCommand = defineCommand(
  {
    invocation: 'shipdesk import-orders',
    args: 'FILE',
    summary:
      "Previews a sales channel's order sheet (.xlsx, .csv, Amazon's .txt) and, with --commit, creates its orders and shipments.",
    options: {
      db: { type: 'string' },
      profile: { type: 'string' },
      password: { type: 'string' },
      map: { type: 'string' },
      channel: { type: 'string' },
      'save-as': { type: 'string' },
      'date-zone': { type: 'string' },
      commit: { type: 'boolean' },
      operator: { type: 'string' },
    },
    describe: {
      db: ['FILE', 'the database'],
      profile: [
        'NAME',
        'read the sheet with this profile (naver, coupang, shopify, amazon, ebay, shipdesk, or a saved one)',
      ],
      password: ['P', 'the password of a password-protected sheet (the one chosen at download)'],
      map: ['JSON', 'a layout no profile knows: {"header":"field",...} (fields: orderNo, lineId, orderedAt, ...)'],
      channel: ['C', `the channel of a mapped layout: ${CHANNEL_IDS.join(', ')} (default other)`],
      'save-as': ['NAME', 'keep the --map mapping as a profile under this name when committing'],
      'date-zone': [
        'ZONE',
        "the time zone of an eBay report's dates, e.g. America/Los_Angeles (default: this computer's)",
      ],
      commit: ['', 'create the orders (in one transaction); without it, only the preview'],
      operator: ['NAME', 'who imports (history records it); default: the settings, then the OS user'],
    },
    required: ['db'],
    notes: [
      'Prints { ok, error?, profile, totals, rows: [{ row, orderNo, verdict, code?, message? }] }.',
      'Exit 0 when the file was read (even with line errors), 1 when it was refused (e.g. FILE_PASSWORD_WRONG,',
      'PROFILE_UNKNOWN: no profile fits and no --map; its details list the headers), 2 on bad usage.',
    ],
  },
  async ({ values, positionals }) => {
    const [file, ...extra] = positionals;
    if (!file) throw new UsageError('import-orders needs a FILE');
    if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    const dbPath = values.db ?? '';
    const mapping = mappingOf(values.map);
    const channel = channelOf(values.channel);
    const saveAs = values['save-as'];
    if (saveAs && !mapping) throw new UsageError('--save-as needs --map');
    // Only an ordinary file within the limit (a link to /dev/zero, a FIFO, a folder: FILE_NOT_REGULAR).
    const read = readImportFile(file, ORDER_LIMITS);
    if (!read.ok && 'missing' in read) throw new UsageError(`cannot read ${file}: no such file`);
    if (!read.ok) return refused(read.refusal);
    const bytes = read.bytes;
    const core = openCliCore(dbPath, {}, printRefusal);
    if (!core) return 1;
    const call = { operator: values.operator ?? '', via: 'excel' as const };
    const profile = values.profile;
    const password = values.password;
    const dateZone = values['date-zone'];
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
          ...(dateZone ? { dateZone } : {}),
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
      if (values.commit !== true) {
        printJson({ ok: true, committed: false, ...shown, rows: fields(preview.value, ['rows']).rows });
        return 0;
      }
      const { importId } = fields(preview.value, ['importId']);
      const committed = await core.dispatch('orders.commit', { importId }, call);
      if (!committed.ok) return refused(committed.error);
      printJson({
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
  },
);
