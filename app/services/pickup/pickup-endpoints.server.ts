import {
  PickupChoiceRequestSchema,
  PickupOrderStateQuerySchema,
  PickupQuerySchema,
} from "../../contracts/pickup-api";
import db from "../../db.server";
import { offlineAdminClient } from "../admin/admin-graphql.server";
import { extensionEndpoint, ORDER_ID_QUERY, type ExtensionAuthenticate } from "./extension-endpoint.server";
import { refuse } from "./extension-http.server";
import { readPickupOrderState, recordPickupChoice } from "./pickup-choice.server";
import { queryPickupPoints } from "./pickup-query.server";
import { pickupCache } from "./pickup-runtime.server";

const PICKUP = { name: "pickup", unavailable: "Pickup points are temporarily unavailable" };

/** GET: eligible pickup points for the destination and cart lines in the query string. */
export const pickupPointsQuery = extensionEndpoint(
  { ...PICKUP, from: { query: (params) => Object.fromEntries(params) }, schema: PickupQuerySchema },
  async ({ shop, input, cors }) => {
    const outcome = await queryPickupPoints(pickupCache, shop, input, new Date());
    if (outcome.status !== 200) return refuse(outcome.status, outcome.reason);
    return cors(Response.json(outcome.body, { headers: { "Cache-Control": "no-store" } }));
  },
);

const pickupOrderState = extensionEndpoint(
  {
    ...PICKUP,
    from: ORDER_ID_QUERY,
    schema: PickupOrderStateQuerySchema,
  },
  async ({ shop, customerId, input, cors }) => {
    const client = await offlineAdminClient(db, shop);
    if (!client) return refuse(404, "Unknown shop");
    const outcome = await readPickupOrderState(client, { customerId, orderId: input.orderId });
    if (outcome.status !== 200) return refuse(outcome.status, outcome.reason);
    return cors(Response.json(outcome.body, { headers: { "Cache-Control": "no-store" } }));
  },
);

/**
 * GET for the post-purchase targets: `?orderId=` alone asks for the order's pickup state (may it still
 * change, current choice); anything else is the points query.
 */
export function pickupPointsOrOrderState(
  request: Request,
  authenticate: ExtensionAuthenticate,
): Promise<Response> {
  const params = new URL(request.url).searchParams;
  if (!params.has("orderId") || params.has("zip")) return pickupPointsQuery(request, authenticate);
  return pickupOrderState(request, authenticate);
}

/** POST: record (or clear) the buyer's pickup point on an unfulfilled order, after purchase. */
export const pickupChoiceAfterPurchase = extensionEndpoint(
  { ...PICKUP, from: "json-body", schema: PickupChoiceRequestSchema },
  async ({ shop, customerId, input, cors }) => {
    const client = await offlineAdminClient(db, shop);
    if (!client) return refuse(404, "Unknown shop");
    const outcome = await recordPickupChoice(db, pickupCache, client, {
      shop,
      customerId,
      orderId: input.orderId,
      pointId: input.pointId,
      now: new Date(),
    });
    if (outcome.status !== 200) return refuse(outcome.status, outcome.reason);
    return cors(Response.json(outcome.body));
  },
);
