// Run by databaseFile.test.ts as an account that may not write the database: opens the core on it,
// reads, tries a write, and prints what each answered as JSON.
import { silentLogger } from '../../main/core/log/logger';
import { createCore } from '../../main/core/createCore';
import { ShipdeskError } from '../../shared/errors';

async function main(): Promise<void> {
  const [dbPath = '', shipmentNo = '', invoiceNo = ''] = process.argv.slice(2);
  const ctx = { operator: 'kim', via: 'manual' as const };
  let core;
  try {
    core = createCore({ dbPath, autoRelease: false, log: silentLogger });
  } catch (err) {
    const code = err instanceof ShipdeskError ? err.code : 'THROWN';
    const message = err instanceof Error ? err.message : String(err);
    process.stdout.write(JSON.stringify({ opened: false, code, message }));
    return;
  }
  const read = await core.dispatch('shipments.get', { shipmentNo }, ctx);
  const write = await core.dispatch('invoices.register', { shipmentNo, carrierId: 'kr.cjlogistics', invoiceNo }, ctx);
  const readAfter = await core.dispatch('shipments.list', { tab: 'preparing', limit: 5 }, ctx);
  core.close();
  process.stdout.write(JSON.stringify({ opened: true, read, write, readAfter }));
}

void main();
