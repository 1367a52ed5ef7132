// `npm run demo`: the product on this machine with no Shopify store and no internet.
// Fresh SQLite database → demo shop seeded → app built and served → sample traffic replayed through
// the real HTTP endpoints. Keeps serving until stopped (Ctrl-C). `npm run demo -- --no-replay` skips the replay.
// `npm run demo -- --fresh-shop`: the demo shop as a fresh install leaves it (no warehouse, service, carton or
// product profile; the fake Shopify still holds its locations and catalogue), to walk the onboarding in the admin.
import { databaseUrl, sqliteFilePath } from "../app/db/database-url";
import { DEMO_DEFAULTS, readAppEnv } from "../app/config/env.server";
import { buildApp, freshSqliteDatabase, PROJECT_ROOT, startAppServer } from "./lib/app-server";
import { FakeOrderShop } from "./lib/fake-order-shop";
import { FakeShopifyAdmin } from "./lib/fake-shopify-admin";
import { demoAdmin } from "./lib/demo-admin";
import { demoAppEnv } from "./lib/demo-app-env";
import { replayDemoHandoff } from "./lib/demo-handoff";
import { replayDemoOrders } from "./lib/demo-orders";
import { runNotificationsDemo } from "./lib/demo-notifications";
import { runAppointmentsDemo } from "./lib/demo-appointments";
import { runPickupDemo } from "./lib/demo-pickup";
import { startDemoStorefront, type DemoStorefront } from "./lib/demo-storefront";
import { replayDemoTracking } from "./lib/demo-tracking";
import { replayDemoCheckouts, replayDemoTraffic } from "./lib/demo-replay";
import { runLiveRatesDemo } from "./lib/demo-live-rates";
import { runLabelsDemo } from "./lib/demo-labels";

async function main() {
  const fresh = process.argv.includes("--fresh-shop");
  // Orders, tracking, pickup and handoff replays need a configured shop: a fresh shop has none.
  const replay = !fresh && !process.argv.includes("--no-replay");
  process.env.TAILROUTE_DEMO = "1";
  const env = readAppEnv(); // refuses NODE_ENV=production in demo mode
  const url = databaseUrl(process.env, PROJECT_ROOT);
  if (!url.startsWith("file:"))
    throw new Error(`The demo needs a SQLite file URL in DATABASE_URL, got ${url}`);

  console.log(`▸ Fresh database ${url}`);
  freshSqliteDatabase(sqliteFilePath(url));

  const { seedDemoShop, seedFreshDemoShop } = await import("../app/demo/seed.server");
  const { createPrismaClient } = await import("../app/db.server");
  const db = createPrismaClient(url);
  if (fresh) {
    console.log(`▸ Installing the demo shop ${DEMO_DEFAULTS.DEMO_SHOP} fresh (nothing configured)`);
    await seedFreshDemoShop(db);
  } else {
    console.log(`▸ Seeding the demo shop ${DEMO_DEFAULTS.DEMO_SHOP}`);
    const seeded = await seedDemoShop(db);
    console.log(
      `  ${seeded.warehouses} warehouses, ${seeded.carrierServices} carrier services, ${seeded.rateCards} sample rate cards, ${seeded.cartons} cartons, ${seeded.productProfiles} product profiles`,
    );
  }
  await db.$disconnect();

  console.log("▸ Building the app (remix build)");
  buildApp();

  // The Admin API the app calls for order routing is a local fake Shopify holding the demo orders.
  const fakeShopify = await new FakeShopifyAdmin().start();
  const fakeOrders = new FakeOrderShop(fakeShopify).install();

  const app = await startAppServer({
    port: env.port,
    env: demoAppEnv({
      databaseUrl: url,
      adminApiUrl: fakeShopify.url,
      apiKey: env.apiKey,
      apiSecret: env.apiSecret,
      appUrl: env.appUrl,
    }),
    inheritOutput: false,
  });
  app.process.stdout?.pipe(process.stdout);
  app.process.stderr?.pipe(process.stderr);
  app.process.once("exit", (code) => {
    console.error(`The app stopped (exit ${code}).`);
    process.exit(code ?? 1);
  });

  // The product page with the delivery-promise block, on a stand-in storefront next to the app (docs/storefront.md).
  const storefrontOptions = { appUrl: app.url, shop: DEMO_DEFAULTS.DEMO_SHOP, secret: env.apiSecret };
  const storefront: DemoStorefront = await startDemoStorefront({
    ...storefrontOptions,
    port: env.port + 1,
    host: "localhost",
  }).catch(() => startDemoStorefront({ ...storefrontOptions, host: "localhost" }));

  const base = `http://localhost:${env.port}`;
  console.log(`
Tailroute demo is running
  Home (demo shop summary)   ${base}/
  Health check               ${base}/healthz
  CarrierService callback    ${base}/api/carrier-service (HMAC) · ${base}/api/carrier-service/<shop token>
  Webhooks (HMAC-verified)   ${base}/webhooks/orders/create · /webhooks/app/uninstalled · /webhooks/customers/* · /webhooks/shop/redact
  Inspect with the CLI       DATABASE_URL=${url} npx tailroute status
  Product page (storefront)  ${storefront.productUrl}  ← the delivery-promise block; type a US ZIP
  Cart page (storefront)     ${storefront.cartUrl}
`);
  console.log(`${demoAdmin(fakeShopify, base).join("\n")}\n`);
  if (fresh) {
    console.log(`▸ Fresh shop: the database holds only the installed demo shop; the fake Shopify holds its locations and
  products. Open ${base}/app and follow the setup checklist: warehouses from Shopify locations, carrier services
  from the catalogue with your rate card CSV, cartons, product dimensions, surcharge areas, then a test quote in
  the simulator. Until a warehouse is active the checkout callback answers 200 with no rates.`);
  }

  if (replay) {
    console.log("▸ Checkout rate requests (signed like Shopify) through POST /api/carrier-service");
    for (const row of await replayDemoCheckouts(app.url, DEMO_DEFAULTS.DEMO_SHOP, env.apiSecret))
      console.log(`  ${row}`);
    console.log("▸ Orders (signed orders/create webhooks; the fake Shopify answers the Admin API)");
    const orderDb = createPrismaClient(url);
    for (const row of await replayDemoOrders(app.url, env.apiSecret, orderDb, fakeOrders))
      console.log(`  ${row}`);
    console.log(`  Inspect: DATABASE_URL=${url} npx tailroute decisions --shop ${DEMO_DEFAULTS.DEMO_SHOP}`);
    console.log(
      "▸ Tracking (signed EasyPost / Shippo / generic events; fulfillment events pushed to the fake Shopify)",
    );
    for (const row of await replayDemoTracking(app.url, env.apiSecret, orderDb, fakeShopify))
      console.log(`  ${row}`);
    console.log(
      `  Inspect: DATABASE_URL=${url} npx tailroute shipments --shop ${DEMO_DEFAULTS.DEMO_SHOP} --timeline`,
    );
    await orderDb.$disconnect();
    console.log(
      `  Background work (the jobs that applied the decisions and pushed the events): DATABASE_URL=${url} npx tailroute jobs --shop ${DEMO_DEFAULTS.DEMO_SHOP} --json`,
    );
    console.log("▸ Webhook idempotency and signatures");
    for (const line of await replayDemoTraffic(app.url, DEMO_DEFAULTS.DEMO_SHOP, env.apiSecret)) {
      console.log(`  ${line.ok ? "✓" : "✗"} ${line.what} → HTTP ${line.status}`);
    }
    console.log("▸ Live rates (docs/carriers.md): a fake EasyPost account prices one service at checkout");
    const liveDb = createPrismaClient(url);
    const live = await runLiveRatesDemo({
      appUrl: app.url,
      shop: DEMO_DEFAULTS.DEMO_SHOP,
      secret: env.apiSecret,
      db: liveDb,
    });
    for (const line of live.lines) console.log(`  ${line}`);
    console.log("▸ Labels (docs/carriers.md): a routed order's label bought once, fulfilled, tracked back");
    for (const line of await runLabelsDemo({
      appUrl: app.url,
      shop: DEMO_DEFAULTS.DEMO_SHOP,
      secret: env.apiSecret,
      db: liveDb,
      fake: live.fake,
      fakeShopify,
      store: fakeOrders,
    }))
      console.log(`  ${line}`);
    await liveDb.$disconnect();
  }
  if (!fresh)
    await runPickupDemo({
      databaseUrl: url,
      appUrl: app.url,
      apiKey: env.apiKey,
      secret: env.apiSecret,
      store: fakeOrders,
      replay,
    });
  if (replay) {
    console.log(
      "▸ Warehouse handoff (Tailroute as the fulfillment service of a warehouse with no Shopify app, docs/handoff.md)",
    );
    const handoffDb = createPrismaClient(url);
    for (const line of await replayDemoHandoff({
      appUrl: app.url,
      databaseUrl: url,
      shop: DEMO_DEFAULTS.DEMO_SHOP,
      apiSecret: env.apiSecret,
      db: handoffDb,
      fakeShopify,
    }))
      console.log(`  ${line}`);
    await handoffDb.$disconnect();
    console.log(`  Inspect: DATABASE_URL=${url} npx tailroute handoffs --shop ${DEMO_DEFAULTS.DEMO_SHOP}`);
    console.log(
      "▸ Freight delivery appointment (docs/appointments.md): the buyer books a window after purchase",
    );
    const appointmentDb = createPrismaClient(url);
    for (const line of await runAppointmentsDemo({
      appUrl: app.url,
      apiKey: env.apiKey,
      secret: env.apiSecret,
      db: appointmentDb,
      store: fakeOrders,
    }))
      console.log(`  ${line}`);
    await appointmentDb.$disconnect();
    console.log("▸ Buyer notifications (docs/notifications.md): a held parcel's emails and Flow triggers");
    const notifyDb = createPrismaClient(url);
    const notify = await runNotificationsDemo({
      baseUrl: app.url,
      apiSecret: env.apiSecret,
      db: notifyDb,
      shop: DEMO_DEFAULTS.DEMO_SHOP,
      fakeShopify,
      projectRoot: PROJECT_ROOT,
    });
    for (const line of notify.lines) console.log(`  ${line}`);
    await notifyDb.$disconnect();
    console.log(
      `  Inspect: DATABASE_URL=${url} npx tailroute notifications --shop ${DEMO_DEFAULTS.DEMO_SHOP}`,
    );
  }
  console.log("\nServing until stopped (Ctrl-C).");

  const stop = async () => {
    app.process.removeAllListeners("exit");
    await storefront.stop();
    await app.stop();
    await fakeShopify.stop();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
