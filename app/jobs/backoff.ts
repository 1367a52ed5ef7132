import type { BackoffPolicy } from "./types";

/**
 * Delay before attempt `attempt + 1` after `attempt` failed: base × 2^(attempt-1), capped, with "equal jitter"
 * (half fixed, half random) so jobs that failed together do not all come back together.
 */
export function backoffDelayMs(
  policy: BackoffPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (exponential / 2) * random());
}
