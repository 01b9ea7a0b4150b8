// Scripted tracking timelines for the demo carrier: what a number's events are, and when each one
// becomes visible. Raw statuses are what Korean carriers send (codes, and the Korean text that often
// carries the real meaning), so the sync's mapping table is exercised end to end.
import type { ShipmentStatus } from '../../shared/domain';

export interface ScriptedEvent {
  /** Visible this long after the timeline starts. */
  afterMs: number;
  /** tracker.delivery status code as sent; null or an unknown code for bad-input tests. */
  code: string | null;
  name: string;
  description?: string;
  location?: string;
  /** Sent instead of the formatted time (bad-input tests: no zone, nonsense, far future). */
  rawTime?: string;
}

export interface Timeline {
  /** Business time (the carrier server's clock) the timeline starts at. */
  startAt: number;
  events: ScriptedEvent[];
}

export const SCENARIOS = ['delivered', 'redelivered', 'failed', 'returning', 'cancelled', 'stuck'] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** What the shipment's status must end as once the whole timeline has been read. */
export const FINAL_STATUS: Record<Scenario, ShipmentStatus> = {
  delivered: 'DELIVERED',
  redelivered: 'DELIVERED',
  failed: 'FAILED',
  returning: 'FAILED',
  cancelled: 'AWAITING_INVOICE',
  stuck: 'RELEASED',
};

const H = 3_600_000;

const start: ScriptedEvent[] = [
  { afterMs: 0, code: 'INFORMATION_RECEIVED', name: '상품접수', location: '판매자' },
  { afterMs: 4 * H, code: 'AT_PICKUP', name: '집화처리', location: '성남중원' },
  { afterMs: 10 * H, code: 'IN_TRANSIT', name: '간선상차', location: '곤지암Hub' },
  { afterMs: 16 * H, code: 'IN_TRANSIT', name: '간선하차', location: '대전HUB' },
];
const out = (afterMs: number): ScriptedEvent => ({
  afterMs,
  code: 'OUT_FOR_DELIVERY',
  name: '배송출발',
  description: '배송기사 김기사 010-1234-5678 (부재 시 문 앞)',
  location: '서울강남',
});
const delivered = (afterMs: number): ScriptedEvent => ({
  afterMs,
  code: 'DELIVERED',
  name: '배송완료',
  location: '서울강남',
});

const STEPS: Record<Scenario, ScriptedEvent[]> = {
  delivered: [...start, out(24 * H), delivered(28 * H)],
  redelivered: [
    ...start,
    out(24 * H),
    // Korea-Post style: the failure is in the text, the code says little.
    { afterMs: 28 * H, code: 'UNKNOWN', name: '미배달', description: '수취인 부재', location: '서울강남' },
    out(48 * H),
    delivered(52 * H),
  ],
  failed: [
    ...start,
    out(24 * H),
    { afterMs: 28 * H, code: 'ATTEMPT_FAIL', name: '배달실패', description: '주소 불명', location: '서울강남' },
  ],
  returning: [
    ...start,
    { afterMs: 30 * H, code: 'IN_TRANSIT', name: '반송', description: '수취거절', location: '대전HUB' },
  ],
  cancelled: [start[0]!, { afterMs: 6 * H, code: 'UNKNOWN', name: '접수취소', location: '판매자' }],
  stuck: [],
};

/** A scenario's events, with every step stretched by `scale` (the demo runs hours as seconds). */
export function scriptedTimeline(scenario: Scenario, startAt: number, scale = 1): Timeline {
  return { startAt, events: STEPS[scenario].map((e) => ({ ...e, afterMs: Math.round(e.afterMs * scale) })) };
}

/** A stable pick from a number (FNV-1a), so the same number always tells the same story. */
export function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const DEMO_WEIGHTS: readonly (readonly [Scenario, number])[] = [
  ['delivered', 72],
  ['redelivered', 8],
  ['failed', 6],
  ['returning', 5],
  ['cancelled', 3],
  ['stuck', 6],
];

export function scenarioOf(carrierId: string, invoiceNo: string): Scenario {
  let pick = hashOf(`${carrierId}:${invoiceNo}`) % 100;
  for (const [scenario, weight] of DEMO_WEIGHTS) {
    if (pick < weight) return scenario;
    pick -= weight;
  }
  return 'delivered';
}

/** For numbers nobody scripted (the demo, the benchmark): a story chosen by the number itself. */
export function automaticTimeline(carrierId: string, invoiceNo: string, firstSeenAt: number, scale: number): Timeline {
  return scriptedTimeline(scenarioOf(carrierId, invoiceNo), firstSeenAt, scale);
}
