// The date range of the home analytics (`?range=7|30|90|all|custom&from=YYYY-MM-DD&to=YYYY-MM-DD`): every chart
// and table of the page counts only what happened in it. Pure: the caller passes the clock.

export const RANGE_PRESETS = ["7", "30", "90"] as const;
export type RangeKey = (typeof RANGE_PRESETS)[number] | "custom" | "all";

export interface AnalyticsRange {
  key: RangeKey;
  /** Inclusive start (UTC midnight of the first day). */
  from: Date;
  /** Exclusive end (UTC midnight after the last day). */
  to: Date;
  /** The first and last day, "YYYY-MM-DD" (the form's values). */
  fromDay: string;
  toDay: string;
}

/** The range a page opens with. */
export const DEFAULT_RANGE: (typeof RANGE_PRESETS)[number] = "30";
/** The longest custom range (about two years): the queries stay bounded. */
const MAX_CUSTOM_DAYS = 750;
const MS_PER_DAY = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const dayStart = (instant: Date) => Math.floor(instant.getTime() / MS_PER_DAY) * MS_PER_DAY;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const parseDay = (text: string | null): number | null => {
  if (!text || !DAY.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(ms) && isoDay(ms) === text ? ms : null;
};

function preset(key: (typeof RANGE_PRESETS)[number], now: Date): AnalyticsRange {
  const end = dayStart(now) + MS_PER_DAY;
  const start = end - Number(key) * MS_PER_DAY;
  return {
    key,
    from: new Date(start),
    to: new Date(end),
    fromDay: isoDay(start),
    toDay: isoDay(end - MS_PER_DAY),
  };
}

/**
 * The range of a request: the last 7, 30 or 90 days including today, `all` (all time), or `custom` from `from`
 * to `to` (days, both included; swapped when given in reverse). Anything else, or a custom range with a missing or impossible
 * day, is the default 30 days.
 */
export function parseAnalyticsRange(params: URLSearchParams, now: Date): AnalyticsRange {
  const key = params.get("range");
  if (key === "all") {
    // Everything (the learned lanes as learned): the range's bounds only bracket any stored instant.
    return { key, from: new Date(0), to: new Date(8.64e15), fromDay: "", toDay: "" };
  }
  if (key === "custom") {
    const a = parseDay(params.get("from"));
    const b = parseDay(params.get("to"));
    if (a !== null && b !== null) {
      const [first, last] = a <= b ? [a, b] : [b, a];
      if ((last - first) / MS_PER_DAY < MAX_CUSTOM_DAYS)
        return {
          key: "custom",
          from: new Date(first),
          to: new Date(last + MS_PER_DAY),
          fromDay: isoDay(first),
          toDay: isoDay(last),
        };
    }
  }
  return preset((RANGE_PRESETS as readonly string[]).includes(key ?? "") ? (key as "7") : DEFAULT_RANGE, now);
}

/** A Prisma date filter for the range. */
export const inRange = (range: AnalyticsRange) => ({ gte: range.from, lt: range.to });
