// The bench's varied mix (bench/lib/varied-mix.ts) must stay what docs/performance.md says it is: distinct
// requests (so no memo of whole requests could flatter the figure), valid CarrierService bodies, every kind of
// destination, and some freight.
import { describe, expect, it } from "vitest";
import { CarrierServiceRequest } from "../../app/contracts/carrier-service";
import { variedMix } from "../../bench/lib/varied-mix";

describe("bench varied mix", () => {
  const mix = variedMix();

  it("is 3,000 distinct, valid CarrierService requests with distinct destination ZIPs", () => {
    // GIVEN the default mix WHEN serialised THEN no two bodies or ZIPs repeat, and each parses
    expect(mix).toHaveLength(3000);
    expect(new Set(mix.map((m) => JSON.stringify(m.body))).size).toBe(3000);
    const zips = mix.map((m) => CarrierServiceRequest.parse(m.body).rate.destination.postal_code);
    expect(new Set(zips).size).toBe(3000);
  });

  it("covers urban, rural, PO box and AK/HI/PR destinations, 1–6 line carts and some freight", () => {
    const kinds = new Set(mix.map((m) => m.kind));
    expect([...kinds].sort()).toEqual(["noncontiguous", "po-box", "rural", "urban"]);
    const lineCounts = new Set(mix.map((m) => CarrierServiceRequest.parse(m.body).rate.items.length));
    expect(Math.min(...lineCounts)).toBe(1);
    expect(Math.max(...lineCounts)).toBe(6);
    expect(mix.some((m) => m.freight)).toBe(true);
    expect(mix.filter((m) => m.freight).length).toBeLessThan(mix.length / 4);
  });

  it("is the same in every run (seeded)", () => {
    expect(JSON.stringify(variedMix(50))).toBe(JSON.stringify(variedMix(50)));
  });
});
