import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { enqueueJob } from "../../app/jobs/enqueue.server";
import {
  HANDOFF_CATCH_UP,
  HANDOFF_CATCH_UP_SCHEDULE,
  handoffCatchUpKind,
} from "../../app/jobs/kinds/handoff-catch-up.server";
import { handoffRequestsKind, HANDOFF_REQUESTS } from "../../app/jobs/kinds/handoff-requests.server";
import { adminGraphqlClient } from "../../app/services/admin/admin-graphql.server";
import { enableHandoff } from "../../app/services/handoff/enable-handoff.server";
import { listHandoffs } from "../../app/services/handoff/handoff-list.server";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { FakeFulfillmentServiceShop } from "../../scripts/lib/fake-fulfillment-service";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { testEngine } from "../jobs/harness";
import { freshTestDatabase } from "../support/test-database";

// Shopify's fulfillment_order_notification is a ping that can be lost (the app was down); the periodic catch-up
// reads the assigned requests anyway (docs/handoff.md).

process.env.SHOPIFY_API_SECRET = "catch-up-secret";
const dir = mkdtempSync(join(tmpdir(), "tailroute-catch-up-"));
const url = freshTestDatabase("catch_up", dir);
const db = createPrismaClient(url);
const admin = new FakeShopifyAdmin();
const shopify = new FakeFulfillmentServiceShop(admin);
const shop = "catch-up.myshopify.com";
const gone = "catch-up-gone.myshopify.com";
const client = () => adminGraphqlClient(shop, "shpat_catch_up", admin.url);

beforeAll(async () => {
  await admin.start();
  shopify.install();
  for (const s of [shop, gone]) {
    await saveShopConfig(db, { ...demoShopConfig, shop: s });
    await recordInstall(db, s);
  }
  await db.shop.update({ where: { shop: gone }, data: { uninstalledAt: new Date() } });
  await db.warehouse.updateMany({
    where: { shop: gone, key: "edison-nj" },
    data: { handoffEnabled: true, shopifyLocationId: "gid://shopify/Location/1" },
  });
});

afterAll(async () => {
  await admin.stop();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("the handoff catch-up", () => {
  it("runs every 10 minutes", () => {
    expect(HANDOFF_CATCH_UP_SCHEDULE).toMatchObject({ kind: HANDOFF_CATCH_UP, cron: "*/10 * * * *" });
  });

  it("finds a fulfillment request whose notification was lost and hands it over once", async () => {
    // GIVEN a pick-list warehouse and a request Shopify holds, with no notification ever received
    const enabled = await enableHandoff(db, client(), shop, {
      warehouseKey: "edison-nj",
      method: "PICK_LIST",
      appUrl: "https://tailroute.example",
    });
    if (!enabled.ok) throw new Error(enabled.error);
    const fo = shopify.requestFulfillment(enabled.locationId, { number: 4001, name: "#4001" });
    // WHEN the scheduled catch-up runs in two periods, ten minutes apart
    const engine = testEngine(db, url);
    let clock = new Date("2026-12-08T10:00:00Z").getTime();
    const now = () => new Date((clock += 10 * 60_000));
    const deps = { clientFor: async () => client(), backoff: { baseMs: 0, maxMs: 0 } };
    engine.register(handoffCatchUpKind(db, { now }) as never);
    engine.register(handoffRequestsKind(db, deps) as never);
    const completed = async () => {
      const jobs = [
        ...(await engine.list({ shop, kind: HANDOFF_REQUESTS })),
        ...(await engine.list({ shop: "", kind: HANDOFF_CATCH_UP })),
      ];
      return jobs.filter((j) => j.status === "COMPLETED").length;
    };
    await engine.start();
    let requests;
    try {
      for (const period of ["period-1", "period-2"]) {
        const before = await completed();
        await enqueueJob(db, HANDOFF_CATCH_UP, {}, { key: period, shop: "" });
        engine.poke();
        for (let i = 0; i < 400 && (await completed()) < before + 2; i++)
          await new Promise((r) => setTimeout(r, 25));
      }
      requests = await engine.list({ shop, kind: HANDOFF_REQUESTS });
      // (the uninstalled shop got no requests job)
      expect(await engine.list({ shop: gone, kind: HANDOFF_REQUESTS })).toEqual([]);
    } finally {
      await engine.stop();
    }
    // THEN each period ran the shop's requests job: the first accepted and recorded the request, the second found
    // nothing new
    expect(requests.map((j) => j.status)).toEqual(["COMPLETED", "COMPLETED"]);
    expect(shopify.fulfillmentOrders.get(fo)?.requestStatus).toBe("ACCEPTED");
    expect((await listHandoffs(db, shop)).map((h) => [h.orderName, h.state])).toEqual([
      ["#4001", "ACCEPTED"],
    ]);
    expect(admin.callsTo("fulfillmentOrderAcceptFulfillmentRequest")).toHaveLength(1);
  });
});
