// `shipdesk sync --once --db FILE [--all]`: one full cycle (release due work, poll every due number,
// or every followed number with --all), then a JSON summary on stdout:
//   { released, polled, eventsStored, statusChanges, errorsByCode, online }
// Exit 0: the cycle ran (per-number errors are in the summary). 1: it could not run, or the network was
// unreachable. 2: bad usage. The tracker comes from settings or SHIPDESK_TRACKER_URL / SHIPDESK_TRACKER_KEY.
import { defineCommand, noPositionals } from './command';
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
    notes: ['Exit 0 when the cycle ran, 1 when it could not or the network was unreachable, 2 on bad usage.'],
  },
  async ({ values, positionals }) => {
    noPositionals(positionals);
    const core = openCliCore(values.db ?? '', { autoRelease: false });
    if (!core) return 1;
    try {
      const summary = await core.sync.runCycle({ all: values.all === true });
      const { online, tracking } = core.sync.state();
      printJson({ ...summary, online, tracking });
      return online ? 0 : 1;
    } finally {
      core.close();
    }
  },
);
