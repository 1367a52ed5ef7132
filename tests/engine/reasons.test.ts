import { describe, expect, it } from "vitest";
import { compileShopConfig, quote } from "../../app/engine";
import { CARRIER_CATALOGUE } from "../../app/engine/catalogue";
import type { CarrierServiceConfig } from "../../app/engine/types";
import { demoWith, dest, input, line, V } from "./helpers";

// A reason names a service the way people do: "FedEx Ground", never "FEDEX FedEx Ground" or "UPS UPS Ground",
// whatever case the carrier code is written in.
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every reason the engine gives when `service` (carrier and name as given) is the shop's only service. */
function reasonsWithOnly(service: CarrierServiceConfig, carrier: string, name: string): string[] {
  const config = demoWith((c) => {
    c.carrierServices = c.carrierServices.map((s) =>
      s.id === service.id ? { ...s, carrier, name } : { ...s, enabled: false },
    );
  });
  const cart = service.mode === "FREIGHT" ? [line(V.sofa)] : [line(V.mug), line(V.tee)];
  const result = quote(compileShopConfig(config), input(cart, dest("10001")));
  expect(result.quotes.length, `${carrier} ${name} is quoted`).toBeGreaterThan(0);
  return result.quotes.flatMap((q) => q.reasons);
}

const demoServices = demoWith(() => {}).carrierServices;
// The demo's services as they are, and each built-in catalogue service's carrier and name on a demo service of its
// mode (the catalogue writes carriers as codes: "FEDEX" with "FedEx Ground").
const cases = [
  ...demoServices.map((s) => ({ service: s, carrier: s.carrier, name: s.name })),
  ...CARRIER_CATALOGUE.map((entry) => ({
    service: demoServices.find((s) => s.mode === entry.mode)!,
    carrier: entry.carrier,
    name: entry.name,
  })),
];

describe("reasons name each service once", () => {
  it.each(cases)("$carrier / $name", ({ service, carrier, name }) => {
    // GIVEN the service as the shop's only one WHEN a cart is quoted THEN no reason repeats its carrier
    const twice = new RegExp(`\\b${escape(carrier)}\\s+${escape(carrier)}\\b`, "i");
    for (const reason of reasonsWithOnly(service, carrier, name)) expect(reason).not.toMatch(twice);
  });
});
