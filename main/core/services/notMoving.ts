// Which shipments are "not moving": released, followed, and still unknown to the carrier N days
// later (the mark sync/settle.ts writes from isNotMoving, sync/schedule.ts). It sits with the services,
// below the sync, because the grid's query reads it too. The status bar's count and the
// grid's `notMoving` filter both read this one condition, so the number shown is the rows shown
// (docs/ARCHITECTURE.md "Where each rule lives").
import { z } from 'zod';
import { REGIONS, type Region } from '../../../shared/domain';
import { rowReader } from '../db/rows';
import type { ServiceContext } from './context';

/**
 * SQL true for a shipment `s` whose active invoice's number is marked not moving and still followed.
 * A number no longer polled (delivered, stopped) is not counted even if its mark was never cleared.
 */
export const NOT_MOVING_SHIPMENT = `EXISTS (SELECT 1 FROM invoices nm_i JOIN poll_schedule nm_p
  ON nm_p.carrier_id = nm_i.carrier_id AND nm_p.invoice_no = nm_i.invoice_no
  WHERE nm_i.id = s.invoice_id AND nm_p.not_moving = 1 AND nm_p.next_poll_at IS NOT NULL)`;

const byRegion = rowReader('not moving by region', z.object({ region: z.enum(REGIONS), n: z.number() }));

/**
 * The status bar's count of the shipments NOT_MOVING_SHIPMENT selects, per region (the grid shows
 * one region at a time): led by the not-moving index (migration 4) through each number's active
 * invoice to its shipment, then the same condition.
 */
export function countNotMoving(ctx: ServiceContext): Record<Region, number> {
  const rows = byRegion.all(
    ctx
      .prepare(
        `SELECT s.region AS region, count(*) AS n FROM poll_schedule p
         JOIN invoices i ON i.invoice_no = p.invoice_no AND i.carrier_id = p.carrier_id AND i.active = 1
         JOIN shipments s ON s.id = i.shipment_id
         WHERE p.not_moving = 1 AND p.next_poll_at IS NOT NULL AND ${NOT_MOVING_SHIPMENT}
         GROUP BY s.region`,
      )
      .all(),
  );
  const counts: Record<Region, number> = { domestic: 0, international: 0 };
  for (const r of rows) counts[r.region] = r.n;
  return counts;
}
