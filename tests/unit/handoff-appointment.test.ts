import { describe, expect, it } from "vitest";
import { HandoffDocument } from "../../app/contracts/warehouse-handoff";
import { handoffRouting } from "../../app/services/handoff/handoff-document";

// The warehouse's handoff document carries the buyer's booked freight delivery window (pure).

const decision = {
  serviceCode: "TR_FREIGHT_THRESHOLD",
  mode: "FREIGHT",
  carrier: "Sample LTL",
  service: "LTL + final mile",
  promisedMinDate: new Date("2026-12-14T00:00:00Z"),
  promisedMaxDate: new Date("2026-12-18T00:00:00Z"),
  pickupPoint: null,
  shipments: [{ warehouseId: "dallas-tx", freightLevel: "THRESHOLD", shipDate: "2026-12-09", packages: [] }],
};

describe("handoff document and appointments", () => {
  it("hands the booked window to the warehouse, and null when none is booked", () => {
    const appointment = {
      day: "2026-12-15",
      windowStart: "12:00",
      windowEnd: "17:00",
      timeZone: "America/Chicago",
    };
    expect(handoffRouting({ ...decision, appointment }, "dallas-tx")?.appointment).toEqual(appointment);
    expect(handoffRouting(decision, "dallas-tx")?.appointment).toBeNull();
  });

  it("reads a document sent before appointments existed (no field) as having none", () => {
    const routing = { ...handoffRouting(decision, "dallas-tx")! } as Record<string, unknown>;
    delete routing.appointment;
    const parsed = HandoffDocument.shape.routing.parse(routing);
    expect(parsed?.appointment).toBeNull();
  });
});
