import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { createJobEngine } from "../../app/jobs/runner.server";
import { PICKUP_UPS_REFRESH, pickupUpsRefreshKind } from "../../app/jobs/kinds/pickup-ups-refresh.server";
import { pickupUpsWeeklyKind } from "../../app/jobs/kinds/pickup-ups-weekly.server";
import type { JobEngine, JobView } from "../../app/jobs/types";
import { pickupPointsAction, pickupPointsPage } from "../../app/services/admin/pickup-form.server";
import { latestUpsRefresh } from "../../app/services/admin/pickup-ups-form.server";
import { saveUpsLocatorAccount } from "../../app/services/pickup/locator/ups-account.server";
import { recordInstall } from "../../app/services/shop/lifecycle.server";
import { startUpsFake, type UpsFake } from "../support/fakes/ups-locator-fake";
import { freshTestDatabase } from "../support/test-database";

// "Refresh from UPS" end to end on a job runner: the page's action queues the job, the job signs in to a local fake
// of UPS (OAuth client credentials) and searches the Locator over real HTTP, one area at a time, and the points land
// in the shop's directory. UPS's errors (429, 500, refused credentials) are reported, never swallowed.

// The key the app seals shop secrets with (pinned-env clears the developer's).
process.env.TAILROUTE_SECRETS_KEY = randomBytes(32).toString("base64");
const CLIENT = { clientId: "ups-client-id-7781", clientSecret: "ups-secret-Zq93-never-logged" };
const SHOP = "ups-refresh.myshopify.com";
const NOW = new Date("2026-12-07T10:00:00Z");
const dir = mkdtempSync(join(tmpdir(), "tailroute-ups-refresh-"));
const url = freshTestDatabase("ups_refresh", dir);
// The page's job views pick the engine (SQLite table or pg-boss) from the app's database URL.
process.env.DATABASE_URL = url;
const db = createPrismaClient(url);
const logged: string[] = [];
let ups: UpsFake;
let engine: JobEngine;

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const connect = (shop: string, clientSecret = CLIENT.clientSecret) =>
  saveUpsLocatorAccount(db, shop, {
    clientId: CLIENT.clientId,
    clientSecret,
    environment: "TEST",
    metroZips: ["10001"],
    radiusMiles: 10,
    maxAreas: 5,
    weeklyRefresh: true,
  });

/** Presses "Refresh from UPS" and waits for the job to end, noting the progress the page's poll saw meanwhile. */
async function refreshAndWait(): Promise<JobView & { seen: string[] }> {
  // (the job this press queues is the one with a new key: "the latest" alone could be the previous refresh)
  const before = new Set((await engine.list({ shop: SHOP, kind: PICKUP_UPS_REFRESH })).map((j) => j.key));
  const answer = await pickupPointsAction(db, SHOP, form({ intent: "upsRefresh" }));
  expect(answer).toMatchObject({ ok: true });
  const seen: string[] = [];
  for (let i = 0; i < 400; i++) {
    const refresh = await latestUpsRefresh(db, SHOP, url);
    const progress = refresh?.running && refresh.progress;
    if (progress && seen.at(-1) !== `${progress.done}/${progress.total}`)
      seen.push(`${progress.done}/${progress.total}`);
    const jobs = await engine.list({ shop: SHOP, kind: PICKUP_UPS_REFRESH });
    const job = jobs.find((j) => !before.has(j.key));
    if (job && ["COMPLETED", "FAILED", "DROPPED"].includes(job.status)) return { ...job, seen };
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the refresh job did not end");
}

beforeAll(async () => {
  ups = await startUpsFake(CLIENT, { delayMs: 150 });
  await recordInstall(db, SHOP);
  // Parcels of the last 90 days went to Los Angeles (900) three times and Dallas (752) once.
  for (const [i, zip3] of ["900", "900", "900", "752"].entries())
    await db.shipment.create({
      data: { shop: SHOP, carrier: "UPS", trackingNumber: `1ZAREA${i}`, destZip3: zip3, createdAt: NOW },
    });
  const log = (...args: unknown[]) => logged.push(args.map(String).join(" "));
  engine = createJobEngine(db, url, { pollMs: 20, shutdownGraceMs: 2_000, log: { log, error: log } });
  engine.register(
    pickupUpsRefreshKind(db, {
      upsBaseUrl: ups.baseUrl,
      now: () => NOW,
      backoff: { baseMs: 20, maxMs: 40 },
    }) as never,
  );
  await engine.start();
});
afterAll(async () => {
  await engine.stop();
  await ups.close();
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("refresh from UPS", () => {
  it("is refused before UPS is connected, and the credentials are stored sealed", async () => {
    // WHEN the merchant presses Refresh with no connection THEN the page says to connect first
    expect(await pickupPointsAction(db, SHOP, form({ intent: "upsRefresh" }))).toEqual({
      ok: false,
      errors: { "ups.refresh": "Connect UPS first: save a client ID and secret" },
    });
    // WHEN the merchant connects through the page's form
    const saved = await pickupPointsAction(
      db,
      SHOP,
      form({
        intent: "upsConnect",
        "ups.clientId": CLIENT.clientId,
        "ups.clientSecret": CLIENT.clientSecret,
        "ups.environment": "TEST",
        "ups.metroZips": "10001",
        "ups.radiusMiles": "10",
        "ups.maxAreas": "5",
        "ups.weeklyRefresh": "on",
      }),
    );
    expect(saved).toMatchObject({ ok: true });
    // THEN neither the client ID nor the secret is in the row in clear, and the page shows only the ID's end
    const row = await db.upsLocatorAccount.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(JSON.stringify(row)).not.toContain(CLIENT.clientSecret);
    expect(JSON.stringify(row)).not.toContain(CLIENT.clientId);
    expect(row.clientSecretSealed).toMatch(/^v1\./);
    const page = await pickupPointsPage(db, SHOP, new URLSearchParams(), NOW);
    expect(JSON.stringify(page)).not.toContain(CLIENT.clientSecret);
    expect(page.ups.account).toMatchObject({ connected: true, clientIdHint: "…7781", metroZips: ["10001"] });
    // AND the areas it will search: the metro, then LA (3 parcels), then Dallas (1)
    expect(page.ups.areas.map((a) => [a.source, a.zip.slice(0, 3)])).toEqual([
      ["METRO", "100"],
      ["DELIVERIES", "900"],
      ["DELIVERIES", "752"],
    ]);
  });

  it("signs in, searches each area with progress, and merges the Access Points into the directory once each", async () => {
    const before = ups.calls.length;
    const job = await refreshAndWait();
    // THEN the job completed, and while it ran the page's poll saw it advance area by area
    expect(job).toMatchObject({ status: "COMPLETED", attempts: 1 });
    expect(job.seen.length).toBeGreaterThanOrEqual(2);
    expect(job.seen.every((step) => /^[0-3]\/3$/.test(step))).toBe(true);
    // AND UPS saw one token request with HTTP Basic, then three Locator searches with the bearer token
    const calls = ups.calls.slice(before);
    expect(calls.map((c) => c.path)).toEqual([
      "/security/v1/oauth/token",
      ...Array(3).fill("/api/locations/v3/search/availabilities/64?Locale=en_US"),
    ]);
    expect(calls[0].authorization).toBe(
      `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString("base64")}`,
    );
    expect(calls[0].body).toBe("grant_type=client_credentials");
    expect(
      calls.slice(1).every((c) => c.status === 200 && c.authorization === "Bearer fake-ups-token-1"),
    ).toBe(true);
    // AND 2 points per area + the one every search finds = 7, from the UPS Locator
    const points = await db.pickupPoint.findMany({ where: { shop: SHOP } });
    expect(points).toHaveLength(7);
    expect(new Set(points.map((p) => p.source))).toEqual(new Set(["UPS_LOCATOR"]));
    expect(points.filter((p) => p.externalId === "U00000099")).toHaveLength(1);
    const account = await db.upsLocatorAccount.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(account).toMatchObject({ lastRefreshError: null, lastRefreshAt: NOW });
    expect(account.lastRefreshSummary).toMatch(/^7 Access Points from 3 area\(s\): 7 new, 0 updated/);
  });

  it("a rate limit (429) fails the attempt, which is tried again and completes", async () => {
    // GIVEN UPS answers the first search with 429 Rate Limit Exceeded
    ups.failNext(429);
    const job = await refreshAndWait();
    // THEN the job needed a second attempt, and the first one's error was UPS's
    expect(job).toMatchObject({ status: "COMPLETED", attempts: 2 });
    expect(ups.calls.some((c) => c.status === 429)).toBe(true);
    expect(await db.pickupPoint.count({ where: { shop: SHOP } })).toBe(7);
  });

  it("UPS failing (500) on every attempt ends the job FAILED with UPS's answer, on the page too", async () => {
    ups.failNext(500, 4);
    const job = await refreshAndWait();
    expect(job).toMatchObject({ status: "FAILED", attempts: 4 });
    expect(job.error).toMatch(/UPS Locator answered HTTP 500 \(10500: Internal Server Error\)/);
    const page = await pickupPointsPage(db, SHOP, new URLSearchParams(), NOW);
    expect(page.ups.refresh).toMatchObject({ status: "FAILED", running: false });
    expect(page.ups.account.lastRefreshError).toMatch(/HTTP 500.*trying again/);
  });

  it("credentials UPS refuses (401) drop the job with the reason, never with the secret", async () => {
    // GIVEN the merchant saved a wrong secret
    expect(await connect(SHOP, "a-wrong-secret-4417")).toEqual({ ok: true });
    const job = await refreshAndWait();
    // THEN the job is dropped at once (trying again cannot help), with UPS's reason
    expect(job).toMatchObject({ status: "DROPPED", attempts: 1 });
    expect(job.error).toBe("UPS OAuth answered HTTP 401 (10401: ClientId is Invalid)");
    const account = await db.upsLocatorAccount.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(account.lastRefreshError).toBe(job.error);
    // AND no secret appears in what the runner logged or the job recorded
    const everything = JSON.stringify({ logged, job, account });
    expect(everything).not.toContain("a-wrong-secret-4417");
    expect(everything).not.toContain(CLIENT.clientSecret);
  });

  it("the weekly pass queues one refresh per connected, installed shop, once per day", async () => {
    // GIVEN a second shop connected but uninstalled
    const gone = "ups-gone.myshopify.com";
    await recordInstall(db, gone);
    await connect(gone);
    await db.shop.update({ where: { shop: gone }, data: { uninstalledAt: NOW } });
    const weekly = pickupUpsWeeklyKind(db, { now: () => NOW });
    const context = {
      id: "x",
      kind: "pickup.ups-weekly",
      shop: "",
      attempt: 1,
      signal: new AbortController().signal,
    };
    // WHEN the Monday pass runs twice
    for (let i = 0; i < 2; i++) await weekly.handler({}, { ...context, progress: async () => undefined });
    // THEN one refresh of the installed shop was queued, keyed by the day
    const weeklyJobs = async (shop: string) =>
      (await engine.list({ shop, kind: PICKUP_UPS_REFRESH })).filter((j) => j.key.includes("weekly"));
    expect((await weeklyJobs(SHOP)).map((j) => j.key)).toEqual([`${SHOP}:weekly:2026-12-07`]);
    expect(await weeklyJobs(gone)).toEqual([]);
  });
});
