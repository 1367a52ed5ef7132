import { describe, expect, it } from "vitest";
import { carrierFormValues } from "../../app/components/carriers/carrier-form-values";
import { fieldError } from "../../app/components/form-kit";
import { choicesFrom } from "../../app/components/form-kit/choice-fields";
import { routingFormValues } from "../../app/components/routing/routing-form-values";
import { filtersActive, orderFiltersFrom } from "../../app/services/admin/orders.server";
import { directoryFiltersFrom } from "../../app/services/admin/pickup-form.server";
import { simulatorProducts } from "../../app/services/admin/simulator.server";
import { newWarehouseValues, warehouseEditValues } from "../../app/services/admin/warehouses.server";
import { WarehouseForm } from "../../app/contracts/admin-forms";

// The rules the admin pages used to carry inline, now in services and the form kit: each one on its own.

const params = (query: string) => new URLSearchParams(query);

describe("order log filters", () => {
  it("reads status, warehouse and mode from the query string", () => {
    // GIVEN a bookmarked filtered log WHEN its query is read THEN every filter is kept
    expect(orderFiltersFrom(params("status=FAILED&warehouse=dallas-tx&mode=FREIGHT"))).toEqual({
      status: "FAILED",
      warehouse: "dallas-tx",
      mode: "FREIGHT",
    });
  });

  it("drops empty and unknown values instead of failing, and says when none is set", () => {
    const filters = orderFiltersFrom(params("status=SHIPPED&warehouse=&mode=ROCKET"));
    expect(filters).toEqual({ status: undefined, warehouse: undefined, mode: undefined });
    expect(filtersActive(filters)).toBe(false);
    expect(filtersActive(orderFiltersFrom(params("warehouse=edison-nj")))).toBe(true);
  });
});

describe("pickup directory filters", () => {
  it("keeps a known network, the search and a positive page", () => {
    expect(directoryFiltersFrom(params("network=UPS_ACCESS_POINT&q=Elm&page=3"))).toEqual({
      network: "UPS_ACCESS_POINT",
      q: "Elm",
      page: 3,
    });
  });

  it("ignores an unknown network and a page that is no positive whole number", () => {
    for (const page of ["0", "-2", "abc", "1.5", ""])
      expect(directoryFiltersFrom(params(`network=DRONE&page=${page}`))).toEqual({
        network: undefined,
        q: "",
        page: 1,
      });
  });
});

describe("warehouse defaults", () => {
  it("starts a new warehouse on parcel and postal, every freight level ticked, active, unlinked", async () => {
    const values = newWarehouseValues();
    expect(values).toMatchObject({
      timeZone: "America/New_York",
      cutoffLocalTime: "14:00",
      handlingDays: 1,
      modes: ["EXPRESS_PARCEL", "POSTAL"],
      freightLevels: ["THRESHOLD", "ROOM_OF_CHOICE", "WHITE_GLOVE"],
      shopifyLocationId: null,
      active: true,
    });
    // "new" never reads the database (no client is needed to open the create page)
    expect(await warehouseEditValues(null as never, "any-shop.myshopify.com", "new")).toEqual(values);
  });

  it("is a valid warehouse once named and addressed (the defaults pass the contract)", () => {
    const parsed = WarehouseForm.safeParse({
      ...newWarehouseValues(),
      id: "reno-nv",
      name: "Reno NV",
      address: { address1: "1 Way", city: "Reno", state: "NV", zip: "89502", country: "US" },
    });
    expect(parsed.success).toBe(true);
  });
});

describe("simulator catalogue", () => {
  it("lists every profiled and every Shopify variant once, Shopify's title first", () => {
    const products = simulatorProducts(
      [
        { variantId: "1", title: "Mug (Shopify)" },
        { variantId: "3", title: "Lamp" },
      ],
      [
        { variantId: "1", name: "Mug (profile)" },
        { variantId: "2", name: "Sofa (profile only)" },
        { variantId: null, name: "No variant" },
      ],
    );
    expect(products).toEqual([
      { variantId: "1", title: "Mug (Shopify)" },
      { variantId: "2", title: "Sofa (profile only)" },
      { variantId: "3", title: "Lamp" },
    ]);
  });
});

describe("form kit", () => {
  it("shows a field's own error, else the first error under it (a list field names its bad entry)", () => {
    const data = {
      ok: false,
      errors: { "extraClosedDates.1": "expected YYYY-MM-DD", name: "enter a name", "peakWindows.0": "bad" },
    };
    expect(fieldError(data, "name")).toBe("enter a name");
    expect(fieldError(data, "extraClosedDates")).toBe("expected YYYY-MM-DD");
    expect(fieldError(data, "extraClosed")).toBeUndefined();
    expect(fieldError({ ok: true, message: "saved" }, "name")).toBeUndefined();
  });

  it("keeps a current value the choices no longer hold, once", () => {
    const zones = ["America/New_York", "America/Chicago"];
    const same = (z: string) => z;
    expect(choicesFrom(zones, same, same, { current: "Europe/Paris" }).map((c) => c.value)).toEqual([
      "America/New_York",
      "America/Chicago",
      "Europe/Paris",
    ]);
    expect(choicesFrom(zones, same, same, { current: "America/Chicago" })).toHaveLength(2);
  });

  it("turns stored cents into dollars inputs (empty when unset) on the carriers and routing forms", () => {
    const carrier = carrierFormValues({
      name: "UPS Ground",
      enabled: true,
      tier: "STANDARD",
      dimDivisor: 139,
      dimMinCubicIn: 0,
      maxWeightLb: 150,
      maxLongestIn: 108,
      maxLengthPlusGirthIn: 165,
      fuelPercent: 19,
      peakWindows: [{ from: "2026-11-23", to: "2027-01-17" }],
      peakCents: 100,
      federalHolidays: "ALL",
      extraClosedDates: ["2026-12-24", "2026-12-31"],
      warehouseKeys: ["dallas-tx"],
      markupPercent: null,
      markupFixedCents: 1250,
    });
    expect(carrier).toMatchObject({
      markupPercent: "",
      markupFixed: "12.50",
      peakWindows: "2026-11-23 2027-01-17",
      extraClosedDates: "2026-12-24\n2026-12-31",
    });
    const routing = routingFormValues({
      kind: "BALANCED",
      costTargetPercent: null,
      centsPerDay: 150,
      markupPercent: 0,
      markupFixedCents: 100,
      fallbackRates: { TR_EXPRESS: 2999, TR_STANDARD: null },
      remoteAreaZips: ["995", "996"],
      remoteAreaCents: 1550,
      parcelServices: 7,
      weightUnit: "LB",
      freightFromWeight: null,
      freightFromParcels: 4,
    } as unknown as Parameters<typeof routingFormValues>[0]);
    expect(routing).toMatchObject({
      costTargetPercent: "",
      dollarsPerDay: "1.50",
      markupFixed: "1.00",
      remoteAreaFee: "15.50",
      remoteAreaZips: "995\n996",
      freightFromParcels: "4",
      "fallback.TR_EXPRESS": "29.99",
      "fallback.TR_STANDARD": "",
    });
  });
});
