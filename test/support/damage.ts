// What a failing disk does to a database file: the middle of some pages overwritten with garbage.
import fs from 'node:fs';
import Database from 'better-sqlite3';

/** Overwrites the first half of `count` leaf pages of `table` with garbage; returns how many it hit. */
export function damagePages(dbPath: string, table: string, count: number): number {
  const db = new Database(dbPath, { readonly: true });
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  const pages = db
    .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
    .all(table) as { pageno: number }[];
  db.close();
  const fd = fs.openSync(dbPath, 'r+');
  const hit = pages.slice(0, count);
  for (const { pageno } of hit) {
    // The b-tree page header (type, cell count, offsets) and the first cells: what every read parses.
    fs.writeSync(fd, Buffer.alloc(pageSize / 2, 0xa5), 0, pageSize / 2, (pageno - 1) * pageSize);
  }
  fs.closeSync(fd);
  return hit.length;
}
