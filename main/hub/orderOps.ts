// New shipments from an order sheet and regrouped ones (a split or merge at a station), decided
// inside the caller's transaction (docs/HUB.md, "Operations"): the numbers they bring are locked, and
// a number the pool has for another order is a collision, never overwritten.
import { isDeepStrictEqual } from 'node:util';
import { isShipmentNo, SERIALS_PER_STATION } from '../../shared/shipmentNo';
import type { OperationOf, PoolShipment } from '../../shared/hub';
import { mayRegroup, takesNewLines } from '../core/domain/regroupRules';
import type { HubClient } from './db/pool';
import {
  applied,
  collision,
  conflict,
  describe,
  invoiceFacts,
  notFound,
  refusedFor,
  rejected,
  same,
  winnerOf,
  type Decision,
  type Who,
} from './decision';
import {
  bump,
  insertShipment,
  lockNumbers,
  lockShipment,
  readFacts,
  replaceFacts,
  touchFeed,
  type LockedShipment,
} from './poolRows';

/**
 * A new shipment number in another station's range (docs/HUB.md, "Shipment numbers"): only that
 * station mints it. Code 000 is a stand-alone desk's, minted before joining: taken (a collision
 * with it is settled as SHIPMENT_NO_TAKEN). Numbers that are not Shipdesk's own format name no range.
 */
function outOfRange(who: Who, shipmentNo: string): Decision | null {
  if (!isShipmentNo(shipmentNo)) return null;
  const code = Math.floor(Number(shipmentNo.slice(2)) / SERIALS_PER_STATION);
  if (code === 0 || code === who.stationCode) return null;
  return rejected(
    'SHIPMENT_NO_RANGE',
    `Shipment No. ${shipmentNo} is in station code ${String(code).padStart(3, '0')}'s range; this station (code ${String(who.stationCode).padStart(3, '0')}) mints only its own. Nothing of this change was taken; check the station's file was not copied from another station.`,
  );
}

const sameFacts = (pool: unknown, s: PoolShipment) => {
  const { shipmentNo: _no, address: _address, region: _region, ...facts } = s;
  return isDeepStrictEqual(pool, JSON.parse(JSON.stringify(facts)));
};

/**
 * New shipments from an order sheet, all or none. A shipment the pool has for the same order is the
 * same parcel: lines the sheet added to it (while it has no invoice) are taken; one the pool has for
 * another order is a collision and refuses the whole import.
 */
export async function importOrders(c: HubClient, who: Who, op: OperationOf<'importOrders'>): Promise<Decision> {
  const held = await lockNumbers(
    c,
    op.payload.shipments.map((s) => s.shipmentNo),
  );
  for (const s of op.payload.shipments) {
    const h = held.get(s.shipmentNo);
    if (h && (h.orderNo !== s.orderNo || h.retired)) return collision(h, s.orderNo);
    const foreign = h ? null : outOfRange(who, s.shipmentNo);
    if (foreign) return foreign;
  }
  let changed = 0;
  for (const s of op.payload.shipments) {
    const h = held.get(s.shipmentNo);
    if (!h) {
      if (await insertShipment(c, s, who.station)) changed++;
    } else if (takesNewLines(h) && !sameFacts(await readFacts(c, s.shipmentNo), s)) {
      await replaceFacts(c, s);
      await bump(c, s.shipmentNo, true);
      changed++;
    }
  }
  return changed ? applied : same('Every shipment of this import was already in the pool.');
}

/**
 * A split or merge: `retire` lists every shipment the station regrouped, with the version it saw;
 * `add` the shipments they became. A retired one that is also added stays (its lines change), the
 * others leave the pool; the added ones that are new must be new to the pool. Refused if any retired
 * shipment changed or got an invoice meanwhile; then the station reads them again from the feed.
 */
export async function regroup(c: HubClient, who: Who, op: OperationOf<'regroup'>): Promise<Decision> {
  const retire = [...op.payload.retire].sort((a, b) => a.shipmentNo.localeCompare(b.shipmentNo));
  const kept = new Set(retire.map((r) => r.shipmentNo));
  const lost = async (d: Decision) => {
    await touchFeed(c, [...kept]);
    return d;
  };
  const mine = await lockNumbers(
    c,
    retire.map((r) => r.shipmentNo),
  );
  const locked: LockedShipment[] = [];
  for (const r of retire) {
    const s = mine.has(r.shipmentNo) ? await lockShipment(c, r.shipmentNo, true) : null;
    if (!s || s.retired) return lost(notFound(r.shipmentNo));
    // Version 0: the station never heard back about a shipment it imported itself; as it was made.
    const base = r.version === 0 && mine.get(r.shipmentNo)?.createdBy === who.station ? 1 : r.version;
    if (s.version !== base) {
      const w = await winnerOf(c, who, s);
      return lost(conflict(w, `${s.shipmentNo} changed before this split or merge reached the pool: ${describe(w)}.`));
    }
    // The station's own view already had the invoice (it would have refused): the rule's words.
    const may = mayRegroup(invoiceFacts(s), retire.length > 1 ? 'merged' : 'split');
    if (!may.ok) return lost(refusedFor(await winnerOf(c, who, s), may));
    locked.push(s);
  }
  const fresh = op.payload.add.filter((a) => !kept.has(a.shipmentNo));
  const held = await lockNumbers(
    c,
    fresh.map((a) => a.shipmentNo),
  );
  for (const a of fresh) {
    const h = held.get(a.shipmentNo);
    if (h) return lost(collision(h, a.orderNo));
    const foreign = outOfRange(who, a.shipmentNo);
    if (foreign) return foreign;
  }
  const staying = new Map(op.payload.add.filter((a) => kept.has(a.shipmentNo)).map((a) => [a.shipmentNo, a]));
  for (const s of locked) {
    const now = staying.get(s.shipmentNo);
    if (now) await replaceFacts(c, now);
    else await c.query('UPDATE shipments SET retired = true WHERE shipment_no = $1', [s.shipmentNo]);
    await bump(c, s.shipmentNo, true);
  }
  for (const a of fresh) await insertShipment(c, a, who.station);
  return applied;
}
