import { addBusinessDays } from "./holidays";
import type { BusinessCalendar, DayNumber } from "./types";

/**
 * Delivery days: ship day + transit business days (+ the freight appointment lead time on both ends, because
 * the final-mile crew books the slot only once the freight reaches its hub). min ≤ max by construction.
 *
 * @example
 * deliveryDays(parseDay("2026-11-24"), { min: 2, max: 4 }, 0, ups); // { minDay: Nov 27, maxDay: Dec 1 }
 */
export function deliveryDays(
  ship: DayNumber,
  transit: { min: number; max: number },
  appointmentLeadDays: number,
  calendar: BusinessCalendar,
): { minDay: DayNumber; maxDay: DayNumber } {
  const minDay = addBusinessDays(calendar, ship, transit.min + appointmentLeadDays);
  const maxDay = addBusinessDays(calendar, ship, Math.max(transit.min, transit.max) + appointmentLeadDays);
  return { minDay, maxDay };
}
