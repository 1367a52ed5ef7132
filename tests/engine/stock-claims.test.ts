import { describe, expect, it } from "vitest";
import { compileShopConfig, quote } from "../../app/engine";
import type { ShopConfig } from "../../app/engine/types";
import { demoWith, dest, input, line, NOW, V } from "./helpers";

// "In stock" is a claim about Shopify's stock: made only for tracked items whose warehouse stock was synced from
// Shopify within the last day. An imported snapshot (or an old sync) says "stock not confirmed"; untracked items
// say nothing about stock.
const HOUR = 3_600_000;

function reasonsFor(config: ShopConfig): string[] {
  const result = quote(
    compileShopConfig(config),
    input([line(V.mug), line(V.tee)], dest("75201", { state: "TX" })),
  );
  expect(result.quotes.length).toBeGreaterThan(0);
  return result.quotes.flatMap((q) => q.reasons);
}

const syncedAt = (at: Date) => (c: ShopConfig) => {
  for (const w of c.warehouses) w.stockSyncedAt = at.toISOString();
};

describe("stock claims in reasons", () => {
  it("does not claim 'in stock' from the configuration's stock snapshot", () => {
    // GIVEN the demo's warehouses with inventory maps imported with the configuration (never synced)
    const reasons = reasonsFor(demoWith(() => {}));
    // THEN no reason says "in stock"; the warehouse reason says the stock is not confirmed
    expect(reasons.some((r) => /in stock/.test(r))).toBe(false);
    expect(reasons.some((r) => /stock not confirmed/.test(r))).toBe(true);
  });

  it("says 'in stock' when the warehouse's stock was synced from Shopify an hour ago", () => {
    const reasons = reasonsFor(demoWith(syncedAt(new Date(NOW.getTime() - HOUR))));
    expect(reasons.some((r) => /, in stock$/.test(r))).toBe(true);
    expect(reasons.some((r) => /not confirmed/.test(r))).toBe(false);
  });

  it("says 'stock not confirmed' when the last sync is three days old", () => {
    const reasons = reasonsFor(demoWith(syncedAt(new Date(NOW.getTime() - 72 * HOUR))));
    expect(reasons.some((r) => /in stock/.test(r))).toBe(false);
    expect(reasons.some((r) => /stock not confirmed/.test(r))).toBe(true);
  });

  it("says nothing about stock for untracked items, even freshly synced", () => {
    // GIVEN a fresh sync in which Shopify does not track the tee (unlimited everywhere)
    const reasons = reasonsFor(
      demoWith((c) => {
        syncedAt(new Date(NOW.getTime() - HOUR))(c);
        for (const w of c.warehouses) if (w.inventory) w.inventory[V.tee] = Number.POSITIVE_INFINITY;
      }),
    );
    // THEN no reason mentions stock
    expect(reasons.some((r) => /stock/.test(r))).toBe(false);
  });
});
