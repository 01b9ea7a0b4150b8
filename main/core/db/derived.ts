// Tables the triggers keep (the per-status counters): how to recount them from the rows, for a bulk
// load that switches the triggers off, and as a repair. Matches the newest migration's shape.
import type { Db } from './open';

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

export interface Trigger {
  name: string;
  sql: string;
}

/** The triggers on `tables`, as the migrations created them. */
export function triggersOn(db: Db, tables: readonly string[]): Trigger[] {
  return db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY name`,
    )
    .all(JSON.stringify(tables)) as Trigger[];
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
