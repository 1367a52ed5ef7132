import type { JwtPayload } from "@shopify/shopify-api";
import type { z } from "zod";
import {
  PickupChoiceRequestSchema,
  PickupOrderStateQuerySchema,
  PickupQuerySchema,
} from "../../contracts/pickup-api";
import { zodIssuesText } from "../../contracts/zod-issues";
import db from "../../db.server";
import { offlineAdminClient } from "../admin/admin-graphql.server";
import { readJsonBody } from "../http/read-json-body.server";
import {
  authenticateExtension,
  refuse,
  shopFromSessionToken,
  withCorsHeaders,
} from "./extension-http.server";
import { readPickupOrderState, recordPickupChoice } from "./pickup-choice.server";
import { queryPickupPoints } from "./pickup-query.server";
import { pickupCache } from "./pickup-runtime.server";

type Authenticated = { sessionToken: JwtPayload; cors: (response: Response) => Response };
type Authenticate = (request: Request) => Promise<Authenticated>;

const describe = (error: z.ZodError) => zodIssuesText(error);

/** Unexpected failures answer 503 with a reason (the extension shows its error state), never a 500. */
async function guarded(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    console.error("[pickup] request failed:", error instanceof Error ? error.message : error);
    return refuse(503, "Pickup points are temporarily unavailable");
  }
}

/** GET: eligible pickup points for the destination and cart lines in the query string. */
export function pickupPointsQuery(request: Request, authenticate: Authenticate): Promise<Response> {
  return guarded(async () => {
    const auth = await authenticateExtension(() => authenticate(request));
    if (auth instanceof Response) return auth;
    const shop = shopFromSessionToken(auth.sessionToken);
    if (!shop) return refuse(401, "The session token names no shop");
    const parsed = PickupQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return refuse(400, describe(parsed.error));
    const outcome = await queryPickupPoints(pickupCache, shop, parsed.data, new Date());
    if (outcome.status !== 200) return refuse(outcome.status, outcome.reason);
    return auth.cors(Response.json(outcome.body, { headers: { "Cache-Control": "no-store" } }));
  });
}

/**
 * GET for the post-purchase targets: `?orderId=` alone asks for the order's pickup state (may it still
 * change, current choice); anything else is the points query.
 */
export function pickupPointsOrOrderState(request: Request, authenticate: Authenticate): Promise<Response> {
  const params = new URL(request.url).searchParams;
  if (!params.has("orderId") || params.has("zip")) return pickupPointsQuery(request, authenticate);
  return guarded(async () => {
    const auth = await authenticateExtension(() => authenticate(request));
    if (auth instanceof Response) return auth;
    const shop = shopFromSessionToken(auth.sessionToken);
    if (!shop) return refuse(401, "The session token names no shop");
    const parsed = PickupOrderStateQuerySchema.safeParse({ orderId: params.get("orderId") });
    if (!parsed.success) return refuse(400, describe(parsed.error));
    const client = await offlineAdminClient(db, shop);
    if (!client) return refuse(404, "Unknown shop");
    const outcome = await readPickupOrderState(client, {
      customerId: typeof auth.sessionToken.sub === "string" ? auth.sessionToken.sub : null,
      orderId: parsed.data.orderId,
    });
    if (outcome.status !== 200) return refuse(outcome.status, outcome.reason);
    return auth.cors(Response.json(outcome.body, { headers: { "Cache-Control": "no-store" } }));
  });
}

/** POST: record (or clear) the buyer's pickup point on an unfulfilled order, after purchase. */
export function pickupChoiceAfterPurchase(request: Request, authenticate: Authenticate): Promise<Response> {
  return guarded(async () => {
    const auth = await authenticateExtension(() => authenticate(request));
    if (auth instanceof Response) return auth;
    if (request.method !== "POST")
      return withCorsHeaders(
        new Response("Use GET or POST", { status: 405, headers: { Allow: "GET, POST" } }),
      );
    const shop = shopFromSessionToken(auth.sessionToken);
    if (!shop) return refuse(401, "The session token names no shop");
    const body = await readJsonBody(request);
    if (!body.ok) return refuse(400, body.reason);
    const parsed = PickupChoiceRequestSchema.safeParse(body.value);
    if (!parsed.success) return refuse(400, describe(parsed.error));
    const client = await offlineAdminClient(db, shop);
    if (!client) return refuse(404, "Unknown shop");
    const outcome = await recordPickupChoice(db, pickupCache, client, {
      shop,
      customerId: typeof auth.sessionToken.sub === "string" ? auth.sessionToken.sub : null,
      orderId: parsed.data.orderId,
      pointId: parsed.data.pointId,
      now: new Date(),
    });
    if (outcome.status !== 200) return refuse(outcome.status, outcome.reason);
    return auth.cors(Response.json(outcome.body));
  });
}
