import type { PrismaClient } from "@prisma/client";
import type { CalendarRegion, CalendarWindow } from "../../contracts/appointments";
import { listAppointmentCalendars, saveAppointmentCalendar, upcomingBookings } from "./calendar-store.server";

// The admin's calendar form: one text area per list (regions, windows, blackout dates), a line per entry, parsed
// here with each bad line named; the whole calendar is then checked by the contract before anything is saved.

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export type FieldErrors = Record<string, string>;

/** "Mon-Fri", "Tue,Thu", "Sat" → ISO weekdays (1 = Monday). */
export function parseWeekdays(text: string): number[] | null {
  const out = new Set<number>();
  for (const part of text
    .toLowerCase()
    .split(/[,\s]+/)
    .filter(Boolean)) {
    const [from, to] = part.split("-").map((d) => DAYS.indexOf(d.slice(0, 3)));
    if (from === undefined || from < 0 || (to !== undefined && to < 0)) return null;
    for (let d = from; d <= (to ?? from); d++) out.add(d + 1);
  }
  return out.size ? [...out].sort() : null;
}

/** ISO weekdays → "Mon, Tue, Wed" (ranges of three or more as "Mon-Fri"). */
export function weekdaysText(days: readonly number[]): string {
  const sorted = [...days].sort();
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(
      j - i >= 2
        ? `${DAY_NAMES[sorted[i]! - 1]}-${DAY_NAMES[sorted[j]! - 1]}`
        : sorted
            .slice(i, j + 1)
            .map((d) => DAY_NAMES[d - 1])
            .join(", "),
    );
    i = j + 1;
  }
  return parts.join(", ");
}

const slug = (text: string, i: number) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 28) || `region-${i + 1}`;

/** "Texas: TX, 731; Mon-Fri" per line → regions, or the first bad line's error. */
export function parseRegions(text: string): { regions: CalendarRegion[] } | { error: string } {
  const regions: CalendarRegion[] = [];
  const lines = text.split("\n").map((l) => l.trim());
  for (const [i, line] of lines.entries()) {
    if (!line) continue;
    const m = /^([^:]+):([^;]+);(.+)$/.exec(line);
    if (!m) return { error: `line ${i + 1}: write "Name: ZIP3s or states; days", e.g. "Texas: TX; Mon-Fri"` };
    const places = m[2]!
      .split(/[,\s]+/)
      .filter(Boolean)
      .map((p) => p.toUpperCase());
    const bad = places.find((p) => !/^\d{3}$/.test(p) && !/^[A-Z]{2}$/.test(p));
    if (bad) return { error: `line ${i + 1}: "${bad}" is neither a ZIP3 prefix nor a state code` };
    const weekdays = parseWeekdays(m[3]!);
    if (!weekdays) return { error: `line ${i + 1}: days must be like "Mon-Fri" or "Tue, Thu"` };
    const label = m[1]!.trim();
    let id = slug(label, i);
    while (regions.some((r) => r.id === id)) id = `${id}-${i + 1}`;
    regions.push({
      id,
      label,
      zip3s: places.filter((p) => /^\d{3}$/.test(p)),
      states: places.filter((p) => /^[A-Z]{2}$/.test(p)),
      weekdays,
    });
  }
  return { regions };
}

/** "08:00-12:00 4" per line (start-end, deliveries) → windows, or the first bad line's error. */
export function parseWindows(text: string): { windows: CalendarWindow[] } | { error: string } {
  const windows: CalendarWindow[] = [];
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.trim();
    if (!line) continue;
    const m = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s+(\d+)$/.exec(line);
    if (!m) return { error: `line ${i + 1}: write "start-end deliveries", e.g. "08:00-12:00 4"` };
    const pad = (t: string) => t.padStart(5, "0");
    windows.push({
      id: `w${pad(m[1]!).replace(":", "")}`,
      start: pad(m[1]!),
      end: pad(m[2]!),
      seats: Number(m[3]),
    });
  }
  return { windows };
}

/** What the admin page shows per freight warehouse: the form's text values and how many deliveries are booked. */
export async function appointmentCalendarsPage(db: PrismaClient, shop: string, today: string) {
  const rows = await listAppointmentCalendars(db, shop);
  const booked = await upcomingBookings(db, shop, today);
  return rows.map(({ warehouse, calendar }) => ({
    warehouse,
    hasCalendar: calendar !== null,
    bookedFromToday: calendar ? (booked.get(calendar.id) ?? 0) : 0,
    values: {
      warehouseKey: warehouse.key,
      partnerName: calendar?.partnerName ?? "",
      timeZone: calendar?.rules.timeZone ?? warehouse.timeZone,
      regions: calendar
        ? calendar.rules.regions
            .map((r) => `${r.label}: ${[...r.states, ...r.zip3s].join(", ")}; ${weekdaysText(r.weekdays)}`)
            .join("\n")
        : "",
      windows: calendar
        ? calendar.rules.windows.map((w) => `${w.start}-${w.end} ${w.seats}`).join("\n")
        : "08:00-12:00 4\n12:00-17:00 4",
      blackoutDates: calendar ? calendar.rules.blackoutDates.join(", ") : "",
      horizonDays: String(calendar?.rules.horizonDays ?? 21),
      changeCutoffHours: String(calendar?.rules.changeCutoffHours ?? 48),
      active: calendar?.active ?? true,
    },
  }));
}

export type CalendarFormResult =
  | { ok: true; message: string; warehouseKey: string }
  | { ok: false; warehouseKey: string; errors: FieldErrors };

/** The page's action: parse the form's lines, validate the calendar, save it. Each error names its field. */
export async function saveCalendarForm(
  db: PrismaClient,
  shop: string,
  form: FormData,
): Promise<CalendarFormResult> {
  const text = (name: string) => String(form.get(name) ?? "");
  const warehouseKey = text("warehouseKey");
  const errors: FieldErrors = {};
  const regions = parseRegions(text("regions"));
  if ("error" in regions) errors.regions = regions.error;
  const windows = parseWindows(text("windows"));
  if ("error" in windows) errors.windows = windows.error;
  const blackoutDates = text("blackoutDates")
    .split(/[,\s]+/)
    .filter(Boolean);
  const badDay = blackoutDates.find((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d)));
  if (badDay) errors.blackoutDates = `"${badDay}" is not a date (YYYY-MM-DD)`;
  if (Object.keys(errors).length) return { ok: false, warehouseKey, errors };
  const saved = await saveAppointmentCalendar(db, shop, {
    warehouseKey,
    partnerName: text("partnerName"),
    timeZone: text("timeZone"),
    regions: "regions" in regions ? regions.regions : [],
    windows: "windows" in windows ? windows.windows : [],
    blackoutDates,
    horizonDays: Number(text("horizonDays")),
    changeCutoffHours: Number(text("changeCutoffHours")),
    active: form.get("active") === "on" || form.get("active") === "true",
  });
  if (saved.ok) return { ok: true, message: "Calendar saved", warehouseKey };
  for (const e of saved.errors) {
    const field = e.path.split(".")[0] || "form";
    errors[field] ??= e.path.includes(".") ? `${e.path.slice(field.length + 1)}: ${e.message}` : e.message;
  }
  return { ok: false, warehouseKey, errors };
}
