// The demo carrier's release endpoint: applies each idempotency key once and answers a replayed key
// exactly as the first time, like a carrier's order API should. Numbers can be marked as refused, so
// a release is turned down the way a carrier turns down a waybill it does not know.
import type http from 'node:http';
import { z } from 'zod';
import { sendJson } from './respond';

const ReleaseBody = z.object({
  kind: z.enum(['release', 'withdraw']),
  shipmentNo: z.string(),
  carrierId: z.string(),
  invoiceNo: z.string(),
  recipient: z.object({ name: z.string(), country: z.string(), postalCode: z.string() }),
});

/** One release or withdrawal as the carrier side received it. */
export interface ReleaseRequest {
  key: string;
  kind: 'release' | 'withdraw';
  shipmentNo: string;
  carrierId: string;
  invoiceNo: string;
  recipientCountry: string;
  /** Business time (the carrier server's clock) at arrival. */
  at: number;
}

export interface ReleaseBook {
  /** The first application of each key, in order. */
  applied: Map<string, ReleaseRequest>;
  /** The answer given to each key, replayed for the same key. */
  responses: Map<string, { status: number; body: unknown }>;
  /** Numbers the carrier side refuses as invalid, with its message. */
  refused: Map<string, string>;
}

export function newReleaseBook(): ReleaseBook {
  return { applied: new Map(), responses: new Map(), refused: new Map() };
}

/** The release a request carries, or the answer it already got (a bad request). */
export function readRelease(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: string,
  at: number,
): ReleaseRequest | null {
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !key) {
    sendJson(res, 400, { error: { code: 'NO_KEY', message: 'Idempotency-Key is required' } });
    return null;
  }
  let parsed;
  try {
    parsed = ReleaseBody.safeParse(JSON.parse(body));
  } catch {
    sendJson(res, 400, { error: { code: 'BAD_JSON', message: 'the body is not JSON' } });
    return null;
  }
  if (!parsed.success) {
    sendJson(res, 400, { error: { code: 'BAD_BODY', message: parsed.error.issues[0]?.message ?? 'bad body' } });
    return null;
  }
  const b = parsed.data;
  return {
    key,
    kind: b.kind,
    shipmentNo: b.shipmentNo,
    carrierId: b.carrierId,
    invoiceNo: b.invoiceNo,
    recipientCountry: b.recipient.country,
    at,
  };
}

/** Applies a key the first time it is seen; the same answer for every replay of it. */
export function applyRelease(book: ReleaseBook, release: ReleaseRequest): { status: number; body: unknown } {
  const previous = book.responses.get(release.key);
  if (previous) return previous;
  const refusal = release.kind === 'release' ? book.refused.get(release.invoiceNo) : undefined;
  const answer = refusal
    ? { status: 422, body: { error: { code: 'INVALID_NUMBER', message: refusal } } }
    : { status: 200, body: { ok: true, releaseId: `R${book.responses.size + 1}` } };
  book.responses.set(release.key, answer);
  if (answer.status === 200) book.applied.set(release.key, release);
  return answer;
}
