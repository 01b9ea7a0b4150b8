// `shipdesk hub ...`: the pool's administration and the hub server (docs/HUB.md).
//   shipdesk hub init --pg URL                         create or migrate the pool's schema
//   shipdesk hub add-station NAME --pg URL             one JSON line { "station": NAME, "token": T }
//   shipdesk hub revoke-station NAME --pg URL          the station's token stops working at once
//   shipdesk hub demo --pg URL --shipments N --seed S  fill an empty pool with demo data
//   shipdesk hub stations --pg URL                     one JSON line per station (docs/HUB.md, "Seeing the pool")
//   shipdesk hub add-admin NAME --pg URL               one JSON line { "admin": NAME, "token": T } for /v1/stations
//   The password: PGPASSWORD, or --pg-password-file FILE, rather than in the URL (`ps` shows a command line).
//   shipdesk hub --pg URL --port P [--host H] [--tls-cert F --tls-key F] [--pool N]
// Exit codes: 0 done, 1 refused or failed (a message on stderr), 2 bad usage.
import fs from 'node:fs';
import { createLogger, logLevelFrom, stderrSink } from '../core/log/logger';
import { SHIPDESK_VERSION } from '../core/runtime/version';
import {
  parseCommand,
  usageOf,
  UsageError,
  wholeNumber,
  type Command,
  type CommandSpec,
  type OptionsConfig,
  type Parsed,
} from '../args/command';
import { createHubPool, DEFAULT_POOL_SIZE, migrateHub, schemaVersion, type HubPool } from './db/pool';
import { HUB_MIGRATIONS } from './db/migrations';
import { loadDemoPool, PoolNotEmpty } from './demo';
import { startHubServer, type HubLog } from './server';
import { listStations } from './poolView';
import { addAdmin, addStation, revokeStation, STATION_NAME, StationError } from './stations';
import { startHubTracking, type HubTracking } from './tracking';

const OPTIONS = {
  pg: { type: 'string' },
  'pg-password-file': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  pool: { type: 'string' },
  shipments: { type: 'string' },
  seed: { type: 'string' },
} satisfies OptionsConfig;

const SPEC: CommandSpec<typeof OPTIONS> = {
  invocation: 'shipdesk hub',
  args: '[init | add-station NAME | revoke-station NAME | add-admin NAME | stations | demo]',
  summary: 'The pool of many stations: set up its PostgreSQL schema, enrol stations, or serve (docs/HUB.md).',
  options: OPTIONS,
  describe: {
    pg: ['URL', "PostgreSQL URL of the hub's own database account (postgres://user@host/db)"],
    'pg-password-file': [
      'FILE',
      'the database password, read from this file (or set PGPASSWORD; not in the URL: ps shows it)',
    ],
    port: ['P', 'serve on this port (default 5180; 0 picks a free one)'],
    host: ['ADDRESS', 'listen address (default 127.0.0.1; anything else needs TLS, see docs/HUB.md)'],
    'tls-cert': ['FILE', 'serve https with this PEM certificate (with --tls-key)'],
    'tls-key': ['FILE', 'the PEM private key of --tls-cert'],
    pool: ['N', 'PostgreSQL connections one hub uses for requests (default 10; +2 for listening and tracking)'],
    shipments: ['N', 'demo: how many shipments (default 2000)'],
    seed: ['S', 'demo: the seed (default 1)'],
  },
  required: ['pg'],
  notes: [
    'shipdesk hub init --pg URL                  create or migrate the schema',
    'shipdesk hub add-station NAME --pg URL      prints {"station":NAME,"token":T}',
    'shipdesk hub revoke-station NAME --pg URL   the token stops working on every hub at once',
    'shipdesk hub stations --pg URL              one JSON line per station: code, last seen, app, applied today, lag',
    'shipdesk hub add-admin NAME --pg URL        prints {"admin":NAME,"token":T} for GET /v1/stations',
    'shipdesk hub demo --pg URL --shipments N --seed S   fill an empty pool',
    'shipdesk hub --pg URL --port P              serve; prints "Shipdesk hub: http://127.0.0.1:P"',
    'Exit 0 done, 1 refused or failed (one line on stderr), 2 bad usage.',
  ],
};

export const HUB_USAGE = usageOf(SPEC);

/** A refusal or failure the administrator acts on: one line, exit 1. */
class HubFailure extends Error {}

const hubLog: HubLog = createLogger({
  sinks: [stderrSink()],
  level: logLevelFrom(process.env['SHIPDESK_LOG_LEVEL'], 'info'),
  fields: { scope: 'hub' },
});

type Values = Parsed<typeof OPTIONS>['values'];

function only(values: Values, allowed: (keyof typeof OPTIONS)[]): void {
  for (const [k, v] of Object.entries(values))
    if (v !== undefined && !allowed.some((a) => a === k)) throw new UsageError(`--${k} does not apply here`);
}

/**
 * The database URL, with the password from --pg-password-file when given. Without one, the URL's own
 * password or PGPASSWORD (read by the PostgreSQL client itself) is used.
 */
function pgUrl(values: Values): string {
  const raw = values.pg ?? '';
  if (!/^postgres(ql)?:\/\//.test(raw)) throw new UsageError('--pg must be a postgres:// URL');
  const file = values['pg-password-file'];
  if (file === undefined) return raw;
  const url = new URL(raw);
  if (url.password) throw new UsageError('--pg has a password and --pg-password-file another: give it once');
  let password: string;
  try {
    password = fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch (err) {
    throw new HubFailure(
      `cannot read --pg-password-file ${file} (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  if (!password) throw new HubFailure(`--pg-password-file ${file} is empty`);
  url.password = password;
  return url.toString();
}

function name(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`${what} needs exactly one station NAME`);
  const station = positionals[0]!;
  if (!STATION_NAME.test(station))
    throw new UsageError(
      'a station name is 1 to 64 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit',
    );
  return station;
}

async function withPool<T>(url: string, work: (pool: HubPool) => Promise<T>, max = 2): Promise<T> {
  const pool = createHubPool(url, { max });
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}

async function requireSchema(pool: HubPool): Promise<void> {
  const v = await schemaVersion(pool);
  if (v < HUB_MIGRATIONS.length)
    throw new HubFailure(
      `The pool's schema is not set up (version ${v} of ${HUB_MIGRATIONS.length}). Run: shipdesk hub init --pg URL`,
    );
  if (v > HUB_MIGRATIONS.length)
    throw new HubFailure(`The pool's schema is newer than this hub (version ${v}). Update the hub.`);
}

const print = (value: unknown) => process.stdout.write(JSON.stringify(value) + '\n');

/** Serves until SIGINT/SIGTERM. */
async function serve(values: Values, version: string): Promise<number> {
  const url = pgUrl(values);
  const port = wholeNumber(values.port, 'port', 5180, 0, 65535);
  const poolSize = wholeNumber(values.pool, 'pool', DEFAULT_POOL_SIZE, 1, 500);
  if (!!values['tls-cert'] !== !!values['tls-key']) throw new UsageError('--tls-cert and --tls-key go together');
  const tls =
    values['tls-cert'] && values['tls-key']
      ? { cert: fs.readFileSync(values['tls-cert']), key: fs.readFileSync(values['tls-key']) }
      : undefined;
  const pool = createHubPool(url, {
    max: poolSize,
    onError: (err) => hubLog.warn('a database connection was lost; the hub makes a new one', { error: err.message }),
  });
  try {
    await requireSchema(pool);
    const server = await startHubServer({ pool, url, port, host: values.host, tls, log: hubLog, version });
    const tracking: HubTracking = await startHubTracking({ pool, url, log: hubLog, env: process.env });
    process.stdout.write(`Shipdesk hub: ${server.url}\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await tracking.stop();
    await server.close();
    return 0;
  } finally {
    await pool.end();
  }
}

async function runHub(parsed: Parsed<typeof OPTIONS>, version: string): Promise<number> {
  const { values, positionals } = parsed;
  const [sub, ...rest] = positionals;
  switch (sub) {
    case 'init': {
      only(values, ['pg', 'pg-password-file']);
      if (rest.length) throw new UsageError(`unexpected arguments: ${rest.join(' ')}`);
      print({ ok: true, schema: await withPool(pgUrl(values), migrateHub) });
      return 0;
    }
    case 'add-station': {
      only(values, ['pg', 'pg-password-file']);
      const station = name(rest, 'add-station');
      print(await withPool(pgUrl(values), async (pool) => (await requireSchema(pool), addStation(pool, station))));
      return 0;
    }
    case 'revoke-station': {
      only(values, ['pg', 'pg-password-file']);
      const station = name(rest, 'revoke-station');
      const known = await withPool(
        pgUrl(values),
        async (pool) => (await requireSchema(pool), revokeStation(pool, station)),
      );
      if (!known) throw new HubFailure(`No station is called "${station}".`);
      print({ station, revoked: true });
      return 0;
    }
    case 'add-admin': {
      only(values, ['pg', 'pg-password-file']);
      const admin = name(rest, 'add-admin');
      print(await withPool(pgUrl(values), async (pool) => (await requireSchema(pool), addAdmin(pool, admin))));
      return 0;
    }
    case 'stations': {
      only(values, ['pg', 'pg-password-file']);
      if (rest.length) throw new UsageError(`unexpected arguments: ${rest.join(' ')}`);
      const rows = await withPool(pgUrl(values), async (pool) => (await requireSchema(pool), listStations(pool)));
      for (const row of rows) print(row);
      return 0;
    }
    case 'demo': {
      only(values, ['pg', 'pg-password-file', 'shipments', 'seed']);
      if (rest.length) throw new UsageError(`unexpected arguments: ${rest.join(' ')}`);
      const shipments = wholeNumber(values.shipments, 'shipments', 2000, 1, 2_000_000);
      const seed = wholeNumber(values.seed, 'seed', 1, 0, 2 ** 31 - 1);
      const summary = await withPool(
        pgUrl(values),
        async (pool) => (await requireSchema(pool), loadDemoPool(pool, { shipments, seed })),
      );
      print({ ok: true, ...summary });
      return 0;
    }
    case undefined:
      only(values, ['pg', 'pg-password-file', 'port', 'host', 'tls-cert', 'tls-key', 'pool']);
      return await serve(values, version);
    default:
      throw new UsageError(`unknown hub command "${sub}"`);
  }
}

function describeFailure(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  if (/ECONNREFUSED|ENOTFOUND|timeout/i.test(text))
    return `cannot reach PostgreSQL (${text}). Check the --pg URL and that the database server is running.`;
  return text;
}

/** The `hub` command of the shipdesk CLI. Bad usage is thrown (the CLI answers exit 2 with the usage). */
export const hubCommand: Command = {
  usage: () => HUB_USAGE,
  synopsis: () =>
    'shipdesk hub [init | add-station NAME | revoke-station NAME | add-admin NAME | stations | demo] --pg URL [--port P] ...',
  async run(argv) {
    const parsed = parseCommand(SPEC, argv);
    try {
      return await runHub(parsed, SHIPDESK_VERSION);
    } catch (err) {
      if (err instanceof UsageError || err instanceof StationError) throw new UsageError(err.message);
      const message = err instanceof HubFailure || err instanceof PoolNotEmpty ? err.message : describeFailure(err);
      process.stderr.write(`shipdesk hub: ${message}\n`);
      return 1;
    }
  },
};
