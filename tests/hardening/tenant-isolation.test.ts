import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { easyPostSignature, genericSignature } from "../../app/services/tracking/signatures.server";
import { ensureTrackingSources } from "../../app/services/tracking/sources.server";
import { loadShopConfig, saveShopConfig } from "../../app/services/shop/config-store.server";
import { extensionSessionToken } from "../../scripts/lib/session-token";
import { shopifyHmac } from "../../scripts/lib/signed-webhook";
import { appDatabase } from "../support/app-database";
import { fixture } from "../support/fixtures";
import { runTailroute } from "../support/run-cli";
import { TEST_API_KEY } from "../support/global-setup";
import { pickupQuery, seedPickupShop } from "../pickup/pickup-shop";
import { getJwt } from "@shopify/shopify-api/test-helpers";
import { sealSecret, secretKeysFrom } from "../../app/config/secret-box.server";
import { enqueueJob } from "../../app/jobs/enqueue.server";
import { PICKUP_UPS_REFRESH } from "../../app/jobs/kinds/pickup-ups-refresh.server";
import { storeOfflineSession } from "../support/offline-session";

// Shop A holds credentials for its own shop only. Through every public endpoint and the CLI it must never read or
// change shop B's data. (Admin pages: tests/admin/* check every loader and action against a second shop.)

const db = appDatabase();
const A = "isolation-a.myshopify.com";
const B = "isolation-b.myshopify.com";
const B_TRACKING_NUMBER = "1ZISOLATIONB0001";
const B_ORDER = "gid://shopify/Order/777";
const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";
let secrets: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  for (const shop of [A, B]) await seedPickupShop(db, shop);
  // B's prices differ (+$50 markup) and its pickup points carry B-only names.
  const configB = await loadShopConfig(db, B);
  await saveShopConfig(db, { ...configB!, markup: { basisPoints: 0, fixedCents: 5_000 } });
  const pointsB = await db.pickupPoint.findMany({ where: { shop: B } });
  for (const point of pointsB) {
    await db.pickupPoint.update({ where: { id: point.id }, data: { name: `B-only ${point.name}` } });
  }
  secrets = { [A]: await ensureTrackingSources(db, A), [B]: await ensureTrackingSources(db, B) };
  await db.shipment.create({
    data: { shop: B, orderId: B_ORDER, carrier: "UPS", trackingNumber: B_TRACKING_NUMBER },
  });
  // B has an order whose routing actions are still to apply: a reconcile of A must leave it alone.
  await db.routingDecision.create({
    data: {
      shop: B,
      orderId: B_ORDER,
      orderName: "#B777",
      status: "PENDING",
      plan: {},
      reasons: [],
      actions: [],
    },
  });
});
afterAll(() => db.$disconnect());

const url = (path: string) => new URL(path, inject("appUrl"));

async function callbackTotals(path: string, headers: Record<string, string>) {
  const body = JSON.stringify(fixture("engine/request-small-cart-dallas.json"));
  const response = await fetch(url(path), {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      ...headers,
      ...(headers["X-Shopify-Hmac-Sha256"] === "sign"
        ? { "X-Shopify-Hmac-Sha256": shopifyHmac(body, inject("appApiSecret")) }
        : {}),
    },
  });
  expect(response.status).toBe(200);
  const { rates } = (await response.json()) as { rates: { service_code: string; total_price: string }[] };
  return Object.fromEntries(rates.map((r) => [r.service_code, r.total_price]));
}

describe("tenant isolation", () => {
  it("CarrierService callback: A's URL token never yields B's rates, whatever shop the request names", async () => {
    const tokenA = (await db.shop.findUniqueOrThrow({ where: { shop: A } })).callbackToken;
    const asA = await callbackTotals("/api/carrier-service", {
      "X-Shopify-Shop-Domain": A,
      "X-Shopify-Hmac-Sha256": "sign",
    });
    const asB = await callbackTotals("/api/carrier-service", {
      "X-Shopify-Shop-Domain": B,
      "X-Shopify-Hmac-Sha256": "sign",
    });
    expect(asB).not.toEqual(asA);
    // WHEN A's token is used bare, and with B's shop header (no HMAC)
    const bare = await callbackTotals(`/api/carrier-service/${tokenA}`, {});
    const spoofed = await fetch(url(`/api/carrier-service/${tokenA}`), {
      method: "POST",
      body: JSON.stringify(fixture("engine/request-small-cart-dallas.json")),
      headers: { "Content-Type": "application/json", "X-Shopify-Shop-Domain": B },
    });
    // THEN the token quotes A's prices, and a token and shop that disagree are refused
    expect(bare).toEqual(asA);
    expect(spoofed.status).toBe(401);
  });

  it("tracking: A's secret cannot post events as B, and A's events never touch B's shipment", async () => {
    const event = (trackingNumber: string) =>
      JSON.stringify({
        events: [
          {
            id: `iso-${trackingNumber}`,
            trackingNumber,
            carrier: "UPS",
            rawCode: "D",
            occurredAt: "2026-11-20T15:00:00Z",
          },
        ],
      });
    const post = (shop: string, body: string, secret: string) => {
      const timestamp = String(Math.floor(Date.now() / 1000));
      return fetch(url(`/api/tracking/events?shop=${shop}`), {
        method: "POST",
        body,
        headers: {
          "Content-Type": "application/json",
          "X-Tailroute-Timestamp": timestamp,
          "X-Tailroute-Signature": genericSignature(body, timestamp, secret),
        },
      });
    };
    // WHEN A signs an event for B's parcel and names shop B
    expect((await post(B, event(B_TRACKING_NUMBER), secrets[A].GENERIC)).status).toBe(401);
    // ... or names itself with B's tracking number
    expect((await post(A, event(B_TRACKING_NUMBER), secrets[A].GENERIC)).status).toBeLessThan(300);
    // THEN B's shipment has no events and has not moved
    const shipmentB = await db.shipment.findFirstOrThrow({
      where: { shop: B, trackingNumber: B_TRACKING_NUMBER },
    });
    expect(shipmentB.status).toBe("LABEL_CREATED");
    expect(await db.trackingEvent.count({ where: { shipmentId: shipmentB.id } })).toBe(0);
  });

  it("pickup API: A's session token lists A's pickup points only", async () => {
    const token = extensionSessionToken({ shop: A, apiKey: TEST_API_KEY, secret: inject("appApiSecret") });
    const response = await fetch(url(`/api/checkout/pickup-points?${pickupQuery()}`), {
      headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER },
    });
    expect(response.status).toBe(200);
    const { points } = (await response.json()) as { points: { id: string; name: string }[] };
    expect(points.length).toBeGreaterThan(0);
    const idsOfB = new Set((await db.pickupPoint.findMany({ where: { shop: B } })).map((p) => p.id));
    expect(points.filter((p) => idsOfB.has(p.id) || p.name.startsWith("B-only"))).toEqual([]);
  });

  it("tracking: A's EasyPost secret and A's Shippo token are refused for B's endpoint URLs", async () => {
    const easyPostBody = JSON.stringify(fixture("tracking/easypost-tracker-updated.json"));
    const easyPost = await fetch(url(`/api/tracking/easypost?shop=${B}`), {
      method: "POST",
      body: easyPostBody,
      headers: {
        "Content-Type": "application/json",
        "X-Hmac-Signature": easyPostSignature(easyPostBody, secrets[A].EASYPOST),
      },
    });
    const shippo = await fetch(url(`/api/tracking/shippo?shop=${B}&token=${secrets[A].SHIPPO}`), {
      method: "POST",
      body: JSON.stringify(fixture("tracking/shippo-track-updated.json")),
      headers: { "Content-Type": "application/json" },
    });
    expect(easyPost.status).toBe(401);
    expect(shippo.status).toBe(401);
    expect(await db.shipment.count({ where: { shop: B } })).toBe(1);
  });

  it("CLI: shipments --shop A never lists B's parcels", async () => {
    // (A holds its own row for the tracking number it posted above; B's parcel belongs to B's order 777)
    const result = await tailroute("shipments", "--shop", A, "--json");
    expect(result.status).toBe(0);
    const listed = JSON.parse(result.stdout) as { shipments: { orderId: string | null }[] };
    expect(listed.shipments.length).toBeGreaterThan(0);
    expect(listed.shipments.map((s) => s.orderId)).not.toContain(B_ORDER);
  });

  it("CLI: decisions --shop A never lists B's orders, and reconcile --shop A leaves B's pending order alone", async () => {
    const decisions = await tailroute("decisions", "--shop", A, "--json");
    expect(decisions.status).toBe(0);
    const listed = JSON.parse(decisions.stdout) as { shop: string; decisions: { orderId: string }[] };
    expect(listed.shop).toBe(A);
    expect(listed.decisions.map((d) => d.orderId)).not.toContain(B_ORDER);
    // (the same command does list B's order for B: the check above is not vacuous)
    const ofB = JSON.parse((await tailroute("decisions", "--shop", B, "--json")).stdout) as typeof listed;
    expect(ofB.decisions.map((d) => d.orderId)).toContain(B_ORDER);

    const before = await db.routingDecision.findUniqueOrThrow({
      where: { shop_orderId_revision: { shop: B, orderId: B_ORDER, revision: 0 } },
    });
    const reconcile = await tailroute("reconcile", "--shop", A, "--json");
    expect(reconcile.status).toBe(0);
    expect(reconcile.stdout).not.toContain(B_ORDER);
    const after = await db.routingDecision.findUniqueOrThrow({
      where: { shop_orderId_revision: { shop: B, orderId: B_ORDER, revision: 0 } },
    });
    expect(after).toEqual(before);
  });

  it("CLI: import-pickup-points --shop A --replace never touches B's directory", async () => {
    const directoryOfB = async () =>
      (await db.pickupPoint.findMany({ where: { shop: B }, orderBy: { id: "asc" } })).map((p) => [
        p.id,
        p.name,
      ]);
    const before = await directoryOfB();
    const result = await tailroute(
      "import-pickup-points",
      "tests/fixtures/pickup/directory-valid.csv",
      "--shop",
      A,
      "--replace",
    );
    expect(result.status).toBe(0);
    expect(await directoryOfB()).toEqual(before);
    expect(before.length).toBeGreaterThan(0);
  });
  it("admin: A's session token never lists, edits, disables or deletes B's cartons and carrier services", async () => {
    // GIVEN A's offline session (as an install leaves it) and App Bridge's bearer token for A
    await db.session.upsert({
      where: { id: `offline_${A}` },
      create: { id: `offline_${A}`, shop: A, state: "installed", isOnline: false, accessToken: "token-a" },
      update: {},
    });
    const { token } = await getJwt(A.replace(".myshopify.com", ""), TEST_API_KEY, inject("appApiSecret"));
    const admin = (path: string, form?: Record<string, string>) =>
      fetch(url(path), {
        method: form ? "POST" : "GET",
        headers: {
          "User-Agent": BROWSER,
          Authorization: `Bearer ${token}`,
          ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
        },
        ...(form ? { body: new URLSearchParams(form).toString() } : {}),
      });
    const cartonB = await db.carton.findFirstOrThrow({ where: { shop: B } });
    const serviceB = await db.carrierService.findFirstOrThrow({ where: { shop: B } });
    // WHEN A lists its cartons and services
    const cartons = await (await admin("/app/cartons?_data=routes%2Fapp.cartons")).json();
    const services = await (await admin("/app/carriers?_data=routes%2Fapp.carriers._index")).json();
    // THEN none of B's rows appear
    expect(cartons.cartons.length).toBeGreaterThan(0);
    expect(cartons.cartons.some((c: { id: string }) => c.id === cartonB.id)).toBe(false);
    expect(services.services.some((s: { id: string }) => s.id === serviceB.id)).toBe(false);
    // AND B's rows cannot be edited, deactivated, disabled or deleted by id
    const cartonForms: Record<string, string>[] = [
      {
        intent: "save",
        id: cartonB.id,
        key: "stolen",
        name: "x",
        length: "1",
        width: "1",
        height: "1",
        tareWeight: "0",
        maxWeight: "1",
      },
      { intent: "deactivate", id: cartonB.id },
      { intent: "delete", id: cartonB.id },
    ];
    for (const form of cartonForms)
      expect((await admin("/app/cartons?_data=routes%2Fapp.cartons", form)).status).toBe(404);
    for (const intent of ["disable", "delete"])
      expect(
        (await admin(`/app/carriers/${serviceB.id}?_data=routes%2Fapp.carriers.%24id`, { intent })).status,
      ).toBe(404);
    expect(await db.carton.findUniqueOrThrow({ where: { id: cartonB.id } })).toMatchObject({
      key: cartonB.key,
      active: true,
    });
    expect(await db.carrierService.findUniqueOrThrow({ where: { id: serviceB.id } })).toMatchObject({
      enabled: serviceB.enabled,
    });
  });
});

describe("tenant isolation: onboarding pages", () => {
  it("A's session token never reads or writes B's surcharge areas, zone charts or rate card by B's service id", async () => {
    // GIVEN A's offline session and App Bridge bearer token, and one of B's carrier services
    await db.session.upsert({
      where: { id: `offline_${A}` },
      create: { id: `offline_${A}`, shop: A, state: "installed", isOnline: false, accessToken: "token-a" },
      update: {},
    });
    const { token } = await getJwt(A.replace(".myshopify.com", ""), TEST_API_KEY, inject("appApiSecret"));
    const asA = (path: string, form?: Record<string, string>) =>
      fetch(url(path), {
        method: form ? "POST" : "GET",
        headers: { "User-Agent": BROWSER, Authorization: `Bearer ${token}` },
        ...(form ? { body: new URLSearchParams(form) } : {}),
      });
    const serviceB = await db.carrierService.findFirstOrThrow({ where: { shop: B, mode: "EXPRESS_PARCEL" } });
    const before = {
      surcharges: serviceB.surcharges,
      cards: await db.rateCard.count({ where: { carrierServiceId: serviceB.id } }),
    };
    const areas = `/app/carriers/${serviceB.id}/surcharge-areas?_data=routes%2Fapp.carriers.%24id_.surcharge-areas`;
    // (A's own service's page opens: the token is good)
    const serviceA = await db.carrierService.findFirstOrThrow({ where: { shop: A, mode: "EXPRESS_PARCEL" } });
    expect((await asA(areas.replace(serviceB.id, serviceA.id))).status).toBe(200);
    // WHEN A opens B's surcharge areas and zone charts THEN they are not found
    expect((await asA(areas)).status).toBe(404);
    const charts = `/app/carriers/${serviceB.id}/zone-charts?_data=routes%2Fapp.carriers.%24id_.zone-charts`;
    expect((await asA(charts)).status).toBe(404);
    // WHEN A imports a ZIP list and a rate card into B's service THEN both are not found and B's service is unchanged
    const list = {
      code: "DELIVERY_AREA",
      mode: "REPLACE",
      amount: "9.99",
      per: "PACKAGE",
      list: "10001",
      fileName: "x.txt",
    };
    expect((await asA(areas, list)).status).toBe(404);
    const csv = "max_lb,zone_2\n1,1.00\n";
    const page = `/app/carriers/${serviceB.id}?_data=routes%2Fapp.carriers.%24id`;
    expect((await asA(page, { intent: "importRateCard", csv })).status).toBe(404);
    const after = await db.carrierService.findUniqueOrThrow({ where: { id: serviceB.id } });
    expect(after.surcharges).toEqual(before.surcharges);
    expect(await db.rateCard.count({ where: { carrierServiceId: serviceB.id } })).toBe(before.cards);
  });
});

describe("tenant isolation: UPS Locator credentials", () => {
  // Ends in letters no id or UUID on the page can hold by chance (a hex "5521" once matched a pickup point's UUID).
  const B_CLIENT_ID = "b-ups-client-id-zqxw";
  const B_SECRET = "b-ups-secret-never-shown-8830";
  const adminAs = async (shop: string) => {
    await storeOfflineSession(db, shop, `token-${shop}`);
    const { token } = await getJwt(shop.replace(".myshopify.com", ""), TEST_API_KEY, inject("appApiSecret"));
    return (path: string, form?: Record<string, string>) =>
      fetch(url(path), {
        method: form ? "POST" : "GET",
        headers: {
          "User-Agent": BROWSER,
          Authorization: `Bearer ${token}`,
          ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
        },
        ...(form ? { body: new URLSearchParams(form).toString() } : {}),
      });
  };

  it("A never reads, uses or refreshes with B's UPS credentials; B's own page and export never show them", async () => {
    // GIVEN B connected UPS (sealed with the app server's key) and has a refresh job waiting for tomorrow
    const keys = secretKeysFrom({ SHOPIFY_API_SECRET: inject("appApiSecret") });
    await db.upsLocatorAccount.create({
      data: {
        shop: B,
        clientIdSealed: sealSecret(B_CLIENT_ID, keys),
        clientSecretSealed: sealSecret(B_SECRET, keys),
        metroZips: "10001",
      },
    });
    await enqueueJob(
      db,
      PICKUP_UPS_REFRESH,
      { reason: "test" },
      {
        key: `${B}:isolation`,
        shop: B,
        runAt: new Date(Date.now() + 86_400_000),
      },
    );
    const asA = await adminAs(A);
    // WHEN A opens its pickup page and polls the refresh progress
    const pageA = await asA("/app/pickup-points?_data=routes%2Fapp.pickup-points");
    const progressA = await asA(
      "/app/pickup-points/ups-refresh?_data=routes%2Fapp.pickup-points.ups-refresh",
    );
    // THEN A sees no connection and no job of B's
    expect(pageA.status).toBe(200);
    const bodyA = await pageA.text();
    expect(JSON.parse(bodyA).ups.account).toMatchObject({ connected: false, clientIdHint: null });
    expect(bodyA).not.toContain("zqxw");
    expect(await progressA.json()).toEqual({ refresh: null });
    // AND A's Refresh is refused (A has no connection) and queues nothing
    const refresh = await asA("/app/pickup-points?_data=routes%2Fapp.pickup-points", {
      intent: "upsRefresh",
    });
    expect(refresh.status).toBe(422);
    expect(await db.job.count({ where: { kind: "pickup.ups-refresh", shop: A } })).toBe(0);
    // AND B's own page shows only the client ID's last 4 characters, its export no credential at all
    const asB = await adminAs(B);
    const pageB = await (await asB("/app/pickup-points?_data=routes%2Fapp.pickup-points")).text();
    expect(JSON.parse(pageB).ups.account).toMatchObject({ connected: true, clientIdHint: "…zqxw" });
    const exportB = await asB("/app/settings/export");
    expect(exportB.status).toBe(200);
    const exported = await exportB.text();
    for (const text of [pageB, exported]) {
      expect(text).not.toContain(B_SECRET);
      expect(text).not.toContain(B_CLIENT_ID);
    }
  });
});

describe("tenant isolation: carrier account keys", () => {
  const B_KEY = "EZTK_b_only_key_never_shown_qzvw";
  const adminAs = async (shop: string) => {
    await storeOfflineSession(db, shop, `token-${shop}`);
    const { token } = await getJwt(shop.replace(".myshopify.com", ""), TEST_API_KEY, inject("appApiSecret"));
    return (path: string, form?: Record<string, string>) =>
      fetch(url(path), {
        method: form ? "POST" : "GET",
        headers: {
          "User-Agent": BROWSER,
          Authorization: `Bearer ${token}`,
          ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
        },
        ...(form ? { body: new URLSearchParams(form).toString() } : {}),
      });
  };
  const PAGE = "/app/carrier-accounts?_data=routes%2Fapp.carrier-accounts";

  it("A never lists, tests, maps to or disconnects B's EasyPost account; B's page and export never show the key", async () => {
    // GIVEN B connected an EasyPost key (sealed with the app server's key) and priced a service with it
    const keys = secretKeysFrom({ SHOPIFY_API_SECRET: inject("appApiSecret") });
    const accountB = await db.carrierAccount.create({
      data: {
        shop: B,
        provider: "EASYPOST",
        label: "B account",
        apiKeySealed: sealSecret(B_KEY, keys),
        apiKeyHint: "…qzvw",
      },
    });
    const serviceA = await db.carrierService.findFirstOrThrow({ where: { shop: A, mode: "EXPRESS_PARCEL" } });
    const asA = await adminAs(A);
    // WHEN A opens its carrier accounts page
    const pageA = await asA(PAGE);
    // THEN B's account is not there
    expect(pageA.status).toBe(200);
    const bodyA = await pageA.text();
    expect(bodyA).not.toContain(accountB.id);
    expect(bodyA).not.toContain("qzvw");
    // AND B's account cannot be tested, disconnected or used for A's services
    expect((await asA(PAGE, { intent: "test", id: accountB.id })).status).toBe(404);
    expect((await asA(PAGE, { intent: "remove", id: accountB.id })).status).toBe(404);
    const map = await asA(PAGE, {
      intent: "map",
      serviceCode: serviceA.code,
      carrierAccountId: accountB.id,
      providerAccount: "ca_x",
      providerService: "Ground",
    });
    expect(map.status).toBe(422);
    expect(await db.carrierServiceMapping.count({ where: { carrierAccountId: accountB.id } })).toBe(0);
    expect(await db.carrierAccount.findUnique({ where: { id: accountB.id } })).not.toBeNull();
    // AND B's own page shows the last four characters only, and B's export no key at all
    const asB = await adminAs(B);
    const pageB = await (await asB(PAGE)).text();
    expect(JSON.parse(pageB).accounts[0]).toMatchObject({ id: accountB.id, apiKeyHint: "…qzvw" });
    const exported = await (await asB("/app/settings/export")).text();
    for (const text of [pageB, exported]) {
      expect(text).not.toContain(B_KEY);
      expect(text).not.toContain(accountB.apiKeySealed);
    }
  });
});

describe("tenant isolation: shipping labels", () => {
  it("A never downloads or voids B's label, even with its id", async () => {
    // GIVEN B bought a label whose PDF is stored
    const label = await db.shippingLabel.create({
      data: {
        shop: B,
        orderId: B_ORDER,
        decisionId: "b-decision",
        purchaseKey: "b-decision:0:0",
        status: "PURCHASED",
      },
    });
    await db.shippingLabelFile.create({
      data: {
        shop: B,
        labelId: label.id,
        parcelIndex: 0,
        contentType: "application/pdf",
        content: Buffer.from("%PDF-B"),
      },
    });
    const as = async (shop: string) => {
      await storeOfflineSession(db, shop, `token-${shop}`);
      const { token } = await getJwt(
        shop.replace(".myshopify.com", ""),
        TEST_API_KEY,
        inject("appApiSecret"),
      );
      return (path: string, form?: Record<string, string>) =>
        fetch(url(path), {
          method: form ? "POST" : "GET",
          headers: {
            "User-Agent": BROWSER,
            Authorization: `Bearer ${token}`,
            ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
          },
          ...(form ? { body: new URLSearchParams(form).toString() } : {}),
        });
    };
    // WHEN A asks for it by id, or to void it through B's order
    const asA = await as(A);
    const download = await asA(`/app/labels/${label.id}/1`);
    const voided = await asA(`/app/orders/${label.decisionId}?_data=routes%2Fapp.orders.%24id`, {
      intent: "void-label",
      labelId: label.id,
    });
    // THEN nothing of B's is served or changed; B itself downloads its file
    expect(download.status).toBe(404);
    expect(await download.text()).not.toContain("%PDF-B");
    expect(voided.status).toBe(404);
    expect(await db.job.count({ where: { kind: "labels.refund" } })).toBe(0);
    const own = await (await as(B))(`/app/labels/${label.id}/1`);
    expect(own.status).toBe(200);
    expect(await own.text()).toBe("%PDF-B");
  });
});

function tailroute(...args: string[]) {
  return runTailroute(args, { env: { DATABASE_URL: inject("appDatabaseUrl") } });
}
