import { describe, expect, it } from "vitest";
import { NotificationEventSchema } from "../../../app/contracts/notification-event";
import { renderEmail, templateFor } from "../../../app/services/notifications/email-templates";
import { FLOW_TRIGGERS } from "../../../app/services/notifications/flow-triggers";
import {
  FLOW_PAYLOAD_MAX_BYTES,
  flowPayload,
  flowPayloadBytes,
  legacyId,
} from "../../../app/services/notifications/flow-payload";
import {
  readUnsubscribeToken,
  unsubscribeToken,
  addressHash,
} from "../../../app/services/notifications/unsubscribe.server";
import { declaredFlowTriggers } from "../../../scripts/lib/fake-flow";

const ready = NotificationEventSchema.parse({
  shop: "notify.myshopify.com",
  kind: "pickup_ready",
  eventKey: "pickup_ready:s1",
  occurredAt: "2026-12-07T15:00:00.000Z",
  orderId: "gid://shopify/Order/5001",
  orderName: "#1001",
  carrier: "UPS",
  trackingNumber: "1ZLOCKER1",
  trackingUrl: "https://www.ups.com/track?tracknum=1ZLOCKER1",
  pickupPoint: {
    name: "Corner <Shop> & Co",
    address1: "1 Main St",
    city: "Springfield",
    province: "IL",
    zip: "62701",
  },
  holdExpiresAt: "2026-12-14T15:00:00.000Z",
});

describe("buyer emails", () => {
  it("fill the merchant's subject and intro and list the point, deadline, tracking link and unsubscribe link", () => {
    // GIVEN a merchant who rewrote the subject of the pickup-ready email
    const template = templateFor("pickup_ready", {
      pickup_ready: { subject: "{{order}} waits at {{point}}" },
    });
    // WHEN the email of a parcel at a pickup point is rendered
    const email = renderEmail(ready, template, {
      shopName: "Acme",
      unsubscribeUrl: "https://app.test/u?token=t",
    });
    // THEN the subject is the merchant's, the intro the default, and both bodies carry the facts and the links
    expect(email.subject).toBe("#1001 waits at Corner <Shop> & Co");
    expect(email.text).toContain("Good news: your parcel has arrived at Corner <Shop> & Co");
    expect(email.text).toContain("Pick up by: Mon, Dec 14");
    expect(email.text).toContain("Track your parcel: https://www.ups.com/track?tracknum=1ZLOCKER1");
    expect(email.text).toContain("To stop these emails: https://app.test/u?token=t");
    expect(email.html).toContain('<a href="https://app.test/u?token=t">Unsubscribe</a>');
    // AND the HTML escapes what came from the directory or the merchant
    expect(email.html).toContain("Corner &lt;Shop&gt; &amp; Co");
    expect(email.html).not.toContain("<Shop>");
  });
});

describe("Flow trigger payloads", () => {
  it("send only the fields each trigger extension declares, with numeric order and customer ids", () => {
    // GIVEN the trigger extensions under extensions/ and a pickup-ready event
    const declared = declaredFlowTriggers("extensions");
    // WHEN its payload is built
    const payload = flowPayload(ready, "gid://shopify/Customer/7001");
    // THEN every kind has its extension, and the payload's keys are exactly the declared ones
    for (const trigger of Object.values(FLOW_TRIGGERS)) {
      const ext = declared.find((d) => d.handle === trigger.handle);
      expect(ext, trigger.handle).toBeDefined();
      expect(trigger.handle.length).toBeLessThanOrEqual(30);
      expect(Object.keys(payload).sort()).toEqual([...ext!.keys].sort());
    }
    expect(payload).toMatchObject({
      order_id: 5001,
      customer_id: 7001,
      "Pickup point address": "1 Main St, Springfield, IL 62701",
      "Hold deadline": "2026-12-14T15:00:00.000Z",
    });
    expect(legacyId("not a gid")).toBeNull();
  });

  it("measure the payload in UTF-8 bytes against Flow's 50,000-byte limit", () => {
    // GIVEN a payload with a long multi-byte note
    const payload = flowPayload({ ...ready, note: "é".repeat(400) }, null);
    // THEN its size counts two bytes per "é" and stays far under the limit
    expect(flowPayloadBytes(payload)).toBeGreaterThan(800);
    expect(flowPayloadBytes(payload)).toBeLessThan(FLOW_PAYLOAD_MAX_BYTES);
  });
});

describe("unsubscribe tokens", () => {
  it("name the shop and a keyed hash of the address, and refuse a changed token or another app's", () => {
    // GIVEN a token signed for a buyer
    const token = unsubscribeToken("notify.myshopify.com", "Buyer@Example.com ", "secret-a");
    // THEN it reads back to the shop and the hash of the normalised address, which is not the address
    expect(readUnsubscribeToken(token, "secret-a")).toEqual({
      shop: "notify.myshopify.com",
      addressHash: addressHash("buyer@example.com", "secret-a"),
    });
    expect(token).not.toContain("example");
    // AND a token with a changed body, or checked with another secret, is refused
    const [body, mac] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ s: "other.myshopify.com", h: "0".repeat(64) })).toString("base64url")}.${mac}`;
    expect(readUnsubscribeToken(forged, "secret-a")).toBeNull();
    expect(readUnsubscribeToken(`${body}.${mac}`, "secret-b")).toBeNull();
    expect(readUnsubscribeToken("garbage", "secret-a")).toBeNull();
  });
});
