import { randomBytes } from "node:crypto";
import type { RecordedRequest, Route } from "./carrier-api-fake";

// Shippo label endpoints for the Shippo fake (docs/carriers.md, "Address checks and labels"):
//   POST /addresses {validate: true, …} → 201 Address with validation_results {is_valid, messages} and is_residential
//   POST /transactions {rate, label_file_type, metadata, async} → 201 Transaction (SUCCESS, tracking_number, label_url)
//   GET  /transactions?rate=… → {results: [Transaction]} (the purchases of that rate)
//   POST /refunds {transaction} → 201 Refund (QUEUED); POST /tracks → 200 Track; GET/POST /webhooks (201)
// As for the EasyPost fake, street "1 Nowhere Rd" is invalid, "PO Box …" a PO box, "Suite"/"Floor" commercial.

export interface ShippoLabelState {
  transactions: Record<string, unknown>[];
  purchases: string[];
  tracks: { carrier: string; tracking_number: string }[];
  webhooks: { object_id: string; event: string; url: string }[];
  refunds: string[];
  /** The next purchase happens but its answer is a 500. */
  loseNextBuyAnswer: boolean;
}

export const newShippoLabelState = (): ShippoLabelState => ({
  transactions: [],
  purchases: [],
  tracks: [],
  webhooks: [],
  refunds: [],
  loseNextBuyAnswer: false,
});

const objectId = () => randomBytes(16).toString("hex");

export function shippoLabelRoutes(state: ShippoLabelState): Route {
  return (request: RecordedRequest) => {
    const [rawPath, query = ""] = request.path.split("?");
    const path = rawPath.replace(/\/$/, "");
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (request.method === "POST" && path === "/addresses") {
      const street = `${body.street1 ?? ""} ${body.street2 ?? ""}`;
      const invalid = /nowhere/i.test(street);
      const zip = String(body.zip ?? "");
      return {
        status: 201,
        body: {
          ...body,
          object_id: objectId(),
          is_complete: true,
          zip: invalid || body.validate !== true ? zip : `${zip.slice(0, 5)}-1234`,
          is_residential: invalid ? null : !/suite|floor|ste\b/i.test(street),
          validation_results: invalid
            ? {
                is_valid: false,
                messages: [
                  {
                    source: "Shippo Address Validator",
                    code: "Unknown Street",
                    type: "address_error",
                    text: "City, State and ZIP Code are valid, but street address is not a match.",
                  },
                ],
              }
            : { is_valid: true, messages: [] },
        },
      };
    }
    if (request.method === "POST" && path === "/transactions") {
      const rate = String(body.rate ?? "");
      const zpl = body.label_file_type === "ZPLII";
      const id = objectId();
      const tracking = `9400${randomBytes(8).toString("hex").toUpperCase()}`;
      const transaction = {
        object_id: id,
        object_state: "VALID",
        status: "SUCCESS",
        rate,
        metadata: body.metadata ?? "",
        label_file_type: body.label_file_type,
        tracking_number: tracking,
        tracking_url_provider: `https://tools.usps.com/go/TrackConfirmAction?tLabels=${tracking}`,
        label_url: `https://shippo-delivery.example/${id}.${zpl ? "zpl" : "pdf"}`,
        messages: [],
        test: true,
      };
      state.transactions.push(transaction);
      state.purchases.push(rate);
      if (state.loseNextBuyAnswer) {
        state.loseNextBuyAnswer = false;
        return { status: 500, body: { detail: "Internal server error." } };
      }
      return { status: 201, body: transaction };
    }
    if (request.method === "GET" && path === "/transactions") {
      const rate = new URLSearchParams(query).get("rate");
      return { status: 200, body: { results: state.transactions.filter((t) => !rate || t.rate === rate) } };
    }
    if (request.method === "POST" && path === "/refunds") {
      state.refunds.push(String(body.transaction));
      return {
        status: 201,
        body: { object_id: objectId(), status: "QUEUED", transaction: body.transaction, test: true },
      };
    }
    if (request.method === "POST" && path === "/tracks") {
      const t = { carrier: String(body.carrier), tracking_number: String(body.tracking_number) };
      state.tracks.push(t);
      return { status: 200, body: { ...t, messages: [], tracking_history: [], tracking_status: null } };
    }
    if (path === "/webhooks" && request.method === "GET")
      return { status: 200, body: { results: state.webhooks } };
    if (path === "/webhooks" && request.method === "POST") {
      const w = { object_id: objectId(), event: String(body.event), url: String(body.url), active: true };
      state.webhooks.push(w);
      return { status: 201, body: w };
    }
    return null;
  };
}
