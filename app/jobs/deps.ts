import type { GraphQLClient } from "graphql-request";
import type { RetryPolicy } from "../services/order-routing/admin-retry.server";
import type { BackoffPolicy } from "./types";

/** What the app's job kinds need from outside; tests pass a fake Shopify and short backoffs. */
export interface JobDeps {
  clientFor?: (shop: string) => Promise<GraphQLClient | null>;
  now?: () => Date;
  /** Retries of one throttled Admin call inside an attempt (a client concern, admin-retry). */
  retry?: RetryPolicy;
  leaseMs?: number;
  /** Between attempts of the Shopify-writing kinds. */
  backoff?: BackoffPolicy;
}
