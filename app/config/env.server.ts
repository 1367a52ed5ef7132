import { z } from "zod";

/** Values that make the app run locally with no Shopify store. Never accepted in production. */
export const DEMO_DEFAULTS = {
  SHOPIFY_API_KEY: "tailroute-demo-api-key",
  SHOPIFY_API_SECRET: "tailroute-demo-api-secret",
  DEMO_SHOP: "tailroute-demo.myshopify.com",
} as const;

const EnvSchema = z.object({
  NODE_ENV: z.string().default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  TAILROUTE_DEMO: z.enum(["0", "1"]).default("0"),
  SHOPIFY_API_KEY: z.string().min(1).optional(),
  SHOPIFY_API_SECRET: z.string().min(1).optional(),
  SHOPIFY_APP_URL: z.url().optional(),
  SCOPES: z.string().optional(),
  SHOP_CUSTOM_DOMAIN: z.string().optional(),
  /** Base URL for Admin GraphQL calls made outside a request (webhooks, jobs); tests and the demo point it at a fake. */
  SHOPIFY_ADMIN_API_BASE_URL: z.url().optional(),
  /** How long a worker holds a routing decision while applying its Admin actions (default 60 s). */
  TAILROUTE_ACTION_LEASE_MS: z.coerce.number().int().min(100).max(3_600_000).optional(),
  /** PostgreSQL: how often pg-boss hands on a dead worker's jobs (default 60 s; docs/jobs.md). */
  TAILROUTE_JOB_SUPERVISE_S: z.coerce.number().int().min(1).max(3_600).optional(),
  /** A ceiling on every job kind's time limit per attempt (a dead worker's job is handed on after it). */
  TAILROUTE_JOB_ATTEMPT_MS: z.coerce.number().int().min(500).max(3_600_000).optional(),
});

export interface AppEnv {
  nodeEnv: string;
  port: number;
  demo: boolean;
  apiKey: string;
  apiSecret: string;
  appUrl: string;
  scopes?: string[];
  customShopDomains?: string[];
  adminApiBaseUrl?: string;
  actionLeaseMs?: number;
  jobSuperviseSeconds?: number;
  jobAttemptMs?: number;
}

/**
 * Reads and checks the environment once. Demo mode (TAILROUTE_DEMO=1, set by `npm run demo`) fills
 * the Shopify credentials with public placeholders, so it refuses to run with NODE_ENV=production.
 */
export function readAppEnv(source: Record<string, string | undefined> = process.env): AppEnv {
  const env = EnvSchema.parse(source);
  const demo = env.TAILROUTE_DEMO === "1";
  if (demo && env.NODE_ENV === "production") {
    throw new Error(
      "Demo mode (TAILROUTE_DEMO=1) uses public placeholder secrets and refuses NODE_ENV=production.",
    );
  }
  const apiKey = env.SHOPIFY_API_KEY ?? (demo ? DEMO_DEFAULTS.SHOPIFY_API_KEY : undefined);
  const apiSecret = env.SHOPIFY_API_SECRET ?? (demo ? DEMO_DEFAULTS.SHOPIFY_API_SECRET : undefined);
  if (!apiKey || !apiSecret) {
    throw new Error(
      "SHOPIFY_API_KEY and SHOPIFY_API_SECRET must be set (the Shopify CLI sets them under `shopify app dev`; `npm run demo` needs neither).",
    );
  }
  if (!demo && !env.SHOPIFY_APP_URL) {
    // Its value goes into the carrier service's callback URL: a guess would register localhost with Shopify.
    throw new Error("SHOPIFY_APP_URL must be set (the Shopify CLI sets it under `shopify app dev`).");
  }
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    demo,
    apiKey,
    apiSecret,
    appUrl: env.SHOPIFY_APP_URL ?? `http://localhost:${env.PORT}`,
    scopes: env.SCOPES?.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    customShopDomains: env.SHOP_CUSTOM_DOMAIN ? [env.SHOP_CUSTOM_DOMAIN] : undefined,
    adminApiBaseUrl: env.SHOPIFY_ADMIN_API_BASE_URL,
    ...(env.TAILROUTE_ACTION_LEASE_MS ? { actionLeaseMs: env.TAILROUTE_ACTION_LEASE_MS } : {}),
    ...(env.TAILROUTE_JOB_SUPERVISE_S ? { jobSuperviseSeconds: env.TAILROUTE_JOB_SUPERVISE_S } : {}),
    ...(env.TAILROUTE_JOB_ATTEMPT_MS ? { jobAttemptMs: env.TAILROUTE_JOB_ATTEMPT_MS } : {}),
  };
}

let cached: AppEnv | undefined;
/** The process's environment, read once. */
export function appEnv(): AppEnv {
  cached ??= readAppEnv();
  return cached;
}
