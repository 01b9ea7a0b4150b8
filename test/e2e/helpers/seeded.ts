// For specs that write their own rows (`deskOptions: { fill }`): the shipment numbers in the order
// they were seeded.
import type { Desk } from './desk';

export function seededNos(desk: Desk): string[] {
  const rows = desk.core.db.prepare('SELECT shipment_no AS no FROM shipments ORDER BY id').all() as { no: string }[];
  return rows.map((r) => r.no);
}
