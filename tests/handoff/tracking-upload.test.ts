import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { demoShopConfig } from "../../app/demo/demo-shop-config";
import { handoffFulfillKind, HANDOFF_FULFILL } from "../../app/jobs/kinds/handoff-fulfill.server";
import { adminGraphqlClient } from "../../app/services/admin/admin-graphql.server";
import { enableHandoff } from "../../app/services/handoff/enable-handoff.server";
import { handoffIdFor, takeFulfillmentRequests } from "../../app/services/handoff/record-requests.server";
import { parseTrackingCsv } from "../../app/services/handoff/tracking-upload-csv";
import { applyTrackingUpload, checkTrackingUpload } from "../../app/services/handoff/tracking-upload.server";
import { receiveWarehouseTracking } from "../../app/services/handoff/warehouse-tracking.server";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { genericSignature } from "../../app/services/tracking/signatures.server";
import { FakeFulfillmentServiceShop } from "../../scripts/lib/fake-fulfillment-service";
import { FakeShopifyAdmin } from "../../scripts/lib/fake-shopify-admin";
import { testEngine } from "../jobs/harness";
import { freshTestDatabase } from "../support/test-database";

// Tracking numbers uploaded by the merchant as CSV (docs/handoff.md): checked line by line (line and field named),
// recorded all or nothing through the signed endpoint's path, and turned into one Shopify fulfillment however often
// the same file is uploaded.

process.env.SHOPIFY_API_SECRET = "tracking-upload-secret";
const dir = mkdtempSync(join(tmpdir(), "tailroute-tracking-upload-"));
const url = freshTestDatabase("tracking_upload", dir);
const db = createPrismaClient(url);
const admin = new FakeShopifyAdmin();
const shopify = new FakeFulfillmentServiceShop(admin);
const shop = "tracking-upload.myshopify.com";
const client = () => adminGraphqlClient(shop, "shpat_upload", admin.url);
let warehouseId = "";
let secret = "";
let fo3001 = "";
let fo3002 = "";

beforeAll(async () => {
  await admin.start();
  shopify.install();
  await saveShopConfig(db, { ...demoShopConfig, shop });
  await recordInstall(db, shop);
  const enabled = await enableHandoff(db, client(), shop, {
    warehouseKey: "edison-nj",
    method: "PICK_LIST",
    appUrl: "https://tailroute.example",
  });
  if (!enabled.ok) throw new Error(enabled.error);
  secret = enabled.secret;
  fo3001 = shopify.requestFulfillment(enabled.locationId, { number: 3001, name: "#3001" });
  fo3002 = shopify.requestFulfillment(enabled.locationId, { number: 3002, name: "#3002" });
  await takeFulfillmentRequests(db, client(), shop);
  warehouseId = (await db.warehouse.findFirstOrThrow({ where: { shop, key: "edison-nj" } })).id;
});

afterAll(async () => {
  await admin.stop();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the fulfill jobs until `expected` of them have settled (on PostgreSQL a job shows once relayed to pg-boss). */
async function runFulfillJobs(expected = 1) {
  const engine = testEngine(db, url);
  engine.register(
    handoffFulfillKind(db, { clientFor: async () => client(), backoff: { baseMs: 0, maxMs: 0 } }) as never,
  );
  await engine.start();
  try {
    for (let i = 0; i < 200; i++) {
      const jobs = await engine.list({ shop, kind: HANDOFF_FULFILL });
      const settled = jobs.filter((j) => ["COMPLETED", "FAILED", "DROPPED"].includes(j.status));
      if (jobs.length >= expected && settled.length === jobs.length) return jobs;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error("the fulfill jobs did not settle");
  } finally {
    await engine.stop();
  }
}

const HEADER = "order,tracking_number,carrier,url\n";

describe("a tracking CSV with bad lines", () => {
  it("names each bad line and field, and saves nothing", async () => {
    // GIVEN a file with one good line among garbage
    const csv =
      HEADER +
      "#3001,1Z999AA10123456784,UPS,\n" +
      ",,UPS,\n" +
      "#9999,1Z999AA10123456785,UPS,\n" +
      "#3002,12,,not a url\n" +
      "garbage\n";
    // WHEN it is applied
    const result = await applyTrackingUpload(db, shop, warehouseId, csv);
    // THEN every bad line is reported with its number and column
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : "lineErrors" in result ? result.lineErrors : [];
    expect(errors.map((e) => [e.line, e.field])).toEqual([
      [3, "order"],
      [3, "tracking_number"],
      [4, "order"],
      [5, "tracking_number"],
      [5, "carrier"],
      [5, "url"],
      [6, "tracking_number"],
      [6, "carrier"],
    ]);
    expect(errors.find((e) => e.line === 4)?.message).toBe("order: no order #9999 handed to this warehouse");
    // AND nothing was saved: no tracking, no fulfill job (not even for the good line)
    const handoffs = await db.warehouseHandoff.findMany({ where: { shop }, orderBy: { orderName: "asc" } });
    expect(handoffs.map((h) => h.trackingNumber)).toEqual([null, null]);
    expect(await db.job.count({ where: { shop, kind: HANDOFF_FULFILL } })).toBe(0);
  });

  it("refuses a file without the needed columns on line 1", () => {
    expect(parseTrackingCsv("order,number\n#3001,1Z\n").errors).toEqual([
      { line: 1, field: "header", message: "header: missing column(s): tracking_number, carrier" },
    ]);
  });
});

describe("a valid tracking CSV", () => {
  it("previews, then creates one Shopify fulfillment, however often it is uploaded", async () => {
    // GIVEN a file naming one order by name and the other by its handoff id
    const csv =
      "order,handoff_id,tracking_number,carrier,url\n" +
      "#3001,,1Z999AA10123456784,UPS,https://www.ups.com/track?tracknum=1Z999AA10123456784\n" +
      `,${handoffIdFor(shop, fo3002)},9400111899223197428490,USPS,\n`;
    // WHEN it is previewed  THEN each line shows its order and that it is new, and nothing is written yet
    const preview = await checkTrackingUpload(db, shop, warehouseId, csv);
    expect(preview).toEqual({
      ok: true,
      lines: [
        expect.objectContaining({ line: 2, orderName: "#3001", fulfillmentOrderId: fo3001, outcome: "new" }),
        expect.objectContaining({ line: 3, orderName: "#3002", fulfillmentOrderId: fo3002, outcome: "new" }),
      ],
    });
    expect(await db.job.count({ where: { shop, kind: HANDOFF_FULFILL } })).toBe(0);
    // WHEN it is applied twice, and the warehouse also reports #3001 through the signed endpoint
    const first = await applyTrackingUpload(db, shop, warehouseId, csv);
    const second = await applyTrackingUpload(db, shop, warehouseId, csv);
    const raw = JSON.stringify({
      fulfillmentOrderId: fo3001,
      trackingNumber: "1Z999AA10123456784",
      company: "UPS",
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signed = await receiveWarehouseTracking(
      db,
      new Request(`https://tailroute.example/api/warehouse/tracking?shop=${shop}&warehouse=edison-nj`, {
        method: "POST",
        body: raw,
        headers: {
          "X-Tailroute-Timestamp": timestamp,
          "X-Tailroute-Signature": genericSignature(raw, timestamp, secret),
        },
      }),
    );
    await runFulfillJobs(2);
    // THEN the first recorded both, the second and the signed report were duplicates
    expect(first).toEqual({ ok: true, recorded: 2, duplicates: 0 });
    expect(second).toEqual({ ok: true, recorded: 0, duplicates: 2 });
    expect(signed).toMatchObject({ status: 200, body: { duplicate: true } });
    // AND Shopify got one fulfillment per fulfillment order, with the tracking, the buyer notified (in whichever
    // order the two jobs ran: on pg-boss they run side by side)
    const byOrder = [...shopify.fulfillments].sort((a, b) =>
      a.fulfillmentOrderId.localeCompare(b.fulfillmentOrderId),
    );
    expect(byOrder.map((f) => [f.fulfillmentOrderId, f.trackingInfo, f.notifyCustomer])).toEqual([
      [
        fo3001,
        {
          company: "UPS",
          number: "1Z999AA10123456784",
          url: "https://www.ups.com/track?tracknum=1Z999AA10123456784",
        },
        true,
      ],
      [fo3002, { company: "USPS", number: "9400111899223197428490" }, true],
    ]);
    expect(
      (await db.warehouseHandoff.findMany({ where: { shop }, orderBy: { orderName: "asc" } })).map(
        (h) => h.state,
      ),
    ).toEqual(["FULFILLED", "FULFILLED"]);
    // AND a third upload after the fulfillments adds nothing, and another number for a shipped order is refused
    expect(await applyTrackingUpload(db, shop, warehouseId, csv)).toEqual({
      ok: true,
      recorded: 0,
      duplicates: 2,
    });
    const other = await applyTrackingUpload(
      db,
      shop,
      warehouseId,
      `${HEADER}#3001,1Z999AA10123450000,UPS,\n`,
    );
    expect(other).toMatchObject({
      ok: false,
      lineErrors: [
        {
          line: 2,
          field: "tracking_number",
          message: expect.stringMatching(/already shipped with tracking number 1Z999AA10123456784/),
        },
      ],
    });
    await runFulfillJobs(2);
    expect(shopify.fulfillments).toHaveLength(2);
    expect(admin.callsTo("fulfillmentCreate")).toHaveLength(2);
  });
});
