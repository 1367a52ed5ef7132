import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { GenericTrackingBody } from "../../app/contracts/tracking-generic";
import { createPrismaClient } from "../../app/db.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { genericEvents } from "../../app/services/tracking/provider-events.server";
import { recordTrackingEvents } from "../../app/services/tracking/record-events.server";
import { fixture } from "../support/fixtures";
import { runTailroute } from "../support/run-cli";
import { freshTestDatabase } from "../support/test-database";

const dir = mkdtempSync(join(tmpdir(), "tailroute-shipments-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tailroute = (args: string[], env: Record<string, string>) => runTailroute(args, { env });

describe("tailroute shipments", () => {
  it("lists a shop's shipments with status, last event, promise and late / at-risk flags; --check expires holds", async () => {
    // GIVEN shop A with a late parcel and a locker parcel, and shop B with one shipment
    const url = freshTestDatabase("shipments_cli", dir);
    const db = createPrismaClient(url);
    const shop = "a.myshopify.com";
    await recordInstall(db, shop);
    await db.shipment.create({
      data: {
        shop,
        carrier: "FEDEX",
        trackingNumber: "FX-LATE",
        orderId: "gid://shopify/Order/1",
        orderName: "#1001",
        promisedMinDate: new Date("2026-11-25T00:00:00Z"),
        promisedMaxDate: new Date("2026-11-26T00:00:00Z"),
      },
    });
    await recordTrackingEvents(
      db,
      shop,
      genericEvents(
        GenericTrackingBody.parse({
          events: [
            ...fixture<{ events: unknown[] }>("tracking/generic-locker-events.json").events,
            {
              id: "late-1",
              trackingNumber: "FX-LATE",
              carrier: "FedEx",
              rawCode: "DY",
              occurredAt: "2026-11-25T10:00:00Z",
              description: "Weather delay",
            },
          ],
        }),
      ),
      new Date("2026-11-26T16:00:00Z"),
    );
    await db.shipment.create({
      data: { shop: "b.myshopify.com", carrier: "UPS", trackingNumber: "OTHER-SHOP" },
    });
    await db.$disconnect();
    // WHEN the operator lists A's shipments as JSON after the UPS Access Point hold (7 days) expired, with --check
    const run = await tailroute(
      ["shipments", "--shop", shop, "--json", "--check", "--now", "2026-12-04T00:00:00Z"],
      { DATABASE_URL: url },
    );
    // THEN only A's shipments, the late flag, and the expired hold returning to origin
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      shipments: {
        trackingNumber: string;
        status: string;
        flag: string | null;
        lastEvent: { description: string } | null;
        hold: { returningToOrigin: boolean } | null;
        promisedWindow: unknown;
      }[];
      check: { holds: { expired: { trackingNumber: string }[] } };
    };
    expect(out.shipments.map((s) => s.trackingNumber).sort()).toEqual(["1ZLOCKER000000001", "FX-LATE"]);
    const late = out.shipments.find((s) => s.trackingNumber === "FX-LATE")!;
    expect(late).toMatchObject({
      status: "DELAYED",
      flag: "late",
      promisedWindow: { min: "2026-11-25", max: "2026-11-26" },
      lastEvent: { description: "Weather delay" },
    });
    expect(out.check.holds.expired.map((e) => e.trackingNumber)).toEqual(["1ZLOCKER000000001"]);
    expect(out.shipments.find((s) => s.trackingNumber === "1ZLOCKER000000001")!.hold).toMatchObject({
      returningToOrigin: true,
    });
    // AND the table view names the flag; a missing --shop is refused
    const table = await tailroute(["shipments", "--shop", shop, "--now", "2026-11-25T12:00:00Z"], {
      DATABASE_URL: url,
    });
    expect(table.stdout).toMatch(/FX-LATE {2}FEDEX {2}DELAYED .*\[AT-RISK\]/);
    expect((await tailroute(["shipments"], { DATABASE_URL: url })).status).toBe(2);
  });
});
