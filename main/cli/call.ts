// `shipdesk call METHOD 'JSON' --db FILE`: one dispatcher call, the envelope as JSON on stdout.
import { defineCommand, UsageError } from '../args/command';
import { openCliCore, printJson } from './openCore';

export const callCommand = defineCommand(
  {
    invocation: 'shipdesk call',
    args: "METHOD ['JSON']",
    summary: 'Calls one method of the contract (shared/api/contract.ts) and prints its envelope as JSON.',
    options: { db: { type: 'string' }, operator: { type: 'string' } },
    describe: {
      db: ['FILE', 'the database'],
      operator: ['NAME', 'who acts (history records it); default: the settings, then the OS user'],
    },
    required: ['db'],
    notes: ['Exit 0 when the envelope is ok, 1 when it is an error, 2 on bad usage.'],
  },
  async ({ values, positionals }) => {
    const [method, json = '{}', ...extra] = positionals;
    if (!method) throw new UsageError('call needs a METHOD');
    if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);
    let input: unknown;
    try {
      input = JSON.parse(json);
    } catch {
      throw new UsageError(`the input is not valid JSON: ${json.slice(0, 80)}`);
    }
    const core = openCliCore(values.db ?? '');
    if (!core) return 1;
    try {
      const envelope = await core.dispatch(method, input, { operator: values.operator ?? '', via: 'api' });
      // Work the call queued (a release) is sent before the process ends.
      await core.runOutbox();
      printJson(envelope);
      return envelope.ok ? 0 : 1;
    } finally {
      core.close();
    }
  },
);
