// The per-status counters (count_by_facet, count_by_day) tallied while the shipments are written.
// Their rebuild in SQL (REBUILD_COUNTERS) scans a million wide rows twice, about 6 s of CPU; the
// tally is an array increment per shipment. The demo test compares the result with GROUP BY.
import { SHIPMENT_STATUSES } from '../../../shared/domain';
import type { Db } from '../db/open';

const S = SHIPMENT_STATUSES.length;

export class CounterTally {
  private readonly facets: Int32Array;
  private readonly days: Int32Array;

  constructor(
    private readonly warehouses: readonly number[],
    private readonly policies: readonly number[],
    private readonly options: readonly number[],
    private readonly dayNames: readonly string[],
  ) {
    this.facets = new Int32Array(4 * warehouses.length * policies.length * options.length * S);
    this.days = new Int32Array(dayNames.length * 4 * S);
  }

  /** One shipment. `warehouse`, `policy`, `option` index the id arrays; `status` SHIPMENT_STATUSES; `day` dayNames. */
  add(
    intl: boolean,
    exchange: boolean,
    warehouse: number,
    policy: number,
    option: number,
    status: number,
    day: number,
  ): void {
    const group = (intl ? 2 : 0) + (exchange ? 1 : 0);
    const facet =
      ((group * this.warehouses.length + warehouse) * this.policies.length + policy) * this.options.length + option;
    this.facets[facet * S + status]!++;
    this.days[(day * 4 + group) * S + status]!++;
  }

  /** Replaces both counter tables with the tally. */
  write(db: Db): void {
    db.exec('DELETE FROM count_by_facet; DELETE FROM count_by_day;');
    const facet = db.prepare(
      'INSERT INTO count_by_facet (region, claim, warehouse_id, policy_id, option_id, status, n) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const day = db.prepare('INSERT INTO count_by_day (order_day, region, claim, status, n) VALUES (?, ?, ?, ?, ?)');
    const region = (group: number) => (group & 2 ? 'international' : 'domestic');
    const claim = (group: number) => (group & 1 ? 'exchange' : 'general');
    const [W, P, O, T] = [this.warehouses.length, this.policies.length, this.options.length, S];
    this.facets.forEach((n, i) => {
      if (n === 0) return;
      const f = Math.floor(i / T);
      const group = Math.floor(f / (W * P * O));
      const w = Math.floor(f / (P * O)) % W;
      const p = Math.floor(f / O) % P;
      facet.run(
        region(group),
        claim(group),
        this.warehouses[w],
        this.policies[p],
        this.options[f % O],
        SHIPMENT_STATUSES[i % T],
        n,
      );
    });
    this.days.forEach((n, i) => {
      if (n === 0) return;
      const group = Math.floor(i / T) % 4;
      day.run(this.dayNames[Math.floor(i / (4 * T))], region(group), claim(group), SHIPMENT_STATUSES[i % T], n);
    });
  }
}
