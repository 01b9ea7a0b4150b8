// One JSON POST over node's fetch, bounded in time and size. Shared by the tracker adapter and the
// release connector. Reasons never carry headers, so a key cannot leak into a log or the database.

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: string;
}

export type HttpResult =
  { ok: true; answer: HttpAnswer } | { ok: false; code: 'NETWORK' | 'TIMEOUT' | 'TOO_LARGE'; reason: string };

export interface PostOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  signal?: AbortSignal;
}

/** Reads at most maxBytes of the body; null when the answer is larger (the rest is never read). */
async function readLimited(res: Response, maxBytes: number): Promise<string | null> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** "ECONNREFUSED", "ECONNRESET", ... from undici's wrapped error, for a reason an operator can read. */
function networkCause(err: unknown): string {
  const cause = err instanceof Error && err.cause && typeof err.cause === 'object' ? err.cause : null;
  const code = cause && 'code' in cause && typeof cause.code === 'string' ? cause.code : null;
  const message = err instanceof Error ? err.message : String(err);
  return code ? `${message} (${code})` : message;
}

export async function postJson(url: string, payload: unknown, options: PostOptions): Promise<HttpResult> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const describe = (err: unknown): HttpResult =>
    timeout.aborted
      ? { ok: false, code: 'TIMEOUT', reason: `no answer within ${options.timeoutMs} ms` }
      : { ok: false, code: 'NETWORK', reason: networkCause(err).slice(0, 300) };
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
      body: JSON.stringify(payload),
      signal,
      // A redirect could carry the Authorization header to another host: refuse it.
      redirect: 'error',
    });
  } catch (err) {
    return describe(err);
  }
  const tooLarge: HttpResult = {
    ok: false,
    code: 'TOO_LARGE',
    reason: `the answer is larger than ${options.maxBytes} bytes`,
  };
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    return tooLarge;
  }
  try {
    const body = await readLimited(res, options.maxBytes);
    if (body === null) return tooLarge;
    return { ok: true, answer: { status: res.status, headers: res.headers, body } };
  } catch (err) {
    return describe(err);
  }
}

const MAX_RETRY_AFTER_MS = 60 * 60_000;

/** Retry-After as delay-seconds or an HTTP date; undefined when absent or unreadable. Capped at an hour. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return undefined;
    ms = at - nowMs;
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}
