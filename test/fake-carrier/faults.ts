// Fault injection for the fake carrier: a seeded random plan ("50% of requests fail, these ways"),
// plus faults forced on the next requests or on one number, for tests that need an exact sequence.

export const FAULT_KINDS = [
  'latency', // answers correctly, late
  'server_error', // 503
  'rate_limited', // 429 + Retry-After
  'reset', // the connection is destroyed
  'timeout', // never answers
  'malformed', // broken JSON
  'wrong_shape', // JSON, but not the documented shape
  'bad_request', // GraphQL BAD_REQUEST: the number is invalid
  'not_found', // GraphQL NOT_FOUND: no record yet
  'internal', // GraphQL INTERNAL
  'huge', // a body far over any sane size
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultPlan {
  /** Share of requests that get a fault, 0..1. */
  rate: number;
  kinds: readonly FaultKind[];
  seed?: number;
  latencyMs?: number;
  retryAfterSeconds?: number;
  hugeBytes?: number;
}

/** mulberry32: small, seeded, good enough to spread faults. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private plan: FaultPlan | null = null;
  private random: () => number = Math.random;
  private readonly next: FaultKind[] = [];
  private readonly perSubject = new Map<string, FaultKind[]>();

  setPlan(plan: FaultPlan | null): void {
    this.plan = plan;
    this.random = seededRandom(plan?.seed ?? 1);
  }

  get settings(): FaultPlan | null {
    return this.plan;
  }

  /** These faults, in order, on the next requests (any subject). */
  forceNext(...kinds: FaultKind[]): void {
    this.next.push(...kinds);
  }

  /** These faults, in order, on the next requests about one subject (e.g. "kr.lotte:2400..."). */
  forceFor(subject: string, ...kinds: FaultKind[]): void {
    this.perSubject.set(subject, [...(this.perSubject.get(subject) ?? []), ...kinds]);
  }

  pick(subject: string): FaultKind | null {
    const own = this.perSubject.get(subject);
    if (own?.length) return own.shift() ?? null;
    if (this.next.length) return this.next.shift() ?? null;
    const plan = this.plan;
    if (!plan || !plan.kinds.length || this.random() >= plan.rate) return null;
    return plan.kinds[Math.floor(this.random() * plan.kinds.length)] ?? null;
  }
}
