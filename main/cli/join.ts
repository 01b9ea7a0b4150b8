// `shipdesk join --db FILE --hub URL [--hub URL2 | --hub URL,URL2] --token T`: this station becomes a
// member of a pool. Every hub of the pool may be named (the first is the station's own; it moves to the
// next when one does not answer, docs/HUB.md "Membership"). Its shipments are offered to the hub, then
// it trades once (push, pull) and prints
//   { ok: true, value: { station, offered, pushed, pulled, conflicts } }
// Exit 0 joined, 1 refused (wrong or revoked token, hub unreachable), 2 bad usage.
import { ShipdeskError } from '../../shared/errors';
import { defineCommand, noPositionals, UsageError } from '../args/command';
import { openCliCore, printEnvelope, printJson } from './openCore';

export const joinCommand = defineCommand(
  {
    invocation: 'shipdesk join',
    summary: 'Makes this station a member of a pool of stations served by a hub (docs/HUB.md).',
    options: { db: { type: 'string' }, hub: { type: 'string', multiple: true }, token: { type: 'string' } },
    describe: {
      db: ['FILE', "this station's database"],
      hub: [
        'URL',
        'the address a hub printed, e.g. http://127.0.0.1:5180; repeat it (or separate with commas) for every hub of the pool',
      ],
      token: ['T', 'the token from shipdesk hub add-station'],
    },
    required: ['db', 'hub', 'token'],
    notes: ['Exit 0 when joined, 1 when the hub refused or could not be reached, 2 on bad usage.'],
  },
  async ({ values, positionals }) => {
    noPositionals(positionals);
    const urls = (values.hub ?? [])
      .flatMap((h) => h.split(','))
      .map((h) => h.trim().replace(/\/$/, ''))
      .filter(Boolean);
    if (!urls.length || urls.some((url) => !/^https?:\/\/[^/\s]+$/.test(url)))
      throw new UsageError('--hub must be the address a hub printed, e.g. http://127.0.0.1:5180');
    const core = openCliCore(values.db ?? '', { autoRelease: false });
    if (!core) return 1;
    try {
      const joined = await core.joinHub({ url: urls, token: values.token ?? '' });
      const r = core.hub
        ? await core.hub.syncOnce()
        : { pushed: 0, pulled: 0, conflicts: 0, offline: true, refused: null };
      printJson({ ok: true, value: { ...joined, pushed: r.pushed, pulled: r.pulled, conflicts: r.conflicts } });
      return r.offline || r.refused ? 1 : 0;
    } catch (err) {
      if (!(err instanceof ShipdeskError)) throw err;
      printEnvelope({ code: err.code, message: err.message });
      return 1;
    } finally {
      core.close();
    }
  },
);
