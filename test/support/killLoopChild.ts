// The worker the kill-loop test SIGKILLs: registers invoices one at a time and commits 1,000-row
// CSV imports, printing one JSON line after each write the core confirmed ("acknowledged"). The
// parent trusts only complete lines: a write whose line was cut off by the kill may or may not be in.
//   node child.cjs DB FIRST_SERIAL SINGLES BATCH_ROWS CYCLE
import { silentLogger } from '../../main/core/log/logger';
import { createCore } from '../../main/core/createCore';
import type { MethodInput, MethodName, MethodResult } from '../../shared/api/contract';
import type { Envelope } from '../../shared/errors';
import { formatShipmentNo } from '../../shared/shipmentNo';
import { sampleInvoiceNumber } from '../../main/core/domain/invoiceNumber';

const [dbPath = '', first = '0', singles = '0', batchRows = '0', cycle = '0'] = process.argv.slice(2);
const ctx = { operator: 'kill-loop', via: 'manual' as const };
const ack = (line: Record<string, unknown>) => process.stdout.write(JSON.stringify(line) + '\n');

async function main(): Promise<void> {
  const core = createCore({ dbPath, autoRelease: false, log: silentLogger });
  const call = <M extends MethodName>(method: M, input: MethodInput<M>, via: 'manual' | 'excel' = 'manual') =>
    core.dispatch(method, input, { ...ctx, via }) as Promise<Envelope<MethodResult<M>>>;
  ack({ t: 'ready' });
  let serial = Number(first);
  const single = async () => {
    const shipmentNo = formatShipmentNo(serial);
    const invoiceNo = sampleInvoiceNumber('kr.cjlogistics', serial);
    serial += 1;
    const env = await call('invoices.register', { shipmentNo, carrierId: 'kr.cjlogistics', invoiceNo });
    if (!env.ok) throw new Error(`${shipmentNo}: ${env.error.code} ${env.error.message}`);
    ack({ t: 'single', shipmentNo, invoiceNo });
  };
  for (let i = 0; i < Number(singles); i++) await single();
  const rows = Number(batchRows);
  const from = serial;
  const lines = ['Shipment No.,Carrier,Invoice No.'];
  for (let i = 0; i < rows; i++) {
    lines.push(`${formatShipmentNo(from + i)},kr.cjlogistics,${sampleInvoiceNumber('kr.cjlogistics', from + i)}`);
  }
  serial += rows;
  const preview = await call('imports.preview', {
    fileName: `cycle-${cycle}.csv`,
    bytesBase64: Buffer.from(lines.join('\r\n') + '\r\n').toString('base64'),
  });
  if (!preview.ok) throw new Error(`preview: ${preview.error.message}`);
  ack({ t: 'batch-start', from, rows });
  const committed = await call('imports.commit', { importId: preview.value.importId }, 'excel');
  if (!committed.ok) throw new Error(`commit: ${committed.error.code} ${committed.error.message}`);
  const { batchId, registered } = committed.value;
  ack({ t: 'batch', from, rows, batchId, registered });
  for (let i = 0; i < Number(singles); i++) await single();
  core.close();
  ack({ t: 'done' });
}

main().catch((err: unknown) => {
  process.stderr.write(String(err instanceof Error ? err.stack : err) + '\n');
  process.exitCode = 1;
});
