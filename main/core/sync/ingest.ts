// Stores what a carrier said about a number, idempotently, and recomputes the shipments that use it.
// Bad input is recorded and skipped or repaired in a stated way; it never reaches a status unread.
import { z } from 'zod';
import { countRow, rowReader } from '../db/rows';
import { createHash } from 'node:crypto';
import type { TrackingCode } from '../../../shared/domain';
import type { ServiceContext } from '../services/context';
import { refreshShipmentStatus } from '../services/shipmentState';
import { parseEventTime } from './eventTime';
import type { ProblemLog } from './problems';
import type { ProviderEvent } from './provider';
import { mapRawStatus } from './rawStatus';
import type { NumberKey } from './schedule';

/** Carriers' clocks drift a little; beyond this an event time is treated as wrong. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;
const MAX_EVENTS_PER_ANSWER = 200;

export interface StoredEvent {
  at: number;
  zone: string;
  code: TrackingCode;
  rawCode: string;
  rawText: string;
  location: string;
  fingerprint: string;
}

// Tracking answers carry couriers' and recipients' phone numbers: the screen needs none of them.
const PHONE = /(?:\+?82[-.\s]?)?0\d{1,2}[-.\s)]?\d{3,4}[-.\s]?\d{4}/g;
const squash = (s: string | null, max: number) =>
  (s ?? '').replace(PHONE, '***').replace(/\s+/g, ' ').trim().slice(0, max);

/** One provider event made storable, or null (with the reason recorded) when it cannot be. */
export function normalizeEvent(
  key: NumberKey,
  e: ProviderEvent,
  now: number,
  problems: ProblemLog,
): StoredEvent | null {
  const time = parseEventTime(e.time, key.carrierId);
  if (!time.ok) {
    problems.record('bad_time', key.carrierId, key.invoiceNo, `${time.reason}; the event was not stored`);
    return null;
  }
  if (time.zoneAssumed) {
    problems.record(
      'missing_zone',
      key.carrierId,
      '',
      `"${e.time ?? ''}" has no time zone; read as ${time.zone}, the carrier's home zone`,
    );
  }
  let at = time.ms;
  if (at > now + FUTURE_TOLERANCE_MS) {
    // Stored at the moment it was received, so it cannot outrank the carrier's real later events.
    problems.record(
      'future_time',
      key.carrierId,
      key.invoiceNo,
      `an event dated ${e.time ?? ''} is in the future; stored at the time it was received`,
    );
    at = now;
  }
  const mapped = mapRawStatus({
    carrierId: key.carrierId,
    statusCode: e.statusCode,
    statusName: e.statusName,
    description: e.description,
  });
  const rawCode = squash(e.statusCode, 64);
  if (mapped.source === 'unknown') {
    problems.record(
      'unknown_status',
      key.carrierId,
      rawCode,
      `unknown status code "${rawCode}" (${squash(e.statusName, 80)}) kept as UNKNOWN`,
    );
  }
  const name = squash(e.statusName, 120);
  const description = squash(e.description, 200);
  const rawText = [name, description].filter(Boolean).join(' · ');
  const location = squash(e.location, 100);
  // The fingerprint uses the carrier's own words and time, not our mapping, so a new mapping table
  // or a repaired time never makes an old event look new.
  const fingerprint = createHash('sha1')
    .update([key.carrierId, key.invoiceNo, String(time.ms), rawCode, name, location].join('\u001f'))
    .digest('base64url');
  return { at, zone: time.zone, code: mapped.code, rawCode, rawText, location, fingerprint };
}

export interface IngestResult {
  stored: number;
  /** Shipments whose status moved (or whose invoice the carrier voided). */
  moved: string[];
  /** Shipments with new events (their timeline and last event changed). */
  touched: string[];
  /** Events now stored for the number. */
  eventCount: number;
}

const releasedShipment = rowReader(
  'released shipment on a number',
  z.object({ id: z.number(), shipment_no: z.string() }),
);

/** Call inside a transaction. */
export function ingestEvents(
  ctx: ServiceContext,
  key: NumberKey,
  events: readonly ProviderEvent[],
  problems: ProblemLog,
): IngestResult {
  const now = ctx.clock();
  const insert = ctx.prepare(
    `INSERT INTO tracking_events (carrier_id, invoice_no, at, zone, code, raw_code, raw_text, location, fingerprint, stored_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fingerprint) DO NOTHING`,
  );
  let stored = 0;
  for (const e of events.slice(-MAX_EVENTS_PER_ANSWER)) {
    const n = normalizeEvent(key, e, now, problems);
    if (!n) continue;
    stored += insert.run(
      key.carrierId,
      key.invoiceNo,
      n.at,
      n.zone,
      n.code,
      n.rawCode,
      n.rawText,
      n.location,
      n.fingerprint,
      now,
    ).changes;
  }
  const shipments = releasedShipment.all(
    ctx
      .prepare(
        `SELECT s.id, s.shipment_no FROM invoices i JOIN shipments s ON s.id = i.shipment_id AND s.invoice_id = i.id
       WHERE i.active = 1 AND i.invoice_no = ? AND i.carrier_id = ? AND i.released_at IS NOT NULL`,
      )
      .all(key.invoiceNo, key.carrierId),
  );
  const moved: string[] = [];
  // Nothing new, nothing to recompute: the status already reflects this event set.
  if (stored) for (const s of shipments) if (refreshShipmentStatus(ctx, s.id)) moved.push(s.shipment_no);
  const { n: eventCount } = countRow.single(
    ctx
      .prepare('SELECT count(*) AS n FROM tracking_events WHERE carrier_id = ? AND invoice_no = ?')
      .get(key.carrierId, key.invoiceNo),
  );
  return { stored, moved, touched: stored ? shipments.map((s) => s.shipment_no) : [], eventCount };
}
