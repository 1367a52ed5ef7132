import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OrdersCreatePayload } from "../../app/contracts/order-webhook";
import { createPrismaClient } from "../../app/db.server";
import { freshTestDatabase } from "../support/test-database";
import {
  ROUTING_APPLY_DECISION,
  routingApplyDecisionKind,
} from "../../app/jobs/kinds/routing-apply-decision.server";
import { routingReconcileKind } from "../../app/jobs/kinds/routing-reconcile.server";
import { createJobEngine } from "../../app/jobs/runner.server";
import { demoShopConfig, DEMO_VARIANTS } from "../../app/demo/demo-shop-config";
import { adminGraphqlClient } from "../../app/services/admin/admin-graphql.server";
import type { RoutingAction } from "../../app/services/order-routing/actions.server";
import { DEFAULT_RETRY, type RetryPolicy } from "../../app/services/order-routing/admin-retry.server";
import { applyDecision } from "../../app/services/order-routing/apply-actions.server";
import { reconcileDecisions, reconcilePass } from "../../app/services/order-routing/reconciler.server";
import {
  routeOrderWebhook,
  type RouteOrderDeps,
} from "../../app/services/order-routing/order-webhook.server";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { recordInstall, recordUninstall } from "../../app/services/shop/lifecycle.server";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { fixture } from "../support/fixtures";
import { FakeOrderShop } from "../../scripts/lib/fake-order-shop";
import { whileJobsRun } from "./app-jobs";

const dir = mkdtempSync(join(tmpdir(), "tailroute-order-routing-"));
const databaseUrlOfTest = freshTestDatabase("route_order", dir);
const db = createPrismaClient(databaseUrlOfTest);
const admin = new FakeShopifyAdmin();
const shop = demoShopConfig.shop;
const LOCATION = {
  "edison-nj": "gid://shopify/Location/1001",
  "dallas-tx": "gid://shopify/Location/1002",
  "ontario-ca": "gid://shopify/Location/1003",
};
const ORDER_ID = "gid://shopify/Order/5551234567890";
const NOW = new Date("2026-11-20T15:20:00Z");
/** Nothing on hand at Edison: the order's own committed units make Shopify's "available" negative. */
const EDISON_OVERSOLD = { [DEMO_VARIANTS.mug]: -2, [DEMO_VARIANTS.lamp]: -1 };

const quiet = { log: () => undefined, error: () => undefined };
const sleeps: number[] = [];
const noWait: RetryPolicy = { ...DEFAULT_RETRY, sleep: async (ms) => void sleeps.push(ms) };
let store: FakeOrderShop;

beforeAll(() => admin.start());
afterAll(async () => {
  await admin.stop();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  admin.reset();
  sleeps.length = 0;
  await db.routingDecision.deleteMany({ where: { shop } });
  await db.webhookReceipt.deleteMany({ where: { shop } });
  await saveShopConfig(db, demoShopConfig);
  for (const [key, id] of Object.entries(LOCATION)) {
    await db.warehouse.updateMany({ where: { shop, key }, data: { shopifyLocationId: id } });
  }
  await recordInstall(db, shop);
  // GIVEN (every test) the order's single fulfillment order sits at Edison, where Shopify put it
  store = new FakeOrderShop(admin).install();
  store.orderId = ORDER_ID;
  store.note = "Gift wrap please";
  store.fulfillmentOrders = [
    {
      id: "gid://shopify/FulfillmentOrder/1",
      status: "OPEN",
      requestStatus: "UNSUBMITTED",
      locationId: LOCATION["edison-nj"],
      lines: [
        {
          id: "gid://shopify/FulfillmentOrderLineItem/11",
          variantId: DEMO_VARIANTS.mug,
          inventoryItemId: "gid://shopify/InventoryItem/1",
          quantity: 2,
        },
        {
          id: "gid://shopify/FulfillmentOrderLineItem/12",
          variantId: DEMO_VARIANTS.lamp,
          inventoryItemId: "gid://shopify/InventoryItem/5",
          quantity: 1,
        },
      ],
    },
  ];
});

const payload = () => OrdersCreatePayload.parse(fixture("shopify/orders/orders-create-mugs-lamp.json"));
const deps = (extra: Partial<RouteOrderDeps> = {}): RouteOrderDeps => ({
  clientFor: async () => adminGraphqlClient(shop, "shpat_test", admin.url),
  now: () => NOW,
  decideRetry: noWait,
  ...extra,
});
/** What the server's job runner gets: the fake Shopify, the fixed clock, no real sleeps. */
const jobDeps = () => ({ clientFor: deps().clientFor!, now: () => NOW, retry: noWait });
/** The webhook answered; nothing else runs in this process until a job runner does (a crash right here). */
const deliver = (webhookId = randomUUID(), extra: Partial<RouteOrderDeps> = {}) =>
  routeOrderWebhook(db, { shop, webhookId, topic: "ORDERS_CREATE", payload: payload() }, deps(extra));
const decisionOf = () =>
  db.routingDecision.findUniqueOrThrow({
    where: { shop_orderId_revision: { shop, orderId: ORDER_ID, revision: 0 } },
  });
/** The server's job runner completes the decision's job: its status once it is no longer open. */
const settle = async (result: Awaited<ReturnType<typeof deliver>>) =>
  result.outcome !== "DECIDED"
    ? null
    : whileJobsRun(db, databaseUrlOfTest, jobDeps(), async () => {
        // (on PostgreSQL the job first passes pg-boss's relay: allow a loaded machine more than poll's 1 s)
        await expect
          .poll(async () => ["PENDING", "NEEDS_INPUT"].includes((await decisionOf()).status), {
            timeout: 15_000,
          })
          .toBe(false);
        return (await decisionOf()).status;
      });
const actionsOf = async () => (await decisionOf()).actions as unknown as RoutingAction[];

describe("order routing on orders/create", () => {
  it("moves the fulfillment order to the only warehouse Shopify says has the stock, then annotates the order", async () => {
    // GIVEN the config's snapshot says Edison has everything, but Shopify's live levels say only Ontario does
    store.setStock(LOCATION["edison-nj"], EDISON_OVERSOLD);
    store.setStock(LOCATION["dallas-tx"], { [DEMO_VARIANTS.mug]: 0, [DEMO_VARIANTS.lamp]: 0 });
    store.setStock(LOCATION["ontario-ca"], { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 3 });
    // WHEN the webhook is handled and its actions run
    const result = await deliver();
    expect(await settle(result)).toBe("APPLIED");
    // THEN the decision is stored with the buyer's tier, and Shopify saw one move to Ontario
    const decision = await decisionOf();
    expect(decision).toMatchObject({ status: "APPLIED", serviceCode: "TR_STANDARD", orderName: "#1042" });
    expect(decision.costCents).toBeGreaterThan(0);
    expect(decision.promisedMinDate).toBeInstanceOf(Date);
    expect(admin.callsTo("fulfillmentOrderMove").map((c) => c.variables)).toEqual([
      { id: "gid://shopify/FulfillmentOrder/1", newLocationId: LOCATION["ontario-ca"] },
    ]);
    expect(store.fulfillmentOrders[0].locationId).toBe(LOCATION["ontario-ca"]);
    // AND the order carries the json metafield, the tags, and a note appended after the merchant's
    const metafield = store.metafields.get("tailroute.routing")!;
    expect(metafield.type).toBe("json");
    expect(JSON.parse(metafield.value)).toMatchObject({
      decisionId: decision.id,
      serviceCode: "TR_STANDARD",
    });
    expect(store.tags).toContain("tailroute:ontario-ca");
    expect(store.note).toMatch(/^Gift wrap please\n\[Tailroute .*\] Ontario/);
    // (the service is named once: "UPS Ground", never "UPS UPS Ground")
    expect(store.note).toMatch(/Ontario[^:]*: (UPS|FedEx|USPS|Amazon) /);
    expect(store.note).not.toMatch(/\b(UPS|FedEx|USPS) \1\b/);
    expect((await actionsOf()).every((a) => a.status === "APPLIED")).toBe(true);
  });

  it("a redelivery (same X-Shopify-Webhook-Id) or a second delivery of the order decides and moves nothing again", async () => {
    // GIVEN an order routed once
    store.setStock(LOCATION["dallas-tx"], { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 3 });
    const webhookId = randomUUID();
    await settle(await deliver(webhookId));
    // WHEN Shopify redelivers it, and another subscription delivers the same order
    const again = await deliver(webhookId);
    const other = await deliver(randomUUID());
    // THEN one decision, one move, one note
    expect(again.outcome).toBe("REDELIVERY");
    expect(other.outcome).toBe("ALREADY_DECIDED");
    expect(await db.routingDecision.count({ where: { shop, orderId: ORDER_ID } })).toBe(1);
    expect(admin.callsTo("fulfillmentOrderMove")).toHaveLength(1);
    expect(admin.callsTo("orderUpdate")).toHaveLength(1);
  });

  it("records a refused move and moves to the next best warehouse instead", async () => {
    // GIVEN Dallas looks best on stock, but Shopify refuses moves there
    store.setStock(LOCATION["edison-nj"], EDISON_OVERSOLD);
    store.setStock(LOCATION["dallas-tx"], { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 3 });
    store.setStock(LOCATION["ontario-ca"], { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 3 });
    const first = await deliver(randomUUID());
    const planned = (await actionsOf()).find((a) => a.kind === "MOVE")!;
    const refused = planned.kind === "MOVE" ? planned.newLocationId : "";
    store.refuseMovesTo.add(refused);
    expect(first.outcome).toBe("DECIDED");
    // WHEN the actions are applied
    const report = await reconcileDecisions(db, {
      shop,
      clientFor: deps().clientFor!,
      now: () => NOW,
      retry: noWait,
    });
    // THEN the refusal is on record, and the order went to another warehouse
    expect(report.results.map((r) => r.result)).toEqual(["APPLIED"]);
    const actions = await actionsOf();
    const failed = actions.find((a) => a.kind === "MOVE" && a.status === "FAILED")!;
    expect(failed.error).toMatch(/doesn't stock the item/);
    const moved = store.fulfillmentOrders[0].locationId;
    expect(moved).not.toBe(refused);
    expect(moved).not.toBe(LOCATION["edison-nj"]);
    const decision = await decisionOf();
    expect(decision.status).toBe("APPLIED");
    expect((decision.reasons as string[]).join("\n")).toMatch(/refused the move/);
    expect(actions.filter((a) => a.kind === "NOTE" && a.status === "APPLIED")).toHaveLength(1);
  });

  it("keeps a refused warehouse excluded when Shopify goes down during the re-route, and finishes later", async () => {
    // GIVEN Dallas and Ontario both stock the order, the planned warehouse refuses the move,
    // and the Admin API stops answering reads right after that refusal
    store.setStock(LOCATION["edison-nj"], EDISON_OVERSOLD);
    store.setStock(LOCATION["dallas-tx"], { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 3 });
    store.setStock(LOCATION["ontario-ca"], { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 3 });
    await deliver(randomUUID());
    const planned = (await actionsOf()).find((a) => a.kind === "MOVE")!;
    const refused = planned.kind === "MOVE" ? planned.newLocationId : "";
    store.refuseMovesTo.add(refused);
    let down = false;
    admin.onRaw("fulfillmentOrderMove", () => void (down = true));
    admin.onRaw("order", () => (down ? { status: 503, body: { errors: "Service Unavailable" } } : undefined));
    const options = { clientFor: deps().clientFor!, now: () => NOW, retry: noWait };
    // WHEN the reconciler applies, Shopify is down for the re-route
    const first = await reconcileDecisions(db, options);
    // THEN the decision waits for Shopify with the refusal on record and nothing else pending
    expect(first.results.map((r) => r.result)).toEqual(["NEEDS_INPUT"]);
    expect((await decisionOf()).status).toBe("NEEDS_INPUT");
    expect((await actionsOf()).filter((a) => a.status === "PENDING")).toHaveLength(0);
    // WHEN Shopify is back and the reconciler runs again
    down = false;
    admin.onRaw("fulfillmentOrderMove", () => undefined);
    await reconcileDecisions(db, options);
    // THEN the order went elsewhere, once, and the history is kept
    expect((await decisionOf()).status).toBe("APPLIED");
    expect(store.fulfillmentOrders[0].locationId).not.toBe(refused);
    expect(store.fulfillmentOrders[0].locationId).not.toBe(LOCATION["edison-nj"]);
    const actions = await actionsOf();
    expect(actions.filter((a) => a.kind === "MOVE").map((a) => a.status)).toEqual(["FAILED", "APPLIED"]);
    expect(admin.callsTo("orderUpdate")).toHaveLength(1);
  });

  it("a running server's job runner finishes a decision that Shopify's outage left pending, without a restart", async () => {
    // GIVEN a stored decision, and Shopify answering every move with 503 for now
    store.setStock(LOCATION["dallas-tx"], { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 3 });
    await deliver(randomUUID());
    let down = true;
    admin.onRaw("fulfillmentOrderMove", () =>
      down ? { status: 503, body: { errors: "Service Unavailable" } } : undefined,
    );
    // WHEN the server's job runner runs the decision's job (enqueued with it), retrying with a short backoff here
    const runner = createJobEngine(db, databaseUrlOfTest, { pollMs: 20, log: quiet });
    runner.register(
      routingApplyDecisionKind(db, {
        clientFor: deps().clientFor!,
        now: () => NOW,
        retry: { ...noWait, maxAttempts: 1 },
        backoff: { baseMs: 20, maxMs: 50 },
      }) as never,
    );
    await runner.start();
    try {
      // (on PostgreSQL the job first passes pg-boss's relay: allow a loaded machine more than poll's 1 s)
      await expect
        .poll(() => admin.callsTo("fulfillmentOrderMove").length, { timeout: 15_000 })
        .toBeGreaterThan(0);
      expect((await decisionOf()).status).toBe("PENDING");
      // ... and Shopify comes back
      down = false;
      // THEN a later attempt applies the decision, with no second tag, note or metafield
      await expect.poll(async () => (await decisionOf()).status, { timeout: 15_000 }).toBe("APPLIED");
    } finally {
      await runner.stop();
    }
    expect(store.fulfillmentOrders[0].locationId).toBe(LOCATION["dallas-tx"]);
    expect(admin.callsTo("tagsAdd")).toHaveLength(1);
    expect(admin.callsTo("orderUpdate")).toHaveLength(1);
  });

  it("the webhook stores the decision with its job and applies nothing beside it; the job applies each action once", async () => {
    // GIVEN Dallas has the order's stock
    store.setStock(LOCATION["dallas-tx"], { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 3 });
    // WHEN orders/create is answered, and a moment passes before any job runner runs
    const result = await deliver();
    await new Promise((resolve) => setTimeout(resolve, 300));
    // THEN the decision waits for its job: no Admin mutation went out from the request's process
    if (result.outcome !== "DECIDED") throw new Error(`expected a decision, got ${result.outcome}`);
    expect(result.status).toBe("PENDING");
    expect(admin.callsTo("fulfillmentOrderMove")).toHaveLength(0);
    expect(admin.callsTo("tagsAdd")).toHaveLength(0);
    expect(
      await db.job.count({ where: { shop, kind: ROUTING_APPLY_DECISION, key: result.decisionId } }),
    ).toBe(1);
    // WHEN the server's job runner runs
    const jobs = await whileJobsRun(db, databaseUrlOfTest, jobDeps(), async (engine) => {
      const ofDecision = async () =>
        (await engine.list({ shop, kind: ROUTING_APPLY_DECISION })).filter(
          (j) => j.key === result.decisionId,
        );
      await expect
        .poll(async () => (await ofDecision()).map((j) => j.status), { timeout: 15_000 })
        .toEqual(["COMPLETED"]);
      return ofDecision();
    });
    // THEN its first attempt applied the decision (no BUSY retry), each action once
    expect(jobs[0]).toMatchObject({ attempts: 1, error: null });
    expect((await decisionOf()).status).toBe("APPLIED");
    expect(admin.callsTo("fulfillmentOrderMove")).toHaveLength(1);
    expect(admin.callsTo("tagsAdd")).toHaveLength(1);
    expect(admin.callsTo("orderUpdate")).toHaveLength(1);
  });

  it("the recurring reconcile pass only enqueues: a decision whose job FAILED is left for the merchant's Retry", async () => {
    // GIVEN a stored decision whose job ran out of attempts while Shopify answered every move with 503
    store.setStock(LOCATION["dallas-tx"], { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 3 });
    const result = await deliver();
    if (result.outcome !== "DECIDED") throw new Error(`expected a decision, got ${result.outcome}`);
    await db.job.updateMany({ where: { shop, key: result.decisionId }, data: { maxAttempts: 2 } });
    let down = true;
    admin.onRaw("fulfillmentOrderMove", () =>
      down ? { status: 503, body: { errors: "Service Unavailable" } } : undefined,
    );
    await whileJobsRun(db, databaseUrlOfTest, jobDeps(), async (engine) => {
      const ofDecision = async () =>
        (await engine.list({ shop, kind: ROUTING_APPLY_DECISION })).filter(
          (j) => j.key === result.decisionId,
        );
      await expect
        .poll(async () => (await ofDecision()).map((j) => j.status), { timeout: 20_000 })
        .toEqual(["FAILED"]);
      const [failed] = await ofDecision();
      expect(failed.error).toMatch(/still PENDING: .*503|Service Unavailable/);
      // WHEN Shopify is back and the recurring pass runs (its job kind's handler), the runner still running
      down = false;
      const movesBefore = admin.callsTo("fulfillmentOrderMove").length;
      await routingReconcileKind(db).handler(
        {},
        {
          id: "pass",
          kind: "routing.reconcile",
          shop: "",
          attempt: 1,
          signal: new AbortController().signal,
          progress: async () => undefined,
        },
      );
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      // THEN nothing was applied behind the failed job: still PENDING, no new move, the one job still FAILED
      expect((await decisionOf()).status).toBe("PENDING");
      expect(admin.callsTo("fulfillmentOrderMove")).toHaveLength(movesBefore);
      expect((await ofDecision()).map((j) => j.status)).toEqual(["FAILED"]);
      // WHEN the merchant retries the failed job (Background work, or `tailroute jobs retry`)
      expect(await engine.retry(shop, failed.id)).toBe(true);
      // THEN it applies the decision
      await expect.poll(async () => (await decisionOf()).status, { timeout: 15_000 }).toBe("APPLIED");
    });
    expect(store.fulfillmentOrders[0].locationId).toBe(LOCATION["dallas-tx"]);
    expect(admin.callsTo("tagsAdd")).toHaveLength(1);
  });

  it("the recurring pass gives an open decision that has no job its keyed job, and applies nothing itself", async () => {
    // GIVEN a PENDING decision whose job is gone (recorded before the job runner existed, say)
    store.setStock(LOCATION["dallas-tx"], { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 3 });
    const result = await deliver();
    if (result.outcome !== "DECIDED") throw new Error(`expected a decision, got ${result.outcome}`);
    await db.job.deleteMany({ where: { shop } });
    // WHEN the recurring pass runs twice
    const first = await reconcilePass(db, quiet);
    await reconcilePass(db, quiet);
    // THEN the decision has one job keyed by it, and Shopify saw nothing from the pass
    expect(first.examined).toBe(1);
    expect(await db.job.findMany({ where: { shop }, select: { kind: true, key: true, shop: true } })).toEqual(
      [{ kind: ROUTING_APPLY_DECISION, key: result.decisionId, shop }],
    );
    expect(admin.calls.filter((c) => /^\s*mutation/.test(c.query))).toHaveLength(0);
    // WHEN the server's job runner runs, THEN the job applies it
    expect(await settle(result)).toBe("APPLIED");
    expect(admin.callsTo("fulfillmentOrderMove")).toHaveLength(1);
  });

  it("the reconciler leaves an uninstalled shop's decisions, and those older than its window, alone", async () => {
    // GIVEN a decision left pending
    store.setStock(LOCATION["dallas-tx"], { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 3 });
    await deliver(randomUUID());
    const options = { clientFor: deps().clientFor!, now: () => NOW, retry: noWait };
    // WHEN the shop is uninstalled, THEN a pass does not even look at it
    await recordUninstall(db, shop, NOW);
    expect((await reconcileDecisions(db, options)).examined).toBe(0);
    // WHEN it is installed again but the pass only covers decisions recorded after this one, THEN still nothing
    await recordInstall(db, shop);
    const later = new Date(Date.now() + 60_000);
    expect((await reconcileDecisions(db, { ...options, since: later })).examined).toBe(0);
    // ... and a pass whose window covers it applies it
    const report = await reconcileDecisions(db, options);
    expect(report.results.map((r) => r.result)).toEqual(["APPLIED"]);
    expect(admin.callsTo("fulfillmentOrderMove")).toHaveLength(1);
  });

  it("after a crash between decision and move, the reconciler completes it exactly once", async () => {
    // GIVEN a decision stored, then the process died before any action ran
    store.setStock(LOCATION["dallas-tx"], { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 3 });
    await deliver(randomUUID());
    expect((await decisionOf()).status).toBe("PENDING");
    expect(admin.callsTo("fulfillmentOrderMove")).toHaveLength(0);
    // WHEN two reconcilers run at once (start-up and `tailroute reconcile`), then once more
    const options = { clientFor: deps().clientFor!, now: () => NOW, retry: noWait };
    await Promise.all([reconcileDecisions(db, options), reconcileDecisions(db, options)]);
    await reconcileDecisions(db, options);
    // THEN every action ran once
    expect((await decisionOf()).status).toBe("APPLIED");
    expect(admin.callsTo("fulfillmentOrderMove")).toHaveLength(1);
    expect(admin.callsTo("tagsAdd")).toHaveLength(1);
    expect(admin.callsTo("orderUpdate")).toHaveLength(1);
    expect(admin.callsTo("metafieldsSet")).toHaveLength(1);
  });

  it("after a crash between Shopify's move and our bookkeeping, the reconciler sees the move and does not repeat it", async () => {
    // GIVEN the move reached Shopify but the process died before marking it applied
    store.setStock(LOCATION["dallas-tx"], { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 3 });
    await deliver(randomUUID());
    const decision = await decisionOf();
    const actions = decision.actions as unknown as RoutingAction[];
    const move = actions.find((a) => a.kind === "MOVE")!;
    if (move.kind !== "MOVE") throw new Error("expected a move");
    move.attempts = 1;
    store.fulfillmentOrders[0].locationId = move.newLocationId;
    await db.routingDecision.update({ where: { id: decision.id }, data: { actions: actions as never } });
    // WHEN the reconciler runs
    await reconcileDecisions(db, { clientFor: deps().clientFor!, now: () => NOW, retry: noWait });
    // THEN it marked the move applied without calling fulfillmentOrderMove
    expect(admin.callsTo("fulfillmentOrderMove")).toHaveLength(0);
    expect((await actionsOf()).find((a) => a.kind === "MOVE")?.status).toBe("APPLIED");
  });

  it("a worker whose lease ran out while Shopify answered slowly stops; the worker that took over finishes once", async () => {
    // GIVEN a stored decision, and worker A holding a 1-minute lease on it
    store.setStock(LOCATION["dallas-tx"], { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 3 });
    await deliver(randomUUID());
    const { id } = await decisionOf();
    const real = adminGraphqlClient(shop, "shpat_test", admin.url);
    let resultOfB: string | null = null;
    // ... whose first Admin call (the move) stalls past the lease: meanwhile worker B claims the decision
    // (two minutes later) and applies everything
    const slowClient = new Proxy(real, {
      get(target, property, receiver) {
        if (property !== "rawRequest") return Reflect.get(target, property, receiver) as unknown;
        return async (...args: Parameters<typeof real.rawRequest>) => {
          if (resultOfB === null) {
            resultOfB = "running";
            const later = new Date(NOW.getTime() + 120_000);
            resultOfB = await applyDecision(db, real, shop, id, { now: () => later, retry: noWait });
          }
          return target.rawRequest(...args);
        };
      },
    });
    // WHEN A's call finally returns
    const resultOfA = await applyDecision(db, slowClient, shop, id, { now: () => NOW, retry: noWait });
    // THEN B applied the decision, and A wrote nothing more and made no call after the stalled one
    expect(resultOfB).toBe("APPLIED");
    expect(resultOfA).toBe("BUSY");
    expect((await decisionOf()).status).toBe("APPLIED");
    expect(admin.callsTo("tagsAdd")).toHaveLength(1);
    expect(admin.callsTo("metafieldsSet")).toHaveLength(1);
    expect(admin.callsTo("orderUpdate")).toHaveLength(1);
    expect((await actionsOf()).every((a) => a.status === "APPLIED")).toBe(true);
  });

  it("splits the fulfillment order when the items ship from different warehouses", async () => {
    // GIVEN mugs only in Dallas and the lamp only in Ontario
    store.setStock(LOCATION["edison-nj"], EDISON_OVERSOLD);
    store.setStock(LOCATION["dallas-tx"], { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 0 });
    store.setStock(LOCATION["ontario-ca"], { [DEMO_VARIANTS.mug]: 0, [DEMO_VARIANTS.lamp]: 3 });
    // WHEN routed
    expect(await settle(await deliver())).toBe("APPLIED");
    // THEN Shopify got a split in the documented input shape, and each part sits at its warehouse
    const [split] = admin.callsTo("fulfillmentOrderSplit");
    expect(split.variables.fulfillmentOrderSplits).toEqual([
      expect.objectContaining({
        fulfillmentOrderId: "gid://shopify/FulfillmentOrder/1",
        fulfillmentOrderLineItems: expect.any(Array),
      }),
    ]);
    const where = Object.fromEntries(
      store.fulfillmentOrders.map((fo) => [fo.lines.map((l) => l.variantId).join(","), fo.locationId]),
    );
    expect(where).toEqual({
      [DEMO_VARIANTS.mug]: LOCATION["dallas-tx"],
      [DEMO_VARIANTS.lamp]: LOCATION["ontario-ca"],
    });
    expect(store.tags).toEqual(
      expect.arrayContaining(["tailroute:dallas-tx", "tailroute:ontario-ca", "tailroute:split"]),
    );
  });

  it("leaves a fulfillment order a 3PL's fulfillment service already holds, and says why and what the merchant can do", async () => {
    // GIVEN the order's fulfillment order sits at Edison, a 3PL whose app already has the request (SUBMITTED),
    // while Shopify's live levels say only Ontario has the items
    store.fulfillmentOrders[0].requestStatus = "SUBMITTED";
    store.setStock(LOCATION["edison-nj"], EDISON_OVERSOLD);
    store.setStock(LOCATION["dallas-tx"], { [DEMO_VARIANTS.mug]: 0, [DEMO_VARIANTS.lamp]: 0 });
    store.setStock(LOCATION["ontario-ca"], { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 3 });
    // WHEN routed
    expect(await settle(await deliver())).toBe("APPLIED");
    // THEN nothing was moved (Shopify would refuse), and the decision says why and what to do
    expect(admin.callsTo("fulfillmentOrderMove")).toEqual([]);
    expect(store.fulfillmentOrders[0].locationId).toBe(LOCATION["edison-nj"]);
    const reasons = (await decisionOf()).reasons as string[];
    expect(reasons).toContainEqual(
      expect.stringMatching(
        /FulfillmentOrder\/1 stays at Edison.*fulfillment service already has the request \(submitted\).*ask the 3PL to reject the request.*re-route/,
      ),
    );
  });

  it("retries a throttled read, waiting as long as Shopify's throttle status says", async () => {
    // GIVEN Shopify answers the first read with 429 and THROTTLED (152 points needed, 52 available, 100/s)
    store.setStock(LOCATION["dallas-tx"], { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 3 });
    let throttled = 0;
    admin.onRaw("order", () =>
      throttled++ === 0
        ? { status: 429, body: fixture("shopify/orders/throttled-response.json") }
        : undefined,
    );
    // WHEN routed
    expect(await settle(await deliver())).toBe("APPLIED");
    // THEN it waited (152 − 52) / 100 s = 1 s once and then succeeded
    expect(sleeps[0]).toBe(1000);
    expect((await decisionOf()).status).toBe("APPLIED");
  });

  it("records NEEDS_INPUT when Shopify stays unavailable, and the decision's job decides it once Shopify is back", async () => {
    // GIVEN the Admin API answers 503 while the webhook waits
    store.setStock(LOCATION["dallas-tx"], { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 3 });
    admin.onRaw("order", () => ({ status: 503, body: { errors: "Service Unavailable" } }));
    const result = await deliver();
    // THEN the order is not lost: a decision waits for Shopify, with the job that will decide it
    expect(result).toMatchObject({ outcome: "DECIDED", status: "NEEDS_INPUT" });
    if (result.outcome !== "DECIDED") return;
    expect(
      await db.job.count({ where: { shop, kind: ROUTING_APPLY_DECISION, key: result.decisionId } }),
    ).toBe(1);
    // WHEN Shopify recovers and the server's job runner runs
    admin.onRaw("order", () => undefined);
    // THEN the order is routed
    expect(await settle(result)).toBe("APPLIED");
    expect(admin.callsTo("fulfillmentOrderMove")).toHaveLength(1);
  });

  it("`tailroute reconcile` still decides a NEEDS_INPUT decision on the operator's demand", async () => {
    // GIVEN a decision recorded while Shopify was unavailable
    store.setStock(LOCATION["dallas-tx"], { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 3 });
    admin.onRaw("order", () => ({ status: 503, body: { errors: "Service Unavailable" } }));
    await deliver();
    // WHEN Shopify recovers and the operator runs the reconciler
    admin.onRaw("order", () => undefined);
    await reconcileDecisions(db, { clientFor: deps().clientFor!, now: () => NOW, retry: noWait });
    // THEN the order is routed
    expect((await decisionOf()).status).toBe("APPLIED");
    expect(admin.callsTo("fulfillmentOrderMove")).toHaveLength(1);
  });

  it("records an order of a shop with no warehouses as unroutable, with the reason, without calling Shopify", async () => {
    // GIVEN a shop that has not configured any warehouse
    await saveShopConfig(db, { ...demoShopConfig, warehouses: [] });
    // WHEN its order arrives
    const result = await deliver();
    // THEN it is recorded unroutable
    expect(result).toMatchObject({ outcome: "DECIDED", status: "UNROUTABLE" });
    const decision = await decisionOf();
    expect(decision.error).toBe("The shop has no active warehouses");
    expect(admin.calls).toHaveLength(0);
  });

  it("does nothing for an uninstalled shop", async () => {
    // GIVEN the shop uninstalled the app
    await recordUninstall(db, shop, NOW);
    // WHEN an order webhook still arrives
    const result = await deliver();
    // THEN no decision and no Admin call
    expect(result.outcome).toBe("NOT_INSTALLED");
    expect(await db.routingDecision.count({ where: { shop } })).toBe(0);
    expect(admin.calls).toHaveLength(0);
  });
});
