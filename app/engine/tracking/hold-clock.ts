import { addBusinessDays } from "../transit/holidays";
import type { BusinessCalendar } from "../transit/types";
import type { HoldRule, PickupNetwork } from "./types";

const MS_PER_DAY = 86_400_000;

/**
 * Hold periods per network (docs/carrier-rules.md): Amazon Hub Locker 3 calendar days, UPS Access Point 7 calendar days,
 * FedEx Hold at Location 5 business days, USPS Hold for Pickup 5 calendar days. The reverse cost of an unclaimed
 * parcel is assumed to equal the outbound carrier cost (return-to-sender is billed like a new shipment).
 */
export const HOLD_RULES: Readonly<Record<PickupNetwork, HoldRule>> = {
  AMAZON_LOCKER: { days: 3, dayKind: "CALENDAR", reverseCostBasisPoints: 10_000 },
  UPS_ACCESS_POINT: { days: 7, dayKind: "CALENDAR", reverseCostBasisPoints: 10_000 },
  FEDEX_HOLD_AT_LOCATION: { days: 5, dayKind: "BUSINESS", reverseCostBasisPoints: 10_000 },
  USPS_HOLD_FOR_PICKUP: { days: 5, dayKind: "CALENDAR", reverseCostBasisPoints: 10_000 },
};

/** The reminder is due this long before the hold expires. */
export const HOLD_REMINDER_LEAD_MS = MS_PER_DAY;

/**
 * The network whose hold rules apply to a carrier's "available for pickup" when no pickup point is known.
 *
 * @example
 * networkForCarrier("FEDEX"); // "FEDEX_HOLD_AT_LOCATION"
 */
export function networkForCarrier(carrier: string): PickupNetwork | null {
  switch (carrier) {
    case "AMAZON":
      return "AMAZON_LOCKER";
    case "UPS":
      return "UPS_ACCESS_POINT";
    case "FEDEX":
      return "FEDEX_HOLD_AT_LOCATION";
    case "USPS":
      return "USPS_HOLD_FOR_PICKUP";
    default:
      return null;
  }
}

/** The hold clock of a parcel that became available at a pickup point. */
export interface HoldClock {
  startedAt: Date;
  expiresAt: Date;
  reminderAt: Date;
}

/**
 * Starts the hold clock: expiry is `days` after availability (calendar days, or business days counted on the
 * calendar with the same time of day), the reminder one day before expiry.
 *
 * @example
 * holdClock(HOLD_RULES.AMAZON_LOCKER, new Date("2026-11-24T15:00:00Z"), weekdays);
 * // { expiresAt: 2026-11-27T15:00Z, reminderAt: 2026-11-26T15:00Z, … }
 */
export function holdClock(rule: HoldRule, availableAt: Date, calendar: BusinessCalendar): HoldClock {
  const startMs = availableAt.getTime();
  let expiresMs: number;
  if (rule.dayKind === "CALENDAR") {
    expiresMs = startMs + rule.days * MS_PER_DAY;
  } else {
    const startDay = Math.floor(startMs / MS_PER_DAY);
    const endDay = addBusinessDays(calendar, startDay, rule.days);
    expiresMs = startMs + (endDay - startDay) * MS_PER_DAY;
  }
  return {
    startedAt: availableAt,
    expiresAt: new Date(expiresMs),
    reminderAt: new Date(expiresMs - HOLD_REMINDER_LEAD_MS),
  };
}

/** Where a held parcel stands at `now`. */
export type HoldState = "HOLDING" | "REMINDER_DUE" | "EXPIRED";

/**
 * The state of a hold at `now` (the caller's fixed clock in tests).
 *
 * @example
 * holdState({ expiresAt, reminderAt }, new Date(expiresAt.getTime() + 1)); // "EXPIRED"
 */
export function holdState(clock: Pick<HoldClock, "expiresAt" | "reminderAt">, now: Date): HoldState {
  if (now.getTime() >= clock.expiresAt.getTime()) return "EXPIRED";
  if (now.getTime() >= clock.reminderAt.getTime()) return "REMINDER_DUE";
  return "HOLDING";
}

/**
 * Expected cost of sending an unclaimed parcel back, in cents (rounded half up), or null without an outbound cost.
 *
 * @example
 * reverseCostCents(HOLD_RULES.UPS_ACCESS_POINT, 1_250); // 1250
 */
export function reverseCostCents(rule: HoldRule, outboundCostCents: number | null): number | null {
  if (outboundCostCents === null) return null;
  return Math.round((outboundCostCents * rule.reverseCostBasisPoints) / 10_000);
}
