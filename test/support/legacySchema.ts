// A database as Shipdesk up to schema 5 left it: the first five migrations, plus the tab-counter
// triggers that version created "if not exists" on every open (outside the migrations). Upgrade
// tests start from this file to show what opening it with today's Shipdesk does.
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../main/core/db/migrations';

export const LEGACY_SCHEMA_VERSION = 5;

const LEGACY_COUNTER_TRIGGERS = `
  CREATE TRIGGER IF NOT EXISTS shipments_count_insert AFTER INSERT ON shipments BEGIN
    INSERT INTO count_by_facet VALUES (new.region, new.claim, new.warehouse_id, new.policy_id, new.option_id, new.tab, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
    INSERT INTO count_by_day VALUES (new.order_day, new.region, new.claim, new.tab, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER IF NOT EXISTS shipments_count_delete AFTER DELETE ON shipments BEGIN
    UPDATE count_by_facet SET n = n - 1 WHERE region = old.region AND claim = old.claim
      AND warehouse_id = old.warehouse_id AND policy_id = old.policy_id AND option_id = old.option_id AND tab = old.tab;
    UPDATE count_by_day SET n = n - 1 WHERE order_day = old.order_day AND region = old.region
      AND claim = old.claim AND tab = old.tab;
  END;
  CREATE TRIGGER IF NOT EXISTS shipments_count_update
  AFTER UPDATE OF tab, region, warehouse_id, policy_id, option_id ON shipments
  WHEN old.tab IS NOT new.tab OR old.region IS NOT new.region OR old.warehouse_id IS NOT new.warehouse_id
    OR old.policy_id IS NOT new.policy_id OR old.option_id IS NOT new.option_id
  BEGIN
    UPDATE count_by_facet SET n = n - 1 WHERE region = old.region AND claim = old.claim
      AND warehouse_id = old.warehouse_id AND policy_id = old.policy_id AND option_id = old.option_id AND tab = old.tab;
    INSERT INTO count_by_facet VALUES (new.region, new.claim, new.warehouse_id, new.policy_id, new.option_id, new.tab, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
    UPDATE count_by_day SET n = n - 1 WHERE order_day = old.order_day AND region = old.region
      AND claim = old.claim AND tab = old.tab;
    INSERT INTO count_by_day VALUES (new.order_day, new.region, new.claim, new.tab, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
`;

/** Creates `file` at schema 5 with that version's counter triggers; `fill` writes rows into it. */
export function createLegacyDatabase(file: string, fill: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    for (let v = 0; v < LEGACY_SCHEMA_VERSION; v++) {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }
    db.exec(LEGACY_COUNTER_TRIGGERS);
    fill(db);
  } finally {
    db.close();
  }
}
