// `shipdesk sync --once --db FILE [--all]`: one full cycle (release due work, poll every due number,
// or every followed number with --all), then a JSON summary on stdout:
//   { released, polled, eventsStored, statusChanges, errorsByCode, online }
// A member of a pool (shipdesk join) first pushes its queued operations to the hub and pulls the pool's
// changes, and adds { pushed, pulled, conflicts, hubOnline }.
// Exit 0: the cycle ran (per-number errors are in the summary). 1: it could not run, or the network was
// unreachable. 2: bad usage. The tracker comes from settings or SHIPDESK_TRACKER_URL / SHIPDESK_TRACKER_KEY.
import { defineCommand, noPositionals } from '../args/command';
import { openCliCore, printJson } from './openCore';

export const syncCommand = defineCommand(
  {
    invocation: 'shipdesk sync',
    summary: 'Runs one tracking sync cycle: sends due releases, then polls the carriers once.',
    options: { once: { type: 'boolean' }, db: { type: 'string' }, all: { type: 'boolean' } },
    describe: {
      once: ['', 'run one cycle and stop (required: the app syncs continuously by itself)'],
      db: ['FILE', 'the database'],
      all: ['', 'poll every followed number, not only those due'],
    },
    required: ['once', 'db'],
    whenMissing: { once: 'sync runs one cycle and needs --once (the app syncs continuously by itself)' },
    notes: [
      'A member of a pool (shipdesk join) first pushes its queued changes to the hub and pulls the pool: { pushed, pulled, conflicts, hubOnline } are added.',
      'Exit 0 when the cycle ran, 1 when it could not or the network (or the hub) was unreachable, 2 on bad usage.',
    ],
  },
  async ({ values, positionals }) => {
    noPositionals(positionals);
    const core = openCliCore(values.db ?? '', { autoRelease: false });
    if (!core) return 1;
    try {
      // A member of a pool first trades with the hub: verdicts free carrier work the cycle then sends.
      const pool = core.hub ? await core.hub.syncOnce() : null;
      const summary = await core.sync.runCycle({ all: values.all === true });
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
      printJson({ ...summary, online, tracking, ...hub });
      return online && (!pool || (!pool.offline && !pool.refused)) ? 0 : 1;
    } finally {
      core.close();
    }
  },
);
