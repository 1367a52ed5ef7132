import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@prisma/client";
import { OrdersCreatePayload } from "../../app/contracts/order-webhook";
import { OrdersUpdatedPayload } from "../../app/contracts/order-change-webhooks";
import { createPrismaClient } from "../../app/db.server";
import { demoShopConfig, DEMO_VARIANTS } from "../../app/demo/demo-shop-config";
import type { JobDeps } from "../../app/jobs/deps";
import { routingApplyDecisionKind } from "../../app/jobs/kinds/routing-apply-decision.server";
import { routingOrderCancelKind } from "../../app/jobs/kinds/routing-order-cancel.server";
import { routingOrderChangeKind } from "../../app/jobs/kinds/routing-order-change.server";
import { createJobEngine } from "../../app/jobs/runner.server";
import { adminGraphqlClient } from "../../app/services/admin/admin-graphql.server";
import { DEFAULT_RETRY, type RetryPolicy } from "../../app/services/order-routing/admin-retry.server";
import type { RoutingAction } from "../../app/services/order-routing/actions.server";
import {
  receiveOrdersCancelled,
  receiveOrdersEdited,
  receiveOrdersUpdated,
} from "../../app/services/order-routing/order-changes/order-change-webhook.server";
import { routeOrderWebhook } from "../../app/services/order-routing/order-webhook.server";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { FakeOrderShop } from "../../scripts/lib/fake-order-shop";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { fixture } from "../support/fixtures";
import { freshTestDatabase } from "../support/test-database";

const dir = mkdtempSync(join(tmpdir(), "tailroute-order-changes-"));
const url = freshTestDatabase("order_changes", dir);
const db: PrismaClient = createPrismaClient(url);
const admin = new FakeShopifyAdmin();
const shop = demoShopConfig.shop;
const LOCATION = {
  "edison-nj": "gid://shopify/Location/1001",
  "dallas-tx": "gid://shopify/Location/1002",
  "ontario-ca": "gid://shopify/Location/1003",
};
/** Each test routes an order of its own: a job a previous test left queued never touches this one. */
let orderNumber = 5551234567890;
let ORDER_ID = "";
const FO = "gid://shopify/FulfillmentOrder/1";
const NOW = new Date("2026-11-20T15:20:00Z");
const STOCKED = { [DEMO_VARIANTS.mug]: 40, [DEMO_VARIANTS.lamp]: 3 };
const NEWARK = {
  address1: "1 Gateway Center",
  city: "Newark",
  province_code: "NJ",
  zip: "07102",
  country_code: "US",
};
const noWait: RetryPolicy = { ...DEFAULT_RETRY, sleep: async () => undefined };
const clientFor = async () => adminGraphqlClient(shop, "shpat_test", admin.url);
const jobDeps: JobDeps = { clientFor, now: () => NOW, retry: noWait, backoff: { baseMs: 20, maxMs: 50 } };
const quiet = { log: () => undefined, error: () => undefined };
let store: FakeOrderShop;

beforeAll(() => admin.start());
afterAll(async () => {
  await admin.stop();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  admin.reset();
  await db.routingDecision.deleteMany({ where: { shop } });
  await db.webhookReceipt.deleteMany({ where: { shop } });
  await db.warehouseHandoff.deleteMany({ where: { shop } });
  await db.job.deleteMany({ where: { shop } });
  await saveShopConfig(db, demoShopConfig);
  for (const [key, id] of Object.entries(LOCATION))
    await db.warehouse.updateMany({ where: { shop, key }, data: { shopifyLocationId: id } });
  await recordInstall(db, shop);
  // GIVEN (every test) the order's fulfillment order sits at Edison; only Ontario has its goods
  orderNumber += 1;
  ORDER_ID = `gid://shopify/Order/${orderNumber}`;
  store = new FakeOrderShop(admin).install();
  store.orderId = ORDER_ID;
  store.fulfillmentOrders = [
    {
      id: FO,
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
  store.setStock(LOCATION["edison-nj"], { [DEMO_VARIANTS.mug]: -2, [DEMO_VARIANTS.lamp]: -1 });
  store.setStock(LOCATION["dallas-tx"], { [DEMO_VARIANTS.mug]: 0, [DEMO_VARIANTS.lamp]: 0 });
  store.setStock(LOCATION["ontario-ca"], STOCKED);
});

const orderJson = (): Record<string, unknown> => ({
  ...(fixture("shopify/orders/orders-create-mugs-lamp.json") as Record<string, unknown>),
  id: orderNumber,
  admin_graphql_api_id: ORDER_ID,
});
/** An orders/updated body: the order as created, with `changes` laid over it. */
const updated = (changes: Record<string, unknown> = {}) =>
  OrdersUpdatedPayload.parse({ ...orderJson(), updated_at: "2026-11-20T11:00:00-05:00", ...changes });
const movedTo = () => admin.callsTo("fulfillmentOrderMove").map((c) => c.variables.newLocationId);
const decisions = () =>
  db.routingDecision.findMany({ where: { shop, orderId: ORDER_ID }, orderBy: { revision: "asc" } });

/** The shop's jobs of one kind, from the engine the database calls for (pg-boss keeps its own table). */
const jobsOf = (kind: string) => createJobEngine(db, url, { log: quiet }).list({ shop, kind });

/** Runs the app's routing job kinds (as a running server does) until `done` holds. */
async function runJobsUntil(
  done: () => Promise<boolean>,
  kinds = [routingApplyDecisionKind, routingOrderChangeKind, routingOrderCancelKind],
) {
  const engine = createJobEngine(db, url, { pollMs: 20, shutdownGraceMs: 2_000, log: quiet });
  for (const kind of kinds) engine.register(kind(db, jobDeps) as never);
  await engine.start();
  try {
    await expect.poll(done, { timeout: 15_000, interval: 50 }).toBe(true);
  } finally {
    await engine.stop();
  }
}
const quiet_ = async () =>
  (await decisions()).every((d) => !["PENDING", "NEEDS_INPUT"].includes(d.status)) &&
  (await createJobEngine(db, url, { log: quiet }).list({ shop, limit: 1000 })).every(
    (j) => !["QUEUED", "RUNNING", "RETRYING"].includes(j.status),
  );
/** Quiet twice, 200 ms apart (a job being relayed into pg-boss can be missing from one listing). */
const settled = async () =>
  (await quiet_()) && (await new Promise((r) => setTimeout(r, 200))) === undefined && (await quiet_());

/** The order as routed on orders/create: moved to Ontario, the only warehouse with its goods. */
async function routedOrder() {
  const created = await routeOrderWebhook(
    db,
    {
      shop,
      webhookId: randomUUID(),
      topic: "ORDERS_CREATE",
      payload: OrdersCreatePayload.parse(orderJson()),
    },
    { clientFor, now: () => NOW, decideRetry: noWait },
  );
  expect(created.outcome).toBe("DECIDED");
  await runJobsUntil(settled);
  expect(movedTo()).toEqual([LOCATION["ontario-ca"]]);
}
const deliverUpdate = (payload: OrdersUpdatedPayload, webhookId = randomUUID()) =>
  receiveOrdersUpdated(db, { shop, webhookId, topic: "orders/updated", payload }, { now: () => NOW });

describe("orders that change after routing", () => {
  it("re-decides a new shipping address as a new decision linked to the old one, and moves the order once", async () => {
    // GIVEN a routed order, and Edison now has its goods
    await routedOrder();
    store.setStock(LOCATION["edison-nj"], STOCKED);
    // WHEN the buyer's address changes to Newark NJ, and Shopify delivers that update twice (and redelivers one)
    const webhookId = randomUUID();
    const changed = updated({ shipping_address: { ...(orderJson().shipping_address as object), ...NEWARK } });
    expect(await deliverUpdate(changed, webhookId)).toBe("QUEUED");
    expect(await deliverUpdate(changed, webhookId)).toBe("REDELIVERY");
    expect(await deliverUpdate(changed)).toBe("QUEUED");
    await runJobsUntil(settled);
    // THEN a second decision supersedes the first, and the fulfillment order moved once more, to Edison
    const [first, second, ...rest] = await decisions();
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ revision: 0, status: "SUPERSEDED" });
    expect(first.supersededReason).toMatch(/Shipping address changed: Denver CO 80202 → Newark NJ 07102/);
    expect(second).toMatchObject({ revision: 1, status: "APPLIED", supersedesId: first.id });
    expect(movedTo()).toEqual([LOCATION["ontario-ca"], LOCATION["edison-nj"]]);
    expect(store.fulfillmentOrders[0].locationId).toBe(LOCATION["edison-nj"]);
    // AND the order carries the new warehouse's tag, not the old one's, and one Tailroute line in its note
    expect(store.tags).toContain("tailroute:edison-nj");
    expect(store.tags).not.toContain("tailroute:ontario-ca");
    const lines = (store.note ?? "").split("\n").filter((line) => line.includes("[Tailroute "));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`[Tailroute ${second.id}]`);
    // AND the orders/updated that Tailroute's own tags and note then cause changes nothing
    expect(
      await deliverUpdate(
        updated({ shipping_address: changed.shipping_address, tags: "tailroute:edison-nj" }),
      ),
    ).toBe("UNCHANGED");
    expect(await db.routingDecision.count({ where: { shop, orderId: ORDER_ID } })).toBe(2);
  });

  it("does nothing for an update of tags or note only", async () => {
    // GIVEN a routed order
    await routedOrder();
    // WHEN the merchant tags it and writes a note
    const outcome = await deliverUpdate(updated({ tags: "vip, gift", note: "Leave at the door" }));
    // THEN nothing is queued, decided or moved
    expect(outcome).toBe("UNCHANGED");
    expect(await decisions()).toHaveLength(1);
    expect(movedTo()).toHaveLength(1);
  });

  it("re-decides changed lines (an order edit's current_quantity) and records the edit", async () => {
    // GIVEN a routed order
    await routedOrder();
    // WHEN the merchant removes the lamp in an order edit: orders/edited, then orders/updated with current_quantity 0
    await receiveOrdersEdited(db, {
      shop,
      webhookId: randomUUID(),
      topic: "orders/edited",
      payload: {
        order_edit: {
          id: "77",
          order_id: String(orderNumber),
          line_items: { additions: [], removals: [{ id: "11002", delta: 1 }] },
        },
      },
    });
    const lines = (orderJson().line_items as Record<string, unknown>[]).map((l) => ({
      ...l,
      current_quantity: l.sku === "LAMP-TBL-BRASS" ? 0 : l.quantity,
    }));
    expect(await deliverUpdate(updated({ line_items: lines }))).toBe("QUEUED");
    await runJobsUntil(settled);
    // THEN the edit is on the record (of the decision current when it ran), and a second decision routes the mugs
    const [first, second] = await decisions();
    expect(JSON.stringify([first.changes, second.changes])).toMatch(
      /Order edited in Shopify \(edit 77\): −1/,
    );
    expect(first.supersededReason).toMatch(/Lines changed: 44012345670005 1 → 0/);
    expect((second.input as { cart: { sku: string }[] }).cart.map((l) => l.sku)).toEqual(["MUG-11OZ"]);
  });

  it("only records a change after the order is fulfilled", async () => {
    // GIVEN a routed order that has been fulfilled
    await routedOrder();
    // WHEN its address changes afterwards
    const outcome = await deliverUpdate(
      updated({
        fulfillment_status: "fulfilled",
        shipping_address: { ...(orderJson().shipping_address as object), ...NEWARK },
      }),
    );
    await runJobsUntil(settled);
    // THEN the decision stands and records the change; nothing moved
    expect(outcome).toBe("QUEUED");
    const [only, ...rest] = await decisions();
    expect(rest).toEqual([]);
    expect(only.status).toBe("APPLIED");
    expect(JSON.stringify(only.changes)).toMatch(/Newark NJ 07102\. Not re-routed: the order is fulfilled/);
    expect(movedTo()).toHaveLength(1);
  });

  it("cancellation stops pending actions and releases the warehouse handoffs", async () => {
    // GIVEN a decision whose move has not run yet, and two handoffs: one sent to its warehouse, one not yet
    await routeOrderWebhook(
      db,
      {
        shop,
        webhookId: randomUUID(),
        topic: "ORDERS_CREATE",
        payload: OrdersCreatePayload.parse(orderJson()),
      },
      { clientFor, now: () => NOW, decideRetry: noWait },
    );
    const handoff = (fo: string, state: string) => ({
      shop,
      warehouseKey: "ontario-ca",
      fulfillmentOrderId: fo,
      orderId: ORDER_ID,
      state,
      document: {},
    });
    await db.warehouseHandoff.create({
      data: { ...handoff("gid://shopify/FulfillmentOrder/81", "SENT"), attempts: 1 },
    });
    await db.warehouseHandoff.create({ data: handoff("gid://shopify/FulfillmentOrder/82", "ACCEPTED") });
    // WHEN the order is cancelled (and Shopify delivers that twice) and the jobs run
    const cancel = {
      admin_graphql_api_id: ORDER_ID,
      cancelled_at: "2026-11-20T11:00:00-05:00",
      cancel_reason: "customer",
    };
    await receiveOrdersCancelled(db, {
      shop,
      webhookId: randomUUID(),
      topic: "orders/cancelled",
      payload: cancel,
    });
    await receiveOrdersCancelled(db, {
      shop,
      webhookId: randomUUID(),
      topic: "orders/cancelled",
      payload: cancel,
    });
    const finished = async (kind: string) => {
      const jobs = await jobsOf(kind);
      return jobs.length > 0 && jobs.every((j) => j.status === "COMPLETED");
    };
    await runJobsUntil(
      async () => (await finished("routing.order-cancel")) && (await decisions())[0].status === "CANCELLED",
      [routingOrderCancelKind],
    );
    // (and the decision's own apply job runs afterwards)
    await runJobsUntil(() => finished("routing.apply-decision"), [routingApplyDecisionKind]);
    // THEN no move was made, the decision says why, and its actions never ran
    expect(movedTo()).toEqual([]);
    const [decision] = await decisions();
    expect(decision.supersededReason).toBe("Order cancelled (customer)");
    expect((decision.actions as unknown as RoutingAction[]).every((a) => a.status === "SUPERSEDED")).toBe(
      true,
    );
    // AND both handoffs are CANCELLED; only the warehouse that had it is told, once
    const states = await db.warehouseHandoff.findMany({
      where: { shop },
      orderBy: { fulfillmentOrderId: "asc" },
      select: { state: true },
    });
    expect(states.map((s) => s.state)).toEqual(["CANCELLED", "CANCELLED"]);
    const told = await jobsOf("handoff.send");
    expect(told.map((j) => j.key)).toEqual([
      `${shop}:gid://shopify/FulfillmentOrder/81:fulfillment.cancelled`,
    ]);
    expect(await jobsOf("routing.order-cancel")).toHaveLength(1);
  });
});
