// The change feed stations pull. Entries are read in (txid, seq) order and only from transactions
// older than the oldest one still running (the snapshot's xmin): every transaction below that line has
// finished, so no change can later commit behind a cursor already handed out. A change that commits
// late simply shows up in a later page. Each page carries the current state of the shipments it names.
import { z } from 'zod';
import type { Change, ChangePage, PoolEvent } from '../../shared/hub';
import { PoolEventSchema } from '../../shared/hub';
import type { HubPool } from './db/pool';
import { readStates } from './poolRows';

export const MAX_PAGE = 5000;

const CURSOR = /^(\d{1,20})\.(\d{1,20})$/;
export const START_CURSOR = '0.0';

export function isCursor(s: string): boolean {
  return CURSOR.test(s);
}

const EventRow = z.object({
  fingerprint: z.string(),
  carrier_id: z.string(),
  invoice_no: z.string(),
  at: z.string(),
  zone: z.string(),
  code: z.string(),
  raw_code: z.string(),
  raw_text: z.string(),
  location: z.string(),
});

async function readEvents(pool: HubPool, fingerprints: string[]): Promise<Map<string, PoolEvent>> {
  if (!fingerprints.length) return new Map();
  const { rows } = await pool.query(
    `SELECT fingerprint, carrier_id, invoice_no, at::text, zone, code, raw_code, raw_text, location
     FROM tracking_events WHERE fingerprint = ANY($1)`,
    [fingerprints],
  );
  const out = new Map<string, PoolEvent>();
  for (const raw of rows) {
    const r = EventRow.parse(raw);
    out.set(
      r.fingerprint,
      PoolEventSchema.parse({
        carrierId: r.carrier_id,
        invoiceNo: r.invoice_no,
        at: Number(r.at),
        zone: r.zone,
        code: r.code,
        rawCode: r.raw_code,
        rawText: r.raw_text,
        location: r.location,
        fingerprint: r.fingerprint,
      }),
    );
  }
  return out;
}

/** Up to `limit` changes after `cursor`; a shipment named twice in a page comes once, in its latest state. */
export async function readChanges(pool: HubPool, cursor: string, limit: number): Promise<ChangePage> {
  const m = CURSOR.exec(cursor);
  if (!m) throw new Error('bad cursor');
  const { rows } = await pool.query<{
    seq: string;
    txid: string;
    shipment_no: string | null;
    fingerprint: string | null;
  }>(
    `WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
     SELECT c.seq::text, c.txid::text, c.shipment_no, c.fingerprint
     FROM changes c, horizon h
     WHERE (c.txid, c.seq) > ($1::text::xid8, $2::bigint) AND c.txid < h.xmin
     ORDER BY c.txid, c.seq LIMIT $3`,
    [m[1], m[2], limit + 1],
  );
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  const shipmentNos = [...new Set(page.flatMap((r) => (r.shipment_no ? [r.shipment_no] : [])))];
  const fingerprints = [...new Set(page.flatMap((r) => (r.fingerprint ? [r.fingerprint] : [])))];
  const [states, events] = await Promise.all([readStates(pool, shipmentNos), readEvents(pool, fingerprints)]);
  const stateOf = new Map(states.map((s) => [s.shipmentNo, s]));
  // Events first (a station recomputes status from them), then each shipment once.
  const changes: Change[] = [];
  for (const fp of fingerprints) {
    const event = events.get(fp);
    if (event) changes.push({ kind: 'event', event });
  }
  for (const no of shipmentNos) {
    const state = stateOf.get(no);
    if (state) changes.push({ kind: 'shipment', state });
  }
  return { changes, cursor: last ? `${last.txid}.${last.seq}` : cursor, more };
}

/**
 * The last entry a station can read now: it moves exactly when new changes became readable (every
 * entry that becomes readable sorts after every one already readable), so a hub polling it knows
 * when to tell its stations to pull, whether or not a notification arrived.
 */
export async function feedHead(pool: HubPool): Promise<string> {
  const { rows } = await pool.query<{ head: string }>(
    `WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
     SELECT c.txid::text || '.' || c.seq::text AS head FROM changes c, horizon h
     WHERE c.txid < h.xmin ORDER BY c.txid DESC, c.seq DESC LIMIT 1`,
  );
  return rows[0]?.head ?? START_CURSOR;
}
