// A circuit breaker per carrier: after repeated failures stop asking for a while, then send one trial.
// Closed -> (threshold consecutive failures) -> open -> (cooldown) -> half-open -> trial ok: closed,
// trial failed: open again with a doubled cooldown (capped).

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
  maxCooldownMs: number;
}

export class CircuitBreaker {
  private failures = 0;
  private openedUntil: number | null = null;
  private cooldown: number;
  private trialInFlight = false;

  constructor(
    private readonly options: BreakerOptions,
    private readonly now: () => number,
  ) {
    this.cooldown = options.cooldownMs;
  }

  get state(): BreakerState {
    if (this.openedUntil === null) return 'closed';
    return this.now() < this.openedUntil ? 'open' : 'half-open';
  }

  /** When an open breaker lets the next trial through; null when closed. */
  get retryAt(): number | null {
    return this.openedUntil;
  }

  /** May a request go now? In half-open only one trial is out at a time. */
  allow(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.openedUntil = null;
    this.trialInFlight = false;
    this.cooldown = this.options.cooldownMs;
  }

  failure(): void {
    if (this.openedUntil !== null) {
      // A failed trial (or a late failure while open): back off further.
      if (this.trialInFlight) this.cooldown = Math.min(this.options.maxCooldownMs, this.cooldown * 2);
      this.trialInFlight = false;
      this.openedUntil = this.now() + this.cooldown;
      return;
    }
    this.failures++;
    if (this.failures >= this.options.failureThreshold) this.openedUntil = this.now() + this.cooldown;
  }

  /** An answer that says nothing about the carrier's health (e.g. the trial was skipped). */
  release(): void {
    this.trialInFlight = false;
  }
}
