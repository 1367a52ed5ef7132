// `npm run bench` (pickup part): nearest pickup-point lookups among 100,000 points (kdbush + geokdbush; target
// < 50 µs per lookup), then GET /api/checkout/pickup-points over real HTTP with a signed session token.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { createPrismaClient } from "../app/db.server";
import { DEMO_VARIANTS, demoShopConfig } from "../app/demo/demo-shop-config";
import { seedDemoShop } from "../app/demo/seed.server";
import { PICKUP_NETWORKS, PickupPointIndex, type PickupPointRecord } from "../app/engine/pickup";
import { savePickupPoints } from "../app/services/pickup/directory-import.server";
import {
  loadPickupNetworkSettings,
  savePickupNetworkSettings,
} from "../app/services/pickup/network-settings.server";
import { sampleDirectory } from "../app/demo/sample-pickup-directory";
import { ensureAppBuilt, freshSqliteDatabase, startAppServerOnFreePort } from "../scripts/lib/app-server";
import { extensionSessionToken } from "../scripts/lib/session-token";

const POINTS = 100_000;
const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36";
const QUERIES = 20_000;

/** Deterministic PRNG so runs compare. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function nearestBench() {
  const next = prng(42);
  const lat = () => 25 + next() * 24;
  const lng = () => -124 + next() * 57;
  const points: PickupPointRecord[] = Array.from({ length: POINTS }, (_, i) => ({
    id: `p${i}`,
    network: PICKUP_NETWORKS[i % 4],
    externalId: `p${i}`,
    name: `p${i}`,
    address1: "",
    city: "",
    province: "",
    zip: "",
    lat: lat(),
    lng: lng(),
    hours: "",
  }));
  let started = performance.now();
  const index = new PickupPointIndex(points);
  const buildMs = performance.now() - started;
  const origins = Array.from({ length: QUERIES }, () => ({ lat: lat(), lng: lng() }));
  for (const o of origins.slice(0, 1000)) index.nearest(o, 10, 25); // warm-up
  const run = (label: string, query: (o: { lat: number; lng: number }) => unknown) => {
    started = performance.now();
    for (const o of origins) query(o);
    const us = ((performance.now() - started) * 1000) / QUERIES;
    console.log(
      `  ${label.padEnd(58)} ${us.toFixed(1).padStart(6)} µs/lookup  ${us < 50 ? "✓" : "✗"} target < 50 µs`,
    );
  };
  console.log(
    `▸ Nearest pickup points among ${POINTS.toLocaleString("en-US")} (index built in ${buildMs.toFixed(0)} ms)`,
  );
  run("10 nearest within 25 mi", (o) => index.nearest(o, 10, 25));
  run("10 nearest within 25 mi, one network (filter in search)", (o) =>
    index.nearest(o, 10, 25, (p) => p.network === "UPS_ACCESS_POINT"),
  );
  run("1 nearest, no radius", (o) => index.nearest(o, 1));
}

interface Run {
  requests: { average: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
}

async function endpointBench() {
  const dir = mkdtempSync(join(tmpdir(), "tailroute-bench-pickup-"));
  const url = freshSqliteDatabase(join(dir, "bench.sqlite"));
  const db = createPrismaClient(url);
  await seedDemoShop(db);
  const shop = demoShopConfig.shop;
  const settings = await loadPickupNetworkSettings(db, shop);
  await savePickupNetworkSettings(db, shop, { networks: settings.map((s) => ({ ...s, enabled: true })) });
  const points = sampleDirectory({ perNetwork: 40 });
  await savePickupPoints(db, shop, points, { source: "SAMPLE", isSample: true });
  await db.$disconnect();
  ensureAppBuilt();
  const secret = "bench-secret";
  const apiKey = "bench-key";
  const app = await startAppServerOnFreePort((port) => ({
    env: {
      DATABASE_URL: url,
      TAILROUTE_DEMO: "0",
      SHOPIFY_API_KEY: apiKey,
      SHOPIFY_API_SECRET: secret,
      SHOPIFY_APP_URL: `http://127.0.0.1:${port}`,
    },
  }));
  try {
    const token = extensionSessionToken({ shop, apiKey, secret, expiresIn: 600 });
    const query = new URLSearchParams({
      zip: "90012",
      countryCode: "US",
      provinceCode: "CA",
      limit: "10",
      lines: JSON.stringify([
        { variantId: DEMO_VARIANTS.tee, quantity: 2, priceCents: 2000 },
        { variantId: DEMO_VARIANTS.hoodie, quantity: 1, priceCents: 4500 },
      ]),
    });
    const target = `${app.url}/api/checkout/pickup-points?${query}`;
    const first = await fetch(target, {
      headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER },
    });
    if (!first.ok)
      throw new Error(`The pickup endpoint answered HTTP ${first.status}: ${await first.text()}`);
    const body = (await first.json()) as { points: unknown[] };
    console.log(
      `▸ GET /api/checkout/pickup-points over HTTP (${points.length.toLocaleString("en-US")} SAMPLE points, 3 lines, JWT verified per request): first answer HTTP ${first.status}, ${body.points.length} points`,
    );
    const result = await new Promise<Run>((resolve, reject) =>
      autocannon(
        {
          url: target,
          headers: { Authorization: `Bearer ${token}`, "User-Agent": BROWSER },
          connections: 10,
          duration: 8,
        },
        (error: unknown, r: Run) => (error ? reject(error) : resolve(r)),
      ),
    );
    console.log(
      `  10 connections, 8 s: ${Math.round(result.requests.average)} req/s   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   non-2xx ${result.non2xx}   errors ${result.errors}`,
    );
  } finally {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

nearestBench();
await endpointBench();
