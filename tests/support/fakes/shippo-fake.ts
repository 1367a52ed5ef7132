import { randomBytes } from "node:crypto";
import { z } from "zod";
import {
  CarrierApiFake,
  centsToDecimal,
  startedPounds,
  type FakeRateRow,
  type RecordedRequest,
} from "./carrier-api-fake";
import { newShippoLabelState, shippoLabelRoutes } from "./shippo-label-routes";

// A fake Shippo API (docs.goshippo.com; shapes cited in docs/carriers.md) that the official `shippo` SDK talks to
// over HTTP: point the SDK's `serverURL` at `fake.url`.
//   POST /shipments {address_from,address_to,parcels[],async:false,carrier_accounts?} → 201 Shipment with rates[]
//   GET  /carrier_accounts?service_levels=true → 200 {results:[CarrierAccount with service_levels]}
// Authentication: `Authorization: ShippoToken <token>`; an unknown token gets the documented 401
// {"detail":"Token does not exist"}. 429 and 5xx carry {"detail": …}; 400/422 name the fields
// ({"address_to": ["…"]}, the Django REST style the API answers with: an assumption the docs do not spell out).
// Every answer carries the fields the SDK's response schema requires, so the SDK accepts it.

const Address = z.looseObject({ zip: z.string().min(1), country: z.string().min(2) });
const Parcel = z.looseObject({
  weight: z.string().regex(/^\d+(\.\d+)?$/),
  mass_unit: z.enum(["g", "kg", "lb", "oz"]),
  length: z.string(),
  width: z.string(),
  height: z.string(),
  distance_unit: z.enum(["cm", "in", "ft", "m", "mm", "yd"]),
});
const ShipmentBody = z.looseObject({
  address_from: Address,
  address_to: Address,
  parcels: z.array(Parcel).min(1),
  async: z.boolean().optional(),
  carrier_accounts: z.array(z.string()).optional(),
});

export const SHIPPO_FAKE_TOKEN = "shippo_test_fake0000000000000000000000001";
const OWNER = "merchant@example.com";

export const SHIPPO_FAKE_ACCOUNTS = [
  {
    account_id: "shippo_usps_account",
    carrier: "usps",
    carrier_name: "USPS",
    is_shippo_account: true,
    object_id: "b1a6f0b0c1d34a6e9e5d5b0f0a0c0001",
    service_levels: [
      { name: "Ground Advantage", token: "usps_ground_advantage", supports_return_labels: true },
      { name: "Priority Mail", token: "usps_priority", supports_return_labels: true },
    ],
  },
  {
    account_id: "A1B2C3",
    carrier: "ups",
    carrier_name: "UPS",
    is_shippo_account: false,
    object_id: "b1a6f0b0c1d34a6e9e5d5b0f0a0c0002",
    service_levels: [
      { name: "Ground", token: "ups_ground", supports_return_labels: true },
      { name: "2nd Day Air®", token: "ups_second_day_air", supports_return_labels: true },
    ],
  },
];

export const SHIPPO_FAKE_RATES: FakeRateRow[] = [
  {
    carrierAccountId: SHIPPO_FAKE_ACCOUNTS[0].object_id,
    carrier: "USPS",
    service: "usps_ground_advantage",
    serviceName: "Ground Advantage",
    baseCents: 575,
    centsPerLb: 68,
    deliveryDays: 5,
  },
  {
    carrierAccountId: SHIPPO_FAKE_ACCOUNTS[0].object_id,
    carrier: "USPS",
    service: "usps_priority",
    serviceName: "Priority Mail",
    baseCents: 905,
    centsPerLb: 105,
    deliveryDays: 3,
  },
  {
    carrierAccountId: SHIPPO_FAKE_ACCOUNTS[1].object_id,
    carrier: "UPS",
    service: "ups_ground",
    serviceName: "Ground",
    baseCents: 860,
    centsPerLb: 92,
    deliveryDays: 4,
  },
  {
    carrierAccountId: SHIPPO_FAKE_ACCOUNTS[1].object_id,
    carrier: "UPS",
    service: "ups_second_day_air",
    serviceName: "2nd Day Air®",
    baseCents: 1925,
    centsPerLb: 205,
    deliveryDays: 2,
  },
];

const objectId = () => randomBytes(16).toString("hex");
const OUNCES_PER = { oz: 1, lb: 16, g: 1 / 28.349523125, kg: 1000 / 28.349523125 } as const;

const ERRORS = {
  401: () => ({ status: 401, body: { detail: "Token does not exist" } }),
  422: () => ({
    status: 422,
    body: { address_to: ["The address could not be found: check street and ZIP."] },
  }),
  429: () => ({ status: 429, body: { detail: "Request was throttled." } }),
  500: () => ({ status: 500, body: { detail: "Internal server error." } }),
} as const;

export class ShippoFake extends CarrierApiFake {
  tokens = new Set([SHIPPO_FAKE_TOKEN]);
  accounts = SHIPPO_FAKE_ACCOUNTS.map((a) => ({ ...a }));
  rateRows: FakeRateRow[] = SHIPPO_FAKE_RATES.map((r) => ({ ...r }));
  /** Address validation, purchases, tracks, webhooks and refunds (shippo-label-routes.ts). */
  labels = newShippoLabelState();
  private labelRoutes = shippoLabelRoutes(this.labels);

  constructor() {
    super((fake, request) => (fake as ShippoFake).answer(request));
  }

  private answer(request: RecordedRequest): { status: number; body: unknown } {
    const token = /^ShippoToken (.+)$/.exec(request.authorization ?? "")?.[1];
    if (!token || !this.tokens.has(token)) return ERRORS[401]();
    const forced = this.behaviour.answer;
    if (forced !== "OK" && forced !== "NO_ANSWER") return ERRORS[forced]();
    const path = request.path.split("?")[0].replace(/\/$/, "");
    const labelAnswer = this.labelRoutes(request);
    if (labelAnswer) return labelAnswer;
    if (request.method === "GET" && path === "/carrier_accounts") {
      const withLevels = /service_levels=true/.test(request.path);
      return {
        status: 200,
        body: {
          results: this.accounts.map(({ service_levels, ...a }) => ({
            ...a,
            active: true,
            parameters: {},
            metadata: "",
            object_owner: OWNER,
            test: true,
            ...(withLevels ? { service_levels } : {}),
          })),
        },
      };
    }
    if (request.method === "POST" && path === "/shipments") {
      const parsed = ShipmentBody.safeParse(request.body);
      if (!parsed.success) {
        const fields: Record<string, string[]> = {};
        for (const i of parsed.error.issues) (fields[String(i.path[0] ?? "body")] ??= []).push(i.message);
        return { status: 400, body: fields };
      }
      if (parsed.data.address_to.zip === "00000") return ERRORS[422]();
      return { status: 201, body: this.shipment(parsed.data) };
    }
    return { status: 404, body: { detail: "Not found." } };
  }

  private shipment(s: z.infer<typeof ShipmentBody>) {
    const id = objectId();
    const now = new Date().toISOString();
    const ounces = s.parcels.map((p) => Number(p.weight) * OUNCES_PER[p.mass_unit]);
    const pounds = startedPounds(ounces);
    const accounts = s.carrier_accounts?.length ? s.carrier_accounts : this.accounts.map((a) => a.object_id);
    const answering = this.behaviour.partialRates ? accounts.slice(0, 1) : accounts;
    const rates = this.rateRows
      .filter((r) => answering.includes(r.carrierAccountId))
      .map((r) => {
        const amount = centsToDecimal((r.baseCents + r.centsPerLb * (pounds - 1)) * s.parcels.length);
        return {
          amount,
          amount_local: amount,
          currency: "USD",
          currency_local: "USD",
          attributes: [],
          carrier_account: r.carrierAccountId,
          duration_terms: `Delivery in ${r.deliveryDays} business days`,
          estimated_days: r.deliveryDays,
          object_created: now,
          object_id: objectId(),
          object_owner: OWNER,
          provider: r.carrier,
          servicelevel: { name: r.serviceName, token: r.service },
          shipment: id,
          test: true,
        };
      });
    const messages = accounts
      .filter((a) => !answering.includes(a))
      .map((a) => ({
        source: this.accounts.find((x) => x.object_id === a)?.carrier_name ?? "Unknown",
        code: "carrier_timeout",
        text: "The carrier did not respond. Please try again in a few minutes.",
      }));
    const address = (a: Record<string, unknown>) => ({ ...a, object_id: objectId(), is_complete: true });
    return {
      object_created: now,
      object_updated: now,
      object_id: id,
      object_owner: OWNER,
      status: "SUCCESS",
      address_from: address(s.address_from),
      address_to: address(s.address_to),
      parcels: s.parcels.map((p) => ({ ...p, object_id: objectId(), object_state: "VALID" })),
      carrier_accounts: s.carrier_accounts ?? [],
      metadata: "",
      rates,
      messages,
      test: true,
    };
  }
}

export async function startShippoFake(): Promise<ShippoFake> {
  return new ShippoFake().start();
}
