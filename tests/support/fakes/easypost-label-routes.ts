import { randomBytes } from "node:crypto";
import type { RecordedRequest, Route } from "./carrier-api-fake";

// EasyPost label endpoints for the EasyPost fake (docs/carriers.md, "Address checks and labels"):
//   POST /v2/addresses {verify, address} → 201 Address with verifications.delivery / zip4 and residential
//   POST /v2/shipments/:id/buy {rate:{id}} → 200 Shipment with postage_label, selected_rate, tracking_code, tracker
//   POST /v2/orders/:id/buy {carrier, service} → 200 Order whose shipments are bought
//   GET  /v2/shipments/:id, /v2/orders/:id → the object as it stands (bought or not)
//   POST /v2/shipments/:id/refund → 200 Shipment with refund_status "submitted"
//   POST /v2/trackers {tracker:{tracking_code, carrier}} → 201 Tracker; GET/POST /v2/webhooks
//   GET  /labels/:file → the label file itself (PDF or ZPL bytes)
// Destination addresses steer the address check: street "1 Nowhere Rd" is undeliverable (delivery.success false
// with E.ADDRESS.NOT_FOUND), "PO Box …" is a PO box, a street with "Suite" or "Floor" is commercial.

type Obj = Record<string, unknown> & { id: string };

export interface EasyPostLabelState {
  /** Created shipments and orders, by id (the fake's rated answers). */
  created: Map<string, Obj>;
  /** Every successful buy, in order: a double purchase shows as two entries for one object. */
  purchases: { id: string; trackingCodes: string[] }[];
  trackers: { tracking_code: string; carrier: string }[];
  webhooks: { id: string; url: string; webhook_secret?: string }[];
  refunds: string[];
  /** Answer the next buy with 500 after buying (the purchase happened, the answer was lost). */
  loseNextBuyAnswer: boolean;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;
const now = () => new Date().toISOString();

export function newEasyPostLabelState(): EasyPostLabelState {
  return {
    created: new Map(),
    purchases: [],
    trackers: [],
    webhooks: [],
    refunds: [],
    loseNextBuyAnswer: false,
  };
}

/** The routes; `baseUrl` is the fake's URL (label files are served by the fake itself). */
export function easyPostLabelRoutes(state: EasyPostLabelState, baseUrl: () => string): Route {
  const bill = (s: Obj, rate: Record<string, unknown>, options: unknown) => {
    const format = ((options as { label_format?: string } | undefined)?.label_format ?? "PDF").toUpperCase();
    const tracking = `1Z${randomBytes(8).toString("hex").toUpperCase()}`;
    const file = `${s.id}.${format === "ZPL" ? "zpl" : "pdf"}`;
    Object.assign(s, {
      tracking_code: tracking,
      selected_rate: rate,
      status: "unknown",
      postage_label: {
        id: id("pl"),
        object: "PostageLabel",
        label_url: `${baseUrl()}/labels/${s.id}.png`,
        label_file_type: "image/png",
        ...(format === "ZPL"
          ? { label_zpl_url: `${baseUrl()}/labels/${file}` }
          : { label_pdf_url: `${baseUrl()}/labels/${file}` }),
      },
      tracker: {
        id: id("trk"),
        object: "Tracker",
        tracking_code: tracking,
        public_url: `https://track.easypost.com/${tracking}`,
      },
    });
    return tracking;
  };
  const error = (status: number, code: string, message: string, errors: unknown[] = []) => ({
    status,
    body: { error: { code, message, errors } },
  });

  return (request: RecordedRequest) => {
    const path = request.path.split("?")[0];
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (request.method === "POST" && path === "/v2/addresses") {
      const a = (body.address ?? {}) as Record<string, string | undefined>;
      const street = `${a.street1 ?? ""} ${a.street2 ?? ""}`;
      const undeliverable = /nowhere/i.test(street);
      const zip5 = (a.zip ?? "").slice(0, 5);
      return {
        status: 201,
        body: {
          id: id("adr"),
          object: "Address",
          mode: "test",
          ...a,
          street1: (a.street1 ?? "").toUpperCase(),
          zip: undefined === body.verify || undeliverable ? a.zip : `${zip5}-1234`,
          residential: !/suite|floor|ste\b/i.test(street),
          verifications:
            body.verify === undefined
              ? {}
              : {
                  zip4: { success: !undeliverable, errors: [], details: null },
                  delivery: undeliverable
                    ? {
                        success: false,
                        errors: [
                          {
                            code: "E.ADDRESS.NOT_FOUND",
                            field: "address",
                            message: "Address not found",
                            suggestion: null,
                          },
                        ],
                        details: {},
                      }
                    : {
                        success: true,
                        errors: [],
                        details: { latitude: 37.79, longitude: -122.4, time_zone: "America/Los_Angeles" },
                      },
                },
          created_at: now(),
          updated_at: now(),
        },
      };
    }
    let m = /^\/v2\/(shipments|orders)\/([^/]+)(\/buy|\/refund)?$/.exec(path);
    if (m) {
      const object = state.created.get(m[2]);
      if (!object) return error(404, "NOT_FOUND", "The requested resource could not be found.");
      if (request.method === "GET" && !m[3]) return { status: 200, body: object };
      if (request.method === "POST" && m[3] === "/buy") {
        const shipments = (m[1] === "orders" ? (object.shipments as Obj[]) : [object]) ?? [];
        if (shipments.some((s) => s.postage_label))
          return error(422, "SHIPMENT.POSTAGE.EXISTS", "Postage already exists for this shipment.");
        const rates = object.rates as Record<string, unknown>[];
        const rate =
          m[1] === "orders"
            ? rates.find((r) => r.carrier === body.carrier && r.service === body.service)
            : rates.find((r) => r.id === (body.rate as { id?: string } | undefined)?.id);
        if (!rate)
          return error(422, "SHIPMENT.RATE.INVALID", "The rate is not one of this shipment's rates.");
        const perParcel = { ...rate, rate: (Number(rate.rate) / shipments.length).toFixed(2) };
        for (const s of shipments) state.created.set((s.id ??= id("shp")), s);
        const codes = shipments.map((s) => bill(s, perParcel, object.options));
        state.purchases.push({ id: object.id, trackingCodes: codes });
        if (state.loseNextBuyAnswer) {
          state.loseNextBuyAnswer = false;
          return error(500, "INTERNAL_SERVER_ERROR", "We're sorry, something went wrong.");
        }
        return { status: 200, body: object };
      }
      if (request.method === "POST" && m[3] === "/refund") {
        if (!object.postage_label)
          return error(422, "SHIPMENT.REFUND.UNAVAILABLE", "This shipment has no postage.");
        object.refund_status = "submitted";
        state.refunds.push(object.id);
        return { status: 200, body: object };
      }
    }
    if (request.method === "POST" && path === "/v2/trackers") {
      const t = (body.tracker ?? {}) as { tracking_code: string; carrier: string };
      state.trackers.push(t);
      return {
        status: 201,
        body: {
          id: id("trk"),
          object: "Tracker",
          mode: "test",
          ...t,
          status: "pre_transit",
          tracking_details: [],
        },
      };
    }
    if (path === "/v2/webhooks" && request.method === "GET")
      return {
        status: 200,
        body: { webhooks: state.webhooks.map((w) => ({ id: w.id, object: "Webhook", url: w.url })) },
      };
    if (path === "/v2/webhooks" && request.method === "POST") {
      const w = { id: id("hook"), ...((body.webhook ?? {}) as { url: string; webhook_secret?: string }) };
      state.webhooks.push(w);
      return {
        status: 201,
        body: { id: w.id, object: "Webhook", mode: "test", url: w.url, disabled_at: null },
      };
    }
    m = /^\/labels\/([^/]+)$/.exec(path);
    if (m && request.method === "GET") return { status: 200, body: { file: m[1] } };
    return null;
  };
}
