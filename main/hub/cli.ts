// `shipdesk hub ...`: the pool's administration and the hub server (docs/HUB.md).
//   shipdesk hub init --pg URL                         create or migrate the pool's schema
//   shipdesk hub add-station NAME --pg URL             one JSON line { "station": NAME, "token": T }
//   shipdesk hub revoke-station NAME --pg URL          the station's token stops working at once
//   shipdesk hub demo --pg URL --shipments N --seed S  fill an empty pool with demo data
//   shipdesk hub --pg URL --port P [--host H] [--tls-cert F --tls-key F] [--pool N]
// Exit codes: 0 done, 1 refused or failed (a message on stderr), 2 bad usage.
import fs from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createHubPool, migrateHub, schemaVersion, type HubPool } from './db/pool';
import { HUB_MIGRATIONS } from './db/migrations';
import { loadDemoPool, PoolNotEmpty } from './demo';
import { startHubServer, type HubLog } from './server';
import { addStation, revokeStation, STATION_NAME, StationError } from './stations';
import { startHubTracking, type HubTracking } from './tracking';

export const HUB_USAGE = `Usage:
  shipdesk hub init --pg URL
  shipdesk hub add-station NAME --pg URL
  shipdesk hub revoke-station NAME --pg URL
  shipdesk hub demo --pg URL [--shipments N] [--seed S]
  shipdesk hub --pg URL [--port P] [--host ADDRESS] [--tls-cert FILE --tls-key FILE] [--pool N]
URL is a PostgreSQL connection URL for the hub's own database account (postgres://user:password@host/db).`;

export class HubUsageError extends Error {}

const hubLog: HubLog = {
  warn: (m, d) => process.stderr.write(`[shipdesk hub] ${m}${d ? ' ' + JSON.stringify(d) : ''}\n`),
  error: (m, d) => process.stderr.write(`[shipdesk hub] ERROR ${m}${d ? ' ' + JSON.stringify(d) : ''}\n`),
};

const OPTIONS = {
  pg: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  pool: { type: 'string' },
  shipments: { type: 'string' },
  seed: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

type Values = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: true });
  } catch (err) {
    throw new HubUsageError(err instanceof Error ? err.message : String(err));
  }
}

function only(values: Values, allowed: (keyof typeof OPTIONS)[]): void {
  for (const [k, v] of Object.entries(values))
    if (v !== undefined && k !== 'help' && !allowed.some((a) => a === k))
      throw new HubUsageError(`--${k} does not apply here`);
}

function whole(v: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max)
    throw new HubUsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return Number(v);
}

function pgUrl(values: Values): string {
  const url = values.pg;
  if (!url) throw new HubUsageError('--pg URL is required');
  if (!/^postgres(ql)?:\/\//.test(url)) throw new HubUsageError('--pg must be a postgres:// URL');
  return url;
}

function name(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new HubUsageError(`${what} needs exactly one station NAME`);
  const station = positionals[0]!;
  if (!STATION_NAME.test(station))
    throw new HubUsageError(
      'A station name is 1 to 64 letters, digits, spaces, dots, dashes or underscores, starting with a letter or digit.',
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
    throw new Error(
      `The pool's schema is not set up (version ${v} of ${HUB_MIGRATIONS.length}). Run: shipdesk hub init --pg URL`,
    );
  if (v > HUB_MIGRATIONS.length)
    throw new Error(`The pool's schema is newer than this hub (version ${v}). Update the hub.`);
}

const print = (value: unknown) => process.stdout.write(JSON.stringify(value) + '\n');

/** Serves until SIGINT/SIGTERM. */
async function serve(values: Values, version: string): Promise<number> {
  const url = pgUrl(values);
  const port = whole(values.port, 'port', 5180, 0, 65535);
  const poolSize = whole(values.pool, 'pool', 10, 1, 500);
  if (!!values['tls-cert'] !== !!values['tls-key']) throw new HubUsageError('--tls-cert and --tls-key go together');
  const tls =
    values['tls-cert'] && values['tls-key']
      ? { cert: fs.readFileSync(values['tls-cert']), key: fs.readFileSync(values['tls-key']) }
      : undefined;
  const pool = createHubPool(url, { max: poolSize });
  let tracking: HubTracking | null = null;
  try {
    await requireSchema(pool);
    const server = await startHubServer({ pool, url, port, host: values.host, tls, log: hubLog, version });
    tracking = await startHubTracking({ pool, url, log: hubLog, env: process.env });
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

/** The `hub` command of the shipdesk CLI; resolves with the exit code. */
export async function runHub(argv: string[], version = '0.0.0'): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    if (values.help) {
      process.stdout.write(HUB_USAGE + '\n');
      return 0;
    }
    const [sub, ...rest] = positionals;
    switch (sub) {
      case 'init': {
        only(values, ['pg']);
        if (rest.length) throw new HubUsageError(`unexpected arguments: ${rest.join(' ')}`);
        const report = await withPool(pgUrl(values), migrateHub);
        print({ ok: true, schema: report });
        return 0;
      }
      case 'add-station': {
        only(values, ['pg']);
        const station = name(rest, 'add-station');
        print(await withPool(pgUrl(values), async (pool) => (await requireSchema(pool), addStation(pool, station))));
        return 0;
      }
      case 'revoke-station': {
        only(values, ['pg']);
        const station = name(rest, 'revoke-station');
        const known = await withPool(
          pgUrl(values),
          async (pool) => (await requireSchema(pool), revokeStation(pool, station)),
        );
        if (!known) throw new Error(`No station is called "${station}".`);
        print({ station, revoked: true });
        return 0;
      }
      case 'demo': {
        only(values, ['pg', 'shipments', 'seed']);
        if (rest.length) throw new HubUsageError(`unexpected arguments: ${rest.join(' ')}`);
        const shipments = whole(values.shipments, 'shipments', 2000, 1, 2_000_000);
        const seed = whole(values.seed, 'seed', 1, 0, 2 ** 31 - 1);
        const summary = await withPool(
          pgUrl(values),
          async (pool) => (await requireSchema(pool), loadDemoPool(pool, { shipments, seed })),
        );
        print({ ok: true, ...summary });
        return 0;
      }
      case undefined:
        only(values, ['pg', 'port', 'host', 'tls-cert', 'tls-key', 'pool']);
        return await serve(values, version);
      default:
        throw new HubUsageError(`unknown hub command "${sub}"`);
    }
  } catch (err) {
    if (err instanceof HubUsageError || err instanceof StationError) {
      process.stderr.write(`shipdesk hub: ${err.message}\n${HUB_USAGE}\n`);
      return 2;
    }
    const message = err instanceof PoolNotEmpty ? err.message : describeFailure(err);
    process.stderr.write(`shipdesk hub: ${message}\n`);
    return 1;
  }
}

function describeFailure(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  if (/ECONNREFUSED|ENOTFOUND|timeout/i.test(text))
    return `cannot reach PostgreSQL (${text}). Check the --pg URL and that the database server is running.`;
  return text;
}
