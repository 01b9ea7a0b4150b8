// `npm run web`: the shipping desk in a browser at http://127.0.0.1:<port>/#token=... (the fragment
// never leaves the browser; see renderer/src/api/webToken.ts)
// stdout carries exactly one line (the address) so scripts can read it; the log goes to stderr.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ShipdeskError } from '../../shared/errors';
import {
  isoInstant,
  noPositionals,
  parseCommand,
  UsageError,
  usageOf,
  wantsHelp,
  type CommandSpec,
} from '../args/command';
import { openDesk, type Desk } from '../core/recovery/desk';
import { createLogger, logLevelFrom, stderrSink } from '../core/log/logger';
import { osUserName } from '../core/runtime/osUser';
import { startDemoCarrier, type DemoCarrier } from '../demoCarrier/demoCarrier';
import { defaultDatabasePath } from './dataDir';
import { startWebHost, type WebHost } from './host';

const DEFAULT_PORT = 5178;

const log = createLogger({
  sinks: [stderrSink()],
  level: logLevelFrom(process.env['SHIPDESK_LOG_LEVEL'], 'info'),
  fields: { scope: 'web' },
});

const options = {
  db: { type: 'string' },
  port: { type: 'string' },
  operator: { type: 'string' },
  token: { type: 'string' },
  demo: { type: 'boolean' },
  now: { type: 'string' },
} as const;

const spec: CommandSpec<typeof options> = {
  invocation: 'npm run web --',
  summary: 'Serves the shipping desk on 127.0.0.1 and prints its address (with the access token) on stdout.',
  options,
  describe: {
    db: ['FILE', 'the database (default: the per-user data folder, shipdesk.db)'],
    port: ['P', `port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)`],
    operator: ['NAME', 'who registers invoices through this page (default: the settings, then the OS user)'],
    token: ['T', 'a fixed access token (16+ characters of A-Z a-z 0-9 _ -), for scripts and tests'],
    demo: ['', 'track parcels with a local demo carrier (labelled as such), so statuses move'],
    now: ['ISO', "the core's clock starts at this moment and runs on from there (demos, tests)"],
  },
  notes: ['Stop it with Ctrl+C or SIGTERM. Log lines go to stderr (SHIPDESK_LOG_LEVEL=debug|info|warn|error).'],
};

interface WebArgs {
  db: string | undefined;
  port: number;
  operator: string | undefined;
  token: string | undefined;
  demo: boolean;
  now: number | undefined;
}

/** The checked options; a wrong one is a UsageError. */
function readArgs(argv: string[]): WebArgs {
  const { values, positionals } = parseCommand(spec, argv);
  noPositionals(positionals);
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!/^\d{1,5}$/.test(values.port ?? '0') || port > 65535)
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  // A short or odd fixed token would make the lock weak or break the subprotocol that carries it.
  if (values.token !== undefined && !/^[A-Za-z0-9_-]{16,256}$/.test(values.token))
    throw new UsageError('--token must be 16 to 256 characters of A-Z, a-z, 0-9, _ and -');
  if (values.operator !== undefined && values.operator.trim() === '')
    throw new UsageError('--operator cannot be empty');
  return {
    db: values.db,
    port,
    operator: values.operator?.trim(),
    token: values.token,
    demo: values.demo ?? false,
    now: isoInstant(values.now, 'now'),
  };
}

function fatal(message: string, fields: Record<string, unknown> = {}): never {
  log.error(message, fields);
  process.exit(1);
}

/** A clock that starts at `now` and runs on at the machine's pace. */
function clockFrom(now: number | undefined): (() => number) | undefined {
  if (now === undefined) return undefined;
  const offset = now - Date.now();
  return () => Date.now() + offset;
}

async function main(argv: string[]): Promise<void> {
  if (wantsHelp(argv)) {
    process.stdout.write(usageOf(spec) + '\n');
    return;
  }
  let args: WebArgs;
  try {
    args = readArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`npm run web: ${err.message}\n${usageOf(spec)}\n`);
    process.exit(2);
  }
  const rendererDir = path.join(__dirname, '../renderer');
  if (!existsSync(path.join(rendererDir, 'index.html')))
    fatal('the screen is not built (no index.html). Run: npm run build', { rendererDir });

  const dbPath = path.resolve(args.db ?? defaultDatabasePath());
  const clock = clockFrom(args.now);
  let demo: DemoCarrier | null = null;
  let core: Desk;
  try {
    demo = args.demo ? await startDemoCarrier(clock ? { clock } : {}) : null;
    if (demo) log.info('demo carrier started', { url: demo.url });
    // Without --demo the tracker comes from SHIPDESK_TRACKER_URL / the settings, polled every 30 s.
    // A damaged database (or one that is not Shipdesk's) still starts the host: the screen offers the
    // last backup (recovery.*). Anything else stops here with its message.
    core = openDesk({
      dbPath,
      log,
      defaultOperator: osUserName(),
      dataCare: true,
      ...(clock ? { clock } : {}),
      ...(demo?.coreOptions ?? { sync: { intervalMs: 30_000 } }),
    });
  } catch (err) {
    await demo?.close();
    if (err instanceof ShipdeskError) fatal(err.message, { db: dbPath });
    fatal('cannot open the database', { db: dbPath, error: err });
  }

  let host: WebHost;
  try {
    host = await startWebHost({
      core,
      port: args.port,
      rendererDir,
      token: args.token,
      operator: args.operator,
      log,
    });
  } catch (err) {
    core.close();
    await demo?.close();
    fatal(err instanceof Error ? err.message : String(err));
  }

  let stopping = false;
  const stop = (reason: string) => {
    if (stopping) process.exit(0); // a second Ctrl+C means now
    stopping = true;
    log.info('closing', { reason });
    host
      .close()
      .catch((err: unknown) => log.error('closing the web host failed', { error: err }))
      .finally(() => {
        core.close();
        void (demo?.close() ?? Promise.resolve()).finally(() => process.exit(0));
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // Started by scripts/web.mjs over an IPC channel: if that process is gone (even killed outright),
  // nobody can stop this one any more, so it stops itself.
  if (process.send) process.on('disconnect', () => stop('the npm run web process ended'));

  log.info('listening', {
    port: host.port,
    ...(core.core ? {} : { recovery: 'the database was refused; the page offers the last backup' }),
    db: dbPath,
    pid: process.pid,
    ...(args.now !== undefined ? { now: new Date(args.now).toISOString() } : {}),
  });
  process.stdout.write(`Shipdesk web: ${host.url}\n`);
}

void main(process.argv.slice(2)).catch((err: unknown) => fatal('the web host failed', { error: err }));
