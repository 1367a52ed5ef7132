import { describe, expect, it } from "vitest";
import {
  CARRIER_CATALOGUE,
  catalogueEntry,
  catalogueServiceDefaults,
  type Sourced,
} from "../../app/engine/catalogue";
import { ShopConfigSchema } from "../../app/contracts/shop-config";

const figuresOf = (entry: (typeof CARRIER_CATALOGUE)[number]): [string, Sourced<unknown>][] => [
  ["limits.maxWeightLb", entry.limits.maxWeightLb],
  ["limits.maxLongestIn", entry.limits.maxLongestIn],
  ["limits.maxLengthPlusGirthIn", entry.limits.maxLengthPlusGirthIn],
  ["dim.divisor", entry.dim.divisor],
  ["dim.minCubicIn", entry.dim.minCubicIn],
  ["reach.poBox", entry.reach.poBox],
  ["reach.military", entry.reach.military],
  ["pickup", entry.pickup],
  ["transitByZone", entry.transitByZone],
  ["surcharges", entry.surcharges],
];

describe("the built-in carrier catalogue", () => {
  it("holds the services the onboarding offers, each id once", () => {
    // GIVEN the catalogue
    const ids = CARRIER_CATALOGUE.map((entry) => entry.id);
    // THEN ids are unique and the named carriers' services are all there
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining([
        "UPS_GROUND",
        "UPS_GROUND_SAVER",
        "UPS_3_DAY_SELECT",
        "UPS_2ND_DAY_AIR",
        "UPS_NEXT_DAY_AIR_SAVER",
        "FEDEX_GROUND",
        "FEDEX_HOME_DELIVERY",
        "FEDEX_GROUND_ECONOMY",
        "FEDEX_EXPRESS_SAVER",
        "FEDEX_2DAY",
        "FEDEX_STANDARD_OVERNIGHT",
        "USPS_GROUND_ADVANTAGE",
        "USPS_PRIORITY_MAIL",
        "USPS_PRIORITY_MAIL_EXPRESS",
        "AMAZON_SHIPPING_GROUND",
        "REGIONAL_GROUND",
        "LTL_FINAL_MILE",
      ]),
    );
  });

  it.each(CARRIER_CATALOGUE.map((entry) => [entry.id, entry] as const))(
    "%s has positive limits, a DIM divisor, transit for zones 1–8 and a source",
    (_id, entry) => {
      // THEN every limit and the divisor are positive numbers, the minimum cube is not negative
      expect(entry.limits.maxWeightLb.value).toBeGreaterThan(0);
      expect(entry.limits.maxLongestIn.value).toBeGreaterThan(0);
      expect(entry.limits.maxLengthPlusGirthIn.value).toBeGreaterThanOrEqual(entry.limits.maxLongestIn.value);
      expect(entry.dim.divisor.value).toBeGreaterThan(0);
      expect(entry.dim.minCubicIn.value).toBeGreaterThanOrEqual(0);
      // AND transit covers zones 1 to 8, each with 1 ≤ min ≤ max days
      expect(entry.transitByZone.value.map((row) => row.zone)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      for (const row of entry.transitByZone.value) {
        expect(row.minDays).toBeGreaterThanOrEqual(1);
        expect(row.maxDays).toBeGreaterThanOrEqual(row.minDays);
      }
      // AND it names at least one web source
      expect(entry.sources.length).toBeGreaterThan(0);
      for (const url of entry.sources) expect(url).toMatch(/^https?:\/\//);
    },
  );

  it("says for every figure whether it was checked: a checked one names one of its entry's sources, an unchecked one carries a note", () => {
    for (const entry of CARRIER_CATALOGUE)
      for (const [name, figure] of figuresOf(entry)) {
        const where = `${entry.id} ${name}`;
        if (figure.verified) expect(entry.sources, where).toContain(figure.source);
        else expect(figure.note.length, where).toBeGreaterThan(10);
      }
  });

  it("cites the carrier's own site for every figure marked checked", () => {
    // GIVEN the carriers' own domains (a template or LTL entry has no single carrier)
    const OWN_SITE: Record<string, RegExp> = {
      UPS: /(^|\.)ups\.com$/,
      FEDEX: /(^|\.)fedex\.com$/,
      USPS: /(^|\.)usps\.(com|gov)$/,
      AMAZON: /(^|\.)amazon\.com$/,
    };
    for (const entry of CARRIER_CATALOGUE)
      for (const [name, figure] of figuresOf(entry)) {
        if (!figure.verified) continue;
        // THEN a checked figure's page is on its carrier's site (a copy on another site stays unchecked, with a note)
        const site = OWN_SITE[entry.carrier];
        expect(
          site,
          `${entry.id} ${name}: checked, but no carrier site is known for ${entry.carrier}`,
        ).toBeDefined();
        expect(new URL(figure.source).hostname, `${entry.id} ${name}`).toMatch(site!);
      }
  });

  it("says for every service which surcharges it has, its pickup network and whether it reaches PO boxes and military addresses", () => {
    for (const entry of CARRIER_CATALOGUE) {
      expect(entry.surcharges.value.length, entry.id).toBeGreaterThan(0);
      expect(new Set(entry.surcharges.value).size, entry.id).toBe(entry.surcharges.value.length);
      expect(entry.pickup.value.label.trim(), entry.id).not.toBe("");
      expect(typeof entry.reach.poBox.value, entry.id).toBe("boolean");
      expect(typeof entry.reach.military.value, entry.id).toBe("boolean");
    }
  });

  it('names a template by its flag, never in its name (the picker adds "(template)" once)', () => {
    for (const entry of CARRIER_CATALOGUE) expect(entry.name, entry.id).not.toMatch(/template/i);
    expect(CARRIER_CATALOGUE.filter((entry) => entry.template).map((entry) => entry.id)).toEqual([
      "REGIONAL_GROUND",
      "LTL_FINAL_MILE",
    ]);
  });

  it("makes a freight service only of LTL, with final-mile levels", () => {
    const freight = CARRIER_CATALOGUE.filter((entry) => entry.mode === "FREIGHT");
    expect(freight.map((entry) => entry.id)).toEqual(["LTL_FINAL_MILE"]);
    expect(freight[0].freight?.levels.length).toBeGreaterThan(0);
  });

  it("starts a service from an entry with the entry's figures and zero-amount size surcharges, valid for the engine", () => {
    // GIVEN UPS Ground
    const defaults = catalogueServiceDefaults(catalogueEntry("UPS_GROUND")!);
    // THEN the row holds the published limits and divisor
    expect(defaults).toMatchObject({
      code: "UPS_GROUND",
      maxWeightLb: 150,
      maxLongestIn: 108,
      maxLengthPlusGirthIn: 165,
      dimDivisor: 139,
    });
    // AND size surcharges with the carrier's thresholds, no price
    expect(defaults.surcharges.map((rule) => rule.code)).toEqual(["ADDITIONAL_HANDLING", "LARGE_PACKAGE"]);
    expect(defaults.surcharges.every((rule) => rule.amount.cents === 0)).toBe(true);
    // AND with a rate card, every entry's defaults pass the engine's configuration contract
    for (const entry of CARRIER_CATALOGUE) {
      const d = catalogueServiceDefaults(entry);
      const parsed = ShopConfigSchema.shape.carrierServices.element.safeParse({
        id: d.code,
        carrier: d.carrier,
        name: d.name,
        mode: d.mode,
        tier: d.tier,
        dimDivisor: d.dimDivisor,
        dimMinCubicIn: d.dimMinCubicIn,
        limits: {
          maxWeightLb: d.maxWeightLb,
          maxLongestIn: d.maxLongestIn,
          maxLengthPlusGirthIn: d.maxLengthPlusGirthIn,
        },
        rateCard: {
          name: "card",
          basis: "PER_PACKAGE",
          zones: [1],
          breaks: [{ maxLb: 1, cents: [100] }],
          overLastBreakCentsPerLb: [0],
        },
        surcharges: d.surcharges,
        fuelBasisPoints: 0,
        holidays: { federal: "ALL" },
        transitByZone: d.transitByZone,
        reachesPoBox: d.reachesPoBox,
        reachesMilitary: d.reachesMilitary,
        ...(d.freight ? { freight: d.freight } : {}),
      });
      expect(parsed.success, `${entry.id}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it("knows no unknown id", () => {
    expect(catalogueEntry("NOPE")).toBeUndefined();
  });
});
