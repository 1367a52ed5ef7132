import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyTrackingEvent,
  carrierKey,
  EASYPOST_STATUS,
  EASYPOST_STATUS_DETAIL,
  FALLBACK_STATUS,
  FINAL_STATUSES,
  foldTimeline,
  normalizeRawCode,
  normalizeShippoStatus,
  RAW_CODE_TABLES,
  SHIPPO_STATUS,
  SHIPPO_SUBSTATUS,
  SHOPIFY_EVENT_STATUS,
  TRACKING_STATUSES,
  type TrackingSourceKind,
  type TrackingState,
  type TrackingStatus,
  UPS_CODES,
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

  // Representative documented codes per table and the status a merchant expects for each (EasyPost Trackers
  // status / status_detail, Shippo tracking_status.status / substatus.code, UPS activity status.type).
  const expected: [string, Record<string, TrackingStatus>, Record<string, TrackingStatus>][] = [
    [
      "EasyPost status",
      EASYPOST_STATUS,
      {
        pre_transit: "LABEL_CREATED",
        in_transit: "IN_TRANSIT",
        out_for_delivery: "OUT_FOR_DELIVERY",
        delivered: "DELIVERED",
        available_for_pickup: "AVAILABLE_FOR_PICKUP",
        return_to_sender: "RETURN_TO_SENDER",
        failure: "EXCEPTION",
      },
    ],
    [
      "EasyPost status_detail",
      EASYPOST_STATUS_DETAIL,
      {
        label_created: "LABEL_CREATED",
        arrived_at_facility: "AT_SORT_CENTER",
        out_for_delivery: "OUT_FOR_DELIVERY",
        arrived_at_pickup_location: "AVAILABLE_FOR_PICKUP",
        weather_delay: "DELAYED",
        delivery_exception: "ATTEMPTED_DELIVERY",
        lost: "EXCEPTION",
        return: "RETURN_TO_SENDER",
      },
    ],
    [
      "Shippo status",
      SHIPPO_STATUS,
      {
        pre_transit: "LABEL_CREATED",
        transit: "IN_TRANSIT",
        delivered: "DELIVERED",
        returned: "RETURNED",
        failure: "EXCEPTION",
      },
    ],
    [
      "Shippo substatus",
      SHIPPO_SUBSTATUS,
      {
        information_received: "LABEL_CREATED",
        package_accepted: "OUTBOUND_SCAN",
        package_arrived: "AT_SORT_CENTER",
        out_for_delivery: "OUT_FOR_DELIVERY",
        notice_left: "ATTEMPTED_DELIVERY",
        delivery_rescheduled: "REDELIVERY_SCHEDULED",
        pickup_available: "AVAILABLE_FOR_PICKUP",
        delayed: "DELAYED",
        package_lost: "EXCEPTION",
        return_to_sender: "RETURN_TO_SENDER",
      },
    ],
    [
      "UPS status type",
      UPS_CODES,
      {
        m: "LABEL_CREATED",
        p: "OUTBOUND_SCAN",
        i: "IN_TRANSIT",
        o: "OUT_FOR_DELIVERY",
        d: "DELIVERED",
        x: "EXCEPTION",
        rs: "RETURN_TO_SENDER",
      },
    ],
  ];

  it.each(expected)(
    "maps the documented %s codes to the status a merchant expects",
    (_name, table, codes) => {
      // GIVEN representative documented codes WHEN looked up THEN each gives its expected status
      for (const [code, status] of Object.entries(codes)) expect(table[code], code).toBe(status);
    },
  );

  it("does not guess codes it cannot confirm: UPS DD (freight hand-off) and USPS 14 take the explicit fallback", () => {
    expect(normalizeRawCode("UPS", ["DD"])).toEqual({ status: FALLBACK_STATUS, known: false });
    expect(normalizeRawCode("USPS", ["14"])).toEqual({ status: FALLBACK_STATUS, known: false });
  });

  it("reaches every status of the union from at least one table", () => {
    // GIVEN every table of every source
    const reachable = new Set(
      Object.values(RAW_CODE_TABLES).flatMap((tables) => tables.flatMap((t) => Object.values(t))),
    );
    // WHEN the union is compared THEN no status is only reachable through a normalised generic event
    expect(TRACKING_STATUSES.filter((status) => !reachable.has(status))).toEqual([]);
  });

  it("reaches Shippo RETURNED when a substatus is present, and keeps a return in progress apart", () => {
    // GIVEN Shippo's RETURNED status, with the substatuses its docs list under it, without one, and the return's delivery
    // WHEN normalised THEN only the finished return is RETURNED
    expect(normalizeShippoStatus("RETURNED", "return_to_sender")).toEqual({
      status: "RETURN_TO_SENDER",
      known: true,
    });
    expect(normalizeShippoStatus("RETURNED", "package_unclaimed").status).toBe("RETURN_TO_SENDER");
    expect(normalizeShippoStatus("RETURNED", "delivered")).toEqual({ status: "RETURNED", known: true });
    expect(normalizeShippoStatus("RETURNED", null).status).toBe("RETURNED");
    // AND other statuses keep substatus-first precedence
    expect(normalizeShippoStatus("TRANSIT", "notice_left").status).toBe("ATTEMPTED_DELIVERY");
    expect(normalizeShippoStatus("DELIVERED", "delivered").status).toBe("DELIVERED");
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

  it("resumes forward progress after an exception, including on the return leg", () => {
    // GIVEN a parcel returning to the sender, then an exception scan
    const returning = foldTimeline([
      { status: "IN_TRANSIT", occurredAt: at("2026-11-24T08:00:00Z") },
      { status: "RETURN_TO_SENDER", occurredAt: at("2026-11-25T08:00:00Z") },
      { status: "EXCEPTION", occurredAt: at("2026-11-26T08:00:00Z") },
    ]);
    expect(returning).toMatchObject({ status: "EXCEPTION", progress: "RETURN_TO_SENDER" });
    // WHEN the carrier reports the return moving again, and later delivered back
    const resumed = applyTrackingEvent(returning, "RETURN_TO_SENDER", at("2026-11-27T08:00:00Z"));
    // THEN the return resumes (not refused as backwards) and the return's delivery means RETURNED
    expect(resumed).toMatchObject({ kind: "TRANSITION", next: { status: "RETURN_TO_SENDER" } });
    const back = applyTrackingEvent(
      (resumed as { next: TrackingState }).next,
      "DELIVERED",
      at("2026-11-29T08:00:00Z"),
    );
    expect(back).toMatchObject({ kind: "TRANSITION", next: { status: "RETURNED" } });
    // AND a parcel that reached the pickup point, then had an exception, still resumes there
    const atPoint = foldTimeline([
      { status: "AVAILABLE_FOR_PICKUP", occurredAt: at("2026-11-24T08:00:00Z") },
      { status: "EXCEPTION", occurredAt: at("2026-11-25T08:00:00Z") },
      { status: "AVAILABLE_FOR_PICKUP", occurredAt: at("2026-11-25T09:00:00Z") },
    ]);
    expect(atPoint.status).toBe("AVAILABLE_FOR_PICKUP");
  });

  it("never moves backwards except into exceptions, and always resumes after one (property, every status)", () => {
    // The journey order over the whole union, written independently of the implementation. Side statuses
    // (DELAYED, EXCEPTION) have no place in it; the return leg comes after everything else.
    const ORDER: TrackingStatus[] = [
      "LABEL_CREATED",
      "OUTBOUND_SCAN",
      "AT_SORT_CENTER",
      "IN_TRANSIT",
      "OUT_FOR_DELIVERY",
      "ATTEMPTED_DELIVERY",
      "REDELIVERY_SCHEDULED",
      "AVAILABLE_FOR_PICKUP",
      "DELIVERED",
      "PICKED_UP",
      "RETURN_TO_SENDER",
      "RETURNED",
    ];
    const SIDE: TrackingStatus[] = ["DELAYED", "EXCEPTION"];
    const CYCLE: TrackingStatus[] = ["OUT_FOR_DELIVERY", "ATTEMPTED_DELIVERY", "REDELIVERY_SCHEDULED"];
    const rank = (s: TrackingStatus) => ORDER.indexOf(s);
    expect([...ORDER, ...SIDE].sort()).toEqual([...TRACKING_STATUSES].sort());
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...TRACKING_STATUSES), fc.integer({ min: 0, max: 3 })), {
          maxLength: 16,
        }),
        (list) => {
          let state = fresh;
          let hour = 0;
          for (const [status, gap] of list) {
            hour += gap;
            const before = state;
            const step = applyTrackingEvent(state, status, new Date(Date.UTC(2026, 10, 24, hour)));
            if (step.kind === "KEPT") continue;
            state = step.next;
            if (step.kind === "REFRESHED") {
              expect(state.status).toBe(before.status);
              continue;
            }
            // THEN a move enters a side status keeping the progress, or lands at or after the progress reached…
            if (SIDE.includes(state.status)) {
              expect(state.progress).toBe(before.progress);
            } else {
              const redelivery =
                CYCLE.includes(state.status) &&
                (before.progress === "ATTEMPTED_DELIVERY" || before.progress === "REDELIVERY_SCHEDULED");
              if (!redelivery) expect(rank(state.status)).toBeGreaterThanOrEqual(rank(before.progress));
              expect(state.progress).toBe(state.status);
            }
            // …and from a side status the parcel can always resume where it was (a newer scan of its progress)
            if (SIDE.includes(state.status) && !FINAL_STATUSES.includes(state.progress)) {
              const resume = applyTrackingEvent(
                state,
                state.progress,
                new Date(Date.UTC(2026, 10, 24, hour + 1)),
              );
              expect(resume.kind, `${before.status} → ${state.status}, then ${state.progress}`).toBe(
                "TRANSITION",
              );
            }
          }
        },
      ),
    );
  });
});
