// The one way an admin loader or action learns which shop it serves and how to call that shop's Admin API.
// Embedded (normal): Shopify's session-token authentication. Demo (`npm run demo`: TAILROUTE_DEMO=1, not production,
// the placeholder secret, a loopback request; see demo-session.ts): the seeded demo shop and the demo's fake Admin API.
import type { PrismaClient } from "@prisma/client";
import db from "../db.server";
import { DEMO_DEFAULTS, appEnv, type AppEnv } from "../env.server";
import { authenticate } from "../shopify.server";
import { adminGraphqlClient } from "./admin-graphql.server";
import { demoSessionAllowed } from "./admin/demo-session";

export { demoSessionAllowed };

/** Runs an Admin GraphQL query and returns its `data` (throws with Shopify's message on top-level errors). */
export type AdminGraphql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export interface AdminContext {
  shop: string;
  /** Demo session: no App Bridge, no Shopify admin around the page. */
  demo: boolean;
  graphql: AdminGraphql;
  db: PrismaClient;
}

/**
 * Authenticates an admin request. Throws what `authenticate.admin` throws (a redirect to OAuth / bounce page)
 * for requests without a valid Shopify session, exactly like a plain Shopify Remix route.
 */
export async function adminContext(request: Request, env: AppEnv = appEnv()): Promise<AdminContext> {
  if (demoSessionAllowed(env, request)) return demoContext();
  const { session, admin } = await authenticate.admin(request);
  return {
    shop: session.shop,
    demo: false,
    db,
    graphql: async <T>(query: string, variables?: Record<string, unknown>) => {
      const response = await admin.graphql(query, variables ? { variables } : undefined);
      const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
      if (!body.data) throw new Error(body.errors?.map((e) => e.message).join("; ") ?? "Admin API error");
      return body.data;
    },
  };
}

async function demoContext(): Promise<AdminContext> {
  const shop = DEMO_DEFAULTS.DEMO_SHOP;
  const session = await db.session.findFirst({ where: { shop, isOnline: false } });
  const client = adminGraphqlClient(shop, session?.accessToken ?? "");
  return {
    shop,
    demo: true,
    db,
    graphql: <T>(query: string, variables?: Record<string, unknown>) => client.request<T>(query, variables),
  };
}
