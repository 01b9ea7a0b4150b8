// Operations the hub failed on (5xx) while it took the others: set aside with a growing delay, so
// one operation the hub cannot store never holds the rest of the station's queue (docs/HUB.md, "The
// station's queue and the carrier"). Only later operations on the same shipment wait behind it: a
// shipment's operations must reach the pool in the order they were made. Kept in memory: a restarted
// station simply tries it again first.

const FIRST_DELAY_MS = 2_000;
const MAX_DELAY_MS = 60_000;

export interface ParkedOps {
  /** Set aside after its `attempts`-th failure. */
  park(opId: string, shipmentNo: string, attempts: number): void;
  /** It was not this operation's fault after all (the hub failed on the next one too). */
  release(opId: string): void;
  /** Shipments whose operations wait now (an operation's delay that ran out is tried again). */
  heldShipments(): string[];
}

export function createParkedOps(now: () => number = Date.now): ParkedOps {
  const parked = new Map<string, { shipmentNo: string; until: number }>();
  return {
    park(opId, shipmentNo, attempts) {
      const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1));
      parked.set(opId, { shipmentNo, until: now() + delay });
    },
    release(opId) {
      parked.delete(opId);
    },
    heldShipments() {
      const t = now();
      for (const [id, p] of parked) if (p.until <= t) parked.delete(id);
      return [...new Set([...parked.values()].map((p) => p.shipmentNo))];
    },
  };
}
