// The carrier last used per region, kept across restarts: a packing station ships most parcels
// with one carrier, so after the first choice each scan only has to confirm it.
import { CARRIER_IDS, type CarrierId } from '../../../../shared/carriers';
import type { Region } from '../../../../shared/domain';

const KEY = 'shipdesk.lastCarrier';

function read(): Partial<Record<Region, CarrierId>> {
  try {
    const raw: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '{}');
    if (typeof raw !== 'object' || raw === null) return {};
    const out: Partial<Record<Region, CarrierId>> = {};
    for (const region of ['domestic', 'international'] as const) {
      const id = (raw as Record<string, unknown>)[region];
      const known = CARRIER_IDS.find((c) => c === id);
      if (known) out[region] = known;
    }
    return out;
  } catch {
    return {};
  }
}

export function lastCarrierFor(region: Region): CarrierId | null {
  return read()[region] ?? null;
}

export function rememberCarrier(region: Region, carrierId: CarrierId): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify({ ...read(), [region]: carrierId }));
  } catch {
    // not remembered: the operator picks the carrier again next time
  }
}
