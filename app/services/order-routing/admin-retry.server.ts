import { ClientError, type GraphQLClient } from "graphql-request";

/** Retry policy for Admin GraphQL calls. `sleep` is injectable so tests do not wait. */
export interface RetryPolicy {
  maxAttempts: number;
  /** Give up (throw) rather than wait past this many milliseconds in total. */
  budgetMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 5,
  budgetMs: 20_000,
  baseDelayMs: 250,
  maxDelayMs: 5_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Error of a call that still failed after the retries; `retryable` = worth another run later. */
export class AdminCallError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "AdminCallError";
  }
}

interface ThrottleStatus {
  maximumAvailable?: number;
  currentlyAvailable?: number;
  restoreRate?: number;
}
interface CostExtension {
  cost?: { requestedQueryCost?: number; throttleStatus?: ThrottleStatus };
}
interface GraphqlErrorLike {
  message?: string;
  extensions?: { code?: string };
}

/**
 * How long to wait before retrying, from Shopify's throttle information when it sent some: the points the
 * query needs minus those available, refilled at `restoreRate` points per second (shopify.dev "GraphQL
 * Admin API rate limits"). Otherwise `Retry-After`, otherwise exponential backoff.
 */
export function retryDelayMs(
  attempt: number,
  policy: Pick<RetryPolicy, "baseDelayMs" | "maxDelayMs">,
  extensions?: unknown,
  retryAfterHeader?: string | null,
): number {
  const cost = (extensions as CostExtension | undefined)?.cost;
  const status = cost?.throttleStatus;
  if (status?.restoreRate && status.restoreRate > 0 && cost?.requestedQueryCost !== undefined) {
    const missing = Math.max(0, cost.requestedQueryCost - (status.currentlyAvailable ?? 0));
    return Math.min(
      policy.maxDelayMs,
      Math.max(policy.baseDelayMs, Math.ceil((missing / status.restoreRate) * 1000)),
    );
  }
  const retryAfter = Number(retryAfterHeader);
  if (retryAfterHeader && Number.isFinite(retryAfter))
    return Math.min(policy.maxDelayMs, Math.max(0, retryAfter * 1000));
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

function isThrottled(errors: GraphqlErrorLike[] | undefined): boolean {
  return !!errors?.some((e) => e.extensions?.code === "THROTTLED" || e.message === "Throttled");
}

/**
 * One Admin GraphQL operation with retries on HTTP 429, 5xx, network failures and GraphQL THROTTLED errors.
 * Other GraphQL errors (bad query, access denied) are not retried: they will not heal by waiting.
 */
export async function adminRequest<T>(
  client: GraphQLClient,
  query: string,
  variables: Record<string, unknown> = {},
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    let delay: number;
    let reason: string;
    try {
      const response = await client.rawRequest<T>(query, variables);
      if (!isThrottled(response.errors as GraphqlErrorLike[] | undefined)) return response.data;
      reason = "THROTTLED";
      delay = retryDelayMs(attempt, policy, response.extensions);
    } catch (error) {
      if (error instanceof ClientError) {
        const { status, errors, extensions, headers } = error.response as {
          status: number;
          errors?: GraphqlErrorLike[];
          extensions?: unknown;
          headers?: Headers;
        };
        const retryable = status === 429 || status >= 500 || isThrottled(errors);
        reason = `HTTP ${status}${errors?.[0]?.message ? `: ${errors[0].message}` : ""}`;
        if (!retryable) throw new AdminCallError(`Admin API refused the call (${reason})`, false);
        delay = retryDelayMs(attempt, policy, extensions, headers?.get?.("Retry-After"));
      } else {
        // fetch failures (connection refused, reset): transient as far as we can tell.
        reason = error instanceof Error ? error.message : String(error);
        delay = retryDelayMs(attempt, policy);
      }
    }
    if (attempt >= policy.maxAttempts || Date.now() - started + delay > policy.budgetMs) {
      throw new AdminCallError(`Admin API still failing after ${attempt} attempt(s): ${reason}`, true);
    }
    await policy.sleep(delay);
  }
}
