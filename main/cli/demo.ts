// `shipdesk demo --db FILE --shipments N --seed S`: deterministic, realistic demo data.
import { openDatabase } from '../core/db/open';
import { generateDemo } from '../core/demo/generate';
import { intFlag, rejectUnknownFlags, requireFlag, type ParsedArgs } from './args';

export function runDemo(args: ParsedArgs): number {
  rejectUnknownFlags(args, ['db', 'shipments', 'seed']);
  const dbPath = requireFlag(args, 'db');
  const shipments = intFlag(args, 'shipments', 2_000, 1, 5_000_000);
  const seed = intFlag(args, 'seed', 1, 0, 2 ** 31 - 1);
  const db = openDatabase(dbPath);
  try {
    const started = Date.now();
    const summary = generateDemo(db, { shipments, seed });
    process.stdout.write(
      JSON.stringify({ ok: true, value: { ...summary, seconds: (Date.now() - started) / 1000 } }) + '\n',
    );
    return 0;
  } finally {
    db.close();
  }
}
