// `shipdesk` on the command line, over the same dispatcher as the screens.
//   shipdesk call METHOD 'JSON' --db FILE [--operator NAME]   -> the result envelope on stdout
//   shipdesk demo --db FILE [--shipments N] [--seed S]        -> a summary of the demo data
//   shipdesk sync --once --db FILE [--all]                    -> one sync cycle, a JSON summary
//   shipdesk import-invoices FILE --db FILE [--commit] [--operator NAME] -> preview (and commit) an Excel/CSV file
//   shipdesk template --out FILE                              -> the Excel import template
//   shipdesk join --db FILE --hub URL --token T               -> this station joins a pool of stations
//   shipdesk hub ...                                          -> the pool of many stations (main/hub/cli.ts)
// Exit codes: 0 ok, 1 an error envelope (or a refused file), 2 bad usage.
import { UsageError, parseArgs } from './args';
import { runCall } from './call';
import { runDemo } from './demo';
import { IMPORT_FLAGS, runImportInvoices } from './importInvoices';
import { runTemplate } from './template';
import { SYNC_FLAGS, runSync } from './sync';
import { runHub } from '../hub/cli';
import { runJoin } from './join';
import { SHIPDESK_VERSION } from '../core/version';

const USAGE = `Usage:
  shipdesk call METHOD 'JSON' --db FILE [--operator NAME]
  shipdesk demo --db FILE [--shipments N] [--seed S]
  shipdesk import-invoices FILE --db FILE [--commit] [--operator NAME]
  shipdesk template --out FILE
  shipdesk sync --once --db FILE [--all]
  shipdesk join --db FILE --hub URL --token T
  shipdesk hub [init|add-station|revoke-station|demo] --pg URL ...   (shipdesk hub --help)
Methods are listed in shared/contract.ts (e.g. shipments.list, invoices.register).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'call':
        return await runCall(parseArgs(rest));
      case 'demo':
        return runDemo(parseArgs(rest));
      case 'import-invoices':
        return await runImportInvoices(parseArgs(rest, IMPORT_FLAGS));
      case 'template':
        return await runTemplate(parseArgs(rest));
      case 'sync':
        return await runSync(parseArgs(rest, SYNC_FLAGS));
      case 'join':
        return await runJoin(parseArgs(rest));
      case 'hub':
        return await runHub(rest, SHIPDESK_VERSION);
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(USAGE + '\n');
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : 'a command is required');
    }
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`shipdesk: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`shipdesk: ${err instanceof Error ? err.message : String(err)}\n`);
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
