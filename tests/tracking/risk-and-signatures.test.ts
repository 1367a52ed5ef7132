import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { attemptNextStep, deliveryRisk } from "../../app/engine/tracking";
import {
  easyPostSignature,
  genericSignature,
  verifyEasyPostSignature,
  verifyGenericSignature,
} from "../../app/services/tracking/signatures.server";

const PROMISED_MAX = new Date("2026-11-27T00:00:00Z"); // the buyer's Friday 27 November
// A buyer in Chicago: days are read on the buyer's calendar (UTC−6 in November).
const base = {
  promisedMaxDate: PROMISED_MAX,
  deliveredAt: null,
  estimatedDeliveryAt: null,
  destTimeZone: "America/Chicago",
};

describe("late / at-risk judgement", () => {
  it("is LATE once the promised latest day is over, AT_RISK on trouble or on the last day, ON_TRACK otherwise", () => {
    // GIVEN parcels in various states, judged on Thursday, Friday and Saturday
    const thu = new Date("2026-11-26T12:00:00Z");
    const fri = new Date("2026-11-27T12:00:00Z");
    const sat = new Date("2026-11-28T06:00:00Z"); // midnight in Chicago
    // THEN
    expect(deliveryRisk({ ...base, status: "IN_TRANSIT" }, thu)).toBe("ON_TRACK");
    expect(deliveryRisk({ ...base, status: "IN_TRANSIT" }, fri)).toBe("AT_RISK");
    expect(deliveryRisk({ ...base, status: "OUT_FOR_DELIVERY" }, fri)).toBe("ON_TRACK");
    expect(deliveryRisk({ ...base, status: "ATTEMPTED_DELIVERY" }, thu)).toBe("AT_RISK");
    expect(
      deliveryRisk(
        { ...base, status: "IN_TRANSIT", estimatedDeliveryAt: new Date("2026-11-30T18:00:00Z") },
        thu,
      ),
    ).toBe("AT_RISK");
    expect(deliveryRisk({ ...base, status: "IN_TRANSIT" }, sat)).toBe("LATE");
    expect(
      deliveryRisk({ ...base, status: "DELIVERED", deliveredAt: new Date("2026-11-27T23:59:00Z") }, sat),
    ).toBe("DELIVERED_ON_TIME");
    expect(
      deliveryRisk({ ...base, status: "DELIVERED", deliveredAt: new Date("2026-11-28T09:00:00Z") }, sat),
    ).toBe("DELIVERED_LATE");
  });

  it("names the merchant's next step after a failed attempt from the status that followed", () => {
    expect(attemptNextStep(null)).toBe("CARRIER_WILL_RETRY");
    expect(attemptNextStep("REDELIVERY_SCHEDULED")).toBe("REDELIVERY_SCHEDULED");
    expect(attemptNextStep("AVAILABLE_FOR_PICKUP")).toBe("HELD_AT_FACILITY");
    expect(attemptNextStep("RETURN_TO_SENDER")).toBe("RETURNING");
  });
});

describe("signatures", () => {
  const body = Buffer.from('{"object":"Event","description":"tracker.updated"}');

  it("computes EasyPost's X-Hmac-Signature with the NFKD-normalised secret, and rejects anything else", () => {
    // GIVEN a secret with a compatibility character (the "ﬁ" ligature normalises to "fi" under NFKD)
    const secret = "shop-\uFB01-secret";
    const expected = `hmac-sha256-hex=${createHmac("sha256", "shop-fi-secret").update(body).digest("hex")}`;
    // THEN the header matches EasyPost's documented construction; case of the hex does not matter; others fail
    expect(easyPostSignature(body, secret)).toBe(expected);
    expect(
      verifyEasyPostSignature(
        body,
        expected.toUpperCase().replace("HMAC-SHA256-HEX", "hmac-sha256-hex"),
        secret,
      ),
    ).toBe(true);
    expect(verifyEasyPostSignature(body, expected, "another-secret")).toBe(false);
    expect(verifyEasyPostSignature(Buffer.from(body.toString() + " "), expected, secret)).toBe(false);
    expect(verifyEasyPostSignature(body, null, secret)).toBe(false);
  });

  it("signs the generic format over timestamp and body, and refuses replays outside five minutes", () => {
    const now = new Date("2026-11-24T12:00:00Z");
    const ts = String(now.getTime() / 1000);
    const signature = genericSignature(body, ts, "s3cret");
    expect(verifyGenericSignature(body, ts, signature, "s3cret", now)).toBe("OK");
    // the same signature with another timestamp no longer matches (the timestamp is signed)
    expect(verifyGenericSignature(body, String(Number(ts) + 1), signature, "s3cret", now)).toBe(
      "BAD_SIGNATURE",
    );
    expect(verifyGenericSignature(body, ts, signature, "s3cret", new Date(now.getTime() + 301_000))).toBe(
      "STALE_TIMESTAMP",
    );
    expect(verifyGenericSignature(body, "abc", signature, "s3cret", now)).toBe("BAD_SIGNATURE");
  });
});
