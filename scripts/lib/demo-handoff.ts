import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { PrismaClient } from "@prisma/client";
import { HandoffDocument } from "../../app/contracts/warehouse-handoff";
import { genericSignature, verifyGenericSignature } from "../../app/services/tracking/signatures.server";
import { PROJECT_ROOT } from "./app-server";
import { FakeFulfillmentServiceShop } from "./fake-fulfillment-service";
import type { FakeShopifyAdmin } from "./fake-shopify-admin";
import { shopifyHmac } from "./signed-webhook";

// The handoff part of `npm run demo` (docs/handoff.md): the merchant turns on "Tailroute hands orders to this
// warehouse" for Ontario (the CLI here, the warehouse page in the admin), Shopify requests fulfillment of an order
// at the fulfillment service's location and notifies the app; a small stand-in for the warehouse's own system
// receives the signed order, checks the signature and sends its tracking number back; the app creates the
// Shopify fulfillment.

const WAREHOUSE = "ontario-ca";

/** The warehouse's system: verifies each delivery with the secret it was given, then reports a shipment. */
class DemoWarehouseSystem {
  readonly documents: HandoffDocument[] = [];
  rejected = 0;
  secret = "";
  private server: Server | undefined;
  url = "";
  async start() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const raw = Buffer.concat(chunks);
        const verdict = verifyGenericSignature(
          raw,
          String(req.headers["x-tailroute-timestamp"] ?? ""),
          String(req.headers["x-tailroute-signature"] ?? ""),
          this.secret,
          new Date(),
        );
        if (verdict !== "OK") {
          this.rejected += 1;
          res.writeHead(401).end();
          return;
        }
        this.documents.push(HandoffDocument.parse(JSON.parse(raw.toString("utf8"))));
        res.writeHead(200, { "Content-Type": "application/json" }).end('{"received":true}');
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/tailroute/orders`;
    return this;
  }
  stop() {
    return new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

async function until<T>(read: () => Promise<T | null | undefined>, ms = 30_000): Promise<T | null> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) return null;
    await new Promise((r) => setTimeout(r, 200));
  }
}

export async function replayDemoHandoff(options: {
  appUrl: string;
  databaseUrl: string;
  shop: string;
  apiSecret: string;
  db: PrismaClient;
  fakeShopify: FakeShopifyAdmin;
}): Promise<string[]> {
  const { appUrl, shop, db } = options;
  const shopify = new FakeFulfillmentServiceShop(options.fakeShopify).install();
  const wms = await new DemoWarehouseSystem().start();
  const lines: string[] = [];
  try {
    // The merchant turns the handoff on (what the warehouse page's card does), and gives the secret to the warehouse.
    // (asynchronously: the fake Shopify the CLI calls runs in this process)
    const enabled = await promisify(execFile)(
      process.execPath,
      ["bin/tailroute.mjs", "handoffs", "enable", "--shop", shop, "--warehouse", WAREHOUSE, "--url", wms.url],
      {
        cwd: PROJECT_ROOT,
        encoding: "utf8",
        env: {
          ...process.env,
          DATABASE_URL: options.databaseUrl,
          TAILROUTE_DEMO: "1",
          // The app's own secret: the warehouse secret is sealed with a key derived from it (docs/handoff.md).
          SHOPIFY_API_SECRET: options.apiSecret,
          SHOPIFY_APP_URL: appUrl,
          SHOPIFY_ADMIN_API_BASE_URL: options.fakeShopify.url,
        },
      },
    ).catch((error: { stderr?: string; message: string }) => ({
      stdout: "",
      stderr: error.stderr ?? error.message,
    }));
    wms.secret = enabled.stdout.match(/signing secret[^:]*: (\S+)/)?.[1] ?? "";
    if (!wms.secret) return [`✗ handoffs enable failed: ${enabled.stderr.trim()}`];
    const [service] = shopify.services.values();
    lines.push(
      `✓ ${WAREHOUSE}: fulfillment service "${service.name}" registered, location ${service.locationId}`,
    );

    // Shopify assigns an order to that location and requests fulfillment; it notifies the app.
    const fo = shopify.requestFulfillment(service.locationId, {
      number: 1105,
      name: "#1105",
      message: "Leave at dock 3",
    });
    const body = JSON.stringify({ kind: "FULFILLMENT_REQUEST" });
    const notified = await fetch(`${appUrl}/fulfillment-service/fulfillment_order_notification`, {
      method: "POST",
      body,
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Shopify-Captain-Hook",
        "X-Shopify-Shop-Domain": shop,
        "X-Shopify-Hmac-Sha256": shopifyHmac(body, options.apiSecret),
      },
    });
    lines.push(`✓ fulfillment_order_notification (HMAC) → HTTP ${notified.status}`);
    const received = await until(async () => wms.documents[0]);
    if (!received) return [...lines, "✗ the warehouse received nothing within 30 s"];
    lines.push(
      `✓ request accepted in Shopify (${shopify.fulfillmentOrders.get(fo)?.requestStatus}); the warehouse got ` +
        `${received.order.name} (${received.fulfillmentOrder.lineItems.map((l) => `${l.quantity} × ${l.sku}`).join(", ")}` +
        ` to ${received.shipTo.city} ${received.shipTo.zip}), signature verified`,
    );

    // The warehouse ships it and reports the tracking number back, signed with its secret.
    const report = JSON.stringify({
      fulfillmentOrderId: fo,
      trackingNumber: "1ZDEMO0HANDOFF0001",
      company: "UPS",
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const tracked = await fetch(`${appUrl}/api/warehouse/tracking?shop=${shop}&warehouse=${WAREHOUSE}`, {
      method: "POST",
      body: report,
      headers: {
        "Content-Type": "application/json",
        "X-Tailroute-Timestamp": timestamp,
        "X-Tailroute-Signature": genericSignature(report, timestamp, wms.secret),
      },
    });
    lines.push(`✓ tracking back from the warehouse (signed) → HTTP ${tracked.status}`);
    const fulfilled = await until(() =>
      db.warehouseHandoff.findFirst({ where: { shop, fulfillmentOrderId: fo, state: "FULFILLED" } }),
    );
    lines.push(
      fulfilled
        ? `✓ Shopify fulfillment ${fulfilled.fulfillmentId} created with UPS ${fulfilled.trackingNumber} (buyer notified by Shopify)`
        : "✗ no Shopify fulfillment within 30 s",
    );
    return lines;
  } finally {
    await wms.stop();
  }
}
