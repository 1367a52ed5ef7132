// zoneGaps: the zones a service reaches from a warehouse but cannot quote (no rate card column, no transit row), which
// the admin home lists so that a merchant learns it before a buyer in those areas sees no rate (docs/admin.md).
import { describe, expect, it } from "vitest";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { compileShopConfig, zoneGaps } from "../../app/engine";
import {
  demoParcelService as parcel,
  demoWithParcelService as withService,
  withoutHighestZone,
} from "../support/rate-card-cut";

describe("zone gaps", () => {
  it("are none in the demo shop, whose cards price every zone they reach", () => {
    expect(zoneGaps(compileShopConfig(demoShopConfig))).toEqual([]);
  });

  it("name the zone a rate card lacks, for each warehouse that reaches it, with the areas in it", () => {
    // GIVEN the parcel service's rate card without its highest zone
    const { card, dropped } = withoutHighestZone(parcel.rateCard);
    const config = withService((s) => ({ ...s, rateCard: card }));
    // WHEN the gaps are listed
    const gaps = zoneGaps(compileShopConfig(config));
    // THEN every gap is that zone of that service, a missing price, and there is one
    expect(gaps.length).toBeGreaterThan(0);
    expect(new Set(gaps.map((g) => `${g.serviceId} ${g.zone} ${g.missing}`))).toEqual(
      new Set([`${parcel.id} ${dropped} PRICE`]),
    );
    // AND each gap names the areas in the zone, as ZIP3s in order
    for (const gap of gaps) {
      expect(gap.zip3s.length).toBeGreaterThan(0);
      expect(gap.zip3s).toEqual([...gap.zip3s].sort());
    }
  });

  it("name a zone without a transit time", () => {
    const zone = parcel.transitByZone[0].zone;
    const gaps = zoneGaps(
      compileShopConfig(
        withService((s) => ({ ...s, transitByZone: s.transitByZone.filter((r) => r.zone !== zone) })),
      ),
    );
    expect(gaps.length).toBeGreaterThan(0);
    expect(new Set(gaps.map((g) => `${g.serviceId} ${g.zone} ${g.missing}`))).toEqual(
      new Set([`${parcel.id} ${zone} TRANSIT`]),
    );
  });
});
