import { randomBytes } from "node:crypto";
import { z } from "zod";
import {
  CarrierApiFake,
  centsToDecimal,
  startedPounds,
  type FakeRateRow,
  type RecordedRequest,
} from "./carrier-api-fake";
import { easyPostLabelRoutes, newEasyPostLabelState } from "./easypost-label-routes";

// A fake EasyPost API v2 (docs.easypost.com; shapes cited in docs/carriers.md) that the official `@easypost/api`
// SDK talks to over HTTP: point the SDK's `baseUrl` at `fake.baseUrl`.
//   POST /v2/shipments {shipment:{from_address,to_address,parcel,carrier_accounts?}} → 201 Shipment with rates[]
//   POST /v2/orders    {order:{from_address,to_address,shipments:[{parcel}],carrier_accounts?}} → 201 Order
//   GET  /v2/carrier_accounts → 200 [CarrierAccount]
// Authentication: HTTP Basic with the API key as user name (the SDK's `auth(key)`); an unknown key gets 401.
// Errors carry EasyPost's Error object {error:{code,message,errors[]}}. The documented example code is
// ADDRESS.VERIFY.FAILURE (422 here, also for destination ZIP 00000); the other code strings are this fake's own.

const Address = z.looseObject({ zip: z.string().min(1), country: z.string().min(2) });
const Parcel = z.looseObject({
  weight: z.number().positive(),
  length: z.number().positive().optional(),
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
});
const ShipmentBody = z.object({
  shipment: z.looseObject({
    from_address: Address,
    to_address: Address,
    parcel: Parcel,
    carrier_accounts: z.array(z.string()).optional(),
  }),
});
const OrderBody = z.object({
  order: z.looseObject({
    from_address: Address,
    to_address: Address,
    shipments: z.array(z.looseObject({ parcel: Parcel })).min(1),
    carrier_accounts: z.array(z.string()).optional(),
  }),
});

export const EASYPOST_FAKE_KEY = "EZTK_fake_test_key_0001";

export const EASYPOST_FAKE_ACCOUNTS = [
  {
    id: "ca_fake_ups",
    object: "CarrierAccount",
    type: "UpsAccount",
    readable: "UPS",
    description: "Merchant UPS",
  },
  { id: "ca_fake_usps", object: "CarrierAccount", type: "UspsAccount", readable: "USPS", description: null },
];

export const EASYPOST_FAKE_RATES: FakeRateRow[] = [
  {
    carrierAccountId: "ca_fake_ups",
    carrier: "UPS",
    service: "Ground",
    serviceName: "UPS Ground",
    baseCents: 845,
    centsPerLb: 95,
    deliveryDays: 4,
  },
  {
    carrierAccountId: "ca_fake_ups",
    carrier: "UPS",
    service: "2ndDayAir",
    serviceName: "UPS 2nd Day Air",
    baseCents: 1890,
    centsPerLb: 210,
    deliveryDays: 2,
  },
  {
    carrierAccountId: "ca_fake_ups",
    carrier: "UPS",
    service: "NextDayAir",
    serviceName: "UPS Next Day Air",
    baseCents: 3650,
    centsPerLb: 380,
    deliveryDays: 1,
  },
  {
    carrierAccountId: "ca_fake_usps",
    carrier: "USPS",
    service: "GroundAdvantage",
    serviceName: "USPS Ground Advantage",
    baseCents: 590,
    centsPerLb: 70,
    deliveryDays: 5,
  },
  {
    carrierAccountId: "ca_fake_usps",
    carrier: "USPS",
    service: "Priority",
    serviceName: "USPS Priority Mail",
    baseCents: 920,
    centsPerLb: 110,
    deliveryDays: 3,
  },
];

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;
const error = (status: number, code: string, message: string, errors: unknown[] = []) => ({
  status,
  body: { error: { code, message, errors } },
});

const ERRORS = {
  401: () => error(401, "APIKEY.INACTIVE", "The API key provided is not active."),
  422: () =>
    error(422, "ADDRESS.VERIFY.FAILURE", "Address not found", [
      { field: "address", message: "Address not found", suggestion: null },
      { field: "street1", message: "House number is missing", suggestion: null },
    ]),
  429: () => error(429, "RATE_LIMITED", "You have made too many requests. Please wait and try again."),
  500: () => error(500, "INTERNAL_SERVER_ERROR", "We're sorry, something went wrong."),
} as const;

export class EasyPostFake extends CarrierApiFake {
  keys = new Set([EASYPOST_FAKE_KEY]);
  accounts = EASYPOST_FAKE_ACCOUNTS.map((a) => ({ ...a }));
  rateRows: FakeRateRow[] = EASYPOST_FAKE_RATES.map((r) => ({ ...r }));
  /** Address checks, purchases, trackers, webhooks and refunds (easypost-label-routes.ts). */
  labels = newEasyPostLabelState();
  private labelRoutes = easyPostLabelRoutes(this.labels, () => this.url);

  constructor() {
    super((fake, request) => (fake as EasyPostFake).answer(request));
  }

  /** What the SDK's `baseUrl` must be (EasyPost's paths are under /v2/). */
  get baseUrl() {
    return `${this.url}/v2/`;
  }

  private answer(request: RecordedRequest): { status: number; body: unknown } {
    // Label files are public URLs (like EasyPost's own), served without the key.
    if (request.path.startsWith("/labels/")) return this.labelRoutes(request)!;
    const key = basicUser(request.authorization);
    if (!key || !this.keys.has(key)) return ERRORS[401]();
    const forced = this.behaviour.answer;
    if (forced !== "OK" && forced !== "NO_ANSWER") return ERRORS[forced]();
    const path = request.path.split("?")[0];
    const labelAnswer = this.labelRoutes(request);
    if (labelAnswer) return labelAnswer;
    if (request.method === "GET" && path === "/v2/carrier_accounts")
      return { status: 200, body: this.accounts };
    if (request.method === "POST" && path === "/v2/shipments") {
      const parsed = ShipmentBody.safeParse(request.body);
      if (!parsed.success) return invalidParams(parsed.error);
      const s = parsed.data.shipment;
      if (s.to_address.zip === "00000") return ERRORS[422]();
      const shipment = { ...s, ...this.rated("Shipment", s, [s.parcel], s.carrier_accounts) };
      this.labels.created.set(shipment.id, shipment);
      return { status: 201, body: shipment };
    }
    if (request.method === "POST" && path === "/v2/orders") {
      const parsed = OrderBody.safeParse(request.body);
      if (!parsed.success) return invalidParams(parsed.error);
      const o = parsed.data.order;
      if (o.to_address.zip === "00000") return ERRORS[422]();
      const parcels = o.shipments.map((s) => s.parcel);
      const order = { ...o, ...this.rated("Order", o, parcels, o.carrier_accounts) };
      this.labels.created.set(order.id, order);
      return { status: 201, body: order };
    }
    return error(404, "NOT_FOUND", "The requested resource could not be found.");
  }

  private rated(
    object: "Shipment" | "Order",
    request: { from_address: unknown; to_address: unknown },
    parcels: { weight: number }[],
    carrierAccounts: string[] | undefined,
  ) {
    const objectId = id(object === "Shipment" ? "shp" : "order");
    const pounds = startedPounds(parcels.map((p) => p.weight));
    const accounts = carrierAccounts?.length ? carrierAccounts : this.accounts.map((a) => a.id);
    const answering = this.behaviour.partialRates ? accounts.slice(0, 1) : accounts;
    const now = new Date().toISOString();
    const rates = this.rateRows
      .filter((r) => answering.includes(r.carrierAccountId))
      .map((r) => {
        const cents = (r.baseCents + r.centsPerLb * (pounds - 1)) * parcels.length;
        return {
          id: id("rate"),
          object: "Rate",
          mode: "test",
          service: r.service,
          carrier: r.carrier,
          carrier_account_id: r.carrierAccountId,
          shipment_id: objectId,
          rate: centsToDecimal(cents),
          currency: "USD",
          retail_rate: centsToDecimal(Math.round(cents * 1.3)),
          retail_currency: "USD",
          list_rate: centsToDecimal(Math.round(cents * 1.15)),
          list_currency: "USD",
          delivery_days: r.deliveryDays,
          delivery_date: null,
          delivery_date_guaranteed: false,
          created_at: now,
          updated_at: now,
        };
      });
    const messages = accounts
      .filter((a) => !answering.includes(a))
      .map((a) => ({
        carrier: this.accounts.find((x) => x.id === a)?.readable ?? "Unknown",
        carrier_account_id: a,
        type: "rate_error",
        message: "Unable to retrieve rates at this time. Please try again later.",
      }));
    return {
      id: objectId,
      object,
      mode: "test",
      from_address: request.from_address,
      to_address: request.to_address,
      ...(object === "Shipment"
        ? { parcel: { id: id("prcl"), object: "Parcel", ...parcels[0] } }
        : {
            shipments: parcels.map((p) => ({
              id: id("shp"),
              object: "Shipment",
              parcel: { object: "Parcel", ...p },
            })),
          }),
      rates,
      messages,
      created_at: now,
      updated_at: now,
    };
  }
}

function invalidParams(issues: z.ZodError) {
  return error(
    422,
    "PARAMETER.INVALID",
    "Wrong parameter type.",
    issues.issues.map((i) => ({ field: i.path.join("."), message: i.message })),
  );
}

function basicUser(header: string | undefined): string | null {
  const match = /^Basic (.+)$/.exec(header ?? "");
  if (!match) return null;
  return Buffer.from(match[1], "base64").toString("utf8").split(":")[0] || null;
}

export async function startEasyPostFake(): Promise<EasyPostFake> {
  return new EasyPostFake().start();
}
