import type { PrismaClient } from "@prisma/client";
import { databaseUrl } from "../../db/database-url";
import { enqueueUpsRefresh, PICKUP_UPS_REFRESH } from "../../jobs/kinds/pickup-ups-refresh.server";
import { createJobEngine, registerAppJobs } from "../../jobs/runner.server";
import { pokeJobRunner } from "../../jobs/startup.server";
import type { JobView } from "../../jobs/types";
import {
  removeUpsLocatorAccount,
  saveUpsLocatorAccount,
  upsLocatorAccountView,
} from "../pickup/locator/ups-account.server";
import { upsSearchAreas } from "../pickup/locator/ups-refresh.server";
import { bool, list, num, text, type SaveResult } from "./form-data";

// The Pickup points page's UPS card (docs/pickup-points.md, "Pickup directory from UPS"): connect, refresh, and
// the refresh job's progress for the page's polling. Credentials go in, never out.

/** `ups.*` form fields → the connection contract. */
export function upsLocatorFormInput(form: FormData) {
  return {
    clientId: text(form, "ups.clientId"),
    clientSecret: text(form, "ups.clientSecret"),
    environment: text(form, "ups.environment") || "PRODUCTION",
    metroZips: list(text(form, "ups.metroZips")),
    radiusMiles: num(form, "ups.radiusMiles"),
    maxAreas: num(form, "ups.maxAreas"),
    weeklyRefresh: bool(form, "ups.weeklyRefresh"),
  };
}

export async function saveUpsLocatorForm(
  db: PrismaClient,
  shop: string,
  form: FormData,
): Promise<SaveResult> {
  const result = await saveUpsLocatorAccount(db, shop, upsLocatorFormInput(form));
  if (!result.ok) {
    const errors: Record<string, string> = {};
    for (const { path, message } of result.errors) errors[`ups.${path.split(".")[0]}`] ??= message;
    return { ok: false, errors };
  }
  return { ok: true, message: "UPS connection saved" };
}

export async function removeUpsLocatorForm(db: PrismaClient, shop: string): Promise<SaveResult> {
  await removeUpsLocatorAccount(db, shop);
  return { ok: true, message: "UPS connection removed (imported points stay in the directory)" };
}

const jobsOf = (db: PrismaClient, url: string) => registerAppJobs(createJobEngine(db, url), db);
const WAITING: JobView["status"][] = ["QUEUED", "RUNNING", "RETRYING"];

/** The shop's latest refresh job, as the page shows it (null before the first). */
export async function latestUpsRefresh(db: PrismaClient, shop: string, url = databaseUrl()) {
  const [job] = await jobsOf(db, url).list({ shop, kind: PICKUP_UPS_REFRESH, limit: 1 });
  if (!job) return null;
  return {
    id: job.id,
    status: job.status,
    progress: job.progress,
    error: job.error,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    running: WAITING.includes(job.status),
  };
}

/** The page's button: queues a refresh unless one is waiting or running; 422 when UPS is not connected. */
export async function startUpsRefresh(
  db: PrismaClient,
  shop: string,
  now: Date,
  url = databaseUrl(),
): Promise<SaveResult> {
  const account = await db.upsLocatorAccount.findUnique({ where: { shop }, select: { id: true } });
  if (!account)
    return { ok: false, errors: { "ups.refresh": "Connect UPS first: save a client ID and secret" } };
  const latest = await latestUpsRefresh(db, shop, url);
  if (latest?.running)
    return { ok: false, errors: { "ups.refresh": "A refresh from UPS is already running" } };
  await enqueueUpsRefresh(db, shop, { reason: "admin", key: `admin:${now.toISOString()}` });
  pokeJobRunner();
  return { ok: true, message: "Refresh from UPS started" };
}

/** What the UPS card shows: the connection (no secret), the areas a refresh would search, the latest job. */
export async function upsLocatorSection(db: PrismaClient, shop: string, now: Date) {
  const account = await upsLocatorAccountView(db, shop);
  const [areas, refresh] = await Promise.all([
    upsSearchAreas(db, shop, account, now),
    latestUpsRefresh(db, shop),
  ]);
  return { account, areas, refresh };
}
