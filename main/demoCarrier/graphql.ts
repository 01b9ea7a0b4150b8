// The demo carrier's GraphQL surface: just enough of tracker.delivery's API to answer
// `track(carrierId, trackingNumber) { lastEvent, events(last: N) }`, with variables or inline literals.
import { z } from 'zod';
import type { ScriptedEvent, Timeline } from './timelines';

const Request = z.object({ query: z.string().max(20_000), variables: z.record(z.string(), z.unknown()).nullish() });

export interface TrackRequest {
  carrierId: string;
  trackingNumber: string;
  last: number;
}

/** The track call a request asks for, or a reason it is not one. */
export function parseTrackRequest(body: string): TrackRequest | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { error: 'the request body is not JSON' };
  }
  const parsed = Request.safeParse(json);
  if (!parsed.success) return { error: 'a GraphQL request needs a query' };
  const { query, variables } = parsed.data;
  if (!/\btrack\s*\(/.test(query)) return { error: 'only track(...) is served here' };
  const literal = (name: string) => new RegExp(`${name}\\s*:\\s*"([^"]*)"`).exec(query)?.[1];
  const fromVars = (name: string) => {
    const v = variables?.[name];
    return typeof v === 'string' ? v : undefined;
  };
  const carrierId = fromVars('carrierId') ?? literal('carrierId');
  const trackingNumber = fromVars('trackingNumber') ?? literal('trackingNumber');
  if (!carrierId || !trackingNumber) return { error: 'track needs carrierId and trackingNumber' };
  const lastVar = variables?.['last'];
  const lastLiteral = /events\s*\(\s*last\s*:\s*(\d+)/.exec(query)?.[1];
  const last = typeof lastVar === 'number' ? lastVar : lastLiteral ? Number(lastLiteral) : 20;
  return { carrierId, trackingNumber, last: Math.max(1, Math.min(100, last)) };
}

/** The carrier's home zone (+09:00 for Korea), as the real API formats times. */
function offsetOf(carrierId: string): number {
  return carrierId.startsWith('kr.') || carrierId.startsWith('jp.') ? 540 : carrierId.startsWith('cn.') ? 480 : 0;
}

export function formatTime(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

function node(carrierId: string, t: Timeline, e: ScriptedEvent) {
  return {
    time: e.rawTime ?? formatTime(t.startAt + e.afterMs, offsetOf(carrierId)),
    status: { code: e.code, name: e.name },
    description: e.description ?? null,
    location: { name: e.location ?? '' },
  };
}

/** Events visible at `now`; none visible means the carrier has no record yet. */
export function visibleEvents(t: Timeline, now: number): ScriptedEvent[] {
  return t.events.filter((e) => t.startAt + e.afterMs <= now);
}

export function trackAnswer(req: TrackRequest, t: Timeline, visible: ScriptedEvent[]) {
  const shown = visible.slice(-req.last);
  const lastEvent = shown[shown.length - 1];
  return {
    data: {
      track: {
        lastEvent: lastEvent ? node(req.carrierId, t, lastEvent) : null,
        events: { edges: shown.map((e) => ({ node: node(req.carrierId, t, e) })) },
      },
    },
  };
}

export function graphqlError(code: string, message: string) {
  return { data: { track: null }, errors: [{ message, extensions: { code } }] };
}
