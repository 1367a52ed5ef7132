// `npm run demo`, "Live rates": a fake EasyPost account (the fake runs inside the demo process) is connected to the
// demo shop and priced USPS Ground Advantage live, then a checkout is answered through the real, HMAC-signed
// callback and its explanation printed: the Ground Advantage shipment says LIVE, USPS Priority Mail RATE_CARD.
// docs/carriers.md.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PrismaClient } from "@prisma/client";
import { sealSecret, secretKeysFrom } from "../../app/config/secret-box.server";
import { CarrierServiceRequest } from "../../app/contracts/carrier-service";
import { formatMoney } from "../../app/format";
import { createCallbackCache, engineInput } from "../../app/services/carrier-service/callback.server";
import { quoteWithLiveRates } from "../../app/services/carrier-service/live-quote.server";
import { toExplain } from "../../app/services/carrier-service/rate-mapping";
import {
  EASYPOST_FAKE_KEY,
  startEasyPostFake,
  type EasyPostFake,
} from "../../tests/support/fakes/easypost-fake";
import { PROJECT_ROOT } from "./app-server";
import { shopifyHmac } from "./signed-webhook";

/** The checkout the demo prices: a small cart from the fixtures, sent to Denver. */
function demoCheckout() {
  const body = JSON.parse(
    readFileSync(join(PROJECT_ROOT, "tests", "fixtures", "engine", "request-small-cart-dallas.json"), "utf8"),
  ) as { rate: { destination: Record<string, unknown> } };
  body.rate.destination = { ...body.rate.destination, postal_code: "80202", province: "CO", city: "Denver" };
  return body;
}

export async function runLiveRatesDemo(options: {
  appUrl: string;
  shop: string;
  secret: string;
  db: PrismaClient;
}): Promise<{ lines: string[]; fake: EasyPostFake }> {
  const { db, shop, secret } = options;
  const fake = await startEasyPostFake();
  fake.behaviour.latencyMs = 150; // a quick carrier API, well inside the 1,500 ms budget
  // Sealed as the app server seals it (its key comes from the same environment and API secret).
  const keys = secretKeysFrom({
    TAILROUTE_SECRETS_KEY: process.env.TAILROUTE_SECRETS_KEY,
    TAILROUTE_SECRETS_KEY_PREVIOUS: process.env.TAILROUTE_SECRETS_KEY_PREVIOUS,
    SHOPIFY_API_SECRET: secret,
  });
  const account = await db.carrierAccount.create({
    data: {
      shop,
      provider: "EASYPOST",
      label: "Demo EasyPost (fake)",
      apiKeySealed: sealSecret(EASYPOST_FAKE_KEY, keys),
      apiKeyHint: `…${EASYPOST_FAKE_KEY.slice(-4)}`,
      apiBaseUrl: fake.baseUrl,
    },
  });
  await db.carrierServiceMapping.create({
    data: {
      shop,
      serviceCode: "usps-ground-advantage",
      carrierAccountId: account.id,
      providerAccount: "ca_fake_usps",
      providerService: "GroundAdvantage",
    },
  });
  await db.shop.update({ where: { shop }, data: { configVersion: { increment: 1 } } });
  const lines = [
    `Connected "${account.label}" (key …${EASYPOST_FAKE_KEY.slice(-4)}, sealed at rest) at ${fake.baseUrl}; USPS Ground Advantage priced live`,
  ];

  // The app's checkout cache sees the change within a second: ask once, wait, then ask for real.
  const raw = JSON.stringify(demoCheckout());
  const post = () =>
    fetch(`${options.appUrl}/api/carrier-service`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-Shopify-Hmac-Sha256": shopifyHmac(raw, secret),
        "X-Shopify-Shop-Domain": shop,
      },
      body: raw,
    });
  await (await post()).text();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const started = performance.now();
  const response = await post();
  const answered = (await response.json()) as { rates: { service_name: string; total_price: string }[] };
  lines.push(
    `Checkout to Denver 80202 → HTTP ${response.status} in ${Math.round(performance.now() - started)} ms: ${answered.rates
      .map((r) => `${r.service_name} ${formatMoney(Number(r.total_price))}`)
      .join(", ")}`,
  );

  // The same checkout's explanation, computed by the same code the callback runs.
  const runtime = await createCallbackCache(db).byShop(shop);
  if (runtime?.compiled && runtime.liveRates) {
    const request = CarrierServiceRequest.parse(JSON.parse(raw));
    const { result } = await quoteWithLiveRates(
      runtime.compiled,
      runtime.liveRates,
      engineInput(runtime, request, new Date()),
      performance.now(),
    );
    for (const tier of toExplain(result))
      for (const s of tier.shipments)
        lines.push(
          `  explain ${tier.service_code}: ${s.service} from ${s.warehouse} → ${s.price_source}${
            s.price_source === "LIVE" && "rate_card_cents" in s
              ? ` ${formatMoney(s.baseCents)} (rate card ${formatMoney(s.rate_card_cents ?? 0)})`
              : ` ${formatMoney(s.baseCents + s.surcharges.reduce((sum, x) => sum + x.amountCents, 0))}`
          }`,
        );
  }
  lines.push("Admin: /app/carrier-accounts (the account, its test, the mapping); simulator: /app/simulator");
  return { lines, fake };
}
