import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { runTailroute } from "../support/run-cli";
import { freshTestDatabase } from "../support/test-database";

const dir = mkdtempSync(join(tmpdir(), "tailroute-decisions-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tailroute = (args: string[], env: Record<string, string>) => runTailroute(args, { env });

describe("tailroute decisions / reconcile", () => {
  it("lists a shop's decisions with warehouses, service, cost, window, reasons and action states", async () => {
    // GIVEN a database with one applied-with-a-failure decision of shop A and one of shop B
    const url = freshTestDatabase("decisions_cli", dir);
    const db = createPrismaClient(url);
    const plan = { shipments: [{ warehouseId: "dallas-tx", freightLevel: "ROOM_OF_CHOICE" }] };
    await db.routingDecision.create({
      data: {
        shop: "a.myshopify.com",
        orderId: "gid://shopify/Order/1",
        orderName: "#1001",
        status: "APPLIED",
        serviceCode: "TR_FREIGHT_ROOM_OF_CHOICE",
        mode: "FREIGHT",
        carrier: "Estes",
        service: "LTL Room of choice",
        costCents: 18950,
        promisedMinDate: new Date("2026-11-27T00:00:00Z"),
        promisedMaxDate: new Date("2026-12-02T00:00:00Z"),
        plan,
        reasons: ["Buyer chose Freight (TR_FREIGHT_ROOM_OF_CHOICE) at checkout"],
        actions: [
          {
            key: "r0:move:0",
            round: 0,
            kind: "MOVE",
            status: "FAILED",
            attempts: 1,
            error: "location doesn't stock the item",
            fulfillmentOrderId: "x",
            newLocationId: "y",
            warehouseKey: "edison-nj",
          },
          {
            key: "r1:move:0",
            round: 1,
            kind: "MOVE",
            status: "APPLIED",
            attempts: 1,
            fulfillmentOrderId: "x",
            newLocationId: "z",
            warehouseKey: "dallas-tx",
          },
        ],
      },
    });
    await db.routingDecision.create({
      data: {
        shop: "b.myshopify.com",
        orderId: "gid://shopify/Order/2",
        status: "UNROUTABLE",
        plan: {},
        reasons: [],
        actions: [],
        error: "none",
      },
    });
    await db.$disconnect();
    // WHEN the operator lists shop A's decisions, as text and as JSON
    const text = await tailroute(["decisions", "--shop", "a.myshopify.com"], { DATABASE_URL: url });
    const json = await tailroute(["decisions", "--shop", "a.myshopify.com", "--json"], { DATABASE_URL: url });
    // THEN only shop A's decision shows, with everything the operator needs
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(
      /#1001 {2}APPLIED {2}dallas-tx {2}FREIGHT {2}TR_FREIGHT_ROOM_OF_CHOICE LTL Room of choice \(ROOM_OF_CHOICE\) {2}\$189\.50 {2}promised 2026-11-27…2026-12-02/,
    );
    expect(text.stdout).toMatch(/action: MOVE → edison-nj: failed \(location doesn't stock the item\)/);
    expect(text.stdout).toMatch(/action: MOVE → dallas-tx: applied/);
    const parsed = JSON.parse(json.stdout) as {
      decisions: { orderId: string; actions: { status: string }[] }[];
    };
    expect(parsed.decisions.map((d) => d.orderId)).toEqual(["gid://shopify/Order/1"]);
    expect(parsed.decisions[0].actions.map((a) => a.status)).toEqual(["FAILED", "APPLIED"]);
  });

  it("decisions without --shop is bad input (exit 2)", async () => {
    const result = await tailroute(["decisions"], {});
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--shop/);
  });

  it("reconcile with nothing pending reports zero and exits 0", async () => {
    // GIVEN an empty database
    const url = freshTestDatabase("decisions_empty", dir);
    // WHEN reconcile runs
    const result = await tailroute(["reconcile", "--json"], { DATABASE_URL: url });
    // THEN nothing to do
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ examined: 0, results: [] });
  });
});
