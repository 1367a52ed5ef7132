import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { seedDemoShop } from "../../app/demo/seed.server";
import type { RoutingAction } from "../../app/services/order-routing/actions.server";
import type { RunningApp } from "../../scripts/lib/app-server";
import { DEMO_ORDERS, orderPayload } from "../../scripts/lib/demo-orders";
import { FakeOrderBook } from "../../scripts/lib/fake-order-book";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { deliverWebhook } from "../../scripts/lib/signed-webhook";
import { TEST_API_SECRET } from "../support/global-setup";
import { startTestApp } from "../support/test-app";
import { freshTestDatabase } from "../support/test-database";

// The app process is killed with SIGKILL while the decision's job (routing.apply-decision, the only thing that
// applies a freshly recorded decision) has its first Admin action in flight, then started again. The job runs
// again and must finish the decision with every action applied exactly once at Shopify — whether or not Shopify
// had applied the in-flight move before the crash.

const SHOP = "tailroute-demo.myshopify.com";
const LEASE_MS = 800;
const dir = mkdtempSync(join(tmpdir(), "tailroute-crash-"));
const url = freshTestDatabase("crash_safety", dir);
const db = createPrismaClient(url);
let shopify: FakeShopifyAdmin;
let book: FakeOrderBook;

async function startApp(): Promise<RunningApp> {
  return startTestApp({
    databaseUrl: url,
    adminApiUrl: shopify.url,
    env: {
      TAILROUTE_ACTION_LEASE_MS: String(LEASE_MS),
      // PostgreSQL: pg-boss hands the dead worker's job on after its time limit (+5 s), checked every second.
      TAILROUTE_JOB_SUPERVISE_S: "1",
      TAILROUTE_JOB_ATTEMPT_MS: "2000",
    },
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  await seedDemoShop(db);
  shopify = await new FakeShopifyAdmin().start();
  book = new FakeOrderBook(shopify).install();
});

afterAll(async () => {
  await shopify.stop();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("crash safety: SIGKILL between recording a decision and applying its actions", () => {
  it.each([
    { when: "Shopify had applied the in-flight move", moveOutcome: "APPLY" as const, numericId: 9_100_001 },
    {
      when: "the in-flight move never reached Shopify",
      moveOutcome: "DROP" as const,
      numericId: 9_100_002,
    },
  ])(
    "after a restart every action is applied exactly once ($when)",
    async ({ moveOutcome, numericId }) => {
      // GIVEN a running app, and a fake Shopify that kills it the moment the order's first move arrives
      const first = await startApp();
      const exited = new Promise((resolve) => first.process.once("exit", resolve));
      let crashes = 0;
      book.onMove = () => {
        if (crashes > 0) return "APPLY";
        crashes += 1;
        first.process.kill("SIGKILL");
        return moveOutcome;
      };
      const orderId = FakeOrderBook.orderGid(numericId);
      const foId = FakeOrderBook.fulfillmentOrderGid(numericId);

      // WHEN the order's webhook arrives and the process dies mid-way through the Admin actions
      const response = await deliverWebhook(first.url, "/webhooks/orders/create", {
        topic: "orders/create",
        shop: SHOP,
        secret: TEST_API_SECRET,
        body: orderPayload({ ...DEMO_ORDERS[0], name: `#${numericId}` }, numericId),
      });
      expect(response.status).toBe(200);
      await exited;
      const afterCrash = await db.routingDecision.findFirstOrThrow({ where: { shop: SHOP, orderId } });
      expect(afterCrash.status).toBe("PENDING");
      expect(crashes).toBe(1);

      // ... and the app is started again once the dead worker's lease has run out
      await sleep(LEASE_MS + 200);
      const second = await startApp();
      let decision = afterCrash;
      // (the dead worker's claim lapses at the job's 2 s time limit plus a margin, and the job runs again at once:
      // SQLite and pg-boss alike, so 20 s is ample; pg-boss's retry backoff once made it 15–30 s more)
      const restarted = Date.now();
      for (let i = 0; i < 200 && decision.status === "PENDING" && Date.now() - restarted < 20_000; i++) {
        await sleep(100);
        decision = await db.routingDecision.findFirstOrThrow({ where: { shop: SHOP, orderId } });
      }
      await second.stop();

      // THEN the decision's job, run again after the restart, finished it, and Shopify saw each action exactly once
      expect(decision.status).toBe("APPLIED");
      expect(decision.applyRuns).toBe(2);
      const actions = decision.actions as unknown as RoutingAction[];
      expect(actions.map((a) => a.kind)).toContain("MOVE");
      expect(actions.every((a) => a.status === "APPLIED")).toBe(true);
      expect(book.moves.get(foId)).toBe(1);
      const orderCalls = book.orderMutations.get(orderId) ?? [];
      expect(new Set(orderCalls).size).toBe(orderCalls.length);
      expect(orderCalls.filter((c) => c === "tagsAdd")).toHaveLength(
        actions.filter((a) => a.kind === "TAGS").length,
      );
      expect(orderCalls.filter((c) => c.startsWith("metafieldsSet"))).toHaveLength(
        actions.filter((a) => a.kind === "METAFIELD").length,
      );
    },
    150_000,
  );
});
