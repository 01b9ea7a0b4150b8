// The tracker.delivery GraphQL adapter (docs/CARRIERS.md "The tracker API"): one POST per number, the answer parsed with zod.
// The endpoint and the customer's key come from settings or the environment; no host is built in.
import { z } from 'zod';
import type { CarrierId } from '../../../shared/carriers';
import { parseRetryAfter, postJson } from './http';
import type { ProviderEvent, TrackOutcome, TrackingProvider } from './provider';

export interface TrackerOptions {
  /** The full GraphQL endpoint, e.g. https://<tracker host>/graphql. */
  url: string;
  /** "clientId:clientSecret"; read on every request so a new key applies at once. */
  key: () => string | null;
  label?: string;
  demo?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  /** How many of the latest events to ask for. */
  lastEvents?: number;
  now?: () => number;
}

export const TRACK_QUERY = `query Track($carrierId: ID!, $trackingNumber: String!, $last: Int!) {
  track(carrierId: $carrierId, trackingNumber: $trackingNumber) {
    lastEvent { time status { code name } description location { name } }
    events(last: $last) { edges { node { time status { code name } description location { name } } } }
  }
}`;

const str = (max: number) => z.string().max(max).nullish();
const EventNode = z.object({
  time: str(64),
  status: z.object({ code: str(64), name: str(500) }).nullish(),
  description: str(2000),
  location: z.object({ name: str(500) }).nullish(),
});
type EventNode = z.infer<typeof EventNode>;

const Answer = z.object({
  data: z
    .object({
      track: z
        .object({
          lastEvent: EventNode.nullish(),
          events: z.object({ edges: z.array(z.object({ node: EventNode.nullish() }).nullish()).max(1000) }).nullish(),
        })
        .nullish(),
    })
    .nullish(),
  errors: z
    .array(
      z.object({
        message: z.string().max(2000).nullish(),
        extensions: z.object({ code: z.string().max(100).nullish() }).nullish(),
      }),
    )
    .max(100)
    .nullish(),
});

function toEvent(n: EventNode): ProviderEvent {
  return {
    time: n.time ?? null,
    statusCode: n.status?.code ?? null,
    statusName: n.status?.name ?? null,
    description: n.description ?? null,
    location: n.location?.name ?? null,
  };
}

/** Turns a parsed answer into an outcome: GraphQL errors first, then the events. */
function readAnswer(answer: z.infer<typeof Answer>): TrackOutcome {
  const error = answer.errors?.[0];
  if (error) {
    const code = error.extensions?.code ?? '';
    const message = (error.message ?? code).slice(0, 300) || 'the tracker refused the request';
    if (code === 'BAD_REQUEST') return { kind: 'invalid', reason: message };
    if (code === 'NOT_FOUND') return { kind: 'notFound' };
    if (code === 'INTERNAL') return { kind: 'failed', code: 'SERVER_ERROR', reason: `tracker INTERNAL: ${message}` };
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN')
      return { kind: 'failed', code: 'UNAUTHORIZED', reason: message };
    return { kind: 'failed', code: 'PROVIDER_ERROR', reason: `${code || 'error'}: ${message}` };
  }
  const track = answer.data?.track;
  if (!track) return { kind: 'notFound' };
  const events = (track.events?.edges ?? []).flatMap((e) => (e?.node ? [toEvent(e.node)] : []));
  // lastEvent repeats the newest edge; ingestion drops the copy by its fingerprint.
  if (track.lastEvent) events.push(toEvent(track.lastEvent));
  return { kind: 'events', events };
}

export function trackerDeliveryProvider(options: TrackerOptions): TrackingProvider {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const last = options.lastEvents ?? 50;
  return {
    label: options.label ?? 'tracker.delivery',
    demo: options.demo ?? false,
    async track(carrierId: CarrierId, invoiceNo: string, signal?: AbortSignal): Promise<TrackOutcome> {
      const key = options.key();
      if (!key) return { kind: 'failed', code: 'UNAUTHORIZED', reason: 'no tracker API key is set' };
      const result = await postJson(
        options.url,
        { query: TRACK_QUERY, variables: { carrierId, trackingNumber: invoiceNo, last } },
        { headers: { authorization: `TRACKQL-API-KEY ${key}` }, timeoutMs, maxBytes, ...(signal ? { signal } : {}) },
      );
      if (!result.ok) return { kind: 'failed', code: result.code, reason: result.reason };
      const { status, headers, body } = result.answer;
      const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now());
      const wait = retryAfterMs === undefined ? {} : { retryAfterMs };
      if (status === 401 || status === 403)
        return {
          kind: 'failed',
          code: 'UNAUTHORIZED',
          reason: `the tracker answered HTTP ${status}: check the API key`,
        };
      if (status === 429)
        return {
          kind: 'failed',
          code: 'RATE_LIMITED',
          reason: 'the tracker asked us to slow down (HTTP 429)',
          ...wait,
        };
      if (status >= 500)
        return { kind: 'failed', code: 'SERVER_ERROR', reason: `the tracker answered HTTP ${status}`, ...wait };
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        return {
          kind: 'failed',
          code: 'MALFORMED',
          reason: `the tracker's answer is not JSON (HTTP ${status}, ${body.length} bytes)`,
        };
      }
      const parsed = Answer.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unexpected shape';
        return {
          kind: 'failed',
          code: 'MALFORMED',
          reason: `the tracker's answer has an unexpected shape (${where})`.slice(0, 300),
        };
      }
      const outcome = readAnswer(parsed.data);
      if (status >= 400 && outcome.kind === 'events')
        return { kind: 'failed', code: 'PROVIDER_ERROR', reason: `the tracker answered HTTP ${status}` };
      return outcome;
    },
  };
}
