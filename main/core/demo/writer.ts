// The hot loop: orders day by day in time order, their shipments, items, invoices and scans,
// inserted in id order, then the history. No Date objects and no JSON.stringify per row.
import type { CarrierId } from '../../../shared/carriers';
import type { Db } from '../db/open';
import { formatShipmentNo } from '../../../shared/shipmentNo';
import { dailyQuotas, DAY_MS, HOUR, orderTimes, type Day } from './calendar';
import {
  CARRIER_LIST,
  DELETE_REASONS,
  DOMESTIC_CHANNELS,
  INTL_CHANNELS,
  MODIFY_REASONS,
  OPTION_GROUPS,
  PRODUCTS,
} from './catalog';
import { choose, intlMemos, koMemos, operators, otherCarrier, productIndexes, vias, type Choice } from './choices';
import { CounterTally } from './counters';
import { writeScans } from './events';
import { AWAITING, PREPARING, pickStatus, plan, Timeline } from './lifecycle';
import { isDomesticBuyer, personOf, type Person } from './people';
import { hash32, Weighted, type Random } from './random';
import { SampleNumbers } from './sampleNumbers';
import { DemoStatements, H_DELETED, H_MODIFIED, type Prepare } from './statements';
import { ZoneClock } from './zones';

export interface Counts {
  orders: number;
  exchangeOrders: number;
  shipments: number;
  orderItems: number;
  invoices: number;
  events: number;
  history: number;
  byStatus: Int32Array;
  international: number;
}

export interface Ids {
  warehouses: readonly number[];
  policies: readonly number[];
  options: readonly number[];
}

const MIN = 60_000;
/** Deliveries younger than this keep every scan; older ones keep pickup and delivery. */
const FULL_SCANS_MS = 14 * DAY_MS;

// Channels by index, so an exchange order can reuse its original's channel from a byte array.
const CHANNELS = [...DOMESTIC_CHANNELS, ...INTL_CHANNELS].map(([name]) => name);
const domesticChannels = new Weighted(DOMESTIC_CHANNELS.map(([, w], i) => [i, w] as const));
const intlChannels = new Weighted(INTL_CHANNELS.map(([, w], i) => [DOMESTIC_CHANNELS.length + i, w] as const));

/** `{"carrierId":…,"invoiceNo":…}` as JSON.stringify writes it; ids and numbers need no escaping. */
const snap = (carrierId: string, invoiceNo: string) => `{"carrierId":"${carrierId}","invoiceNo":"${invoiceNo}"}`;
const carrierIdOf = (carrier: number) => (CARRIER_LIST[carrier] ?? 'kr.cjlogistics') as CarrierId;

/**
 * The sample serial of an invoice: a block of 4 per key (shipment id, or total + id for a replaced
 * invoice) with a random pick inside, so numbers never repeat and do not run consecutively, yet
 * still rise with the id: index inserts stay appends. 10^8 is the smallest serial range
 * sampleInvoiceNumber guarantees for every carrier; 4 × (2 × 10^7 + 1) keys fit below it with a random base.
 */
const SERIALS = 100_000_000;
const serialOf = (key: number, base: number, seed: number) => base + key * 4 + (hash32(seed, key) & 3);

export interface DemoRun {
  days: readonly Day[];
  total: number;
  seed: number;
  now: number;
  rng: Random;
  ids: Ids;
  onDay: (done: number) => void;
  prepare: Prepare;
  /** Called once the last order item and scan are written (a worker may then finish those tables). */
  offloadDone: () => void;
}

export function writeDemo(db: Db, run: DemoRun): Counts {
  const { days, total, seed, now, rng, ids } = run;
  const sql = new DemoStatements(db, run.prepare);
  const c: Counts = {
    orders: 0,
    exchangeOrders: 0,
    shipments: 0,
    orderItems: 0,
    invoices: 0,
    events: 0,
    history: 0,
    byStatus: new Int32Array(7),
    international: 0,
  };
  // Per order, what an exchange order needs from its original (there are at most `total` orders).
  const buyerOf = new Int32Array(total + 1);
  const channelOf = new Uint8Array(total + 1);
  const productOf = new Uint8Array(total + 1);
  const isExchange = new Uint8Array(total + 1);
  const dayFirst = new Int32Array(days.length);
  const dayCount = new Int32Array(days.length);
  // Fewer buyers than orders: some buy again.
  const buyers = Math.max(50, Math.round(total * 0.55));
  const quotas = dailyQuotas(days, total, rng);
  const t = new Timeline();
  const choice: Choice = { warehouse: 0, policy: 0, option: 0, carrier: 0 };
  const zones = new ZoneClock();
  const sizes: number[] = [];
  const numbers = new SampleNumbers();
  const serialBase = hash32(seed, 0x5e71a1) % (SERIALS - 4 * (2 * total + 2));
  const tally = new CounterTally(
    ids.warehouses,
    ids.policies,
    ids.options,
    days.map((day) => day.ymd),
  );

  const item = (orderId: number, shipmentId: number, productIdx: number) => {
    const p = PRODUCTS[productIdx] ?? PRODUCTS[0]!;
    const group = OPTION_GROUPS[p.options] ?? [''];
    const q = rng.float();
    sql.item(
      orderId,
      shipmentId,
      p.id,
      p.name,
      group[rng.int(group.length)] ?? '',
      q < 0.82 ? 1 : q < 0.96 ? 2 : 3 + rng.int(3),
    );
    c.orderItems++;
  };

  /** An earlier invoice of the shipment, ended by a modification or a deletion; returns its number. */
  const endedInvoice = (
    invoiceId: number,
    shipmentId: number,
    carrier: number,
    r0: number,
    end: number,
    reason: string,
  ) => {
    const carrierId = carrierIdOf(carrier);
    // Keys above `total` never meet an active invoice's key (the shipment id).
    const no = numbers.number(carrierId, serialOf(total + shipmentId, serialBase, seed));
    const op = operators.pick(rng);
    const via = vias.pick(rng);
    const rel = r0 + 5_000 + Math.floor(rng.float() * 5 * MIN);
    sql.invoice(carrier, false, invoiceId, shipmentId, no, r0, op, via, rel < end ? rel : null, end, reason);
    c.invoices++;
    return no;
  };

  let orderId = 0;
  let shipmentId = 0;
  let invoiceId = 0;
  days.forEach((day, d) => {
    // Shipments per order: mostly one, some split over two or three parcels.
    sizes.length = 0;
    for (let left = quotas[d] ?? 0; left > 0;) {
      const r = rng.float();
      const k = Math.min(left, r < 0.85 ? 1 : r < 0.96 ? 2 : 3);
      sizes.push(k);
      left -= k;
    }
    const times = orderTimes(sizes.length, day.end - day.start, rng);
    dayFirst[d] = orderId + 1;
    dayCount[d] = sizes.length;
    let serial = 1000 + rng.int(3000);
    for (let j = 0; j < sizes.length; j++) {
      const k = sizes[j] as number;
      const tod = times[j] as number;
      const t0 = day.start + tod;
      const age = now - t0;
      const id = ++orderId;
      serial += 1 + rng.int(3);
      // About 5% of orders are single-parcel exchanges of a general order placed 3 to 30 days earlier.
      let original = 0;
      if (k === 1 && d >= 3 && rng.chance(0.07)) {
        const from = Math.max(0, d - 30);
        const od = from + rng.int(d - 2 - from);
        const n = dayCount[od] ?? 0;
        const candidate = n > 0 ? (dayFirst[od] ?? 0) + rng.int(n) : 0;
        if (candidate > 0 && isExchange[candidate] === 0) original = candidate;
      }
      const exchange = original > 0;
      const buyer = exchange ? (buyerOf[original] ?? 0) : rng.int(buyers);
      const person = personOf(seed, buyer);
      const intl = person.country !== 'KR';
      // Some domestic orders are gifts shipped to someone else.
      let recipient: Person = person;
      if (!intl && !exchange && rng.chance(0.05)) {
        const other = rng.int(buyers);
        if (isDomesticBuyer(seed, other)) recipient = personOf(seed, other);
      }
      const channel = exchange ? (channelOf[original] ?? 0) : (intl ? intlChannels : domesticChannels).pick(rng);
      buyerOf[id] = buyer;
      channelOf[id] = channel;
      isExchange[id] = exchange ? 1 : 0;
      sql.order(
        exchange,
        id,
        `${day.compact}-${String(serial).padStart(7, '0')}`,
        t0,
        CHANNELS[channel] ?? '자사몰',
        person.name,
        original,
      );
      c.orders++;
      if (exchange) c.exchangeOrders++;
      const memo = (intl ? intlMemos : koMemos).pick(rng);

      for (let s = 0; s < k; s++) {
        const sid = ++shipmentId;
        const status = pickStatus(age, rng);
        choose(choice, recipient, intl, rng);
        plan(t, t0, tod, status, intl, age < FULL_SCANS_MS, now, rng);
        const carrier = choice.carrier;
        // A few invoices were corrected once (modified) before the parcel moved; a few were withdrawn.
        const modified = status > AWAITING && rng.chance(0.012);
        const deleted = status === AWAITING && age > 3 * HOUR && rng.chance(0.04);
        const firstInvoice = invoiceId + 1;
        if (status > AWAITING) invoiceId += modified ? 2 : 1;
        else if (deleted) invoiceId += 1;
        let updated = status > AWAITING ? t.last : t0;
        let delStart = 0;
        let delEnd = 0;
        if (deleted) {
          delStart = t0 + Math.floor(age * (0.1 + 0.4 * rng.float()));
          delEnd = delStart + Math.floor((now - delStart) * (0.05 + 0.45 * rng.float()));
          updated = delEnd;
        }
        sql.shipment(
          status,
          intl,
          exchange,
          sid,
          formatShipmentNo(sid),
          id,
          t0,
          day.ymd,
          recipient.name,
          recipient.phone,
          recipient.country,
          recipient.postalCode,
          recipient.line1,
          recipient.line2,
          memo,
          ids.warehouses[choice.warehouse] ?? 1,
          ids.policies[choice.policy] ?? 1,
          ids.options[choice.option] ?? 1,
          status > AWAITING ? invoiceId : null,
          t.n > 0 ? (t.at[t.n - 1] as number) : null,
          updated,
        );
        tally.add(intl, exchange, choice.warehouse, choice.policy, choice.option, status, d);
        c.shipments++;
        c.byStatus[status]!++;
        if (intl) c.international++;

        // An exchange ships the original's product again (another option); others 1-3 products.
        const r = rng.float();
        const items = exchange ? 1 : r < 0.8 ? 1 : r < 0.95 ? 2 : 3;
        for (let i = 0; i < items; i++) {
          const pi: number = exchange ? (productOf[original] ?? 0) : productIndexes.pick(rng);
          if (s === 0 && i === 0) productOf[id] = pi;
          item(id, sid, pi);
        }

        if (deleted) {
          const old = endedInvoice(firstInvoice, sid, carrier, delStart, delEnd, 'deleted');
          sql.history(
            H_DELETED,
            sid,
            snap(carrierIdOf(carrier), old),
            null,
            operators.pick(rng),
            vias.pick(rng),
            delEnd,
            rng.pick(DELETE_REASONS),
          );
        }
        if (status === AWAITING) continue;

        const carrierId = carrierIdOf(carrier);
        const no = numbers.number(carrierId, serialOf(sid, serialBase, seed));
        const op = operators.pick(rng);
        const via = vias.pick(rng);
        const released = status > PREPARING ? t.rel : null;
        if (modified) {
          const oldCarrier = rng.chance(0.6) ? carrier : otherCarrier(carrier, rng);
          const r0 = t.reg - Math.floor(Math.min(20 * MIN + rng.float() * 160 * MIN, (t.reg - t0) / 2));
          const old = endedInvoice(firstInvoice, sid, oldCarrier, r0, t.reg, 'modified');
          sql.invoice(carrier, true, invoiceId, sid, no, t.reg, op, via, released, null, null);
          // Registered by the modification: its history row is the 'modified' one.
          sql.history(
            H_MODIFIED,
            sid,
            snap(carrierIdOf(oldCarrier), old),
            snap(carrierId, no),
            op,
            via,
            t.reg,
            rng.pick(MODIFY_REASONS),
          );
          sql.notRegistered(invoiceId);
        } else {
          sql.invoice(carrier, true, invoiceId, sid, no, t.reg, op, via, released, null, null);
        }
        c.invoices++;
        c.events += writeScans(sql, carrier, no, t, recipient, choice.warehouse, now, zones, rng);
      }
    }
    run.onDay(shipmentId);
  });
  run.offloadDone();
  c.history = sql.finishHistory();
  tally.write(db);
  return c;
}
