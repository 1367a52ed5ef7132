import { describe, expect, it } from "vitest";
import { addBusinessDays, compileCalendar, formatDay, localNow, parseDay, shipDay } from "../../app/engine";
import { deliveryDays, laneTransit } from "../../app/engine/transit";
import type { LaneStat } from "../../app/engine/types";

const usps = compileCalendar({ federal: "ALL" });
const ups = compileCalendar({
  federal: [
    "New Year's Day",
    "Memorial Day",
    "Independence Day",
    "Labor Day",
    "Thanksgiving Day",
    "Christmas Day",
  ],
});
const day = parseDay;

describe("calendars", () => {
  it("closes weekends and the carrier's holidays only", () => {
    expect(usps.isClosed(day("2026-11-28"))).toBe(true); // Saturday
    expect(usps.isClosed(day("2026-11-26"))).toBe(true); // Thanksgiving
    expect(usps.isClosed(day("2026-11-11"))).toBe(true); // Veterans Day: USPS closed
    expect(ups.isClosed(day("2026-11-11"))).toBe(false); // UPS works Veterans Day
    expect(ups.isClosed(day("2026-12-25"))).toBe(true);
    expect(usps.isClosed(day("2026-11-27"))).toBe(false); // Black Friday
  });

  it("skips weekends and holidays when adding business days", () => {
    // GIVEN Wednesday before Thanksgiving / WHEN adding 2 USPS business days
    // THEN Thursday (holiday) and the weekend are skipped → Monday
    expect(formatDay(addBusinessDays(usps, day("2026-11-25"), 2))).toBe("2026-11-30");
  });
});

describe("ship day", () => {
  it("ships today before the cutoff and the next open day after it", () => {
    // GIVEN 10:00 and 15:00 in New York on Tuesday 2026-11-24, cutoff 14:00
    const before = localNow(new Date("2026-11-24T15:00:00Z"), "America/New_York");
    const after = localNow(new Date("2026-11-24T20:00:00Z"), "America/New_York");
    expect(before.minutes).toBe(600);
    // WHEN computing the ship day / THEN same day vs. next day
    expect(formatDay(shipDay(before, 14 * 60, 0, ups))).toBe("2026-11-24");
    expect(formatDay(shipDay(after, 14 * 60, 0, ups))).toBe("2026-11-25");
  });

  it("reads the cutoff in the warehouse's own time zone", () => {
    // GIVEN 21:30 UTC = 15:30 in Dallas (past a 15:00 cutoff) but 13:30 in Ontario CA (before 14:00)
    const now = new Date("2026-11-24T21:30:00Z");
    expect(formatDay(shipDay(localNow(now, "America/Chicago"), 15 * 60, 0, ups))).toBe("2026-11-25");
    expect(formatDay(shipDay(localNow(now, "America/Los_Angeles"), 14 * 60, 0, ups))).toBe("2026-11-24");
  });

  it("adds handling days and skips to Monday from a weekend", () => {
    const saturday = localNow(new Date("2026-11-28T15:00:00Z"), "America/New_York");
    expect(formatDay(shipDay(saturday, 14 * 60, 0, ups))).toBe("2026-11-30");
    expect(formatDay(shipDay(saturday, 14 * 60, 1, ups))).toBe("2026-12-01");
  });
});

describe("delivery window", () => {
  it("adds transit and the freight appointment lead time in business days", () => {
    const ship = day("2026-12-01"); // Tuesday
    const parcel = deliveryDays(ship, { min: 2, max: 4 }, 0, ups);
    expect([formatDay(parcel.minDay), formatDay(parcel.maxDay)]).toEqual(["2026-12-03", "2026-12-07"]);
    const freight = deliveryDays(ship, { min: 2, max: 4 }, 2, ups);
    expect([formatDay(freight.minDay), formatDay(freight.maxDay)]).toEqual(["2026-12-07", "2026-12-09"]);
  });

  it("replaces the table with lane statistics once there are enough samples", () => {
    const stat: LaneStat = {
      warehouseId: "w",
      serviceId: "s",
      destZip3: "752",
      samples: 40,
      p50Days: 2,
      p90Days: 3.2,
      onTimeRate: 0.9,
    };
    expect(laneTransit({ min: 3, max: 5 }, stat, 20)).toEqual({
      min: 2,
      max: 4,
      source: "LANE_STATS",
      onTimeRate: 0.9,
      samples: 40,
    });
    expect(laneTransit({ min: 3, max: 5 }, { ...stat, samples: 5 }, 20)).toMatchObject({
      min: 3,
      max: 5,
      source: "TABLE",
    });
  });
});
