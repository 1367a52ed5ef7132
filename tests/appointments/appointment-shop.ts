import type { PrismaClient } from "@prisma/client";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { saveAppointmentCalendar } from "../../app/services/appointments/calendar-store.server";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";

/** Tuesday Dec 8, 2026, 9:00 in Dallas: the tests' "now". */
export const NOW = new Date("2026-12-08T15:00:00Z");
/** The plan's first delivery day (ship + LTL transit + 2 appointment lead days): Monday Dec 14. */
export const EARLIEST_DAY = "2026-12-14";

/** The Dallas crew's calendar: Texas and Oklahoma City ZIPs on weekdays, two windows, Christmas off. */
export const DALLAS_CALENDAR = {
  warehouseKey: "dallas-tx",
  partnerName: "Lone Star Final Mile",
  timeZone: "America/Chicago",
  regions: [
    { id: "texas", label: "Texas", zip3s: [], states: ["TX"], weekdays: [1, 2, 3, 4, 5] },
    { id: "okc", label: "Oklahoma City", zip3s: ["731"], states: [], weekdays: [2, 4] },
  ],
  windows: [
    { id: "am", start: "08:00", end: "12:00", seats: 3 },
    { id: "pm", start: "12:00", end: "17:00", seats: 2 },
  ],
  blackoutDates: ["2026-12-25"],
  horizonDays: 21,
  changeCutoffHours: 48,
};

/** A demo-configured, installed shop with the Dallas calendar; returns the calendar's id. */
export async function seedAppointmentShop(db: PrismaClient, shop: string): Promise<string> {
  await saveShopConfig(db, { ...demoShopConfig, shop });
  await recordInstall(db, shop);
  const saved = await saveAppointmentCalendar(db, shop, DALLAS_CALENDAR);
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  return saved.id;
}

/** A freight order routed to Dallas on the demo's LTL service (the plan as order routing stores it). */
export function freightDecision(db: PrismaClient, shop: string, orderId: string, earliestDay = EARLIEST_DAY) {
  return db.routingDecision.create({
    data: {
      shop,
      orderId,
      orderName: `#${orderId.split("/").pop()}`,
      status: "APPLIED",
      serviceCode: "tailroute_freight_threshold",
      mode: "FREIGHT",
      carrier: "Sample LTL",
      reasons: [],
      actions: [],
      plan: {
        shipments: [
          {
            warehouseId: "dallas-tx",
            warehouseLabel: "Dallas, TX",
            carrier: "Sample LTL",
            serviceId: "ltl-final-mile",
            serviceName: "LTL + final mile",
            mode: "FREIGHT",
            freightLevel: "THRESHOLD",
            shipDate: "2026-12-09",
            delivery: { minDate: earliestDay, maxDate: "2026-12-18", timeZone: "America/Chicago" },
          },
        ],
      },
    },
  });
}
