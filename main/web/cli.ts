// `npm run web`: the shipping desk in a browser at http://127.0.0.1:<port>/?token=...
// stdout carries exactly one line (the address) so scripts can read it; everything else goes to stderr.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ShipdeskError } from '../../shared/errors';
import { createCore, type Core } from '../core/createCore';
import { osUserName } from '../core/osUser';
import { startDemoCarrier } from '../core/sync/demoCarrier';
import { defaultDatabasePath } from './dataDir';
import { startWebHost, stderrLog, type WebHost } from './host';

const DEFAULT_PORT = 5178;
const USAGE = `Usage: npm run web -- [--db FILE] [--port P] [--operator NAME] [--token T] [--demo]
  --db FILE        the database (default: the per-user data folder, shipdesk.db)
  --port P         port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)
  --operator NAME  who registers invoices through this page (default: the settings, then the OS user)
  --token T        a fixed access token (16+ characters of A-Z a-z 0-9 _ -), for scripts and tests
  --demo           track parcels with a local demo carrier (labelled as such), so statuses move`;

class UsageError extends Error {}

interface WebArgs {
  db: string | undefined;
  port: number;
  operator: string | undefined;
  token: string | undefined;
  demo: boolean;
  help: boolean;
}

function parseWebArgs(argv: string[]): WebArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        db: { type: 'string' },
        port: { type: 'string' },
        operator: { type: 'string' },
        token: { type: 'string' },
        demo: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values } = parsed;
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  // A short or odd fixed token would make the lock weak or break the cookie that carries it.
  if (values.token !== undefined && !/^[A-Za-z0-9_-]{16,256}$/.test(values.token)) {
    throw new UsageError('--token must be 16 to 256 characters of A-Z, a-z, 0-9, _ and -.');
  }
  if (values.operator !== undefined && values.operator.trim() === '')
    throw new UsageError('--operator cannot be empty.');
  return {
    db: values.db,
    port,
    operator: values.operator?.trim(),
    token: values.token,
    demo: values.demo ?? false,
    help: values.help ?? false,
  };
}

function fail(message: string, code: number): never {
  process.stderr.write(`Shipdesk web: ${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let args: WebArgs;
  try {
    args = parseWebArgs(process.argv.slice(2));
  } catch (err) {
    fail(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`, 2);
  }
  if (args.help) {
    process.stderr.write(USAGE + '\n');
    return;
  }
  const rendererDir = path.join(__dirname, '../renderer');
  if (!existsSync(path.join(rendererDir, 'index.html')))
    fail(`the screen is not built (${rendererDir} has no index.html). Run: npm run build`, 1);

  const dbPath = path.resolve(args.db ?? defaultDatabasePath());
  const demo = args.demo ? await startDemoCarrier() : null;
  if (demo) process.stderr.write(`Shipdesk web: demo carrier on ${demo.url}\n`);
  let core: Core;
  try {
    // Without --demo the tracker comes from SHIPDESK_TRACKER_URL / the settings, polled every 30 s.
    core = createCore({
      dbPath,
      log: stderrLog,
      defaultOperator: osUserName(),
      dataCare: true,
      ...(demo?.coreOptions ?? { sync: { intervalMs: 30_000 } }),
    });
  } catch (err) {
    if (err instanceof ShipdeskError) fail(`${err.message} (${dbPath})`, 1);
    fail(`cannot open the database ${dbPath}: ${err instanceof Error ? err.message : String(err)}`, 1);
  }

  let host: WebHost;
  try {
    host = await startWebHost({
      core,
      port: args.port,
      rendererDir,
      token: args.token,
      operator: args.operator,
      log: stderrLog,
    });
  } catch (err) {
    core.close();
    fail(err instanceof Error ? err.message : String(err), 1);
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(0); // a second Ctrl+C means now
    stopping = true;
    process.stderr.write(`Shipdesk web: ${signal}, closing.\n`);
    host
      .close()
      .catch((err: unknown) => stderrLog.error('closing the web host failed', { error: String(err) }))
      .finally(() => {
        core.close();
        void (demo?.close() ?? Promise.resolve()).finally(() => process.exit(0));
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  process.stderr.write(`Shipdesk web: database ${dbPath}\n`);
  process.stdout.write(`Shipdesk web: ${host.url}\n`);
}

void main().catch((err: unknown) => fail(err instanceof Error ? (err.stack ?? err.message) : String(err), 1));
