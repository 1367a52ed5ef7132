import { describe, expect, it } from "vitest";
import { CarrierServiceRequest } from "../../../contracts/carrier-service";
import { zodIssuesText } from "../../../contracts/zod-issues";
import { variedMix } from "../../../../bench/lib/varied-mix";
import { CompiledCarrierServiceRequest } from "../request-schema";

type Body = { rate: Record<string, unknown> };
const item = (body: Body) => (body.rate.items as Record<string, unknown>[])[0];
const destination = (body: Body) => body.rate.destination as Record<string, unknown>;
/** A valid checkout's body with one change. */
const valid = (change: (body: Body) => void = () => {}) => {
  const body = structuredClone(variedMix(200)[0].body) as Body;
  change(body);
  return body;
};

// Bodies a checkout, a proxy or an attacker could send: every branch of the schema gets a wrong value.
const INVALID: [string, unknown][] = [
  ["not an object", "rates please"],
  ["null", null],
  ["no rate", {}],
  ["rate is an array", { rate: [] }],
  ["no items", valid((b) => delete b.rate.items)],
  ["items not an array", valid((b) => (b.rate.items = {}))],
  ["a fractional quantity", valid((b) => (item(b).quantity = 1.5))],
  ["a negative weight", valid((b) => (item(b).grams = -1))],
  ["a price as text", valid((b) => (item(b).price = "12.00"))],
  ["a variant id with letters", valid((b) => (item(b).variant_id = "12a"))],
  ["a fractional product id", valid((b) => (item(b).product_id = 1.5))],
  ["properties as text", valid((b) => (item(b).properties = "gift"))],
  ["requires_shipping as text", valid((b) => (item(b).requires_shipping = "yes"))],
  ["a numeric postal code", valid((b) => (destination(b).postal_code = 90210))],
  ["no destination", valid((b) => delete b.rate.destination)],
  ["no currency", valid((b) => delete b.rate.currency)],
  ["several wrong fields", valid((b) => Object.assign(item(b), { quantity: -2, price: null }))],
];

describe("the callback's compiled request schema", () => {
  it("parses every checkout of a varied mix to the same value as the runtime schema", () => {
    // GIVEN a thousand checkouts like the bench's mix (ZIPs of every kind, 1-6 lines, ids as numbers or null)
    for (const entry of variedMix(1000)) {
      const body = JSON.parse(JSON.stringify(entry.body));
      // WHEN both schemas parse the request
      const runtime = CarrierServiceRequest.safeParse(body);
      const compiled = CompiledCarrierServiceRequest.safeParse(body);
      // THEN the compiled one accepts it with exactly the same data
      expect(compiled).toEqual(runtime);
      expect(compiled.success).toBe(true);
    }
  });

  it("keeps unknown fields and normalises Shopify ids to text, as the contract says", () => {
    // GIVEN a request with a field the contract does not declare and ids as numbers and as digit strings
    const body = valid();
    body.rate.order_totals = { subtotal_price: "10.00" };
    (body.rate as Record<string, unknown>).newer_field = 1;
    item(body).variant_id = 123456789012;
    item(body).product_id = "42";
    // WHEN the compiled schema parses it
    const parsed = CompiledCarrierServiceRequest.parse(body);
    // THEN the unknown field is kept and both ids are strings
    expect((parsed.rate as Record<string, unknown>).newer_field).toBe(1);
    expect(parsed.rate.items[0].variant_id).toBe("123456789012");
    expect(parsed.rate.items[0].product_id).toBe("42");
  });

  it.each(INVALID)("refuses %s with the runtime schema's issues and reason", (_label, body) => {
    // WHEN both schemas parse an invalid body
    const runtime = CarrierServiceRequest.safeParse(body);
    const compiled = CompiledCarrierServiceRequest.safeParse(body);
    // THEN both refuse it with the same issues, so the callback's 400 gives the same reason
    expect(runtime.success).toBe(false);
    expect(compiled.success).toBe(false);
    expect(compiled.error!.issues).toEqual(runtime.error!.issues);
    expect(zodIssuesText(compiled.error!, { root: "body" })).toBe(
      zodIssuesText(runtime.error!, { root: "body" }),
    );
  });
});
