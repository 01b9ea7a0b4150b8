// Tracking sync and offline work: the outbox, the carriers' state, the tracker settings.
import { z } from 'zod';
import type { Region, TrackingCode } from '../domain';
import { listLimit, method, shipmentNo, text } from './common';

/** What one sync cycle did; errorsByCode counts numbers and outbox items per failure code. */
export interface SyncCycleSummary {
  released: number;
  polled: number;
  eventsStored: number;
  statusChanges: number;
  errorsByCode: Record<string, number>;
}

export interface CarrierSyncView {
  carrierId: string;
  breaker: 'closed' | 'open' | 'half-open';
  /** While the breaker is open: when the next trial request may go. */
  retryAt: string | null;
  /** The carrier asked us to wait (Retry-After) until then. */
  pausedUntil: string | null;
}

export interface SyncStateView {
  online: boolean;
  /** Outbox work not yet confirmed upstream (releases, withdrawals). */
  queued: number;
  lastSyncAt: string | null;
  /** Tracking talks to the local demo carrier: the screen must say so. */
  demo: boolean;
  /** A tracking provider is configured (an endpoint and a key, or the demo carrier). */
  tracking: boolean;
  trackerLabel: string | null;
  /** A cycle is running now. */
  syncing: boolean;
  /** Outbox work refused for good (see sync.deadLetters). */
  deadLetters: number;
  /**
   * Shipments whose number is still unknown to the carrier N days after release (the grid's
   * `notMoving` filter lists exactly these; main/core/sync/notMoving.ts).
   */
  notMoving: number;
  /** The same shipments per region: the grid shows one region at a time. */
  notMovingByRegion: Record<Region, number>;
  /** The N of "not moving", per region: days after release with no carrier scan. */
  notMovingDays: Record<Region, number>;
  /** Kinds of unreadable carrier input seen (see sync.problems). */
  problems: number;
  carriers: CarrierSyncView[];
}

export type ShipmentSyncPhase = 'none' | 'queued' | 'sending' | 'retrying' | 'refused' | 'tracking' | 'finished';

export interface ShipmentSyncView {
  shipmentNo: string;
  phase: ShipmentSyncPhase;
  /** Why work is retrying or was refused, in words. */
  reason: string | null;
  lastPolledAt: string | null;
  nextPollAt: string | null;
  /** Unknown to the carrier N days after release (3 domestic, 7 international). */
  notMoving: boolean;
  lastError: { code: string; message: string } | null;
  /** For FAILED shipments: what happened, and what the carrier will do next. */
  failure: {
    code: TrackingCode;
    text: string;
    at: string;
    nextStep: 'redeliver' | 'return' | 'redeliver_or_cancel';
  } | null;
}

export interface DeadLetterView {
  id: number;
  shipmentNo: string;
  kind: 'release' | 'withdraw';
  carrierId: string;
  invoiceNo: string;
  reason: string;
  code: string | null;
  attempts: number;
  failedAt: string | null;
  createdAt: string;
}

export interface SyncProblemView {
  kind: string;
  carrierId: string;
  subject: string;
  detail: string;
  count: number;
  firstAt: string;
  lastAt: string;
}

/** The key itself is never returned: only whether one is set and where it comes from. */
export interface SyncSettingsView {
  trackerUrl: string | null;
  trackerUrlFrom: 'env' | 'settings' | 'app' | null;
  hasKey: boolean;
  keyFrom: 'env' | 'store' | 'app' | null;
  /** Where a key entered here is kept: 'encrypted' (desktop) or 'file' (0600, web host). */
  keyStore: string;
  releaseUrl: string | null;
  releaseUrlFrom: 'env' | 'settings' | 'app' | null;
}

/** An endpoint is https, or http to this computer only, and carries no credentials in its address. */
export function isSafeEndpoint(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

const endpoint = text(500)
  .refine(isSafeEndpoint, 'use an https:// address (http:// only to this computer), without a user name or password')
  .nullable()
  .optional();
const syncShipmentNos = z
  .array(shipmentNo)
  .min(1, 'name at least one shipment')
  .max(500, 'at most 500 shipments at a time');

export const syncMethods = {
  'sync.state': method<SyncStateView>('read')(z.strictObject({})),
  /** Poll these shipments' numbers now (the row's or the view's "refresh now"); results arrive as pushes. */
  'sync.refresh': method<{ scheduled: number }>('queued')(z.strictObject({ shipmentNos: syncShipmentNos })),
  /** Per-row sync state for the rows on screen. */
  'sync.shipments': method<ShipmentSyncView[]>('read')(z.strictObject({ shipmentNos: syncShipmentNos })),
  'sync.deadLetters': method<DeadLetterView[]>('read')(z.strictObject({ limit: listLimit })),
  'sync.retryDeadLetter': method<{ queued: number }>('queued')(z.strictObject({ id: z.number().int().positive() })),
  'sync.problems': method<SyncProblemView[]>('read')(z.strictObject({ limit: listLimit })),
  'sync.settings': method<SyncSettingsView>('read')(z.strictObject({})),
  'sync.updateSettings': method<SyncSettingsView>('queued')(
    z.strictObject({
      trackerUrl: endpoint,
      trackerKey: text(500)
        .regex(/^[^\s:]+:\S+$/, 'the key has the form clientId:clientSecret')
        .nullable()
        .optional(),
      releaseUrl: endpoint,
    }),
  ),
} as const;
