// Tables the triggers keep (the per-status counters, the search keys and their product counters):
// how to rebuild them from the rows, for a bulk load that switches the triggers off, and as a repair.
// Matches the newest migrations' shape.
import { z } from 'zod';
import { rowReader, type RowOf } from './rows';
import type { Db } from './open';

/** Tables only triggers write: a bulk load suspends their triggers too and rebuilds them. */
export const DERIVED_TABLES = ['search_keys'] as const;

/** Recount from scratch: after a bulk load, and as a repair. */
export const REBUILD_COUNTERS = `
  DELETE FROM count_by_facet;
  DELETE FROM count_by_day;
  INSERT INTO count_by_facet
    SELECT region, claim, warehouse_id, policy_id, option_id, status, count(*) FROM shipments
    GROUP BY region, claim, warehouse_id, policy_id, option_id, status;
  INSERT INTO count_by_day
    SELECT order_day, region, claim, status, count(*) FROM shipments GROUP BY order_day, region, claim, status;
`;

/** Every shipment's order number and product ids, in key order (one sort), then the product counters. Run with the triggers on search_keys suspended. */
export const REBUILD_SEARCH_KEYS = `
  DELETE FROM search_keys;
  DELETE FROM count_by_product;
  INSERT INTO search_keys
    SELECT 'orderNo', o.order_no, s.ordered_at, s.id, s.region, s.claim, s.status, s.warehouse_id, s.policy_id, s.option_id
    FROM shipments s JOIN orders o ON o.id = s.order_id
    UNION ALL
    SELECT DISTINCT 'productId', i.product_id, s.ordered_at, s.id, s.region, s.claim, s.status, s.warehouse_id, s.policy_id, s.option_id
    FROM order_items i JOIN shipments s ON s.id = i.shipment_id
    ORDER BY 1, 2, 3, 4;
  INSERT INTO count_by_product
    SELECT key, region, claim, status, count(*) FROM search_keys WHERE field = 'productId' GROUP BY key, region, claim, status;
`;

const triggerRow = rowReader('trigger', z.object({ name: z.string(), sql: z.string() }));
export type Trigger = RowOf<typeof triggerRow>;

/** The triggers on `tables`, as the migrations created them. */
export function triggersOn(db: Db, tables: readonly string[]): Trigger[] {
  return triggerRow.all(
    db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY name`,
      )
      .all(JSON.stringify(tables)),
  );
}

/**
 * Drops the triggers on `tables` and returns how to put them back exactly as they were: a bulk load
 * writes the derived tables itself, and the migrations stay the one place a trigger is defined.
 */
export function suspendTriggers(db: Db, tables: readonly string[]): () => void {
  const triggers = triggersOn(db, tables);
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  return () => {
    for (const t of triggers) db.exec(t.sql);
  };
}
