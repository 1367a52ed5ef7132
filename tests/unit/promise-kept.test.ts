import { describe, expect, it } from "vitest";
import { parsePagePromise } from "../../app/contracts/storefront-promise";
import { promiseKept, type PromiseKeptOrder } from "../../app/services/storefront/promise-kept";

// "Product-page promise kept": an order delivered (all its shipments) on or before the latest day the product page
// showed for the tier the buyer chose at checkout, judged on the buyer's calendar.
const LA = "America/Los_Angeles";
const shown = (to: string, code = "TR_STANDARD") => ({
  v: 1 as const,
  at: "2026-12-01T18:00:00Z",
  zip: "90012",
  speeds: [
    { code: "TR_EXPRESS", from: "2026-12-02", to: "2026-12-02" },
    { code, from: "2026-12-03", to },
  ],
});
const order = (over: Partial<PromiseKeptOrder>): PromiseKeptOrder => ({
  serviceCode: "TR_STANDARD",
  pagePromise: shown("2026-12-04"),
  shipments: [{ deliveredAt: new Date("2026-12-04T20:00:00Z"), timeZone: LA }],
  ...over,
});

describe("promiseKept", () => {
  it("counts an evening delivery on the promised day in Los Angeles as kept (after UTC midnight)", () => {
    // GIVEN a delivery at 7 p.m. Pacific on Dec 4 (03:00 UTC Dec 5), promised by Dec 4
    const evening = order({ shipments: [{ deliveredAt: new Date("2026-12-05T03:00:00Z"), timeZone: LA }] });
    // WHEN the share is computed THEN it is kept
    expect(promiseKept([evening])).toEqual({ promised: 1, kept: 1, percent: 100 });
  });

  it("judges the tier chosen at checkout, and the order by its last shipment", () => {
    // GIVEN an order of two shipments, the second delivered the day after the window shown for Standard
    const split = order({
      shipments: [
        { deliveredAt: new Date("2026-12-03T18:00:00Z"), timeZone: LA },
        { deliveredAt: new Date("2026-12-05T18:00:00Z"), timeZone: LA },
      ],
    });
    // …and an Express order delivered Dec 3, a day after the Express window shown
    const express = order({
      serviceCode: "TR_EXPRESS",
      shipments: [{ deliveredAt: new Date("2026-12-03T18:00:00Z"), timeZone: LA }],
    });
    // WHEN the share is computed THEN neither is kept, and a kept one makes it one of three
    expect(promiseKept([split, express, order({})])).toEqual({ promised: 3, kept: 1, percent: 33.3 });
  });

  it("leaves out orders not yet delivered, with no page promise, or whose tier the page did not show", () => {
    // GIVEN an order still in transit, one without a promise, and one at a tier the page did not list
    const orders = [
      order({ shipments: [{ deliveredAt: null, timeZone: LA }] }),
      order({ pagePromise: null }),
      order({ serviceCode: "TR_FREIGHT_THRESHOLD" }),
    ];
    // WHEN the share is computed THEN there is none to judge
    expect(promiseKept(orders)).toEqual({ promised: 0, kept: 0, percent: null });
  });
});

describe("parsePagePromise (the _tailroute_promise cart attribute)", () => {
  it("reads what the block writes and refuses what a buyer could forge", () => {
    // GIVEN the attribute's text as the block writes it, and malformed ones
    const written = JSON.stringify(shown("2026-12-04"));
    // WHEN each is parsed THEN only the well-formed one is a promise
    expect(parsePagePromise(written)?.speeds[1].to).toBe("2026-12-04");
    expect(parsePagePromise("not json")).toBeNull();
    expect(parsePagePromise(JSON.stringify({ ...shown("2026-12-04"), v: 2 }))).toBeNull();
    expect(parsePagePromise(JSON.stringify(shown("next week")))).toBeNull();
    expect(parsePagePromise(undefined)).toBeNull();
  });
});
