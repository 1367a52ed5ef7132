import type { JwtPayload } from "@shopify/shopify-api";
import { AppointmentBookingRequestSchema, DeliveryStatusQuerySchema } from "../../contracts/appointments";
import { zodIssuesText } from "../../contracts/zod-issues";
import db from "../../db.server";
import { pokeJobRunner } from "../../jobs/startup.server";
import { offlineAdminClient } from "../admin/admin-graphql.server";
import { bookAppointment } from "../appointments/book-appointment.server";
import { freightAppointmentContext } from "../appointments/freight-order.server";
import { readJsonBody } from "../http/read-json-body.server";
import {
  authenticateExtension,
  refuse,
  shopFromSessionToken,
  withCorsHeaders,
} from "../pickup/extension-http.server";
import { loadBuyerOrder } from "./buyer-order.server";
import { buyerAppointment, buyerDeliveryStatus } from "./delivery-status.server";

type Authenticated = { sessionToken: JwtPayload; cors: (response: Response) => Response };
type Authenticate = (request: Request) => Promise<Authenticated>;

/** Unexpected failures answer 503 with a reason (the extension shows its error state), never a 500. */
async function guarded(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    console.error("[delivery-status] request failed:", error instanceof Error ? error.message : error);
    return refuse(503, "Delivery status is temporarily unavailable");
  }
}

const customerOf = (token: JwtPayload) => (typeof token.sub === "string" ? token.sub : null);

/** GET ?orderId=: the buyer's view of their order (timeline, promise, pickup, redelivery, appointment). */
export function deliveryStatusQuery(request: Request, authenticate: Authenticate): Promise<Response> {
  return guarded(async () => {
    const auth = await authenticateExtension(() => authenticate(request));
    if (auth instanceof Response) return auth;
    const shop = shopFromSessionToken(auth.sessionToken);
    if (!shop) return refuse(401, "The session token names no shop");
    const parsed = DeliveryStatusQuerySchema.safeParse({
      orderId: new URL(request.url).searchParams.get("orderId"),
    });
    if (!parsed.success) return refuse(400, zodIssuesText(parsed.error));
    const client = await offlineAdminClient(db, shop);
    if (!client) return refuse(404, "Unknown shop");
    const loaded = await loadBuyerOrder(client, {
      customerId: customerOf(auth.sessionToken),
      orderId: parsed.data.orderId,
    });
    if ("status" in loaded) return refuse(loaded.status, loaded.reason);
    const body = await buyerDeliveryStatus(db, shop, loaded.order, new Date());
    return auth.cors(Response.json(body, { headers: { "Cache-Control": "no-store" } }));
  });
}

/** POST { orderId, calendarId, day, windowId }: book or change the freight order's delivery appointment. */
export function appointmentBooking(request: Request, authenticate: Authenticate): Promise<Response> {
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
    const parsed = AppointmentBookingRequestSchema.safeParse(body.value);
    if (!parsed.success) return refuse(400, zodIssuesText(parsed.error));
    const client = await offlineAdminClient(db, shop);
    if (!client) return refuse(404, "Unknown shop");
    const customerId = customerOf(auth.sessionToken);
    const loaded = await loadBuyerOrder(client, { customerId, orderId: parsed.data.orderId });
    if ("status" in loaded) return refuse(loaded.status, loaded.reason);
    const { order } = loaded;
    const now = new Date();
    const context = await freightAppointmentContext(db, shop, order.id, now);
    if (!context.ok)
      return refuse(
        409,
        context.reason === "NOT_FREIGHT"
          ? "This order does not ship by freight: there is no appointment to book"
          : "The warehouse takes no appointments online; it will call to arrange the delivery",
      );
    const outcome = await bookAppointment(db, {
      shop,
      orderId: order.id,
      orderName: order.name,
      customerId,
      context: context.context,
      address: { zip: order.shippingAddress?.zip ?? "", state: order.shippingAddress?.provinceCode ?? null },
      calendarId: parsed.data.calendarId,
      day: parsed.data.day,
      windowId: parsed.data.windowId,
      now,
    });
    if (outcome.status !== 200) return refuse(outcome.status, outcome.reason);
    pokeJobRunner();
    return auth.cors(
      Response.json({
        ok: true,
        changed: outcome.changed,
        appointment: await buyerAppointment(db, shop, order, now),
      }),
    );
  });
}
