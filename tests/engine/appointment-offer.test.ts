import { describe, expect, it } from "vitest";
import {
  appointmentOffer,
  isBeforeCutoff,
  regionFor,
  type CalendarRules,
} from "../../app/engine/appointments";
import { compileCalendar } from "../../app/engine/transit";

// Which freight delivery days and windows a buyer may book (pure engine): the region's weekdays from the plan's first
// day or today + lead days, minus blackouts, full windows and windows inside the change cut-off.

const calendar: CalendarRules = {
  timeZone: "America/Chicago",
  regions: [
    { id: "okc", label: "Oklahoma City", zip3s: ["731"], states: [], weekdays: [2, 4] },
    { id: "ok", label: "Oklahoma", zip3s: [], states: ["OK"], weekdays: [3] },
    { id: "tx", label: "Texas", zip3s: [], states: ["TX"], weekdays: [1, 2, 3, 4, 5] },
  ],
  windows: [
    { id: "pm", start: "12:00", end: "17:00", seats: 2 },
    { id: "am", start: "08:00", end: "12:00", seats: 3 },
  ],
  blackoutDates: ["2026-12-25"],
  horizonDays: 14,
  changeCutoffHours: 48,
};
const federal = compileCalendar({ federal: "ALL" });
const offer = (over: Partial<Parameters<typeof appointmentOffer>[0]> = {}) =>
  appointmentOffer({
    calendar,
    zip: "75201",
    state: "TX",
    earliestDay: "2026-12-21",
    leadDays: 2,
    serviceCalendar: federal,
    now: new Date("2026-12-08T15:00:00Z"),
    booked: new Map(),
    ...over,
  });

describe("appointment offer", () => {
  it("picks the region by ZIP3 before the state", () => {
    expect(regionFor(calendar, "73102", "OK")?.id).toBe("okc");
    expect(regionFor(calendar, "74101", "OK")?.id).toBe("ok");
    expect(regionFor(calendar, "10001", "NY")).toBeNull();
    expect(offer({ zip: "10001", state: "NY" })).toEqual({ ok: false, reason: "NO_REGION" });
  });

  it("offers the region's weekdays from the plan's first day, windows in time order, Christmas left out", () => {
    // WHEN a Dallas order whose plan allows Monday Dec 21 at the earliest asks for days (14-day horizon)
    const result = offer();
    if (!result.ok) throw new Error("no region");
    // THEN weekdays from Dec 21 to Jan 4, without Dec 25, each with the morning window first
    expect(result.firstDay).toBe("2026-12-21");
    expect(result.days.map((d) => d.day)).toEqual([
      "2026-12-21",
      "2026-12-22",
      "2026-12-23",
      "2026-12-24",
      "2026-12-28",
      "2026-12-29",
      "2026-12-30",
      "2026-12-31",
      "2027-01-01",
      "2027-01-04",
    ]);
    expect(result.days[0]!.windows.map((w) => [w.id, w.seatsLeft])).toEqual([
      ["am", 3],
      ["pm", 2],
    ]);
  });

  it("starts at today + the lead days when the plan's day has passed, and drops windows inside the cut-off", () => {
    // GIVEN it is already Tuesday Dec 22, 10:00 in Dallas and the plan said Dec 14
    const result = offer({ earliestDay: "2026-12-14", now: new Date("2026-12-22T16:00:00Z") });
    if (!result.ok) throw new Error("no region");
    // THEN the first day is Thursday Dec 24 (two business days on), whose morning is inside the 48 h cut-off
    expect(result.firstDay).toBe("2026-12-24");
    expect(result.days[0]).toEqual({
      day: "2026-12-24",
      windows: [{ id: "pm", start: "12:00", end: "17:00", seatsLeft: 2 }],
    });
  });

  it("leaves out full windows but keeps the buyer's own seat free for them", () => {
    const booked = new Map([
      ["2026-12-21|pm", 2],
      ["2026-12-21|am", 3],
    ]);
    const full = offer({ booked });
    expect(full.ok && full.days[0]!.day).toBe("2026-12-22");
    const mine = offer({ booked, current: { day: "2026-12-21", windowId: "pm" } });
    expect(mine.ok && mine.days[0]).toEqual({
      day: "2026-12-21",
      windows: [{ id: "pm", start: "12:00", end: "17:00", seatsLeft: 1 }],
    });
  });

  it("cut-off: a window may change until 48 hours before it starts, wall clock in the calendar's zone", () => {
    expect(isBeforeCutoff(calendar, "2026-12-14", "08:00", new Date("2026-12-12T13:59:00Z"))).toBe(true);
    expect(isBeforeCutoff(calendar, "2026-12-14", "08:00", new Date("2026-12-12T14:00:00Z"))).toBe(false);
  });
});
