// The HTTP release connector: proves the path to a real upstream. One JSON POST per outbox item to a
// configurable endpoint, with the item's idempotency key, so a retry after a crash is applied once.
//
// The upstream's side of the bargain:
//   POST <endpoint>  Idempotency-Key: <key>
//   { kind: 'release'|'withdraw', shipmentNo, carrierId, invoiceNo, recipient: { name, country, postalCode } }
//   2xx: confirmed (a replayed key answers as the first time did)
//   422 { error: { code: 'INVALID_NUMBER', message } }: the number is invalid; the release fails
//   408/425/429/5xx (Retry-After honoured), 401/403: try again later; any other 4xx: refused for good
import { z } from 'zod';
import { parseRetryAfter, postJson } from './http';
import type { ReleaseConnector, SendResult } from './outbox';

export interface HttpReleaseOptions {
  url: string;
  timeoutMs?: number;
  maxBytes?: number;
  now?: () => number;
}

const Refusal = z.object({
  error: z.object({ code: z.string().max(100).nullish(), message: z.string().nullish() }).nullish(),
});

function refusalOf(body: string): { code: string; message: string } {
  try {
    const parsed = Refusal.safeParse(JSON.parse(body));
    const error = parsed.success ? parsed.data.error : null;
    return { code: error?.code ?? '', message: (error?.message ?? '').slice(0, 300) };
  } catch {
    return { code: '', message: '' };
  }
}

export function httpReleaseConnector(options: HttpReleaseOptions): ReleaseConnector {
  const now = options.now ?? Date.now;
  return {
    async send(kind, payload, idempotencyKey): Promise<SendResult> {
      const body = {
        kind,
        shipmentNo: payload.shipmentNo,
        carrierId: payload.carrierId,
        invoiceNo: payload.invoiceNo,
        recipient: payload.recipient,
      };
      const result = await postJson(options.url, body, {
        headers: { 'idempotency-key': idempotencyKey },
        timeoutMs: options.timeoutMs ?? 10_000,
        maxBytes: options.maxBytes ?? 64 * 1024,
      });
      if (!result.ok)
        return { ok: false, permanent: false, code: result.code, reason: `release endpoint: ${result.reason}` };
      const { status, headers } = result.answer;
      if (status >= 200 && status < 300) return { ok: true };
      const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now());
      const wait = retryAfterMs === undefined ? {} : { retryAfterMs };
      const refusal = refusalOf(result.answer.body);
      const said = refusal.message || `HTTP ${status}`;
      if (status === 429)
        return {
          ok: false,
          permanent: false,
          code: 'RATE_LIMITED',
          reason: 'the release endpoint asked us to slow down',
          ...wait,
        };
      if (status >= 500 || status === 408 || status === 425)
        return { ok: false, permanent: false, code: 'SERVER_ERROR', reason: `release endpoint: ${said}`, ...wait };
      if (status === 401 || status === 403)
        return {
          ok: false,
          permanent: false,
          code: 'UNAUTHORIZED',
          reason: `the release endpoint refused our credentials (HTTP ${status})`,
        };
      if (refusal.code === 'INVALID_NUMBER')
        return { ok: false, permanent: true, invalidNumber: true, code: 'REFUSED', reason: said };
      return { ok: false, permanent: true, code: 'REFUSED', reason: `the release endpoint refused it: ${said}` };
    },
  };
}
