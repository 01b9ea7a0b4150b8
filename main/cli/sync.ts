// `shipdesk sync --once --db FILE [--all]`: one full cycle (release due work, poll every due number,
// or every followed number with --all), then a JSON summary on stdout:
//   { released, polled, eventsStored, statusChanges, errorsByCode, online }
// Exit 0: the cycle ran (per-number errors are in the summary). 1: it could not run, or the network was
// unreachable. 2: bad usage. The tracker comes from settings or SHIPDESK_TRACKER_URL / SHIPDESK_TRACKER_KEY.
import { stderrLog } from './log';
import { ShipdeskError } from '../../shared/errors';
import { createCore } from '../core/createCore';
import { osUserName } from '../core/osUser';
import { UsageError, rejectUnknownFlags, requireFlag, type ParsedArgs } from './args';

export const SYNC_FLAGS = ['once', 'all'] as const;


export async function runSync(args: ParsedArgs): Promise<number> {
  rejectUnknownFlags(args, ['db', ...SYNC_FLAGS]);
  if (args.positional.length) throw new UsageError(`unexpected arguments: ${args.positional.join(' ')}`);
  if (args.flags.get('once') !== true) throw new UsageError('sync runs one cycle and needs --once (the app syncs continuously by itself)');
  const dbPath = requireFlag(args, 'db');
  let core;
  try {
    core = createCore({ dbPath, log: stderrLog, defaultOperator: osUserName(), autoRelease: false });
  } catch (err) {
    if (err instanceof ShipdeskError) {
      process.stdout.write(JSON.stringify({ ok: false, error: { code: err.code, message: err.message } }) + '\n');
      return 1;
    }
    throw err;
  }
  try {
    const summary = await core.sync.runCycle({ all: args.flags.get('all') === true });
    const { online, tracking } = core.sync.state();
    process.stdout.write(JSON.stringify({ ...summary, online, tracking }) + '\n');
    return online ? 0 : 1;
  } finally {
    core.close();
  }
}
