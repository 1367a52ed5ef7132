import { createHmac } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PrismaClient } from "@prisma/client";
import { FLOW_TRIGGERS } from "../../app/services/notifications/flow-triggers";
import { saveEmailSettings } from "../../app/services/notifications/settings.server";
import { checkHoldExpiries } from "../../app/services/tracking/holds.server";
import { genericSignature } from "../../app/services/tracking/signatures.server";
import { ensureTrackingSources } from "../../app/services/tracking/sources.server";
import { declaredFlowTriggers, FakeFlow } from "./fake-flow";
import type { FakeShopifyAdmin } from "./fake-shopify-admin";
import { SmtpCapture } from "./smtp-capture";

// The buyer-notification part of `npm run demo` (docs/notifications.md): a local SMTP capture server receives the
// app's emails, the demo shop enables its Flow triggers through the signed lifecycle callback, a parcel arrives at a
// pickup point through the signed tracking endpoint, and the hold check reaches its reminder. The app's own job
// runner sends everything: the emails through SMTP, the triggers with flowTriggerReceive to the fake Shopify.

const DEMO_BUYER = "buyer@example.com";
const TRACKING = "1ZDEMONOTIFY0001";

async function waitForSent(db: PrismaClient, shop: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await db.notification.count({ where: { shop, status: "PENDING" } })) === 0) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

export async function runNotificationsDemo(options: {
  baseUrl: string;
  apiSecret: string;
  db: PrismaClient;
  shop: string;
  fakeShopify: FakeShopifyAdmin;
  projectRoot: string;
  /** Where the captured messages are written (emptied first); default <tmp>/tailroute-demo-mail. */
  mailDir?: string;
}): Promise<{ lines: string[]; smtp: SmtpCapture }> {
  const { baseUrl, apiSecret, db, shop, fakeShopify } = options;
  const mailDir = options.mailDir ?? join(tmpdir(), "tailroute-demo-mail");
  rmSync(mailDir, { recursive: true, force: true });
  const lines: string[] = [];
  const smtp = await new SmtpCapture(mailDir).start();
  const flow = new FakeFlow(
    fakeShopify,
    declaredFlowTriggers(join(options.projectRoot, "extensions")),
  ).install();
  // The buyer's address is read from the order when the email is sent (the app stores none).
  fakeShopify.onRaw("order", (call) =>
    call.query.includes("notificationOrderContact")
      ? {
          body: {
            data: {
              order: {
                id: call.variables.id,
                name: null,
                email: DEMO_BUYER,
                customer: { id: "gid://shopify/Customer/7001" },
              },
            },
          },
        }
      : undefined,
  );

  // The shop's own emails, through the capture server.
  const form = new FormData();
  for (const [k, v] of Object.entries({
    emailEnabled: "on",
    fromName: "Tailroute Demo Store",
    fromAddress: "orders@tailroute-demo.example",
    smtpHost: "127.0.0.1",
    smtpPort: String(smtp.port),
    reminderAfterArrivalDays: "1",
    reminderBeforeExpiryDays: "1",
  }))
    form.set(k, v);
  await saveEmailSettings(db, shop, form);
  lines.push(
    `emails on: SMTP 127.0.0.1:${smtp.port} (a local capture server), sender orders@tailroute-demo.example`,
  );

  // Flow: the merchant turns on workflows using our triggers; Flow tells the app (signed lifecycle callback).
  for (const { handle } of Object.values(FLOW_TRIGGERS)) {
    const body = JSON.stringify({
      flow_trigger_definition_id: handle,
      has_enabled_flow: true,
      shop_id: 1,
      shopify_domain: shop,
      timestamp: new Date().toISOString(),
    });
    const answer = await fetch(`${baseUrl}/flow/lifecycle`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Hmac-Sha256": createHmac("sha256", apiSecret).update(body).digest("base64"),
      },
      body,
    });
    if (!answer.ok) lines.push(`✗ lifecycle callback for ${handle} → HTTP ${answer.status}`);
  }
  lines.push(
    `Flow lifecycle callbacks (HMAC) → POST ${baseUrl}/flow/lifecycle: all 6 triggers used by a workflow`,
  );

  // A demo order's parcel, on its way to a pickup point of the sample directory.
  const decision = await db.routingDecision.findFirst({ where: { shop }, orderBy: { createdAt: "asc" } });
  const point = await db.pickupPoint.findFirst({
    where: { shop, network: "UPS_ACCESS_POINT", active: true },
  });
  if (!decision || !point) {
    lines.push("✗ no routed order or UPS Access Point in the demo shop: skipped");
    return { lines, smtp };
  }
  await db.shipment.deleteMany({ where: { shop, trackingNumber: TRACKING } });
  await db.shipment.create({
    data: {
      shop,
      carrier: "UPS",
      trackingNumber: TRACKING,
      orderId: decision.orderId,
      orderName: decision.orderName,
      pickupPointId: point.id,
    },
  });
  const secrets = await ensureTrackingSources(db, shop);
  const arrivedAt = new Date();
  const body = JSON.stringify({
    events: [
      {
        id: `${TRACKING}-arrived`,
        trackingNumber: TRACKING,
        carrier: "UPS",
        status: "AVAILABLE_FOR_PICKUP",
        occurredAt: arrivedAt.toISOString(),
        description: "Delivered to UPS Access Point",
      },
    ],
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const scan = await fetch(`${baseUrl}/api/tracking/events?shop=${shop}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "X-Tailroute-Timestamp": timestamp,
      "X-Tailroute-Signature": genericSignature(body, timestamp, secrets.GENERIC),
    },
    body,
  });
  lines.push(
    `${decision.orderName ?? decision.orderId} parcel ${TRACKING} arrives at ${point.name} (signed scan → HTTP ${scan.status})`,
  );
  await waitForSent(db, shop);

  // The hold check with a fixed clock at the reminder point (one day before the hold ends).
  const held = await db.shipment.findFirst({ where: { shop, trackingNumber: TRACKING } });
  if (held?.holdReminderAt) {
    const at = new Date(held.holdReminderAt.getTime() + 60_000);
    await checkHoldExpiries(db, { shop, now: at });
    lines.push(
      `hold check at ${at.toISOString().slice(0, 16)}Z: pickup by ${held.holdExpiresAt?.toISOString().slice(0, 10)} → reminder due`,
    );
    await waitForSent(db, shop);
  }

  for (const received of flow.received)
    lines.push(
      `✓ Flow trigger ${received.handle} fired (flowTriggerReceive): order_id ${String(received.payload.order_id)}, ` +
        `point "${String(received.payload["Pickup point name"])}", hold deadline ${String(received.payload["Hold deadline"]).slice(0, 16)}`,
    );
  for (const message of smtp.messages)
    lines.push(`✓ email "${message.subject}" → ${message.to.join(", ")} (captured: ${message.file})`);
  const failed = await db.notification.findMany({ where: { shop, status: { in: ["FAILED", "PENDING"] } } });
  for (const f of failed) lines.push(`✗ ${f.kind} ${f.channel}: ${f.status} ${f.detail ?? ""}`);
  lines.push(`Read the captured emails: ${mailDir}/*.eml (any mail client opens them), or the text:`);
  lines.push(`  cat ${mailDir}/001.eml`);
  return { lines, smtp };
}
