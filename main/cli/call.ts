// `shipdesk call METHOD 'JSON' --db FILE`: one dispatcher call, the envelope as JSON on stdout.
import { openCliCore } from './openCore';
import { UsageError, rejectUnknownFlags, requireFlag, stringFlag, type ParsedArgs } from './args';

export async function runCall(args: ParsedArgs): Promise<number> {
  rejectUnknownFlags(args, ['db', 'operator']);
  const [method, json = '{}', ...extra] = args.positional;
  if (!method) throw new UsageError('call needs a METHOD');
  if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch {
    throw new UsageError(`the input is not valid JSON: ${json.slice(0, 80)}`);
  }
  const dbPath = requireFlag(args, 'db');
  const core = openCliCore(dbPath);
  if (!core) return 1;
  try {
    const envelope = await core.dispatch(method, input, { operator: stringFlag(args, 'operator') ?? '', via: 'api' });
    // Work the call queued (a release) is sent before the process ends.
    await core.runOutbox();
    process.stdout.write(JSON.stringify(envelope) + '\n');
    return envelope.ok ? 0 : 1;
  } finally {
    core.close();
  }
}
