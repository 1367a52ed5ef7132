import { Prisma } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeOrderShop } from "../../scripts/lib/fake-order-shop";
import { DEMO_SHOP, load, OTHER_SHOP, startAdminHarness, submit, type AdminHarness } from "./admin-harness";

let h: AdminHarness;
let list: typeof import("../../app/routes/app.orders._index");
let detail: typeof import("../../app/routes/app.orders.$id");
let orderShop: FakeOrderShop;

const plan = (warehouseId: string) => ({
  shipments: [
    {
      warehouseId,
      warehouseLabel: warehouseId,
      carrier: "USPS",
      serviceName: "Priority Mail",
      zone: 5,
      packages: [{}],
      baseCents: 1045,
      surcharges: [],
    },
  ],
});

async function decision(
  shop: string,
  orderId: string,
  status: string,
  mode: string | null,
  warehouse: string,
  actions: unknown[] = [],
) {
  return h.db.routingDecision.create({
    data: {
      shop,
      orderId,
      orderName: `#${orderId.slice(-4)}`,
      status,
      mode,
      service: mode ? "Priority Mail" : null,
      costCents: mode ? 1045 : null,
      plan: plan(warehouse) as Prisma.InputJsonValue,
      reasons: ["Closest warehouse with stock"],
      actions: actions as Prisma.InputJsonValue,
      pickupPoint: Prisma.DbNull,
    },
  });
}

let pending: { id: string };
let applied: { id: string };
let theirs: { id: string };
beforeAll(async () => {
  h = await startAdminHarness();
  orderShop = new FakeOrderShop(h.fake).install();
  orderShop.orderId = "gid://shopify/Order/5001";
  list = await import("../../app/routes/app.orders._index");
  detail = await import("../../app/routes/app.orders.$id");
  pending = await decision(DEMO_SHOP, "gid://shopify/Order/5001", "PENDING", "POSTAL", "dallas-tx", [
    { key: "r0:tags", round: 0, status: "PENDING", attempts: 0, kind: "TAGS", tags: ["tailroute:dallas-tx"] },
  ]);
  applied = await decision(DEMO_SHOP, "gid://shopify/Order/5002", "APPLIED", "FREIGHT", "edison-nj");
  theirs = await decision(OTHER_SHOP, "gid://shopify/Order/5003", "PENDING", "POSTAL", "dallas-tx");
});
afterAll(() => h?.stop());

describe("Orders page", () => {
  it("lists this shop's decisions only, filtered by status, warehouse and mode", async () => {
    const all = await load(list.loader, "/app/orders");
    expect(all.data.decisions.map((d: { id: string }) => d.id).sort()).toEqual(
      [pending.id, applied.id].sort(),
    );
    const byWarehouse = await load(list.loader, "/app/orders?warehouse=edison-nj");
    expect(byWarehouse.data.decisions.map((d: { id: string }) => d.id)).toEqual([applied.id]);
    const byStatusAndMode = await load(list.loader, "/app/orders?status=PENDING&mode=POSTAL");
    expect(byStatusAndMode.data.decisions.map((d: { id: string }) => d.id)).toEqual([pending.id]);
    // An unknown filter value is ignored rather than failing the page.
    expect((await load(list.loader, "/app/orders?status=BOGUS")).data.decisions).toHaveLength(2);
  });

  it("shows a decision's reasons and actions, and never another shop's decision", async () => {
    const { data } = await load(detail.loader, `/app/orders/${pending.id}`, { id: pending.id });
    expect(data).toMatchObject({ reasons: ["Closest warehouse with stock"], rerouteAllowed: true });
    expect(data.actions[0].line).toBe("TAGS tailroute:dallas-tx: pending");
    expect((await load(detail.loader, `/app/orders/${theirs.id}`, { id: theirs.id })).status).toBe(404);
    expect((await submit(detail.action, `/app/orders/${theirs.id}`, {}, { id: theirs.id })).status).toBe(404);
    expect((await h.db.routingDecision.findUniqueOrThrow({ where: { id: theirs.id } })).status).toBe(
      "PENDING",
    );
  });

  it("re-routes a pending decision through its job: queued at once, applied by the job runner", async () => {
    // WHEN the merchant presses Re-route
    const { status, data } = await submit(detail.action, `/app/orders/${pending.id}`, {}, { id: pending.id });
    // THEN the answer is immediate and Shopify has not been called in the request
    expect(status).toBe(200);
    expect(data).toEqual({
      ok: true,
      message: "Re-route queued: its Shopify actions are applied in the background",
    });
    expect(orderShop.tags).not.toContain("tailroute:dallas-tx");
    // AND the app's job runner applies the pending action (the fake order gets the tag): the decision is APPLIED
    const { createJobEngine, registerAppJobs } = await import("../../app/jobs/runner.server");
    const { adminGraphqlClient } = await import("../../app/services/admin/admin-graphql.server");
    const engine = registerAppJobs(
      createJobEngine(h.db, process.env.DATABASE_URL!, {
        pollMs: 20,
        log: { log: () => {}, error: () => {} },
      }),
      h.db,
      { clientFor: async (shop) => adminGraphqlClient(shop, "shpat_admin", h.fake.url) },
    );
    await engine.start();
    try {
      await expect
        .poll(
          async () => (await h.db.routingDecision.findUniqueOrThrow({ where: { id: pending.id } })).status,
          {
            timeout: 15_000,
          },
        )
        .toBe("APPLIED");
    } finally {
      await engine.stop();
    }
    expect(orderShop.tags).toContain("tailroute:dallas-tx");
  });

  it("refuses to re-route an applied decision and changes nothing", async () => {
    const before = await h.db.routingDecision.findUniqueOrThrow({ where: { id: applied.id } });
    const { status, data } = await submit(detail.action, `/app/orders/${applied.id}`, {}, { id: applied.id });
    expect(status).toBe(409);
    expect(data.errors.form).toBe("a APPLIED decision cannot be routed again");
    expect(await h.db.routingDecision.findUniqueOrThrow({ where: { id: applied.id } })).toEqual(before);
  });
});
