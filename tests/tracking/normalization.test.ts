import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyTrackingEvent,
  carrierKey,
  FALLBACK_STATUS,
  foldTimeline,
  normalizeRawCode,
  RAW_CODE_TABLES,
  SHOPIFY_EVENT_STATUS,
  TRACKING_STATUSES,
  type TrackingSourceKind,
  type TrackingState,
  type TrackingStatus,
} from "../../app/engine/tracking";

/** FulfillmentEventStatus values of the Admin API 2026-10 (shopify.dev enum page). */
const SHOPIFY_2026_10 = [
  "ATTEMPTED_DELIVERY",
  "CARRIER_PICKED_UP",
  "CONFIRMED",
  "DELAYED",
  "DELIVERED",
  "FAILURE",
  "IN_TRANSIT",
  "LABEL_PRINTED",
  "LABEL_PURCHASED",
  "OUT_FOR_DELIVERY",
  "READY_FOR_PICKUP",
];

describe("raw-code tables", () => {
  const sources = Object.keys(RAW_CODE_TABLES) as TrackingSourceKind[];

  it("maps every raw code of every provider and carrier table onto the closed status union", () => {
    for (const source of sources) {
      for (const table of RAW_CODE_TABLES[source]) {
        for (const [code, status] of Object.entries(table)) {
          // GIVEN a code from the source's table, in the case a provider might send it
          // WHEN it is normalised
          const result = normalizeRawCode(source, [code.toUpperCase()]);
          // THEN it is a known code mapped to a member of the union
          expect(TRACKING_STATUSES, `${source} ${code}`).toContain(status);
          expect(result.known, `${source} ${code}`).toBe(true);
        }
      }
    }
  });

  it("prefers the more precise code (EasyPost status_detail before status, Shippo substatus before status)", () => {
    // GIVEN EasyPost "in_transit" with detail "arrived_at_facility", and Shippo TRANSIT with substatus notice_left
    // WHEN normalised
    // THEN the detail decides
    expect(normalizeRawCode("EASYPOST", ["arrived_at_facility", "in_transit"]).status).toBe("AT_SORT_CENTER");
    expect(normalizeRawCode("SHIPPO", ["notice_left", "TRANSIT"]).status).toBe("ATTEMPTED_DELIVERY");
    expect(normalizeRawCode("SHIPPO", [undefined, "DELIVERED"]).status).toBe("DELIVERED");
  });

  it("falls back explicitly for an unknown code and says so", () => {
    // GIVEN codes no table knows WHEN normalised THEN the fallback status, flagged unknown
    for (const source of sources) {
      expect(normalizeRawCode(source, ["zz_never_seen"])).toEqual({ status: FALLBACK_STATUS, known: false });
    }
    expect(normalizeRawCode("UPS", [null, ""])).toEqual({ status: FALLBACK_STATUS, known: false });
  });

  it("recognises carriers however providers spell them", () => {
    expect(
      ["UPS", "ups", "FedEx", "fedex", "usps", "amazon_shipping", "DHL Express"].map(carrierKey),
    ).toEqual(["UPS", "UPS", "FEDEX", "FEDEX", "USPS", "AMAZON", "DHL EXPRESS"]);
  });

  it("maps every status to a FulfillmentEventStatus that exists in Admin API 2026-10", () => {
    for (const status of TRACKING_STATUSES) expect(SHOPIFY_2026_10).toContain(SHOPIFY_EVENT_STATUS[status]);
  });
});

const at = (iso: string) => new Date(iso);
const fresh: TrackingState = { status: "LABEL_CREATED", progress: "LABEL_CREATED", statusAt: null };

describe("state machine", () => {
  it("moves forward, keeps backward and stale events, and enters exceptions from anywhere not final", () => {
    // GIVEN a parcel in transit since 10:00
    const inTransit: TrackingState = {
      status: "IN_TRANSIT",
      progress: "IN_TRANSIT",
      statusAt: at("2026-11-24T10:00:00Z"),
    };
    // WHEN a sort-centre scan (backwards), an older out-for-delivery (stale), a delay and a delivery arrive
    // THEN only the forward move and the exception change the status
    expect(applyTrackingEvent(inTransit, "AT_SORT_CENTER", at("2026-11-24T11:00:00Z"))).toEqual({
      kind: "KEPT",
      reason: "BACKWARDS",
    });
    expect(applyTrackingEvent(inTransit, "OUT_FOR_DELIVERY", at("2026-11-24T09:00:00Z"))).toEqual({
      kind: "KEPT",
      reason: "STALE",
    });
    const delayed = applyTrackingEvent(inTransit, "DELAYED", at("2026-11-24T12:00:00Z"));
    expect(delayed).toMatchObject({
      kind: "TRANSITION",
      next: { status: "DELAYED", progress: "IN_TRANSIT" },
    });
    // AND after the delay the parcel resumes where it was, not earlier
    const state = (delayed as { next: TrackingState }).next;
    expect(applyTrackingEvent(state, "IN_TRANSIT", at("2026-11-24T13:00:00Z"))).toMatchObject({
      kind: "TRANSITION",
    });
    expect(applyTrackingEvent(state, "OUTBOUND_SCAN", at("2026-11-24T13:00:00Z"))).toEqual({
      kind: "KEPT",
      reason: "BACKWARDS",
    });
    expect(applyTrackingEvent(state, "DELIVERED", at("2026-11-24T18:00:00Z"))).toMatchObject({
      next: { status: "DELIVERED" },
    });
  });

  it("lets a failed attempt start a new delivery cycle, and reads DELIVERED at a pickup point as PICKED_UP", () => {
    // GIVEN out for delivery → attempted → redelivery scheduled → out for delivery → delivered
    const attempts = foldTimeline([
      { status: "OUT_FOR_DELIVERY", occurredAt: at("2026-11-24T08:00:00Z") },
      { status: "ATTEMPTED_DELIVERY", occurredAt: at("2026-11-24T15:00:00Z") },
      { status: "REDELIVERY_SCHEDULED", occurredAt: at("2026-11-24T20:00:00Z") },
      { status: "OUT_FOR_DELIVERY", occurredAt: at("2026-11-25T08:00:00Z") },
    ]);
    // THEN the second out-for-delivery counts
    expect(attempts.status).toBe("OUT_FOR_DELIVERY");
    // GIVEN a parcel waiting at a locker WHEN the carrier says delivered THEN the buyer picked it up
    const locker = foldTimeline([
      { status: "AVAILABLE_FOR_PICKUP", occurredAt: at("2026-11-24T08:00:00Z") },
      { status: "DELIVERED", occurredAt: at("2026-11-25T08:00:00Z") },
    ]);
    expect(locker.status).toBe("PICKED_UP");
  });

  it("ignores a redelivered stream: replaying the same events changes nothing (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...TRACKING_STATUSES), fc.integer({ min: 0, max: 240 })), {
          maxLength: 12,
        }),
        (list) => {
          // GIVEN any stream of events in any arrival order
          const events = list.map(([status, hour]) => ({
            status,
            occurredAt: new Date(Date.UTC(2026, 10, 24, hour)),
          }));
          const replay = (start: TrackingState) =>
            events.reduce((state, e) => {
              const step = applyTrackingEvent(state, e.status, e.occurredAt);
              return step.kind === "KEPT" ? state : step.next;
            }, start);
          // WHEN it is applied, then delivered again
          const once = replay(fresh);
          const twice = replay(once);
          // THEN the second delivery leaves the state as it was
          expect(twice).toEqual(once);
        },
      ),
    );
  });

  it("never moves backwards except into exceptions (property)", () => {
    const forward: TrackingStatus[] = [
      "LABEL_CREATED",
      "OUTBOUND_SCAN",
      "AT_SORT_CENTER",
      "IN_TRANSIT",
      "OUT_FOR_DELIVERY",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TRACKING_STATUSES), { maxLength: 12 }), (list) => {
        let state = fresh;
        list.forEach((status, i) => {
          const before = state;
          const step = applyTrackingEvent(state, status, new Date(Date.UTC(2026, 10, 24, i)));
          if (step.kind === "KEPT") return;
          state = step.next;
          const exception = ["DELAYED", "EXCEPTION", "RETURN_TO_SENDER", "RETURNED"].includes(state.status);
          const fromIdx = forward.indexOf(before.progress);
          const toIdx = forward.indexOf(state.status);
          if (!exception && fromIdx >= 0 && toIdx >= 0) expect(toIdx).toBeGreaterThanOrEqual(fromIdx);
        });
      }),
    );
  });
});
