// `shipdesk demo --db FILE --shipments N --seed S [--now ISO]`: deterministic, realistic demo data,
// anchored to today unless --now fixes the day (same seed and same --now: the same file, byte for byte).
import { openDatabase } from '../core/db/open';
import { generateDemo } from '../core/demo/generate';
import { defineCommand, isoInstant, noPositionals, wholeNumber } from '../args/command';
import { printJson } from './openCore';

export const demoCommand = defineCommand(
  {
    invocation: 'shipdesk demo',
    summary: 'Fills an empty database with demo shipments, orders, invoices and tracking events.',
    options: {
      db: { type: 'string' },
      shipments: { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
    },
    describe: {
      db: ['FILE', 'the database (must hold no shipments yet)'],
      shipments: ['N', 'how many shipments (default 2000)'],
      seed: ['S', 'the random seed (default 1)'],
      now: ['ISO', 'the moment the data ends at, e.g. 2026-11-20T09:00+09:00 (default: now)'],
    },
    required: ['db'],
  },
  ({ values, positionals }) => {
    noPositionals(positionals);
    const shipments = wholeNumber(values.shipments, 'shipments', 2_000, 1, 5_000_000);
    const seed = wholeNumber(values.seed, 'seed', 1, 0, 2 ** 31 - 1);
    const now = isoInstant(values.now, 'now') ?? Date.now();
    const db = openDatabase(values.db ?? '');
    try {
      const started = performance.now();
      const summary = generateDemo(db, { shipments, seed, now });
      printJson({ ok: true, value: { ...summary, seconds: Math.round(performance.now() - started) / 1000 } });
      return 0;
    } finally {
      db.close();
    }
  },
);
