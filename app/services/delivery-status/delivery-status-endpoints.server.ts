import { AppointmentBookingRequestSchema, DeliveryStatusQuerySchema } from "../../contracts/appointments";
import db from "../../db.server";
import { pokeJobRunner } from "../../jobs/startup.server";
import { offlineAdminClient } from "../admin/admin-graphql.server";
import { bookAppointment } from "../appointments/book-appointment.server";
import { freightAppointmentContext } from "../appointments/freight-order.server";
import { extensionEndpoint, ORDER_ID_QUERY } from "../pickup/extension-endpoint.server";
import { refuse } from "../pickup/extension-http.server";
import { loadBuyerOrder } from "./buyer-order.server";
import { buyerAppointment, buyerDeliveryStatus } from "./delivery-status.server";

const DELIVERY_STATUS = {
  name: "delivery-status",
  unavailable: "Delivery status is temporarily unavailable",
};

/** GET ?orderId=: the buyer's view of their order (timeline, promise, pickup, redelivery, appointment). */
export const deliveryStatusQuery = extensionEndpoint(
  {
    ...DELIVERY_STATUS,
    from: ORDER_ID_QUERY,
    schema: DeliveryStatusQuerySchema,
  },
  async ({ shop, customerId, input, cors }) => {
    const client = await offlineAdminClient(db, shop);
    if (!client) return refuse(404, "Unknown shop");
    const loaded = await loadBuyerOrder(client, { customerId, orderId: input.orderId });
    if ("status" in loaded) return refuse(loaded.status, loaded.reason);
    const body = await buyerDeliveryStatus(db, shop, loaded.order, new Date());
    return cors(Response.json(body, { headers: { "Cache-Control": "no-store" } }));
  },
);

/** POST { orderId, calendarId, day, windowId }: book or change the freight order's delivery appointment. */
export const appointmentBooking = extensionEndpoint(
  { ...DELIVERY_STATUS, from: "json-body", schema: AppointmentBookingRequestSchema },
  async ({ shop, customerId, input, cors }) => {
    const client = await offlineAdminClient(db, shop);
    if (!client) return refuse(404, "Unknown shop");
    const loaded = await loadBuyerOrder(client, { customerId, orderId: input.orderId });
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
      calendarId: input.calendarId,
      day: input.day,
      windowId: input.windowId,
      now,
    });
    if (outcome.status !== 200) return refuse(outcome.status, outcome.reason);
    pokeJobRunner();
    return cors(
      Response.json({
        ok: true,
        changed: outcome.changed,
        appointment: await buyerAppointment(db, shop, order, now),
      }),
    );
  },
);
