import { describe, expect, it } from "vitest";
import { deliveryRisk } from "../../app/engine/tracking";

// A promise is a calendar day of the buyer's. Deliveries and "now" are instants: they are read as dates in the
// destination's time zone before they are compared with it, never against UTC midnight.
const PROMISED_FRIDAY = new Date("2026-11-27T00:00:00Z");
const inLosAngeles = {
  promisedMaxDate: PROMISED_FRIDAY,
  estimatedDeliveryAt: null,
  destTimeZone: "America/Los_Angeles",
};

describe("on time on the buyer's calendar", () => {
  it("counts a 7 p.m. delivery on the promised Friday in Los Angeles (03:00 UTC Saturday) as on time", () => {
    // GIVEN a parcel promised by Friday and delivered Friday evening, Pacific time
    const deliveredAt = new Date("2026-11-28T03:00:00Z");
    // WHEN it is judged
    const risk = deliveryRisk({ ...inLosAngeles, status: "DELIVERED", deliveredAt }, deliveredAt);
    // THEN it is on time
    expect(risk).toBe("DELIVERED_ON_TIME");
  });

  it("counts a delivery on Saturday morning in Los Angeles as late", () => {
    const deliveredAt = new Date("2026-11-28T17:00:00Z");
    expect(deliveryRisk({ ...inLosAngeles, status: "DELIVERED", deliveredAt }, deliveredAt)).toBe(
      "DELIVERED_LATE",
    );
  });

  it("does not call a parcel late on the promised Friday evening in Los Angeles, only once Saturday begins there", () => {
    // GIVEN a parcel out for delivery on the promised day
    const parcel = { ...inLosAngeles, status: "OUT_FOR_DELIVERY" as const, deliveredAt: null };
    // WHEN judged at 8 p.m. Friday and at 1 a.m. Saturday, Pacific time
    // THEN it is still on track on Friday evening, and late on Saturday
    expect(deliveryRisk(parcel, new Date("2026-11-28T04:00:00Z"))).toBe("ON_TRACK");
    expect(deliveryRisk(parcel, new Date("2026-11-28T09:00:00Z"))).toBe("LATE");
  });

  it("reads the zone from the destination ZIP3 when the shipment has none", () => {
    // GIVEN a shipment to ZIP3 900 (Los Angeles) stored without its zone, delivered Friday 7 p.m. Pacific
    const deliveredAt = new Date("2026-11-28T03:00:00Z");
    const risk = deliveryRisk(
      { ...inLosAngeles, destTimeZone: null, destZip3: "900", status: "DELIVERED", deliveredAt },
      deliveredAt,
    );
    // THEN it is on time
    expect(risk).toBe("DELIVERED_ON_TIME");
  });
});
