/** CLOSED: calls go through. OPEN: none until the cool-down ends. HALF_OPEN: one trial call decides. */
export type BreakerState = "CLOSED" | "OPEN" | "HALF_OPEN";

export interface BreakerOptions {
  /** Consecutive failures (errors or timeouts) that open the breaker. */
  failureThreshold: number;
  /** How long it stays open before letting one trial call through. */
  cooldownMs: number;
}

/**
 * A circuit breaker for one connected account (pure: the clock is injected). A slow or failing API is left alone
 * for the cool-down instead of being asked on every checkout; one trial call then closes it again or re-opens it.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAtMs: number | null = null;
  private trialInFlight = false;

  constructor(
    private options: BreakerOptions,
    private readonly clockMs: () => number,
  ) {}

  /** New thresholds (a settings save) apply from the next call; the current state is kept. */
  configure(options: BreakerOptions) {
    this.options = options;
  }

  get state(): BreakerState {
    if (this.openedAtMs === null) return "CLOSED";
    return this.clockMs() - this.openedAtMs >= this.options.cooldownMs ? "HALF_OPEN" : "OPEN";
  }

  get consecutiveFailures() {
    return this.failures;
  }

  /** May a call go now? In HALF_OPEN only one trial at a time is let through. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === "CLOSED") return true;
    if (state === "OPEN" || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  success() {
    this.failures = 0;
    this.openedAtMs = null;
    this.trialInFlight = false;
  }

  failure() {
    this.failures += 1;
    const wasTrial = this.trialInFlight;
    this.trialInFlight = false;
    if (wasTrial || this.openedAtMs !== null || this.failures >= this.options.failureThreshold)
      this.openedAtMs = this.clockMs();
  }
}
