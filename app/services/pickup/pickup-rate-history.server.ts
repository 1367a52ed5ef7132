import type { PrismaClient } from "@prisma/client";

// The home page's "pickup rate over time" (docs/pickup-points.md, "Points buyers do not collect"): finished holds
// per week (collected, or sent back after the hold expired) by the week the hold started, and the day the shop's
// hold reminders started, so the merchant sees the rate before and after. Scoped to the shop.

const MS_PER_DAY = 86_400_000;
/** The longest history shown (two years of weeks): the query stays bounded. */
export const MAX_HISTORY_WEEKS = 104;

export interface PickupRateWeek {
  /** Monday of the week, "YYYY-MM-DD" (UTC). */
  week: string;
  collected: number;
  expired: number;
  /** Collected share of the week's finished holds, whole percent; null for a week without one. */
  ratePercent: number | null;
}

export interface PickupRateHistory {
  weeks: PickupRateWeek[];
  /** When the shop's hold reminders started (null: none yet). */
  remindersSince: string | null;
  /** Pickup rate of the finished holds before and after that day (null when a side has none). */
  before: number | null;
  after: number | null;
}

/** Monday 00:00 UTC of the instant's week. */
export function weekStart(instant: Date): number {
  const day = Math.floor(instant.getTime() / MS_PER_DAY) * MS_PER_DAY;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  return day - weekday * MS_PER_DAY;
}

const rate = (collected: number, expired: number) =>
  collected + expired === 0 ? null : Math.round((100 * collected) / (collected + expired));

/**
 * The day the shop's hold reminders started: the first pickup-hold reminder (`pickup_hold_expiring`) sent or fired
 * on any channel. Null until one went out.
 */
export async function remindersStartedAt(db: PrismaClient, shop: string): Promise<Date | null> {
  const first = await db.notification.findFirst({
    where: { shop, kind: "pickup_hold_expiring", status: "SENT" },
    orderBy: { sentAt: "asc" },
    select: { sentAt: true, createdAt: true },
  });
  return first ? (first.sentAt ?? first.createdAt) : null;
}

/**
 * Weekly pickup rate of the shop's finished holds in [from, to) (or, without a range, the last MAX_HISTORY_WEEKS
 * weeks up to `now`), with the before/after split at `remindersSince` (default: remindersStartedAt).
 */
export async function pickupRateHistory(
  db: PrismaClient,
  shop: string,
  options: { now: Date; range?: { from: Date; to: Date }; remindersSince?: Date | null },
): Promise<PickupRateHistory> {
  const to = options.range?.to ?? new Date(weekStart(options.now) + 7 * MS_PER_DAY);
  const earliest = to.getTime() - MAX_HISTORY_WEEKS * 7 * MS_PER_DAY;
  const from = new Date(Math.max(options.range?.from.getTime() ?? earliest, earliest));
  const [holds, remindersSince] = await Promise.all([
    db.shipment.findMany({
      where: {
        shop,
        holdStartedAt: { gte: from, lt: to },
        OR: [{ status: { in: ["PICKED_UP", "RETURN_TO_SENDER", "RETURNED"] } }, { returningToOrigin: true }],
      },
      select: { holdStartedAt: true, status: true, returningToOrigin: true },
    }),
    options.remindersSince !== undefined
      ? Promise.resolve(options.remindersSince)
      : remindersStartedAt(db, shop),
  ]);
  const byWeek = new Map<number, { collected: number; expired: number }>();
  const split = { before: { collected: 0, expired: 0 }, after: { collected: 0, expired: 0 } };
  for (const hold of holds) {
    const at = hold.holdStartedAt!;
    const key = weekStart(at);
    const row = byWeek.get(key) ?? { collected: 0, expired: 0 };
    const collected = hold.status === "PICKED_UP" && !hold.returningToOrigin;
    row[collected ? "collected" : "expired"] += 1;
    byWeek.set(key, row);
    const side = remindersSince && at >= remindersSince ? split.after : split.before;
    side[collected ? "collected" : "expired"] += 1;
  }
  const weeks: PickupRateWeek[] = [];
  // Every week from the first with a hold to the range's end, empty weeks included (gaps show as gaps).
  const first = byWeek.size ? Math.min(...byWeek.keys()) : null;
  if (first !== null)
    for (let w = first; w < to.getTime(); w += 7 * MS_PER_DAY) {
      const row = byWeek.get(w) ?? { collected: 0, expired: 0 };
      weeks.push({
        week: new Date(w).toISOString().slice(0, 10),
        ...row,
        ratePercent: rate(row.collected, row.expired),
      });
    }
  return {
    weeks,
    remindersSince: remindersSince?.toISOString() ?? null,
    before: rate(split.before.collected, split.before.expired),
    after: remindersSince ? rate(split.after.collected, split.after.expired) : null,
  };
}
