import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { GenericTrackingBody } from "../../app/contracts/tracking-generic";
import { createPrismaClient } from "../../app/db.server";
import { notificationDeliverKind } from "../../app/jobs/kinds/notification-deliver.server";
import type { JobEngine, JobKind } from "../../app/jobs/types";
import { adminGraphqlClient } from "../../app/services/admin/admin-graphql.server";
import { deliverNotification } from "../../app/services/notifications/deliver.server";
import { fireFlowTrigger } from "../../app/services/notifications/fire-flow-trigger.server";
import { receiveFlowLifecycle } from "../../app/services/notifications/flow-lifecycle.server";
import { listNotifications } from "../../app/services/notifications/notification-log.server";
import { recordNotificationEvent } from "../../app/services/notifications/record-event.server";
import type { NotificationEvent } from "../../app/services/notifications/types";
import { eraseCustomerNotifications } from "../../app/services/notifications/erase.server";
import { saveEmailSettings } from "../../app/services/notifications/settings.server";
import { runNotificationSweeps } from "../../app/services/notifications/sweeps.server";
import { addressHash, confirmUnsubscribeToken } from "./unsubscribe-helpers";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { checkHoldExpiries } from "../../app/services/tracking/holds.server";
import { genericEvents } from "../../app/services/tracking/provider-events.server";
import { recordTrackingEvents } from "../../app/services/tracking/record-events.server";
import { FakeFlow, declaredFlowTriggers } from "../../scripts/lib/fake-flow";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { SmtpCapture } from "../../scripts/lib/smtp-capture";
import { appDatabase } from "../support/app-database";
import { freshTestDatabase } from "../support/test-database";
import { testEngine } from "../jobs/harness";

// The app's unsubscribe links point at the shared app server and are signed with its secret (read once, lazily).
const appUrl = inject("appUrl");
const secret = inject("appApiSecret");
process.env.SHOPIFY_API_KEY = "integration-test-key";
process.env.SHOPIFY_API_SECRET = secret;
process.env.SHOPIFY_APP_URL = appUrl;

const dir = mkdtempSync(join(tmpdir(), "tailroute-notifications-"));
const url = freshTestDatabase("notifications", dir);
const db = createPrismaClient(url);
const A = "notify-a.myshopify.com";
const B = "notify-b.myshopify.com";
const BUYER = "buyer.notify@example.com";
const admin = new FakeShopifyAdmin();
const flow = new FakeFlow(admin, declaredFlowTriggers("extensions"));
const smtp = new SmtpCapture();
const deps = {
  clientFor: async (shop: string) => adminGraphqlClient(shop, `token-${shop}`, admin.url),
  backoff: { baseMs: 20, maxMs: 50 },
  retry: { maxAttempts: 2, budgetMs: 1_000, baseDelayMs: 10, maxDelayMs: 20, sleep: async () => undefined },
};

const sign = (body: string) => createHmac("sha256", secret).update(body).digest("base64");
const lifecycle = (shop: string, handle: string, enabled: boolean, timestamp: string) => {
  const body = JSON.stringify({
    flow_trigger_definition_id: handle,
    has_enabled_flow: enabled,
    shop_id: 1,
    shopify_domain: shop,
    timestamp,
  });
  return { body, headers: { "Content-Type": "application/json", "X-Shopify-Hmac-Sha256": sign(body) } };
};

/** A runner of this process (a "restart" is a new one), sending until no notification is left PENDING. */
async function runUntilSent(): Promise<void> {
  const engine: JobEngine = testEngine(db, url);
  engine.register(notificationDeliverKind(db, deps) as unknown as JobKind<never>);
  await engine.start();
  try {
    for (let i = 0; i < 300; i++) {
      if ((await db.notification.count({ where: { status: "PENDING" } })) === 0) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error("notifications still PENDING after 15 s");
  } finally {
    await engine.stop();
  }
}

async function heldParcel(shop: string, n: string) {
  const point = await db.pickupPoint.create({
    data: {
      shop,
      network: "UPS_ACCESS_POINT",
      externalId: `ap-${n}`,
      name: "Corner Store Access Point",
      address1: "1 Main St",
      city: "Springfield",
      province: "IL",
      zip: "62701",
      latitude: 39.8,
      longitude: -89.6,
      hours: [],
    },
  });
  await db.shipment.create({
    data: {
      shop,
      carrier: "UPS",
      trackingNumber: n,
      orderId: "gid://shopify/Order/5001",
      orderName: "#1001",
      pickupPointId: point.id,
    },
  });
}

const scan = (
  shop: string,
  n: string,
  id: string,
  status: string,
  occurredAt: string,
  description?: string,
) =>
  recordTrackingEvents(
    db,
    shop,
    genericEvents(
      GenericTrackingBody.parse({
        events: [
          {
            id,
            trackingNumber: n,
            carrier: "UPS",
            status,
            occurredAt,
            ...(description ? { description } : {}),
          },
        ],
      }),
    ),
    new Date(occurredAt),
  );

beforeAll(async () => {
  await admin.start();
  flow.install();
  admin.on("order", (call) => ({
    order: {
      id: call.variables.id,
      name: "#1001",
      email: BUYER,
      customer: { id: "gid://shopify/Customer/7001" },
    },
  }));
  await smtp.start();
  for (const shop of [A, B]) await recordInstall(db, shop);
  // Shop A: its emails on, through the local SMTP server.
  const form = new FormData();
  for (const [k, v] of Object.entries({
    emailEnabled: "on",
    fromName: "Notify A",
    fromAddress: "orders@notify-a.example",
    smtpHost: "127.0.0.1",
    smtpPort: String(smtp.port),
    smtpUser: "mailer",
    smtpPassword: "s3cret-pass",
    reminderAfterArrivalDays: "1",
    reminderBeforeExpiryDays: "1",
  }))
    form.set(k, v);
  expect(await saveEmailSettings(db, A, form)).toMatchObject({ ok: true });
});

afterAll(async () => {
  await smtp.stop();
  await admin.stop();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("Flow triggers", () => {
  it("fire once per event with the trigger's fields, across a restart and a replayed scan, only where a workflow uses them", async () => {
    // GIVEN shop A enabled two triggers through Flow's signed lifecycle callback (a late, older "disabled" is ignored)
    for (const [handle, on, at] of [
      ["pickup-parcel-arrived", true, "2026-12-01T10:00:00Z"],
      ["pickup-hold-expiry-approached", true, "2026-12-01T10:00:00Z"],
      ["pickup-parcel-arrived", false, "2026-11-30T10:00:00Z"],
    ] as const) {
      const { body, headers } = lifecycle(A, handle, on, at);
      const answer = await receiveFlowLifecycle(
        db,
        new Request("http://app/flow/lifecycle", { method: "POST", body, headers }),
      );
      expect(answer.status).toBe(200);
    }
    // AND shop B enabled none; both have a parcel for an order on its way to a UPS Access Point
    await heldParcel(A, "1ZNOTIFYA");
    await heldParcel(B, "1ZNOTIFYB");

    // WHEN the parcels arrive while no runner is up (the process stopped before sending) …
    await scan(A, "1ZNOTIFYA", "a-1", "AVAILABLE_FOR_PICKUP", "2026-12-07T15:00:00Z");
    await scan(B, "1ZNOTIFYB", "b-1", "AVAILABLE_FOR_PICKUP", "2026-12-07T15:00:00Z");
    // … a runner starts and sends; then, after another restart, the carrier replays the scan and the hold check
    // passes the reminder point twice
    await runUntilSent();
    await scan(A, "1ZNOTIFYA", "a-1", "AVAILABLE_FOR_PICKUP", "2026-12-07T15:00:00Z");
    const held = await db.shipment.findFirstOrThrow({ where: { shop: A, trackingNumber: "1ZNOTIFYA" } });
    const reminderTime = new Date(held.holdReminderAt!.getTime() + 60_000);
    await checkHoldExpiries(db, { now: reminderTime });
    await runNotificationSweeps(db, reminderTime);
    await checkHoldExpiries(db, { now: reminderTime });
    await runNotificationSweeps(db, reminderTime);
    await runUntilSent();
    // … and the same event is recorded once more (as a caller retrying its transaction would), then a new runner
    const arrived = await db.notification.findFirstOrThrow({
      where: { shop: A, kind: "pickup_ready", channel: "FLOW" },
    });
    await db.$transaction((tx) => recordNotificationEvent(tx, arrived.event as NotificationEvent));
    await runUntilSent();

    // THEN Flow received each of shop A's events once, with the order and customer references and the fields
    expect(flow.receivedFor("pickup-parcel-arrived")).toHaveLength(1);
    expect(flow.receivedFor("pickup-hold-expiry-approached")).toHaveLength(1);
    expect(flow.received).toHaveLength(2);
    expect(flow.receivedFor("pickup-parcel-arrived")[0]).toMatchObject({
      accessToken: `token-${A}`,
      payload: {
        order_id: 5001,
        customer_id: 7001,
        "Order name": "#1001",
        Carrier: "UPS",
        "Tracking number": "1ZNOTIFYA",
        "Tracking URL": "https://www.ups.com/track?tracknum=1ZNOTIFYA",
        "Pickup point name": "Corner Store Access Point",
        "Pickup point address": "1 Main St, Springfield, IL 62701",
        "Hold deadline": held.holdExpiresAt!.toISOString(),
      },
    });
    // AND nothing was fired for shop B, whose workflows use no trigger
    expect(await db.notification.count({ where: { shop: B } })).toBe(0);
    const log = await listNotifications(db, A, { channel: "FLOW" });
    expect(log.map((r) => [r.kind, r.status])).toEqual(
      expect.arrayContaining([
        ["pickup_ready", "SENT"],
        ["pickup_hold_expiring", "SENT"],
      ]),
    );
    // AND a handle Flow does not know is refused with its userError, as Shopify answers
    const refused = await fireFlowTrigger(await deps.clientFor(A), "no-such-trigger", { order_id: 1 });
    expect(refused).toMatchObject({ ok: false });
  });
});

describe("the app's own emails", () => {
  it("reach the buyer through SMTP once per event, with a working unsubscribe link, and stop after unsubscribing", async () => {
    // GIVEN the events of the Flow test above (shop A's emails are on) and the reminder sweep's schedule
    const stored = await db.notificationSettings.findFirstOrThrow({ where: { shop: A } });
    expect(stored.smtpPasswordSealed).not.toContain("s3cret");
    // THEN the buyer got the pickup-ready email and two reminders, each once, through the SMTP server
    // (the schedule's reminder the day after arrival, and the one a day before the hold ends)
    const subjects = smtp.messages.map((m) => m.subject);
    expect(subjects.filter((t) => t === "Your order #1001 is ready for pickup")).toHaveLength(1);
    expect(
      subjects.filter((t) => /^Reminder: pick up your order #1001 by \w{3}, Dec \d+$/.test(t)),
    ).toHaveLength(2);
    expect(smtp.messages).toHaveLength(3);
    const ready = smtp.messages.find((m) => m.subject.startsWith("Your order"))!;
    expect(ready.to).toEqual([BUYER]);
    expect(ready.from).toBe("orders@notify-a.example");
    expect(ready.text).toContain("Corner Store Access Point, 1 Main St, Springfield, IL 62701");
    expect(ready.html).toContain("https://www.ups.com/track?tracknum=1ZNOTIFYA");
    // AND each email's Message-ID is its notification's, at the sender's domain
    const sentIds = (
      await db.notification.findMany({
        where: { shop: A, channel: "EMAIL", status: "SENT" },
        select: { id: true },
      })
    ).map((r) => `<${r.id}.notification@notify-a.example>`);
    expect(smtp.messages.map((m) => m.headers.get("message-id")).sort()).toEqual(sentIds.sort());
    // WHEN the pickup-ready row is found unsettled, as after a crash that followed the SMTP server's acceptance
    const readyId = String(ready.headers.get("message-id"));
    const readyRowId = readyId.slice(1, readyId.indexOf("."));
    await db.notification.updateMany({
      where: { id: readyRowId },
      data: { status: "PENDING", leaseUntil: null },
    });
    expect(await deliverNotification(db, A, readyRowId, deps)).toMatchObject({ result: "DONE" });
    // THEN the email sent again is the same message (its Message-ID), which the buyer's mailbox keeps once
    expect(smtp.messages).toHaveLength(4);
    expect(smtp.messages[3].headers.get("message-id")).toBe(readyId);
    const link = ready.text.match(/To stop these emails: (\S+)/)![1];
    expect(ready.html).toContain(link.replace(/&/g, "&amp;"));
    expect(
      String(ready.headers.get("list-unsubscribe") ?? JSON.stringify(ready.headers.get("list"))),
    ).toContain("/notifications/unsubscribe?token=");

    // WHEN the buyer opens the link on the app server: a confirm page; pressing the button unsubscribes
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<button");
    const confirmed = await fetch(link, { method: "POST" });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain("You are unsubscribed");
    const appDb = appDatabase();
    expect(
      await appDb.emailUnsubscribe.count({ where: { shop: A, addressHash: addressHash(BUYER, secret) } }),
    ).toBe(1);
    await appDb.$disconnect();
    // … and a link that was changed is refused with the reason
    const forged = await fetch(`${link}x`);
    expect(forged.status).toBe(400);

    // AND once this database knows it too (the same service as the page), a failed delivery sends no email
    await confirmUnsubscribeToken(db, link);
    const before = smtp.messages.length;
    await heldParcel(A, "1ZNOTIFYA2");
    await scan(
      A,
      "1ZNOTIFYA2",
      "a2-1",
      "ATTEMPTED_DELIVERY",
      "2026-12-08T15:00:00Z",
      "Recipient not available",
    );
    await runUntilSent();
    expect(smtp.messages.length).toBe(before);
    const attempt = await db.notification.findFirstOrThrow({
      where: { shop: A, kind: "delivery_attempt_failed", channel: "EMAIL" },
    });
    expect(attempt).toMatchObject({ status: "SKIPPED", detail: "the buyer unsubscribed" });
    // AND no stored notification names the buyer's address
    const rows = await db.notification.findMany({ where: { shop: A } });
    expect(JSON.stringify(rows)).not.toContain(BUYER);

    // WHEN Shopify asks to redact the customer (customers/redact names the order and the customer)
    await eraseCustomerNotifications(db, A, ["5001"], 7001);
    // THEN the shop's log of that buyer is gone, and the opt-out that keeps them from being emailed stays
    expect(await db.notification.count({ where: { shop: A } })).toBe(0);
    expect(await db.emailUnsubscribe.count({ where: { shop: A } })).toBe(1);
  });
});

describe("public endpoints", () => {
  it("refuse an unsigned Flow lifecycle callback and a bad body, and accept a signed one", async () => {
    // GIVEN the app server's lifecycle endpoint
    const { body, headers } = lifecycle(
      "notify-http.myshopify.com",
      "pickup-hold-expired",
      true,
      "2026-12-01T10:00:00Z",
    );
    // WHEN an unsigned, a signed but malformed, and a signed callback arrive
    const unsigned = await fetch(`${appUrl}/flow/lifecycle`, {
      method: "POST",
      body,
      headers: { "Content-Type": "application/json" },
    });
    const bad = await fetch(`${appUrl}/flow/lifecycle`, {
      method: "POST",
      body: "{}",
      headers: { "X-Shopify-Hmac-Sha256": sign("{}") },
    });
    const ok = await fetch(`${appUrl}/flow/lifecycle`, { method: "POST", body, headers });
    // THEN 401, 400 with the reason, and 200 with the trigger recorded as used
    expect(unsigned.status).toBe(401);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: expect.stringContaining("flow_trigger_definition_id") });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ handle: "pickup-hold-expired", enabled: true });
  });
});
