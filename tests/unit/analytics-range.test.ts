import { describe, expect, it } from "vitest";
import { parseAnalyticsRange } from "../../app/services/admin/analytics-range";

// The home analytics' date range from the page's URL (`?range=`), against a fixed clock.
const now = new Date("2026-12-06T15:30:00Z");
const parse = (query: string) => parseAnalyticsRange(new URLSearchParams(query), now);

describe("parseAnalyticsRange", () => {
  it("reads the presets as the last N days including today", () => {
    // GIVEN ?range=7 WHEN it is read THEN the range runs from six days ago to the end of today
    expect(parse("range=7")).toMatchObject({
      key: "7",
      fromDay: "2026-11-30",
      toDay: "2026-12-06",
      from: new Date("2026-11-30T00:00:00Z"),
      to: new Date("2026-12-07T00:00:00Z"),
    });
    expect(parse("range=90").fromDay).toBe("2026-09-08");
  });

  it("reads a custom range with both days included, in either order", () => {
    // GIVEN a custom range given backwards WHEN it is read THEN it covers both days
    expect(parse("range=custom&from=2026-10-31&to=2026-10-01")).toMatchObject({
      key: "custom",
      from: new Date("2026-10-01T00:00:00Z"),
      to: new Date("2026-11-01T00:00:00Z"),
    });
  });

  it("falls back to the last 30 days on anything else", () => {
    // GIVEN no range, an unknown one, a custom range missing a day, an impossible day, one of a decade
    // WHEN each is read THEN it is the default
    for (const query of [
      "",
      "range=365",
      "range=custom&from=2026-10-01",
      "range=custom&from=2026-02-30&to=2026-03-01",
      "range=custom&from=2016-01-01&to=2026-01-01",
    ])
      expect(parse(query)).toMatchObject({ key: "30", fromDay: "2026-11-07", toDay: "2026-12-06" });
  });

  it("has an all-time choice", () => {
    expect(parse("range=all").key).toBe("all");
  });
});
