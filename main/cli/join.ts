// `shipdesk join --db FILE --hub URL --token T`: this station becomes a member of a pool. Its
// shipments are offered to the hub, then it trades once (push, pull) and prints
//   { ok: true, value: { station, offered, pushed, pulled, conflicts } }
// Exit 0 joined, 1 refused (wrong or revoked token, hub unreachable), 2 bad usage.
import { ShipdeskError } from '../../shared/errors';
import { openCliCore } from './openCore';
import { UsageError, rejectUnknownFlags, requireFlag, type ParsedArgs } from './args';

export async function runJoin(args: ParsedArgs): Promise<number> {
  rejectUnknownFlags(args, ['db', 'hub', 'token']);
  if (args.positional.length) throw new UsageError(`unexpected arguments: ${args.positional.join(' ')}`);
  const dbPath = requireFlag(args, 'db');
  const url = requireFlag(args, 'hub');
  if (!/^https?:\/\/[^/\s]+\/?$/.test(url))
    throw new UsageError('--hub must be the address the hub printed, e.g. http://127.0.0.1:5180');
  const token = requireFlag(args, 'token');
  const core = openCliCore(dbPath, { autoRelease: false });
  if (!core) return 1;
  try {
    const joined = await core.joinHub({ url: url.replace(/\/$/, ''), token });
    const r = await core.hub!.syncOnce();
    process.stdout.write(
      JSON.stringify({ ok: true, value: { ...joined, pushed: r.pushed, pulled: r.pulled, conflicts: r.conflicts } }) +
        '\n',
    );
    return r.offline || r.refused ? 1 : 0;
  } catch (err) {
    if (!(err instanceof ShipdeskError)) throw err;
    process.stdout.write(JSON.stringify({ ok: false, error: { code: err.code, message: err.message } }) + '\n');
    return 1;
  } finally {
    core.close();
  }
}
