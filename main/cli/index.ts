// `shipdesk` on the command line, over the same dispatcher as the screens.
//   shipdesk call METHOD 'JSON' --db FILE [--operator NAME]   -> the result envelope on stdout
//   shipdesk demo --db FILE [--shipments N] [--seed S]        -> a summary of the demo data
//   shipdesk sync --once --db FILE [--all]                    -> one sync cycle, a JSON summary
//   shipdesk import-invoices FILE --db FILE [--commit] [--operator NAME] -> preview (and commit) an Excel/CSV file
//   shipdesk template [--orders] --out FILE                   -> the Excel import (or order) template
//   shipdesk import-orders FILE --db FILE [--profile P] [--password P] [--map JSON] [--commit] -> an order sheet
//   shipdesk export-invoices --channel C --date D --db FILE --out FILE -> a channel's bulk-invoice upload file
//   shipdesk export --db FILE --out FILE.xlsx|FILE.csv [--query JSON]  -> the grid as filtered
// Exit codes: 0 ok, 1 an error envelope (or a refused file), 2 bad usage.
import { UsageError, parseArgs } from './args';
import { runCall } from './call';
import { runDemo } from './demo';
import { IMPORT_FLAGS, runImportInvoices } from './importInvoices';
import { runExport, runExportInvoices } from './exports';
import { IMPORT_ORDERS_FLAGS, runImportOrders } from './importOrders';
import { TEMPLATE_FLAGS, runTemplate } from './template';
import { SYNC_FLAGS, runSync } from './sync';

const USAGE = `Usage:
  shipdesk call METHOD 'JSON' --db FILE [--operator NAME]
  shipdesk demo --db FILE [--shipments N] [--seed S]
  shipdesk import-invoices FILE --db FILE [--commit] [--operator NAME]
  shipdesk template [--orders] --out FILE
  shipdesk import-orders FILE --db FILE [--profile NAME] [--password P] [--map JSON] [--channel C] [--save-as NAME] [--commit] [--operator NAME]
  shipdesk export-invoices --channel naver|coupang|amazon|shopify|ebay|generic --date YYYY-MM-DD --db FILE --out FILE
  shipdesk export --db FILE --out FILE.xlsx|FILE.csv [--query JSON]
  shipdesk sync --once --db FILE [--all]
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
        return await runTemplate(parseArgs(rest, TEMPLATE_FLAGS));
      case 'import-orders':
        return await runImportOrders(parseArgs(rest, IMPORT_ORDERS_FLAGS));
      case 'export-invoices':
        return await runExportInvoices(parseArgs(rest));
      case 'export':
        return await runExport(parseArgs(rest));
      case 'sync':
        return await runSync(parseArgs(rest, SYNC_FLAGS));
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
