// `shipdesk` on the command line, over the same dispatcher as the screens. Each command declares its
// options once (command.ts), so `shipdesk COMMAND --help` and its bad-usage answer come from that.
// Exit codes: 0 ok, 1 an error envelope (or a refused file), 2 bad usage.
import { version } from '../../package.json';
import { ShipdeskError } from '../../shared/errors';
import { storageError } from '../core/db/storageErrors';
import { backupCommand, restoreCommand } from './backup';
import { callCommand } from './call';
import { type Command, UsageError, wantsHelp } from '../args/command';
import { demoCommand } from './demo';
import { exportCommand, exportInvoicesCommand } from './exports';
import { importInvoicesCommand } from './importInvoices';
import { importOrdersCommand } from './importOrders';
import { cliLog, printEnvelope } from './openCore';
import { syncCommand } from './sync';
import { templateCommand } from './template';
import { joinCommand } from './join';
import { hubCommand } from '../hub/cli';

const COMMANDS: Readonly<Record<string, Command>> = {
  call: callCommand,
  demo: demoCommand,
  'import-invoices': importInvoicesCommand,
  'import-orders': importOrdersCommand,
  template: templateCommand,
  'export-invoices': exportInvoicesCommand,
  export: exportCommand,
  sync: syncCommand,
  backup: backupCommand,
  restore: restoreCommand,
  join: joinCommand,
  hub: hubCommand,
};

function overview(): string {
  return [
    'Usage:',
    ...Object.values(COMMANDS).map((c) => `  ${c.synopsis()}`),
    '  shipdesk COMMAND --help    what a command does, option by option',
    '  shipdesk --version',
    'Methods for `call` are listed in shared/api/contract.ts (e.g. shipments.list, invoices.register).',
  ].join('\n');
}

function commandNamed(name: string | undefined): Command | undefined {
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const asked = commandNamed(rest[0]);
    process.stdout.write((asked ? asked.usage() : overview()) + '\n');
    return 0;
  }
  const command = commandNamed(name);
  if (!command) {
    process.stderr.write(`shipdesk: ${name ? `unknown command "${name}"` : 'a command is required'}\n${overview()}\n`);
    return 2;
  }
  if (wantsHelp(rest)) {
    process.stdout.write(command.usage() + '\n');
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`shipdesk ${name}: ${err.message}\n${command.usage()}\n`);
      return 2;
    }
    // A refusal the operator can act on (a database that cannot be opened, a full disk) is the same
    // JSON envelope every command answers with; anything else is logged with its stack.
    const known = err instanceof ShipdeskError ? err : storageError(err);
    if (known) printEnvelope({ code: known.code, message: known.message });
    else cliLog.error(`shipdesk ${name} failed`, { error: err });
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`shipdesk: ${String(err)}\n`);
    process.exitCode = 1;
  },
);
