import type { AppEnv } from "../../env.server";

/**
 * Whether admin requests may use the demo session (the seeded demo shop, no Shopify authentication).
 * Only with TAILROUTE_DEMO=1 and never with NODE_ENV=production — readAppEnv already refuses that pair; this
 * second check keeps the admin closed even if an environment object were assembled some other way.
 */
export function demoSessionAllowed(env: Pick<AppEnv, "demo" | "nodeEnv">): boolean {
  return env.demo && env.nodeEnv !== "production";
}
