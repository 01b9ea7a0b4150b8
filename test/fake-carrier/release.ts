// The fake release endpoint: applies each idempotency key once (first, then answers after the latency,
// so a crash between "applied" and "confirmed" is possible), and answers a replayed key as the first time.
import type http from 'node:http';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { FaultInjector, FaultKind } from './faults';
import { sendJson, sleep } from './respond';

export interface ReleaseRecord {
  key: string;
  kind: string;
  shipmentNo: string;
  carrierId: string;
  invoiceNo: string;
  recipientCountry: string;
  real: number;
  business: number;
  replay: boolean;
  fault: FaultKind | null;
}

export interface ReleaseBook {
  /** Every request that reached the endpoint, in arrival order. */
  receipts: ReleaseRecord[];
  /** The first application of each key, in order. */
  applied: Map<string, ReleaseRecord>;
  responses: Map<string, { status: number; body: unknown }>;
  /** Numbers the carrier side refuses as invalid, with its message. */
  refused: Map<string, string>;
}

const ReleaseBody = z.object({
  kind: z.enum(['release', 'withdraw']),
  shipmentNo: z.string(),
  carrierId: z.string(),
  invoiceNo: z.string(),
  recipient: z.object({ name: z.string(), country: z.string(), postalCode: z.string() }),
});

export interface ReleaseExchange {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  body: string;
  book: ReleaseBook;
  faults: FaultInjector;
  clock: () => number;
  latency: () => number;
  abortive: (
    fault: FaultKind | null,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    plan: FaultInjector['settings'],
  ) => boolean;
}

export async function handleRelease(x: ReleaseExchange): Promise<void> {
  const key = x.req.headers['idempotency-key'];
  if (typeof key !== 'string' || !key)
    return sendJson(x.res, 400, { error: { code: 'NO_KEY', message: 'Idempotency-Key is required' } });
  let parsed;
  try {
    parsed = ReleaseBody.safeParse(JSON.parse(x.body));
  } catch {
    return sendJson(x.res, 400, { error: { code: 'BAD_JSON', message: 'the body is not JSON' } });
  }
  if (!parsed.success)
    return sendJson(x.res, 400, {
      error: { code: 'BAD_BODY', message: parsed.error.issues[0]?.message ?? 'bad body' },
    });
  const b = parsed.data;
  const fault = x.faults.pick(b.invoiceNo);
  const previous = x.book.responses.get(key);
  const record: ReleaseRecord = {
    key,
    kind: b.kind,
    shipmentNo: b.shipmentNo,
    carrierId: b.carrierId,
    invoiceNo: b.invoiceNo,
    recipientCountry: b.recipient.country,
    real: performance.now(),
    business: x.clock(),
    replay: previous !== undefined,
    fault,
  };
  x.book.receipts.push(record);
  if (x.abortive(fault, x.req, x.res, x.faults.settings)) return;
  let answer = previous;
  if (!answer) {
    const refusal = b.kind === 'release' ? x.book.refused.get(b.invoiceNo) : undefined;
    answer = refusal
      ? { status: 422, body: { error: { code: 'INVALID_NUMBER', message: refusal } } }
      : { status: 200, body: { ok: true, releaseId: `R${x.book.responses.size + 1}` } };
    x.book.responses.set(key, answer);
    if (answer.status === 200) x.book.applied.set(key, record);
  }
  if (fault === 'latency') await sleep(x.faults.settings?.latencyMs ?? 50);
  if (x.latency()) await sleep(x.latency());
  sendJson(x.res, answer.status, answer.body);
}
