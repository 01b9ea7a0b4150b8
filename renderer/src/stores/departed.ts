// A row the operator just moved out of the view (a modify or delete sends it to another tab) stays
// where it was, dimmed, saying where it went, until the operator moves on. Pure list arithmetic,
// so the grid store stays about loading.
import type { ShipmentRow } from '../../../shared/api/contract';
import type { Region, Tab } from '../../../shared/domain';

/** Where a row went. */
export interface Departure {
  tab: Tab;
  region: Region;
}

export type Departures = Readonly<Record<string, Departure>>;

/** The row no longer belongs to the view of these filters: where it went, or null. */
export function departureOf(
  row: Pick<ShipmentRow, 'tab' | 'region'>,
  view: { tab: Tab; region: Region },
): Departure | null {
  return row.tab === view.tab && row.region === view.region ? null : { tab: row.tab, region: row.region };
}

/**
 * The re-read list with the departed rows put back where they were (a re-read no longer has them).
 * A departed row that the re-read does have came back into the view: it is no longer departed.
 */
export function keepDeparted(
  next: readonly ShipmentRow[],
  before: readonly ShipmentRow[],
  departed: Departures,
): { rows: ShipmentRow[]; departed: Departures; kept: number } {
  const nos = Object.keys(departed);
  if (!nos.length) return { rows: [...next], departed, kept: 0 };
  const present = new Set(next.map((r) => r.shipmentNo));
  const stillAway: Record<string, Departure> = {};
  const rows = [...next];
  const places = nos
    .map((no) => ({ no, index: before.findIndex((r) => r.shipmentNo === no) }))
    .filter((p) => p.index >= 0)
    .sort((a, b) => a.index - b.index);
  let kept = 0;
  for (const { no, index } of places) {
    const departure = departed[no];
    const row = before[index];
    if (!departure || !row || present.has(no)) continue;
    rows.splice(Math.min(index, rows.length), 0, row);
    stillAway[no] = departure;
    kept += 1;
  }
  return { rows, departed: stillAway, kept };
}
