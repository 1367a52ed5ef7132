import { describe, expect, it } from "vitest";
import { compileShopConfig, quote } from "../../app/engine";
import type { Destination, ResidentialDefault } from "../../app/engine/types";
import { demoWith, dest, input, line, V } from "./helpers";

// Whether the residential surcharge applies when the checkout does not say: the shop's residentialDefault.
function residentialCharged(setting: ResidentialDefault | undefined, destination: Destination): boolean {
  // UPS Ground alone, so the cheapest service cannot dodge the surcharge.
  const config = demoWith((c) => {
    if (setting) c.residentialDefault = setting;
    c.carrierServices = c.carrierServices.map((s) => (s.id === "ups-ground" ? s : { ...s, enabled: false }));
  });
  const result = quote(compileShopConfig(config), input([line(V.mug)], destination));
  const [ground] = result.quotes;
  return ground.shipments.some((s) => s.surcharges.some((x) => x.code === "RESIDENTIAL"));
}

const home = dest("60601");
const office = dest("60601", { company: "Acme Corp" });

describe("the shop's residential default", () => {
  it("guesses from the company name when unset or GUESS_FROM_COMPANY (today's behaviour)", () => {
    expect(residentialCharged(undefined, home)).toBe(true);
    expect(residentialCharged(undefined, office)).toBe(false);
    expect(residentialCharged("GUESS_FROM_COMPANY", office)).toBe(false);
  });

  it("RESIDENTIAL charges the residential surcharge even with a company name", () => {
    expect(residentialCharged("RESIDENTIAL", office)).toBe(true);
  });

  it("COMMERCIAL never charges it for an address without a company name", () => {
    expect(residentialCharged("COMMERCIAL", home)).toBe(false);
  });

  it("yields to the checkout's own answer (Shopify's address_type)", () => {
    expect(residentialCharged("COMMERCIAL", dest("60601", { residential: true }))).toBe(true);
    expect(residentialCharged("RESIDENTIAL", dest("60601", { residential: false }))).toBe(false);
  });
});
