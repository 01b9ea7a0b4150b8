// Per-shipment choices: warehouse, delivery policy, shipping option and carrier, by region.
import {
  CARRIER_LIST,
  CJ,
  EMS,
  FIRST_INTL_CARRIER,
  OPERATORS,
  OPT_CVS,
  OPT_EXPRESS,
  OPT_PARCEL,
  OPT_QUICK,
  POL_DAWN,
  POL_FREE,
  POL_STD,
  PRODUCTS,
  VIA_WEIGHTS,
  WH_GMP,
  WH_ICN,
  WH_OVS,
  WH_PUS,
} from './catalog';
import { INTL_MEMOS, KO_MEMOS } from './names';
import type { Person } from './people';
import { Random, Weighted } from './random';

export const operators = new Weighted(OPERATORS);
export const vias = new Weighted(VIA_WEIGHTS);
export const koMemos = new Weighted(KO_MEMOS);
export const intlMemos = new Weighted(INTL_MEMOS);
// A few best sellers, a long tail (Zipf-like).
export const productIndexes = new Weighted(PRODUCTS.map((_, i) => [i, 1 / Math.pow(i + 1, 0.8)] as const));

const domesticWarehouses = new Weighted([
  [WH_ICN, 45],
  [WH_GMP, 35],
  [WH_PUS, 20],
] as const);
const intlWarehouses = new Weighted([
  [WH_OVS, 75],
  [WH_ICN, 25],
] as const);

// Carrier indexes into CARRIER_LIST: CJ 0, Hanjin 1, Lotte 2, Korea Post 3, Logen 4 | EMS 5, UPS 6, DHL 7, FedEx 8.
const domesticCarriers = new Weighted([
  [0, 42],
  [1, 15],
  [2, 18],
  [3, 15],
  [4, 10],
] as const);
const expressCarriers = new Weighted([
  [6, 35],
  [7, 40],
  [8, 25],
] as const);

/** The reusable result of `choose`. */
export interface Choice {
  warehouse: number;
  policy: number;
  option: number;
  /** Index into CARRIER_LIST. */
  carrier: number;
}

export function choose(out: Choice, recipient: Person, intl: boolean, rng: Random): void {
  if (intl) {
    out.warehouse = intlWarehouses.pick(rng);
    out.policy = rng.chance(0.7) ? POL_STD : POL_FREE;
    out.option = rng.chance(0.55) ? OPT_EXPRESS : OPT_PARCEL;
    out.carrier = out.option === OPT_EXPRESS ? expressCarriers.pick(rng) : EMS;
    return;
  }
  // Busan and the south ship mostly from the Busan centre.
  const south =
    recipient.line1.startsWith('부산') || recipient.line1.startsWith('대구') || recipient.line1.startsWith('광주');
  out.warehouse = south && rng.chance(0.7) ? WH_PUS : domesticWarehouses.pick(rng);
  const r = rng.float();
  out.policy = recipient.capital && r < 0.12 ? POL_DAWN : r < 0.45 ? POL_FREE : POL_STD;
  const o = rng.float();
  if (out.policy === POL_DAWN) out.option = OPT_PARCEL;
  else if (recipient.capital && o < 0.03) out.option = OPT_QUICK;
  else if (o < 0.1) out.option = OPT_CVS;
  else out.option = OPT_PARCEL;
  // Dawn delivery and convenience-store parcels go with the CJ contract (CU parcels are tracked as CJ).
  out.carrier = out.policy === POL_DAWN || out.option === OPT_CVS ? CJ : domesticCarriers.pick(rng);
}

/** Another carrier of the same region: the one an operator picked by mistake before a modification. */
export function otherCarrier(carrier: number, rng: Random): number {
  const [lo, n] =
    carrier >= FIRST_INTL_CARRIER
      ? [FIRST_INTL_CARRIER, CARRIER_LIST.length - FIRST_INTL_CARRIER]
      : [0, FIRST_INTL_CARRIER];
  return lo + ((carrier - lo + 1 + rng.int(n - 1)) % n);
}
