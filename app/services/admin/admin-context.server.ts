// The one way an admin loader or action learns which shop it serves and how to call that shop's Admin API.
// Embedded (normal): Shopify's session-token authentication. Demo (`npm run demo`: TAILROUTE_DEMO=1, not production,
// the placeholder secret, a loopback request; see demo-session.ts): the seeded demo shop and the demo's fake Admin API.
import type { PrismaClient } from "@prisma/client";
import {
  HttpMaxRetriesError,
  HttpRequestError,
  InvalidJwtError,
  InvalidShopError,
  MissingJwtTokenError,
} from "@shopify/shopify-api";
import db from "../../db.server";
import { DEMO_DEFAULTS, appEnv, type AppEnv } from "../../config/env.server";
import { authenticate } from "../../shopify.server";
import { adminGraphqlClient } from "./admin-graphql.server";
import { demoSessionAllowed } from "./demo-session";

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
  refuseUnreadableForm(request);
  if (demoSessionAllowed(env, request)) return demoContext();
  const { session, admin } = await authenticateAdmin(request);
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

/** Admin actions read HTML forms: any other body is refused before the route tries to parse it (415). */
function refuseUnreadableForm(request: Request) {
  if (request.method === "GET" || request.method === "HEAD") return;
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) return;
  throw new Response(
    "Admin actions take an HTML form (application/x-www-form-urlencoded or multipart/form-data)",
    {
      status: 415,
    },
  );
}

const shopifyUnreachable = () =>
  new Response("Shopify could not be reached to authenticate this request", {
    status: 503,
    headers: { "Retry-After": "5" },
  });

/** What Shopify's library throws for a session token that is forged, malformed or names no valid shop. */
function isBadSessionToken(error: unknown): boolean {
  return (
    error instanceof InvalidJwtError ||
    error instanceof MissingJwtTokenError ||
    error instanceof InvalidShopError ||
    // `new URL("https://" + dest)` on a dest that is no host name
    (error instanceof TypeError && (error as { code?: string }).code === "ERR_INVALID_URL")
  );
}

/**
 * `authenticate.admin`, with its redirects and 4xx answers passed through as they are. Its bare 500 (the token
 * exchange with Shopify failed: a valid session token for a shop whose session must first be fetched from Shopify)
 * becomes a 503 that says so, and a forged or malformed session token (a `dest` that is no shop domain, say) a 401
 * instead of a 500. Anything else (the database is down, a bug) stays a server error.
 */
async function authenticateAdmin(request: Request) {
  try {
    return await authenticate.admin(request);
  } catch (error) {
    if (error instanceof Response) throw error.status === 500 ? shopifyUnreachable() : error;
    if (error instanceof HttpRequestError || error instanceof HttpMaxRetriesError) throw shopifyUnreachable();
    if (isBadSessionToken(error))
      throw new Response("Unauthorized: the session token does not name a valid shop", { status: 401 });
    throw error;
  }
}
