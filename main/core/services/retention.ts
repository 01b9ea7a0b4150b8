// Retention: shipments nobody has touched for the retention period are purged with everything that
// names the customer (order lines, invoices, tracking events, history), and counted first into
// purged_counts (per order month, region and last status), so old months still add up.
// A shipment with release work still queued is never purged. Purges run in batches, each one
// transaction (the tab counters follow through their triggers), yielding between batches so a
// first purge of a large desk never holds the screens.
import { z } from 'zod';
import { countRow, idRow, rowReader, type RowOf } from '../db/rows';
import type { ServiceContext } from './context';

const DAY_MS = 86_400_000;
const BATCH = 2_000;

export interface PurgeSummary {
  purged: number;
  cutoff: number;
}

/** Which shipments a purge at `cutoff` takes (bound twice: ordered_at, updated_at); the preview counts the same. */
const PURGEABLE = `s.ordered_at < ? AND s.updated_at < ?
  AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.shipment_id = s.id AND o.state IN ('pending','leased'))`;

function purgeBatch(ctx: ServiceContext, cutoff: number, now: number): number {
  return ctx.db.transaction(() => {
    ctx.db.exec('CREATE TEMP TABLE IF NOT EXISTS purge_ids (id INTEGER PRIMARY KEY)');
    ctx.prepare('DELETE FROM temp.purge_ids').run();
    const picked = ctx
      .prepare(
        `INSERT INTO temp.purge_ids (id)
         SELECT s.id FROM shipments s WHERE ${PURGEABLE} LIMIT ?`,
      )
      .run(cutoff, cutoff, BATCH).changes;
    if (picked === 0) return 0;
    ctx
      .prepare(
        `INSERT INTO purged_counts (order_month, region, status, shipments, invoices, history_entries, last_purged_at)
         SELECT substr(s.order_day, 1, 7), s.region, s.status, count(*),
                sum((SELECT count(*) FROM invoices i WHERE i.shipment_id = s.id)),
                sum((SELECT count(*) FROM history h WHERE h.shipment_id = s.id)), ?
         FROM shipments s JOIN temp.purge_ids p ON p.id = s.id
         GROUP BY 1, 2, 3
         ON CONFLICT (order_month, region, status) DO UPDATE SET
           shipments = shipments + excluded.shipments,
           invoices = invoices + excluded.invoices,
           history_entries = history_entries + excluded.history_entries,
           last_purged_at = excluded.last_purged_at`,
      )
      .run(now);
    // The numbers these shipments were followed by, before their invoices go.
    ctx.db.exec(`CREATE TEMP TABLE IF NOT EXISTS purge_numbers (carrier_id TEXT, invoice_no TEXT,
      PRIMARY KEY (carrier_id, invoice_no)) WITHOUT ROWID`);
    ctx.prepare('DELETE FROM temp.purge_numbers').run();
    ctx
      .prepare(
        `INSERT OR IGNORE INTO temp.purge_numbers
         SELECT i.carrier_id, i.invoice_no FROM invoices i JOIN temp.purge_ids p ON p.id = i.shipment_id`,
      )
      .run();
    ctx
      .prepare(
        `UPDATE import_rows SET invoice_id = NULL
         WHERE invoice_id IN (SELECT i.id FROM invoices i JOIN temp.purge_ids p ON p.id = i.shipment_id)`,
      )
      .run();
    for (const table of ['outbox', 'history', 'invoices', 'order_items']) {
      ctx.prepare(`DELETE FROM ${table} WHERE shipment_id IN (SELECT id FROM temp.purge_ids)`).run();
    }
    // Events and schedules of numbers no remaining shipment uses (combined packing shares numbers).
    const unused = `NOT EXISTS (SELECT 1 FROM invoices i WHERE i.carrier_id = n.carrier_id AND i.invoice_no = n.invoice_no)`;
    ctx
      .prepare(
        `DELETE FROM tracking_events WHERE (carrier_id, invoice_no) IN
           (SELECT n.carrier_id, n.invoice_no FROM temp.purge_numbers n WHERE ${unused})`,
      )
      .run();
    ctx
      .prepare(
        `DELETE FROM poll_schedule WHERE (carrier_id, invoice_no) IN
           (SELECT n.carrier_id, n.invoice_no FROM temp.purge_numbers n WHERE ${unused})`,
      )
      .run();
    const orders = idRow.all(
      ctx.prepare('SELECT DISTINCT order_id AS id FROM shipments WHERE id IN (SELECT id FROM temp.purge_ids)').all(),
    );
    ctx.prepare('DELETE FROM shipments WHERE id IN (SELECT id FROM temp.purge_ids)').run();
    // An order goes with its last shipment, unless an exchange order still points at it.
    const dropOrder = ctx.prepare(
      `DELETE FROM orders WHERE id = ?
         AND NOT EXISTS (SELECT 1 FROM shipments WHERE order_id = ?)
         AND NOT EXISTS (SELECT 1 FROM orders WHERE original_order_id = ?)`,
    );
    for (const { id } of orders) dropOrder.run(id, id, id);
    return picked;
  })();
}

/** Purges shipments ordered and last changed more than `days` days before `now`. */
export async function purgeOlderThan(ctx: ServiceContext, days: number, now: number): Promise<PurgeSummary> {
  const cutoff = now - days * DAY_MS;
  let purged = 0;
  for (;;) {
    const n = purgeBatch(ctx, cutoff, now);
    purged += n;
    if (n < BATCH) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { purged, cutoff };
}

/** How many shipments a purge with `days` would remove now, without removing any. */
export function countPurgeable(ctx: ServiceContext, days: number, now: number): PurgeSummary {
  const cutoff = now - days * DAY_MS;
  const row = countRow.single(
    ctx.prepare(`SELECT count(*) AS n FROM shipments s WHERE ${PURGEABLE}`).get(cutoff, cutoff),
  );
  return { purged: row.n, cutoff };
}

const purgedCountsRow = rowReader(
  'purged counts',
  z.object({
    orderMonth: z.string(),
    region: z.string(),
    status: z.string(),
    shipments: z.number(),
    invoices: z.number(),
    historyEntries: z.number(),
  }),
);
export type PurgedCounts = RowOf<typeof purgedCountsRow>;

export function purgedCounts(ctx: ServiceContext): PurgedCounts[] {
  return purgedCountsRow.all(
    ctx
      .prepare(
        `SELECT order_month AS orderMonth, region, status, shipments, invoices, history_entries AS historyEntries
         FROM purged_counts ORDER BY order_month, region, status`,
      )
      .all(),
  );
}
