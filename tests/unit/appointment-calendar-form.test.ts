import { describe, expect, it } from "vitest";
import { AppointmentCalendarInputSchema } from "../../app/contracts/appointments";
import {
  parseRegions,
  parseWeekdays,
  parseWindows,
  weekdaysText,
} from "../../app/services/appointments/calendar-form.server";

// The admin's calendar form: a line per region or window, each bad line named; the contract refuses the rest.

describe("appointment calendar form", () => {
  it("reads regions by state and ZIP3 with their delivery days, and writes the days back the same way", () => {
    const parsed = parseRegions("Texas: TX; Mon-Fri\nOklahoma City: 731, 730; Tue, Thu");
    expect(parsed).toEqual({
      regions: [
        { id: "texas", label: "Texas", zip3s: [], states: ["TX"], weekdays: [1, 2, 3, 4, 5] },
        { id: "oklahoma-city", label: "Oklahoma City", zip3s: ["731", "730"], states: [], weekdays: [2, 4] },
      ],
    });
    expect(weekdaysText([1, 2, 3, 4, 5])).toBe("Mon-Fri");
    expect(weekdaysText([2, 4])).toBe("Tue, Thu");
    expect(parseWeekdays(weekdaysText([1, 3, 4, 5, 7]))).toEqual([1, 3, 4, 5, 7]);
  });

  it("names the bad line of regions and windows", () => {
    expect(parseRegions("Texas: TX; Mon-Fri\nNowhere: 7310; Mon")).toEqual({
      error: 'line 2: "7310" is neither a ZIP3 prefix nor a state code',
    });
    expect(parseRegions("Texas TX Mon-Fri")).toMatchObject({
      error: expect.stringMatching(/^line 1: write/),
    });
    expect(parseRegions("Texas: TX; Funday")).toMatchObject({
      error: expect.stringMatching(/^line 1: days/),
    });
    expect(parseWindows("8:00-12:00 4\n12:00-17:00")).toEqual({
      error: 'line 2: write "start-end deliveries", e.g. "08:00-12:00 4"',
    });
  });

  it("the contract refuses overlapping windows, a window ending before it starts and no region", () => {
    const base = {
      warehouseKey: "dallas-tx",
      timeZone: "America/Chicago",
      regions: [{ id: "tx", label: "Texas", zip3s: [], states: ["TX"], weekdays: [1] }],
      windows: [
        { id: "am", start: "08:00", end: "12:00", seats: 2 },
        { id: "pm", start: "11:00", end: "17:00", seats: 2 },
      ],
    };
    const issues = (input: unknown) =>
      AppointmentCalendarInputSchema.safeParse(input).error?.issues.map((i) => i.message);
    expect(issues(base)).toEqual(["windows overlap"]);
    expect(issues({ ...base, windows: [{ id: "x", start: "12:00", end: "08:00", seats: 1 }] })).toEqual([
      "the window must end after it starts",
    ]);
    expect(issues({ ...base, regions: [], windows: [base.windows[0]] })).toEqual(["add at least one region"]);
  });
});
