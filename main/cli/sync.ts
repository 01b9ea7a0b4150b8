// `shipdesk sync --once --db FILE [--all]`: one full cycle (release due work, poll every due number,
// or every followed number with --all), then a JSON summary on stdout:
//   { released, polled, eventsStored, statusChanges, errorsByCode, online }
// A member of a pool (shipdesk join) first pushes its queued operations to the hub and pulls the pool's
// changes, and adds { pushed, pulled, conflicts, hubOnline }.
// Exit 0: the cycle ran (per-number errors are in the summary). 1: it could not run, or the network was
// unreachable. 2: bad usage. The tracker comes from settings or SHIPDESK_TRACKER_URL / SHIPDESK_TRACKER_KEY.
import { openCliCore } from './openCore';
import { UsageError, rejectUnknownFlags, requireFlag, type ParsedArgs } from './args';

export const SYNC_FLAGS = ['once', 'all'] as const;

export async function runSync(args: ParsedArgs): Promise<number> {
  rejectUnknownFlags(args, ['db', ...SYNC_FLAGS]);
  if (args.positional.length) throw new UsageError(`unexpected arguments: ${args.positional.join(' ')}`);
  if (args.flags.get('once') !== true)
    throw new UsageError('sync runs one cycle and needs --once (the app syncs continuously by itself)');
  const dbPath = requireFlag(args, 'db');
  const core = openCliCore(dbPath, { autoRelease: false });
  if (!core) return 1;
  try {
    // A member of a pool first trades with the hub: verdicts free carrier work the cycle then sends.
    const pool = core.hub ? await core.hub.syncOnce() : null;
    const summary = await core.sync.runCycle({ all: args.flags.get('all') === true });
    const { online, tracking } = core.sync.state();
    const hub = pool
      ? {
          pushed: pool.pushed,
          pulled: pool.pulled,
          conflicts: pool.conflicts,
          hubOnline: !pool.offline && !pool.refused,
          ...(pool.refused ? { hubRefused: pool.refused } : {}),
        }
      : {};
    process.stdout.write(JSON.stringify({ ...summary, online, tracking, ...hub }) + '\n');
    return online && (!pool || (!pool.offline && !pool.refused)) ? 0 : 1;
  } finally {
    core.close();
  }
}
