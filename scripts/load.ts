// `npm run load`: the load the product must carry, on SQLite and on PostgreSQL (docs/performance.md).
//   1. the CarrierService callback at a steady 200 req/s for 60 s: every answer 2xx, p50/p99 reported;
//   2. a burst of 500 signed orders/create webhooks sent at once, with Shopify-style redeliveries of 50 of them
//      racing their originals in the same burst:
//      500 decisions, 0 duplicates, 0 lost, and every fulfillment order moved exactly once in the fake Shopify.
// Options: --seconds N (default 60) --orders N (default 500) --providers sqlite,postgres (default both).
// PostgreSQL: TAILROUTE_PG_ADMIN_URL (default postgresql://tailroute:tailroute@127.0.0.1:5432/postgres).
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createPrismaClient } from "../app/db.server";
import { adminGraphqlClient } from "../app/services/admin/admin-graphql.server";
import { reconcileDecisions } from "../app/services/order-routing/reconciler.server";
import { seedDemoShop } from "../app/demo/seed.server";
import { ensureAppBuilt, freshSqliteDatabase, startAppServerOnFreePort } from "./lib/app-server";
import { carrierServiceRequestBody, DEMO_CHECKOUTS } from "./lib/demo-checkouts";
import { DEMO_ORDERS, orderPayload } from "./lib/demo-orders";
import { FakeOrderBook } from "./lib/fake-order-book";
import { FakeShopifyAdmin } from "./lib/fake-shopify-admin";
import { dropPostgresDatabasesWithPrefix } from "./lib/postgres-migrations";
import { deliverWebhook, shopifyHmac } from "./lib/signed-webhook";
import { freshPostgresDatabase, pgAdminUrl, testRunPrefix } from "./lib/test-database-provider";

const SECRET = "load-secret";
const SHOP = "tailroute-demo.myshopify.com";
const RATE = 200;
const REDELIVERED = 50;

/** The parts of autocannon's result this script reads (the package ships no types; bench/autocannon.d.ts). */
interface AutocannonResult {
  requests: { total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

interface CallbackFigures {
  requests: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function steadyCallbackLoad(url: string, seconds: number): Promise<CallbackFigures> {
  const body = JSON.stringify(carrierServiceRequestBody(DEMO_CHECKOUTS[4]));
  const headers = {
    "Content-Type": "application/json",
    "X-Shopify-Hmac-Sha256": shopifyHmac(body, SECRET),
    "X-Shopify-Shop-Domain": SHOP,
  };
  return new Promise((resolve, reject) => {
    autocannon(
      { url, method: "POST", body, headers, connections: 20, overallRate: RATE, duration: seconds },
      (error: unknown, r: AutocannonResult) =>
        error
          ? reject(error)
          : resolve({
              requests: r.requests.total,
              p50: r.latency.p50,
              p99: r.latency.p99,
              non2xx: r.non2xx,
              errors: r.errors + r.timeouts,
            }),
    );
  });
}

async function webhookBurst(baseUrl: string, orders: number) {
  const firstId = 8_000_000;
  const deliveries = Array.from({ length: orders }, (_, i) => ({
    numericId: firstId + i,
    webhookId: randomUUID(),
  }));
  const send = (d: (typeof deliveries)[number]) =>
    deliverWebhook(baseUrl, "/webhooks/orders/create", {
      topic: "orders/create",
      shop: SHOP,
      secret: SECRET,
      webhookId: d.webhookId,
      body: orderPayload({ ...DEMO_ORDERS[0], name: `#${d.numericId}` }, d.numericId),
    }).then((response) => response.status);
  // Shopify redelivers what it did not see acknowledged: the same webhook ids again, sent in the same burst
  // so that a redelivery can race its original on another connection.
  const started = performance.now();
  const [statuses, redeliveryStatuses] = await Promise.all([
    Promise.all(deliveries.map(send)),
    Promise.all(deliveries.slice(0, REDELIVERED).map(send)),
  ]);
  const burstMs = performance.now() - started;
  return { statuses, redeliveryStatuses, burstMs, orderIds: deliveries.map((d) => d.numericId) };
}

async function waitForSettledDecisions(url: string, expected: number) {
  const db = createPrismaClient(url);
  try {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const rows = await db.routingDecision.groupBy({ by: ["status"], where: { shop: SHOP }, _count: true });
      const byStatus = Object.fromEntries(rows.map((r) => [r.status, r._count]));
      const total = rows.reduce((sum, r) => sum + r._count, 0);
      if ((total >= expected && !byStatus.PENDING) || Date.now() > deadline) {
        const distinctOrders = (
          await db.routingDecision.findMany({
            where: { shop: SHOP },
            select: { orderId: true },
            distinct: ["orderId"],
          })
        ).length;
        return { total, distinctOrders, byStatus };
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await db.$disconnect();
  }
}

async function runOn(provider: "sqlite" | "postgres", seconds: number, orders: number): Promise<boolean> {
  const dir = mkdtempSync(join(tmpdir(), "tailroute-load-"));
  const url =
    provider === "sqlite"
      ? freshSqliteDatabase(join(dir, "load.sqlite"))
      : freshPostgresDatabase(`load_${Date.now()}`);
  const seedDb = createPrismaClient(url);
  await seedDemoShop(seedDb);
  await seedDb.$disconnect();

  const fakeShopify = await new FakeShopifyAdmin().start();
  const book = new FakeOrderBook(fakeShopify).install();
  const app = await startAppServerOnFreePort(() => ({
    env: {
      DATABASE_URL: url,
      TAILROUTE_DEMO: "1",
      NODE_ENV: "demo",
      SHOPIFY_API_SECRET: SECRET,
      SHOPIFY_API_KEY: "load",
      SHOPIFY_ADMIN_API_BASE_URL: fakeShopify.url,
    },
  }));
  try {
    console.log(
      `\n▸ ${provider}: CarrierService callback at ${RATE} req/s for ${seconds} s (after 5 s of warm-up)`,
    );
    // A fresh process compiles the shop's configuration and JITs the engine on its first requests: unmeasured.
    await steadyCallbackLoad(`${app.url}/api/carrier-service`, 5);
    const callback = await steadyCallbackLoad(`${app.url}/api/carrier-service`, seconds);
    const achievedRate = callback.requests / seconds;
    console.log(
      `  ${callback.requests} requests (${achievedRate.toFixed(1)} req/s)   p50 ${callback.p50} ms   p99 ${callback.p99} ms   non-2xx ${callback.non2xx}   errors ${callback.errors}`,
    );

    console.log(
      `▸ ${provider}: ${orders} orders/create webhooks at once, ${REDELIVERED} of them redelivered in the same burst`,
    );
    const burst = await webhookBurst(app.url, orders);
    let settled = await waitForSettledDecisions(url, orders);
    const waiting = settled.byStatus.NEEDS_INPUT ?? 0;
    if (waiting > 0) {
      // Decisions whose Shopify reads failed under the burst wait for the reconciler (a running server's pass
      // every 5 minutes, or `tailroute reconcile`): run one pass now, as that would, and say so.
      const db = createPrismaClient(url);
      const reasons = await db.routingDecision.findMany({
        where: { shop: SHOP, status: "NEEDS_INPUT" },
        select: { error: true },
      });
      console.log(
        `  waiting for Shopify's data after the burst: ${waiting} (${reasons.map((r) => r.error).join("; ")})`,
      );
      await reconcileDecisions(db, {
        shop: SHOP,
        clientFor: async (shop) => adminGraphqlClient(shop, "load-token", fakeShopify.url),
      });
      await db.$disconnect();
      settled = await waitForSettledDecisions(url, orders);
      console.log(`  after one reconciler pass: ${JSON.stringify(settled.byStatus)}`);
    }
    const ok2xx = burst.statuses.filter((s) => s >= 200 && s < 300).length;
    const redelivered2xx = burst.redeliveryStatuses.filter((s) => s >= 200 && s < 300).length;
    const movedOnce = burst.orderIds.filter(
      (id) => book.moves.get(FakeOrderBook.fulfillmentOrderGid(id)) === 1,
    );
    const movedTwice = [...book.moves.values()].filter((n) => n > 1).length;
    console.log(
      `  answered 2xx: ${ok2xx}/${orders} in ${Math.round(burst.burstMs)} ms; redeliveries 2xx: ${redelivered2xx}/${REDELIVERED}`,
    );
    console.log(
      `  decisions: ${settled.total} (distinct orders ${settled.distinctOrders}; duplicates ${settled.total - settled.distinctOrders}; lost ${orders - settled.distinctOrders}) by status ${JSON.stringify(settled.byStatus)}`,
    );
    console.log(
      `  fulfillment orders moved exactly once: ${movedOnce.length}/${orders}; moved more than once: ${movedTwice}`,
    );

    const passed =
      achievedRate >= RATE * 0.95 &&
      callback.non2xx === 0 &&
      callback.errors === 0 &&
      ok2xx === orders &&
      redelivered2xx === REDELIVERED &&
      settled.total === orders &&
      settled.distinctOrders === orders &&
      movedOnce.length === orders &&
      movedTwice === 0;
    console.log(`  ${passed ? "PASS" : "FAIL"} (${provider})`);
    return passed;
  } finally {
    await app.stop();
    await fakeShopify.stop();
    rmSync(dir, { recursive: true, force: true });
    if (provider === "postgres")
      await dropPostgresDatabasesWithPrefix(pgAdminUrl(), `${testRunPrefix()}load_`);
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      seconds: { type: "string", default: "60" },
      orders: { type: "string", default: "500" },
      providers: { type: "string", default: "sqlite,postgres" },
    },
  });
  const seconds = Number(values.seconds);
  const orders = Number(values.orders);
  const providers = values.providers.split(",").map((p) => p.trim());
  if (!(seconds > 0) || !(orders > 0) || providers.some((p) => p !== "sqlite" && p !== "postgres")) {
    console.error("usage: npm run load -- [--seconds N] [--orders N] [--providers sqlite,postgres]");
    process.exit(2);
  }
  ensureAppBuilt();
  let allPassed = true;
  for (const provider of providers as ("sqlite" | "postgres")[]) {
    allPassed = (await runOn(provider, seconds, orders)) && allPassed;
  }
  process.exit(allPassed ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
