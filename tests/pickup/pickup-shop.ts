import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { PrismaClient } from "@prisma/client";
import { DEMO_VARIANTS, demoShopConfig } from "../../app/demo/demo-shop-config";
import { importPickupDirectory } from "../../app/services/pickup/directory-import.server";
import {
  loadPickupNetworkSettings,
  savePickupNetworkSettings,
} from "../../app/services/pickup/network-settings.server";
import { saveShopConfig } from "../../app/services/shop/config-store.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";

/** A shop with the demo configuration, UPS / FedEx / USPS pickup enabled and three points near 90012. */
export async function seedPickupShop(db: PrismaClient, shop: string) {
  await recordInstall(db, shop);
  await saveShopConfig(db, { ...demoShopConfig, shop });
  const defaults = await loadPickupNetworkSettings(db, shop);
  const saved = await savePickupNetworkSettings(db, shop, {
    networks: defaults.map((s) => ({ ...s, enabled: s.network !== "AMAZON_LOCKER" })),
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.errors));
  const text = readFileSync(join(__dirname, "../fixtures/pickup/directory-valid.csv"), "utf8");
  const imported = await importPickupDirectory(db, shop, { text, mode: "replace" });
  if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
}

/** Query string of a pickup request: a T-shirt to downtown Los Angeles unless told otherwise. */
export function pickupQuery(overrides: Record<string, string> = {}, lines?: unknown[]) {
  return new URLSearchParams({
    zip: "90012",
    countryCode: "US",
    provinceCode: "CA",
    city: "Los Angeles",
    address1: "200 N Spring St",
    lines: JSON.stringify(
      lines ?? [
        { variantId: `gid://shopify/ProductVariant/${DEMO_VARIANTS.tee}`, quantity: 1, priceCents: 2000 },
      ],
    ),
    ...overrides,
  }).toString();
}
