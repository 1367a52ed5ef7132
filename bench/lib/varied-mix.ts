// The varied checkout mix the bench measures: a few thousand distinct destinations drawn from the ZIP table
// (urban, rural, PO box, Alaska / Hawaii / Puerto Rico) and carts drawn from the demo catalogue (1–6 lines,
// mixed sizes, some freight). Deterministic (seeded), so two trees benchmarked side by side see the same mix.
import { DEMO_VARIANTS, demoShopConfig } from "../../app/demo/demo-shop-config";
import { zipTables } from "../../app/engine/geo/zip-table";

const GRAMS_PER_OZ = 28.349523125;

/** Small, fast, seeded PRNG (mulberry32): the mix must be the same in every run and every tree. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type DestinationKind = "urban" | "rural" | "po-box" | "noncontiguous";

export interface MixEntry {
  kind: DestinationKind;
  /** Shopify's CarrierService request body for this checkout. */
  body: { rate: Record<string, unknown> };
  freight: boolean;
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)];

/**
 * `count` distinct checkouts (distinct destination ZIPs). Shares, by construction: 55 % urban, 20 % rural,
 * 15 % PO box, 10 % AK/HI/PR. Carts come from a pool of `cartPool` distinct carts (1–6 lines, quantities 1–3,
 * about 1 in 10 with a bulky, freight-only item), drawn with a skew toward the popular ones, as a shop's
 * checkouts repeat its best sellers; `cartPool = count` makes nearly every cart distinct (the packing cache's
 * worst case).
 */
export function variedMix(count = 3000, seed = 20261205, cartPool = 300): MixEntry[] {
  const random = seededRandom(seed);
  const { rows } = zipTables();
  // "Urban" = a ZIP whose city has many ZIPs; "rural" = a city with one ZIP (a cheap, data-only proxy).
  const zipsPerCity = new Map<string, number>();
  for (const r of rows)
    zipsPerCity.set(`${r.state}|${r.city}`, (zipsPerCity.get(`${r.state}|${r.city}`) ?? 0) + 1);
  const noncontiguous = rows.filter((r) => r.state === "AK" || r.state === "HI" || r.state === "PR");
  const contiguous = rows.filter((r) => !(r.state === "AK" || r.state === "HI" || r.state === "PR"));
  const urban = contiguous.filter((r) => (zipsPerCity.get(`${r.state}|${r.city}`) ?? 0) >= 10);
  const rural = contiguous.filter((r) => (zipsPerCity.get(`${r.state}|${r.city}`) ?? 0) === 1);
  const profiles = demoShopConfig.productProfiles.filter((p) => p.variantId);
  const parcelProfiles = profiles.filter((p) => !p.bulky);
  const bulkyProfiles = profiles.filter((p) => p.bulky);
  const variantIds = new Set<string>(Object.values(DEMO_VARIANTS));

  const makeCart = () => {
    const freight = random() < 0.1;
    const lineCount = 1 + Math.floor(random() * 6);
    const chosen = new Set<(typeof profiles)[number]>();
    if (freight) chosen.add(pick(random, bulkyProfiles));
    while (chosen.size < lineCount && chosen.size < parcelProfiles.length)
      chosen.add(pick(random, parcelProfiles));
    const items = [...chosen].map((p) => ({
      name: p.name,
      sku: p.sku ?? null,
      quantity: 1 + Math.floor(random() * (p.bulky ? 1 : 3)),
      grams: Math.round((p.weightOz ?? 16) * GRAMS_PER_OZ),
      price: 1000 + Math.floor(random() * 20_000),
      vendor: "Tailroute Demo",
      requires_shipping: true,
      taxable: true,
      fulfillment_service: "manual",
      properties: null,
      product_id: null,
      variant_id: variantIds.has(p.variantId!) ? Number(p.variantId) : null,
    }));
    return { freight, items };
  };
  const carts = Array.from({ length: cartPool }, makeCart);
  const used = new Set<string>();
  const mix: MixEntry[] = [];
  while (mix.length < count) {
    const roll = random();
    const kind: DestinationKind =
      roll < 0.55 ? "urban" : roll < 0.75 ? "rural" : roll < 0.9 ? "po-box" : "noncontiguous";
    const row = pick(random, kind === "noncontiguous" ? noncontiguous : kind === "rural" ? rural : urban);
    if (used.has(row.zip)) continue;
    used.add(row.zip);
    // Popular carts come back far more often than rare ones (squared uniform → skewed toward the front).
    const { freight, items } = carts[Math.floor(random() * random() * carts.length)];
    const street = 1 + Math.floor(random() * 9000);
    mix.push({
      kind,
      freight,
      body: {
        rate: {
          origin: {
            country: "US",
            postal_code: "08817",
            province: "NJ",
            city: "Edison",
            address1: "300 Raritan Center Pkwy",
          },
          destination: {
            country: "US",
            postal_code: row.zip,
            province: row.state,
            city: row.city,
            address1: kind === "po-box" ? `PO Box ${street}` : `${street} Main St`,
            name: "Bench Buyer",
            address2: null,
            company_name: null,
          },
          items,
          currency: "USD",
          locale: "en",
        },
      },
    });
  }
  return mix;
}
