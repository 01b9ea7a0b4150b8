// What a tracking provider answers about one carrier number, before Shipdesk maps or stores anything.
// Adapters (tracker.delivery today; AfterShip, 17TRACK later) only fetch and check the shape.
import type { CarrierId } from '../../../shared/carriers';

/** One event as the provider sent it: raw strings, checked for shape only. */
export interface ProviderEvent {
  time: string | null;
  statusCode: string | null;
  statusName: string | null;
  description: string | null;
  location: string | null;
}

/** Why an exchange brought nothing usable. Also the keys of a cycle's errorsByCode. */
export const SYNC_ERROR_CODES = [
  'NETWORK', // no connection, refused, reset
  'TIMEOUT',
  'SERVER_ERROR', // 5xx or the provider's INTERNAL
  'RATE_LIMITED', // 429
  'UNAUTHORIZED', // the key is missing, wrong or revoked
  'MALFORMED', // not JSON, or not the shape the API documents
  'TOO_LARGE',
  'PROVIDER_ERROR', // any other refusal
  'NOT_FOUND', // the carrier has no record yet (not a failure: keep polling)
  'BAD_REQUEST', // the carrier says the number is invalid
  'REFUSED', // the release upstream refused the work
  'CIRCUIT_OPEN', // skipped: the carrier failed too often just now
  'PAUSED', // skipped: the carrier asked us to wait (Retry-After)
  'OFFLINE', // skipped: the network is down
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export type TrackOutcome =
  | { kind: 'events'; events: ProviderEvent[] }
  /** No record yet: keep polling. */
  | { kind: 'notFound' }
  /** The provider says the number is invalid: do not retry. */
  | { kind: 'invalid'; reason: string }
  | { kind: 'failed'; code: SyncErrorCode; reason: string; retryAfterMs?: number };

export interface TrackingProvider {
  /** Shown in the status bar. */
  readonly label: string;
  /** A local demo carrier, labelled as such on the screen. */
  readonly demo: boolean;
  /** Never throws: every failure comes back as an outcome. */
  track(carrierId: CarrierId, invoiceNo: string, signal?: AbortSignal): Promise<TrackOutcome>;
}

/** Failures that mean no answer reached us: the evidence for being offline. */
export function isUnreachable(code: SyncErrorCode): boolean {
  return code === 'NETWORK' || code === 'TIMEOUT';
}

/** Failures that count against a carrier's circuit breaker (its service is struggling). */
export function isCarrierFailure(code: SyncErrorCode): boolean {
  return (
    code === 'NETWORK' || code === 'TIMEOUT' || code === 'SERVER_ERROR' || code === 'MALFORMED' || code === 'TOO_LARGE'
  );
}
