// A shipment's life on a time line: which status it has reached (by the order's age) and when it
// was registered, released and scanned. Times stay in order and never pass `now`, so the status
// the events imply is exactly the status stored.
import { HOUR } from './calendar';
import { Random, Weighted } from './random';

// Status indexes follow SHIPMENT_STATUSES.
export const AWAITING = 0;
export const PREPARING = 1;
export const RELEASED = 2;
export const PROCESSED = 3;
export const SHIPPING = 4;
export const FAILED = 5;
export const DELIVERED = 6;

// Scan kinds (scanWords.ts gives each a canonical code and the carrier's words).
export const K_INFO = 0;
export const K_PICKUP = 1;
export const K_DEPART = 2;
export const K_ARRIVE = 3;
export const K_OUT = 4;
export const K_DELIVERED = 5;
export const K_FAIL = 6;
export const K_RETURN = 7;

// Status mix by order age (hours): fresh orders wait for an invoice, old ones are mostly delivered,
// and a tail of every status stays behind (back orders, stuck parcels) so every tab has work.
const BY_AGE: readonly (readonly [number, Weighted<number>])[] = (
  [
    [1, [100, 0, 0, 0, 0, 0, 0]],
    [6, [70, 6, 16, 6, 2, 0, 0]],
    [24, [40, 6, 18, 18, 18, 0, 0]],
    [72, [22, 4, 8, 12, 40, 4, 10]],
    [168, [15, 3, 6, 6, 20, 5, 45]],
    [720, [12, 3, 5, 5, 10, 3.5, 61.5]],
    [Infinity, [11, 2.7, 4.6, 4.6, 8.5, 2.8, 65.8]],
  ] as const
).map(([hours, w]) => [hours, new Weighted(w.map((x, i) => [i, x] as const))] as const);

export function pickStatus(ageMs: number, rng: Random): number {
  const hours = ageMs / HOUR;
  for (const [limit, table] of BY_AGE) if (hours < limit) return table.pick(rng);
  return AWAITING; // unreachable: the last bucket is unbounded
}

// Gaps before each scan kind, [min, max] ms, domestic then international (customs, flights).
const MIN = 60_000;
const GAPS_DOMESTIC: readonly (readonly [number, number])[] = [
  [1 * MIN, 30 * MIN], // INFO after release
  [2 * HOUR, 7 * HOUR], // PICKUP after release
  [1.5 * HOUR, 5 * HOUR], // DEPART
  [2 * HOUR, 6 * HOUR], // ARRIVE
  [2 * HOUR, 8 * HOUR], // OUT
  [0.5 * HOUR, 7 * HOUR], // DELIVERED
  [1 * HOUR, 8 * HOUR], // FAIL
  [3 * HOUR, 20 * HOUR], // RETURN
];
const GAPS_INTL: readonly (readonly [number, number])[] = [
  [1 * MIN, 60 * MIN],
  [3 * HOUR, 24 * HOUR],
  [6 * HOUR, 30 * HOUR],
  [24 * HOUR, 96 * HOUR],
  [12 * HOUR, 48 * HOUR],
  [1 * HOUR, 10 * HOUR],
  [2 * HOUR, 10 * HOUR],
  [24 * HOUR, 72 * HOUR],
];

/** The reusable result of `plan`: the hot loop allocates nothing per shipment. */
export class Timeline {
  /** Invoice registration, or -1 (awaiting an invoice). */
  reg = -1;
  /** Release confirmed, or -1. */
  rel = -1;
  n = 0;
  readonly kinds = new Int8Array(8);
  readonly at = new Float64Array(8);
  /** The latest moment in the plan (order time when nothing happened yet). */
  last = 0;
}

function push(t: Timeline, kind: number): void {
  t.kinds[t.n++] = kind;
}

/** A stage that takes time but leaves no stored scan (old deliveries keep only the key scans). */
const HIDDEN = 16;

/** Scan kinds a status implies, newest last. `full`: every stage of a delivery, else pickup and delivery only. */
function scans(t: Timeline, status: number, full: boolean, rng: Random): void {
  t.n = 0;
  const r = rng.float();
  switch (status) {
    case RELEASED:
      if (r < 0.5) push(t, K_INFO);
      return;
    case PROCESSED:
      if (r < 0.4) push(t, K_INFO);
      push(t, K_PICKUP);
      return;
    case SHIPPING:
      push(t, K_PICKUP);
      push(t, K_DEPART);
      if (r < 0.7) push(t, K_ARRIVE);
      if (r < 0.35) push(t, K_OUT);
      return;
    case FAILED:
      push(t, K_PICKUP);
      push(t, K_ARRIVE);
      push(t, K_OUT);
      push(t, r < 0.75 ? K_FAIL : K_RETURN);
      return;
    case DELIVERED:
      push(t, K_PICKUP);
      push(t, full ? K_DEPART : K_DEPART | HIDDEN);
      if (!full) push(t, K_ARRIVE | HIDDEN);
      push(t, full ? K_OUT : K_OUT | HIDDEN);
      push(t, K_DELIVERED);
      return;
    default:
  }
}

/**
 * Fills `t` for an order placed at `t0` (`tod` ms into its local day): registration in the next
 * packing window, release, then the scans. Squeezed proportionally when it would pass `now`.
 * `full`: store every scan of a delivery (recent parcels, the ones people open), else the key ones.
 */
export function plan(
  t: Timeline,
  t0: number,
  tod: number,
  status: number,
  intl: boolean,
  full: boolean,
  now: number,
  rng: Random,
): void {
  t.n = 0;
  t.reg = -1;
  t.rel = -1;
  t.last = t0;
  if (status === AWAITING) return;
  // Orders before 13:00 are packed the same afternoon, later ones the next morning; some wait for stock.
  let delay = tod < 13 * HOUR ? 13 * HOUR - tod + rng.float() * 5 * HOUR : 33 * HOUR - tod + rng.float() * 4 * HOUR;
  if (rng.chance(0.2)) delay += (1 + rng.int(3)) * 24 * HOUR;
  let reg = t0 + delay;
  let rel = status >= RELEASED ? reg + 5_000 + rng.float() * 10 * MIN : -1;
  scans(t, status, full, rng);
  const gaps = intl ? GAPS_INTL : GAPS_DOMESTIC;
  let prev = rel;
  let kept = 0;
  for (let i = 0; i < t.n; i++) {
    const kind = t.kinds[i] as number;
    const [lo, hi] = gaps[kind & ~HIDDEN] as readonly [number, number];
    prev += lo + rng.float() * (hi - lo);
    if (kind & HIDDEN) continue;
    t.kinds[kept] = kind;
    t.at[kept++] = prev;
  }
  t.n = kept;
  const last = t.n > 0 ? prev : Math.max(reg, rel);
  // A plan that would end in the future is squeezed to end at some moment between the order and now.
  const factor = last > now - MIN ? (Math.max(0, now - MIN - t0) * (0.4 + 0.6 * rng.float())) / (last - t0) : 1;
  // Whole milliseconds, strictly increasing: equal times would make the status depend on tie rules.
  reg = Math.max(Math.floor(t0 + (reg - t0) * factor), t0 + 1);
  if (rel >= 0) rel = Math.max(Math.floor(t0 + (rel - t0) * factor), reg + 1);
  prev = Math.max(reg, rel);
  for (let i = 0; i < t.n; i++) {
    prev = Math.max(Math.floor(t0 + ((t.at[i] as number) - t0) * factor), prev + 1);
    t.at[i] = prev;
  }
  t.reg = reg;
  t.rel = rel;
  t.last = prev;
}
