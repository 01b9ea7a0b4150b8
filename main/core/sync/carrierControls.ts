// Per-carrier pacing that outlives a cycle: the rate gate, the concurrency slots, the circuit breaker,
// and a Retry-After pause. Keyed by the carrier that answers (CU parcels are asked of CJ).
import type { CarrierSyncView } from '../../../shared/api/contract';
import { iso } from '../domain/time';
import { CircuitBreaker } from './breaker';
import { RateGate, Semaphore, takeSlot } from './limits';
import { limitFor, type SyncTuning } from './tuning';

interface Controls {
  gate: RateGate;
  slots: Semaphore;
  breaker: CircuitBreaker;
  /** Business time before which the carrier gets no request (Retry-After). */
  pausedUntil: number | null;
}

export class CarrierControls {
  private readonly byCarrier = new Map<string, Controls>();
  private readonly releaseGates = new Map<string, RateGate>();

  constructor(
    private readonly tuning: SyncTuning,
    /** Monotonic milliseconds, for real pacing. */
    private readonly monotonic: () => number,
    /** The core's clock, for pauses and breaker cooldowns. */
    private readonly clock: () => number,
  ) {}

  of(carrierId: string): Controls {
    let c = this.byCarrier.get(carrierId);
    if (!c) {
      const limit = limitFor(this.tuning, carrierId);
      c = {
        gate: new RateGate(limit.perSecond, limit.burst, this.monotonic),
        slots: new Semaphore(limit.concurrency),
        breaker: new CircuitBreaker(this.tuning.breaker, this.clock),
        pausedUntil: null,
      };
      this.byCarrier.set(carrierId, c);
    }
    return c;
  }

  /**
   * The carrier said "wait" (429 + Retry-After): no request to it before then. A short wait is sat out
   * at the rate gate; a longer one defers the carrier's numbers to a later cycle instead.
   */
  pause(carrierId: string, waitMs: number): void {
    const c = this.of(carrierId);
    c.pausedUntil = Math.max(c.pausedUntil ?? 0, this.clock() + waitMs);
    if (waitMs <= this.tuning.maxInlineWaitMs) c.gate.pauseUntil(this.monotonic() + waitMs);
  }

  /** How long the carrier is still paused for, in business time (0: not paused). */
  pausedFor(carrierId: string): number {
    const until = this.of(carrierId).pausedUntil;
    return until === null ? 0 : Math.max(0, until - this.clock());
  }

  /** Waits for a slot at the carrier's rate gate. */
  async pace(carrierId: string, signal?: AbortSignal): Promise<void> {
    await takeSlot(this.of(carrierId).gate, signal);
  }

  /** Release work is paced per carrier on its own gates: the upstream is not the tracking service. */
  async paceRelease(carrierId: string, signal?: AbortSignal): Promise<void> {
    let gate = this.releaseGates.get(carrierId);
    if (!gate) {
      gate = new RateGate(this.tuning.releaseLimit.perSecond, this.tuning.releaseLimit.burst, this.monotonic);
      this.releaseGates.set(carrierId, gate);
    }
    await takeSlot(gate, signal);
  }

  views(): CarrierSyncView[] {
    return [...this.byCarrier.entries()]
      .map(([carrierId, c]) => {
        const pausedFor = this.pausedFor(carrierId);
        const retryAt = c.breaker.retryAt;
        return {
          carrierId,
          breaker: c.breaker.state,
          retryAt: retryAt === null ? null : iso(retryAt),
          pausedUntil: pausedFor > 0 && c.pausedUntil !== null ? iso(c.pausedUntil) : null,
        };
      })
      .sort((a, b) => a.carrierId.localeCompare(b.carrierId));
  }
}
